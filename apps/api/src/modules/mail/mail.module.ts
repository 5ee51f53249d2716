import { Module } from '@nestjs/common';
import { MailController } from './mail.controller';
import { MailService } from './mail.service';
import { NotificationScanner } from './notification-scanner';
import { NotificationsService } from './notifications.service';

@Module({
  controllers: [MailController],
  providers: [MailService, NotificationsService, NotificationScanner],
  exports: [MailService, NotificationsService],
})
export class MailModule {}
