import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OutboxQuerySchema, type OutboxMail, type OutboxQuery, type Page } from '@ca/shared';
import { OrganizerOnly } from '../../common/auth/access.decorator';
import { ZodQuery } from '../../common/validation/zod';
import { MailService } from './mail.service';

@ApiTags('mail')
@Controller('mail')
export class MailController {
  constructor(private readonly mail: MailService) {}

  /** Mail kept because no SMTP server took it (jury invitations to pass on by hand; never reset links). */
  @OrganizerOnly()
  @Get('outbox')
  outbox(@ZodQuery(OutboxQuerySchema) q: OutboxQuery): Promise<Page<OutboxMail>> {
    return this.mail.outbox(q);
  }
}
