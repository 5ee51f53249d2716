import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { JudgingCoreModule } from '../judging/judging-core.module';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../users/users.module';
import { GalleryController } from './gallery.controller';
import { GalleryService } from './gallery.service';
import { SubmissionChecklistService } from './submission-checklist';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsOrganizerService } from './submissions-organizer.service';
import { SubmissionsService } from './submissions.service';

/** Project submissions (drafts, versions, deadlines, extensions, disqualification) and the gallery. */
@Module({
  imports: [EditionsModule, TeamsModule, UsersModule, JudgingCoreModule],
  controllers: [SubmissionsController, GalleryController],
  providers: [SubmissionsService, SubmissionsOrganizerService, GalleryService, SubmissionChecklistService],
  exports: [SubmissionsService],
})
export class SubmissionsModule {}
