import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EditionsModule } from '../editions/editions.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../users/users.module';
import { AccountDeletionService } from './account-deletion.service';
import { PersonalDataService } from './personal-data.service';
import { PrivacyController, RetentionController } from './privacy.controller';
import { RetentionPurgeService } from './retention-purge.service';

/**
 * Personal data (issue 13): a person's download of everything about them, account deletion, the
 * language and notifications of their mail, and the purge of a past edition's personal data.
 */
@Module({
  imports: [AuthModule, UsersModule, TeamsModule, EditionsModule, RegistrationsModule],
  controllers: [PrivacyController, RetentionController],
  providers: [PersonalDataService, AccountDeletionService, RetentionPurgeService],
})
export class PrivacyModule {}
