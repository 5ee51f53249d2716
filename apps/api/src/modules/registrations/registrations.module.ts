import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { LiveModule } from '../live/live.module';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [EditionsModule, LiveModule],
  controllers: [RegistrationsController],
  providers: [RegistrationsService],
  exports: [RegistrationsService],
})
export class RegistrationsModule {}
