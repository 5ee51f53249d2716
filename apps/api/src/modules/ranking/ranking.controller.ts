import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ExplainQuerySchema,
  LeaderboardQuerySchema,
  type ExplainQuery,
  type Leaderboard,
  type LeaderboardExplanation,
  type LeaderboardQuery,
  type Language,
  type TeamResult,
} from '@ca/shared';
import { OrganizerOnly, Public, SignedIn } from '../../common/auth/access.decorator';
import { CurrentUser, OptionalUser, type AuthUser } from '../../common/auth/current-user';
import { RequestLanguage } from '../../common/i18n/request-language';
import { UuidParam, ZodQuery } from '../../common/validation/zod';
import { ExplainService } from './explain.service';
import { RankingService } from './ranking.service';
import { TeamResultService } from './team-result.service';

@ApiTags('leaderboard')
@Controller()
export class RankingController {
  constructor(
    private readonly ranking: RankingService,
    private readonly explanations: ExplainService,
    private readonly results: TeamResultService,
  ) {}

  /** Anyone; what the viewer sees follows the edition's visibility, freeze and publication (rule 7). */
  @Public()
  @Get('editions/:id/leaderboard')
  leaderboard(
    @UuidParam('id') editionId: string,
    @ZodQuery(LeaderboardQuerySchema) q: LeaderboardQuery,
    @OptionalUser() user: AuthUser | null,
  ): Promise<Leaderboard> {
    return this.ranking.leaderboard(editionId, q.trackId ?? null, { isOrganizer: !!user?.isOrganizer });
  }

  /** Organizers: the live board with each rank's reasons. */
  @OrganizerOnly()
  @Get('editions/:id/leaderboard/explain')
  explain(
    @UuidParam('id') editionId: string,
    @ZodQuery(ExplainQuerySchema) q: ExplainQuery,
    @RequestLanguage() lang: Language,
  ): Promise<LeaderboardExplanation> {
    return this.explanations.explain(editionId, q.trackId ?? null, q.submissionId ?? null, lang);
  }

  /** The team's members and organizers, once results are published (409 PHASE_CLOSED before). */
  @SignedIn()
  @Get('teams/:id/result')
  result(
    @UuidParam('id') teamId: string,
    @CurrentUser() user: AuthUser,
    @RequestLanguage() lang: Language,
  ): Promise<TeamResult> {
    return this.results.result(teamId, user, lang);
  }
}
