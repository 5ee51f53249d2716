import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { JuryController } from './jury.controller';
import { JuryService } from './jury.service';

@Module({
  imports: [EditionsModule, MailModule, UsersModule],
  controllers: [JuryController],
  providers: [JuryService],
  exports: [JuryService],
})
export class JuryModule {}
