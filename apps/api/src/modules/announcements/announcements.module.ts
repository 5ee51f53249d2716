import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EditionsModule } from '../editions/editions.module';
import { LiveModule } from '../live/live.module';
import { AnnouncementsController } from './announcements.controller';
import { AnnouncementsService } from './announcements.service';

@Module({
  imports: [EditionsModule, AuditModule, LiveModule],
  controllers: [AnnouncementsController],
  providers: [AnnouncementsService],
  exports: [AnnouncementsService],
})
export class AnnouncementsModule {}
