import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  JuryInvitationCreateSchema,
  PageQuerySchema,
  type JuryAcceptResult,
  type JuryInvitation,
  type JuryInvitationCreate,
  type JuryInvitationCreated,
  type Juror,
  type Page,
  type PageQuery,
} from '@ca/shared';
import { OrganizerOnly, SignedIn } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { UuidParam, ZodBody, ZodQuery } from '../../common/validation/zod';
import { JuryService } from './jury.service';

@ApiTags('jury')
@Controller()
export class JuryController {
  constructor(private readonly jury: JuryService) {}

  /** 201 `{ token, delivery }`; the link is also mailed (or kept in the outbox). */
  @OrganizerOnly()
  @Post('editions/:id/jury/invitations')
  invite(
    @UuidParam('id') editionId: string,
    @ZodBody(JuryInvitationCreateSchema) body: JuryInvitationCreate,
    @CurrentUser() user: AuthUser,
  ): Promise<JuryInvitationCreated> {
    return this.jury.invite(editionId, body, user);
  }

  @OrganizerOnly()
  @Get('editions/:id/jury/invitations')
  invitations(
    @UuidParam('id') editionId: string,
    @ZodQuery(PageQuerySchema) q: PageQuery,
  ): Promise<Page<JuryInvitation>> {
    return this.jury.invitations(editionId, q);
  }

  @OrganizerOnly()
  @Get('editions/:id/jurors')
  jurors(@UuidParam('id') editionId: string, @ZodQuery(PageQuerySchema) q: PageQuery): Promise<Page<Juror>> {
    return this.jury.jurors(editionId, q);
  }

  /** 200 `{ editionId, roles }`; 410 INVALID_TOKEN for an unknown, expired or someone else's token. */
  @SignedIn()
  @Post('jury/invitations/:token/accept')
  @HttpCode(200)
  accept(@Param('token') token: string, @CurrentUser() user: AuthUser): Promise<JuryAcceptResult> {
    return this.jury.accept(token, user);
  }
}
