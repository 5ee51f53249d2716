import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorator';
import type { Edition } from '@ca/shared';
import { EditionsService } from './editions.service';

@ApiTags('editions')
@Public()
@Controller('editions')
export class EditionsController {
  constructor(private readonly editions: EditionsService) {}

  @Get()
  async list(): Promise<{ items: Edition[]; nextCursor: null }> {
    return { items: await this.editions.list({ includeDrafts: false }), nextCursor: null };
  }

  /** `:id` may also be the edition's slug, for readable links in the web app. */
  @Get(':id')
  get(@Param('id') idOrSlug: string): Promise<Edition> {
    return this.editions.get(idOrSlug, { includeDrafts: false });
  }
}
