import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  JoinRequestCreateSchema,
  JoinRequestsQuerySchema,
  TeamInvitationCreateSchema,
  type JoinRequest,
  type JoinRequestAccepted,
  type JoinRequestCreate,
  type JoinRequestsQuery,
  type Page,
  type TeamInvitationCreate,
} from '@ca/shared';
import { EditionRoles, SignedIn } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { UuidParam, ZodBody, ZodQuery } from '../../common/validation/zod';
import { JoinRequestsService } from './join-requests.service';

@ApiTags('teams')
@Controller()
export class JoinRequestsController {
  constructor(private readonly requests: JoinRequestsService) {}

  /** A registered participant without a team asks to join: `{ message }` (≤ 500 characters). */
  @SignedIn()
  @Post('teams/:id/join-requests')
  request(
    @UuidParam('id') teamId: string,
    @ZodBody(JoinRequestCreateSchema) body: JoinRequestCreate,
    @CurrentUser() user: AuthUser,
  ): Promise<JoinRequest> {
    return this.requests.request(teamId, user, body);
  }

  /** The captain invites a participant looking for a team: `{ userId, message }`. */
  @SignedIn()
  @Post('teams/:id/invitations')
  invite(
    @UuidParam('id') teamId: string,
    @ZodBody(TeamInvitationCreateSchema) body: TeamInvitationCreate,
    @CurrentUser() user: AuthUser,
  ): Promise<JoinRequest> {
    return this.requests.invite(teamId, user, body);
  }

  /** The caller's side: their team's requests and invitations, or their own (`?direction=&status=`). */
  @EditionRoles(['participant'])
  @Get('editions/:id/join-requests')
  list(
    @UuidParam('id') editionId: string,
    @ZodQuery(JoinRequestsQuerySchema) q: JoinRequestsQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<JoinRequest>> {
    return this.requests.list(editionId, user, q);
  }

  /** The receiving side: the captain accepts a request, the invited person an invitation. */
  @SignedIn()
  @Post('join-requests/:id/accept')
  @HttpCode(200)
  accept(@UuidParam('id') id: string, @CurrentUser() user: AuthUser): Promise<JoinRequestAccepted> {
    return this.requests.accept(id, user);
  }

  @SignedIn()
  @Post('join-requests/:id/decline')
  @HttpCode(200)
  decline(@UuidParam('id') id: string, @CurrentUser() user: AuthUser): Promise<JoinRequest> {
    return this.requests.decline(id, user);
  }

  /** The sender takes it back. */
  @SignedIn()
  @Post('join-requests/:id/withdraw')
  @HttpCode(200)
  withdraw(@UuidParam('id') id: string, @CurrentUser() user: AuthUser): Promise<JoinRequest> {
    return this.requests.withdraw(id, user);
  }
}
