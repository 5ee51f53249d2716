import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { RankingCoreModule } from '../ranking/ranking-core.module';
import { SubmissionRecordsModule } from '../submissions/submission-records.module';
import { TeamMembershipService } from './team-membership.service';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

@Module({
  imports: [EditionsModule, RegistrationsModule, SubmissionRecordsModule, RankingCoreModule],
  controllers: [TeamsController],
  providers: [TeamsService, TeamMembershipService],
  exports: [TeamsService, TeamMembershipService],
})
export class TeamsModule {}
