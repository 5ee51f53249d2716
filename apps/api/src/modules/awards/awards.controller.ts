import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AwardsPutSchema, type Award, type AwardsPut } from '@ca/shared';
import { OrganizerOnly } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { UuidParam, ZodBody } from '../../common/validation/zod';
import { AwardsService } from './awards.service';

@ApiTags('awards')
@Controller()
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  /** The awards being prepared, with their winners as they stand now (organizers). */
  @OrganizerOnly()
  @Get('editions/:id/awards')
  list(@UuidParam('id') editionId: string): Promise<Award[]> {
    return this.awards.list(editionId);
  }

  /** Replaces the whole list, in show order. */
  @OrganizerOnly()
  @Put('editions/:id/awards')
  put(
    @UuidParam('id') editionId: string,
    @ZodBody(AwardsPutSchema) body: AwardsPut,
    @CurrentUser() user: AuthUser,
  ): Promise<Award[]> {
    return this.awards.put(editionId, body, user.id);
  }
}
