import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  JuryInvitationCreateSchema,
  JuryInvitationsQuerySchema,
  JurorsQuerySchema,
  type JuryAcceptResult,
  type JuryInvitation,
  type JuryInvitationCreate,
  type JuryInvitationCreated,
  type JuryInvitationPreview,
  type Juror,
  type Language,
  type JuryInvitationsQuery,
  type JurorsQuery,
  type Page,
} from '@ca/shared';
import { OrganizerOnly, Public, SignedIn } from '../../common/auth/access.decorator';
import { CurrentUser, OptionalUser, type AuthUser } from '../../common/auth/current-user';
import { RequestLanguage } from '../../common/i18n/request-language';
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
    @ZodQuery(JuryInvitationsQuerySchema) q: JuryInvitationsQuery,
  ): Promise<Page<JuryInvitation>> {
    return this.jury.invitations(editionId, q);
  }

  /** A new token, mailed again; the old link stops at once. 409 NOT_PENDING once accepted or revoked. */
  @OrganizerOnly()
  @Post('editions/:id/jury/invitations/:invitationId/resend')
  @HttpCode(200)
  resend(
    @UuidParam('id') editionId: string,
    @UuidParam('invitationId') invitationId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<JuryInvitationCreated> {
    return this.jury.resend(editionId, invitationId, user);
  }

  /** The link stops working; the invitation stays in the list as `revoked`. */
  @OrganizerOnly()
  @Post('editions/:id/jury/invitations/:invitationId/revoke')
  @HttpCode(200)
  revoke(
    @UuidParam('id') editionId: string,
    @UuidParam('invitationId') invitationId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<JuryInvitation> {
    return this.jury.revoke(editionId, invitationId, user);
  }

  /** The invitation behind a link (its edition, state, whether the caller may accept); 410 INVALID_TOKEN when unknown. */
  @Public()
  @Get('jury/invitations/:token')
  preview(
    @Param('token') token: string,
    @OptionalUser() user: AuthUser | null,
    @RequestLanguage() lang: Language,
  ): Promise<JuryInvitationPreview> {
    return this.jury.preview(token, user, lang);
  }

  @OrganizerOnly()
  @Get('editions/:id/jurors')
  jurors(
    @UuidParam('id') editionId: string,
    @ZodQuery(JurorsQuerySchema) q: JurorsQuery,
  ): Promise<Page<Juror>> {
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
