import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  GalleryQuerySchema,
  type GalleryItem,
  type GalleryProject,
  type GalleryQuery,
  type Language,
  type Page,
} from '@ca/shared';
import { Public } from '../../common/auth/access.decorator';
import { RequestLanguage } from '../../common/i18n/request-language';
import { UuidParam, ZodQuery } from '../../common/validation/zod';
import { GalleryService } from './gallery.service';

/** Anyone, once the edition's results are published (409 PHASE_CLOSED before). */
@ApiTags('gallery')
@Controller('editions/:id/gallery')
export class GalleryController {
  constructor(private readonly gallery: GalleryService) {}

  @Public()
  @Get()
  list(
    @UuidParam('id') editionId: string,
    @ZodQuery(GalleryQuerySchema) q: GalleryQuery,
    @RequestLanguage() lang: Language,
  ): Promise<Page<GalleryItem>> {
    return this.gallery.list(editionId, q, lang);
  }

  @Public()
  @Get(':submissionId')
  project(
    @UuidParam('id') editionId: string,
    @UuidParam('submissionId') submissionId: string,
    @RequestLanguage() lang: Language,
  ): Promise<GalleryProject> {
    return this.gallery.project(editionId, submissionId, lang);
  }
}
