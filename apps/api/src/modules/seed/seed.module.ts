import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { JudgingModule } from '../judging/judging.module';
import { JuryModule } from '../jury/jury.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../users/users.module';
import { DemoJudgingServices, SeedService } from './seed.service';

@Module({
  imports: [
    EditionsModule,
    UsersModule,
    RegistrationsModule,
    TeamsModule,
    JuryModule,
    SubmissionsModule,
    JudgingModule,
  ],
  providers: [SeedService, DemoJudgingServices],
  exports: [SeedService],
})
export class SeedModule {}
