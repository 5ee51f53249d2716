import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AnnouncementCreateSchema,
  AnnouncementPatchSchema,
  PageQuerySchema,
  type Announcement,
  type AnnouncementCreate,
  type AnnouncementPatch,
  type Page,
  type PageQuery,
} from '@ca/shared';
import { OrganizerOnly, Public } from '../../common/auth/access.decorator';
import { CurrentUser, OptionalUser, type AuthUser } from '../../common/auth/current-user';
import { UuidParam, ZodBody, ZodQuery } from '../../common/validation/zod';
import { AnnouncementsService } from './announcements.service';

@ApiTags('announcements')
@Controller()
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @OrganizerOnly()
  @Post('editions/:id/announcements')
  create(
    @UuidParam('id') editionId: string,
    @ZodBody(AnnouncementCreateSchema) body: AnnouncementCreate,
    @CurrentUser() user: AuthUser,
  ): Promise<Announcement> {
    return this.announcements.create(editionId, body, user.id);
  }

  /** Newest first, `{ items, nextCursor }`. */
  @Public()
  @Get('editions/:id/announcements')
  list(
    @UuidParam('id') editionId: string,
    @ZodQuery(PageQuerySchema) q: PageQuery,
    @OptionalUser() user: AuthUser | null,
  ): Promise<Page<Announcement>> {
    return this.announcements.list(editionId, q, { includeDrafts: user?.isOrganizer ?? false });
  }

  @OrganizerOnly()
  @Patch('announcements/:id')
  update(
    @UuidParam('id') id: string,
    @ZodBody(AnnouncementPatchSchema) body: AnnouncementPatch,
    @CurrentUser() user: AuthUser,
  ): Promise<Announcement> {
    return this.announcements.update(id, body, user.id);
  }

  @OrganizerOnly()
  @Delete('announcements/:id')
  @HttpCode(204)
  async remove(@UuidParam('id') id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.announcements.remove(id, user.id);
  }
}
