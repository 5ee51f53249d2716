import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../users/users.module';
import { AccountDeletionService } from './account-deletion.service';
import { PersonalDataService } from './personal-data.service';
import { PrivacyController } from './privacy.controller';

/** Personal data (issue 13): a person's download of everything about them, and account deletion. */
@Module({
  imports: [AuthModule, UsersModule, TeamsModule],
  controllers: [PrivacyController],
  providers: [PersonalDataService, AccountDeletionService],
})
export class PrivacyModule {}
