import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { EditionsModule } from '../editions/editions.module';
import { JudgingCoreModule } from '../judging/judging-core.module';
import { LiveModule } from '../live/live.module';
import { RankingCoreModule } from '../ranking/ranking-core.module';
import { RankingModule } from '../ranking/ranking.module';
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
  imports: [
    AwardsModule,
    EditionsModule,
    TeamsModule,
    UsersModule,
    JudgingCoreModule,
    LiveModule,
    RankingCoreModule,
    RankingModule,
  ],
  controllers: [SubmissionsController, GalleryController],
  providers: [SubmissionsService, SubmissionsOrganizerService, GalleryService, SubmissionChecklistService],
  exports: [SubmissionsService, SubmissionsOrganizerService],
})
export class SubmissionsModule {}
