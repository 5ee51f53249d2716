import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { JuryModule } from '../jury/jury.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../users/users.module';
import { SeedService } from './seed.service';

@Module({
  imports: [EditionsModule, UsersModule, RegistrationsModule, TeamsModule, JuryModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}
