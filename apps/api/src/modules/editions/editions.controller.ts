import { Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CriteriaPutSchema,
  EditionCreateSchema,
  EditionPatchSchema,
  TrackCreateSchema,
  type CriteriaPut,
  type Criterion,
  type Edition,
  type EditionCreate,
  type EditionPatch,
  type Language,
  type Track,
  type TrackCreate,
} from '@ca/shared';
import { OrganizerOnly, Public } from '../../common/auth/access.decorator';
import { CurrentUser, OptionalUser, type AuthUser } from '../../common/auth/current-user';
import { RequestLanguage } from '../../common/i18n/request-language';
import { UuidParam, ZodBody } from '../../common/validation/zod';
import { EditionsService } from './editions.service';
import { TracksService } from './tracks.service';

@ApiTags('editions')
@Controller('editions')
export class EditionsController {
  constructor(
    private readonly editions: EditionsService,
    private readonly tracks: TracksService,
  ) {}

  /** Published editions; organizers also see drafts. */
  @Public()
  @Get()
  async list(
    @OptionalUser() user: AuthUser | null,
    @RequestLanguage() lang: Language,
  ): Promise<{ items: Edition[]; nextCursor: null }> {
    return {
      items: await this.editions.list({ includeDrafts: !!user?.isOrganizer, lang }),
      nextCursor: null,
    };
  }

  /** `:id` may also be the edition's slug, for readable links in the web app. */
  @Public()
  @Get(':id')
  get(
    @Param('id') idOrSlug: string,
    @OptionalUser() user: AuthUser | null,
    @RequestLanguage() lang: Language,
  ): Promise<Edition> {
    return this.editions.get(idOrSlug, { includeDrafts: !!user?.isOrganizer, lang });
  }

  @OrganizerOnly()
  @Post()
  create(
    @ZodBody(EditionCreateSchema) body: EditionCreate,
    @CurrentUser() user: AuthUser,
    @RequestLanguage() lang: Language,
  ): Promise<Edition> {
    return this.editions.create(body, user.id, lang);
  }

  /** Any subset of the writable fields; the merged result must still satisfy the timeline rules. */
  @OrganizerOnly()
  @Patch(':id')
  update(
    @UuidParam('id') id: string,
    @ZodBody(EditionPatchSchema) body: EditionPatch,
    @CurrentUser() user: AuthUser,
    @RequestLanguage() lang: Language,
  ): Promise<Edition> {
    return this.editions.update(id, body, user.id, lang);
  }

  @OrganizerOnly()
  @Post(':id/tracks')
  addTrack(
    @UuidParam('id') id: string,
    @ZodBody(TrackCreateSchema) body: TrackCreate,
    @CurrentUser() user: AuthUser,
    @RequestLanguage() lang: Language,
  ): Promise<Track> {
    return this.tracks.addTrack(id, body, user.id, lang);
  }

  /** Replaces the criteria list; answers the new list (`order` = position in the body). */
  @OrganizerOnly()
  @Put(':id/criteria')
  @HttpCode(200)
  putCriteria(
    @UuidParam('id') id: string,
    @ZodBody(CriteriaPutSchema) body: CriteriaPut,
    @CurrentUser() user: AuthUser,
    @RequestLanguage() lang: Language,
  ): Promise<Criterion[]> {
    return this.tracks.putCriteria(id, body, user.id, lang);
  }
}
