import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditQuerySchema, type AuditEntry, type AuditQuery, type Page } from '@ca/shared';
import { OrganizerOnly } from '../../common/auth/access.decorator';
import { UuidParam, ZodQuery } from '../../common/validation/zod';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The edition's log, newest first; `?actorId=&action=&entity=&from=&to=` filter it. */
  @OrganizerOnly()
  @Get('editions/:id/audit')
  list(
    @UuidParam('id') editionId: string,
    @ZodQuery(AuditQuerySchema) q: AuditQuery,
  ): Promise<Page<AuditEntry>> {
    return this.audit.list(editionId, q);
  }

  /** Entries without an edition (accounts disabled, organizers made), with the same filters. */
  @OrganizerOnly()
  @Get('audit')
  listGlobal(@ZodQuery(AuditQuerySchema) q: AuditQuery): Promise<Page<AuditEntry>> {
    return this.audit.list(null, q);
  }
}
