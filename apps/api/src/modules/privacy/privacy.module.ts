import { Module } from '@nestjs/common';
import { PersonalDataService } from './personal-data.service';
import { PrivacyController } from './privacy.controller';

/** Personal data (issue 13): a person's download of everything stored about them. */
@Module({ controllers: [PrivacyController], providers: [PersonalDataService] })
export class PrivacyModule {}
