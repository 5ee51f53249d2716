import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { LiveModule } from '../live/live.module';
import { MailModule } from '../mail/mail.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { RankingCoreModule } from '../ranking/ranking-core.module';
import { SubmissionRecordsModule } from '../submissions/submission-records.module';
import { JoinRequestsController } from './join-requests.controller';
import { JoinRequestsService } from './join-requests.service';
import { TeamMembershipService } from './team-membership.service';
import { TeamOverviewController } from './team-overview.controller';
import { TeamOverviewService } from './team-overview.service';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

@Module({
  imports: [
    EditionsModule,
    RegistrationsModule,
    SubmissionRecordsModule,
    RankingCoreModule,
    MailModule,
    LiveModule,
  ],
  controllers: [TeamsController, JoinRequestsController, TeamOverviewController],
  providers: [TeamsService, TeamMembershipService, JoinRequestsService, TeamOverviewService],
  exports: [TeamsService, TeamMembershipService, JoinRequestsService],
})
export class TeamsModule {}
