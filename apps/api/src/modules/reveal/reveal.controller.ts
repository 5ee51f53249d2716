import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RevealActionSchema, type RevealAction, type RevealStep } from '@ca/shared';
import { OrganizerOnly } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { UuidParam, ZodBody } from '../../common/validation/zod';
import { RevealService } from './reveal.service';

@ApiTags('reveal')
@Controller()
export class RevealController {
  constructor(private readonly reveal: RevealService) {}

  /** `{ action: 'start' | 'next' | 'reset', trackId? }` → the step every screen now shows. */
  @OrganizerOnly()
  @Post('editions/:id/reveal')
  @HttpCode(200)
  act(
    @UuidParam('id') editionId: string,
    @ZodBody(RevealActionSchema) body: RevealAction,
    @CurrentUser() user: AuthUser,
  ): Promise<RevealStep> {
    return this.reveal.act(editionId, body, user.id);
  }
}
