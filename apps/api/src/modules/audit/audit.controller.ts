import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQuerySchema, type AuditEntry, type Page, type PageQuery } from '@ca/shared';
import { OrganizerOnly } from '../../common/auth/access.decorator';
import { UuidParam, ZodQuery } from '../../common/validation/zod';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @OrganizerOnly()
  @Get('editions/:id/audit')
  list(
    @UuidParam('id') editionId: string,
    @ZodQuery(PageQuerySchema) q: PageQuery,
  ): Promise<Page<AuditEntry>> {
    return this.audit.list(editionId, q);
  }
}
