import { Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  InviteCodeSchema,
  TeamCreateSchema,
  TeamJoinSchema,
  TeamPatchSchema,
  TeamsQuerySchema,
  type Page,
  type Team,
  type TeamCreate,
  type TeamJoin,
  type TeamPatch,
  type TeamsQuery,
} from '@ca/shared';
import { EditionRoles, Public, SignedIn } from '../../common/auth/access.decorator';
import { CurrentUser, OptionalUser, type AuthUser } from '../../common/auth/current-user';
import { DomainError } from '../../common/errors/domain-error';
import { UuidParam, ZodBody, ZodQuery } from '../../common/validation/zod';
import { TeamMembershipService } from './team-membership.service';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller()
export class TeamsController {
  constructor(
    private readonly teams: TeamsService,
    private readonly membership: TeamMembershipService,
  ) {}

  /** Teams of an edition (team-finder: `?trackId=&hasFreePlaces=true`); organizers also see contacts. */
  @Public()
  @Get('editions/:id/teams')
  list(
    @UuidParam('id') editionId: string,
    @ZodQuery(TeamsQuerySchema) q: TeamsQuery,
    @OptionalUser() user: AuthUser | null,
  ): Promise<Page<Team>> {
    return this.teams.list(editionId, user, q);
  }

  /** Creates a team in a track; the caller becomes its captain. */
  @EditionRoles(['participant'])
  @Post('editions/:id/teams')
  create(
    @UuidParam('id') editionId: string,
    @ZodBody(TeamCreateSchema) body: TeamCreate,
    @CurrentUser() user: AuthUser,
  ): Promise<Team> {
    return this.membership.create(editionId, user, body);
  }

  /** The caller's team in the edition: 200 with `null` when they have none (any signed-in user). */
  @SignedIn()
  @Get('editions/:id/teams/me')
  mine(@UuidParam('id') editionId: string, @CurrentUser() user: AuthUser): Promise<Team | null> {
    return this.teams.mine(editionId, user);
  }

  @SignedIn()
  @Post('teams/join')
  @HttpCode(200)
  join(@ZodBody(TeamJoinSchema) body: TeamJoin, @CurrentUser() user: AuthUser): Promise<Team> {
    return this.membership.join(user, body.inviteCode);
  }

  /** The team behind an invite link, shown before joining it. */
  @SignedIn()
  @Get('teams/invite/:code')
  byInviteCode(@Param('code') code: string, @CurrentUser() user: AuthUser): Promise<Team> {
    const parsed = InviteCodeSchema.safeParse(code);
    if (!parsed.success) throw new DomainError('NOT_FOUND', 'inviteCode: no team has this invite code');
    return this.teams.viewByInviteCode(parsed.data, user);
  }

  /** Anyone reads the public part; members and organizers also get the invite code. */
  @Public()
  @Get('teams/:id')
  get(@UuidParam('id') id: string, @OptionalUser() user: AuthUser | null): Promise<Team> {
    return this.teams.view(id, user);
  }

  /** Captain: `{ name?, trackId?, captainId? }`. */
  @SignedIn()
  @Patch('teams/:id')
  update(
    @UuidParam('id') id: string,
    @ZodBody(TeamPatchSchema) body: TeamPatch,
    @CurrentUser() user: AuthUser,
  ): Promise<Team> {
    return this.membership.update(id, user, body);
  }

  /** Member: leave (the last member leaving deletes the team). */
  @SignedIn()
  @Post('teams/:id/leave')
  @HttpCode(200)
  leave(@UuidParam('id') id: string, @CurrentUser() user: AuthUser): Promise<{ teamDeleted: boolean }> {
    return this.membership.leave(id, user);
  }

  /** Captain: a new invite code (the old one stops working). */
  @SignedIn()
  @Post('teams/:id/invite-code')
  @HttpCode(200)
  regenerateInviteCode(@UuidParam('id') id: string, @CurrentUser() user: AuthUser): Promise<Team> {
    return this.membership.regenerateInviteCode(id, user);
  }
}
