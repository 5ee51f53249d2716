import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { JudgingModule } from '../judging/judging.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { TeamsModule } from '../teams/teams.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

/** The organizers' dashboard: figures read through the registrations, teams, submissions and judging modules. */
@Module({
  imports: [EditionsModule, RegistrationsModule, TeamsModule, SubmissionsModule, JudgingModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
