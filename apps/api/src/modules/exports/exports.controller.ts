import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { OrganizerOnly } from '../../common/auth/access.decorator';
import { UuidParam } from '../../common/validation/zod';
import { ExportsService } from './exports.service';

@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /** A CSV file (UTF-8 with BOM, RFC 4180), streamed; 404 `NOT_FOUND` for an unknown kind. */
  @OrganizerOnly()
  @ApiProduces('text/csv')
  @Get('editions/:id/exports/:kind.csv')
  async download(
    @UuidParam('id') editionId: string,
    @Param('kind') kind: string,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const file = await this.exports.open(editionId, kind);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .send(file.stream);
  }
}
