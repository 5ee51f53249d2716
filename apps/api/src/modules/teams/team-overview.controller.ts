import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TeamOverviewQuerySchema, type Page, type TeamOverview, type TeamOverviewQuery } from '@ca/shared';
import { OrganizerOnly } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { UuidParam, ZodQuery } from '../../common/validation/zod';
import { TeamOverviewService } from './team-overview.service';

@ApiTags('teams')
@Controller()
export class TeamOverviewController {
  constructor(private readonly overview: TeamOverviewService) {}

  /** Organizers: every team with its project's state (`?project=none|draft|submitted&trackId=&q=&hasFreePlaces=`). */
  @OrganizerOnly()
  @Get('editions/:id/teams/projects')
  list(
    @UuidParam('id') editionId: string,
    @ZodQuery(TeamOverviewQuerySchema) q: TeamOverviewQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<TeamOverview>> {
    return this.overview.list(editionId, user, q);
  }
}
