import { Injectable } from '@nestjs/common';
import type { Language, TeamResult } from '@ca/shared';
import type { AuthUser } from '../../common/auth/current-user';
import { DomainError, forbidden } from '../../common/errors/domain-error';
import { EditionsService } from '../editions/editions.service';
import { JudgingReadService } from '../judging/judging-read.service';
import { TeamsService } from '../teams/teams.service';
import { RankingStore } from './ranking-store';
import { standings } from './ranking.service';

/**
 * A team's own result (rule 8), for its members and organizers once the results are published:
 * its ranks on its track's board and the whole edition's, its criterion means and, where the
 * edition shares them, the comments of the sheets that count, without the jurors' names.
 */
@Injectable()
export class TeamResultService {
  constructor(
    private readonly store: RankingStore,
    private readonly teams: TeamsService,
    private readonly editions: EditionsService,
    private readonly judging: JudgingReadService,
  ) {}

  /** Criteria named in `lang` (the request's language). */
  async result(teamId: string, user: AuthUser, lang: Language = 'en'): Promise<TeamResult> {
    const team = await this.teams.get(teamId); // 404 for an unknown team
    if (!user.isOrganizer && !(await this.teams.isMember(teamId, user.id)))
      throw forbidden("Only the team's members and organizers may see its result");
    const state = await this.store.current(team.editionId);
    if (this.store.mode(state) !== 'published')
      throw new DomainError('PHASE_CLOSED', 'Results are not published yet');
    const edition = await this.editions.get(team.editionId, { includeDrafts: true, lang });
    const entry = [...state.entries.values()].find((e) => e.teamId === teamId) ?? null;
    const standing = entry && !entry.disqualified ? standings(state).get(entry.submissionId) : undefined;
    const row = standing
      ? state.ranking.board(null).find((r) => r.submissionId === entry!.submissionId)
      : undefined;
    const status: TeamResult['status'] = !entry
      ? 'not_submitted'
      : entry.disqualified
        ? 'disqualified'
        : standing?.overallRank != null
          ? 'ranked'
          : 'unranked';
    const counted = status === 'ranked' || status === 'unranked';
    const shared = state.settings.shareJurorComments;
    const ranked = (trackId: string | null) =>
      state.ranking.board(trackId).filter((r) => r.rank !== null).length;
    return {
      teamId,
      editionId: team.editionId,
      trackId: entry?.trackId ?? team.trackId,
      submissionId: entry?.submissionId ?? null,
      title: entry?.title ?? null,
      status,
      rank: standing?.rank ?? null,
      overallRank: standing?.overallRank ?? null,
      rankedInTrack: ranked(entry?.trackId ?? team.trackId),
      rankedOverall: ranked(null),
      score: standing?.score ?? null,
      normalized: standing?.normalized ?? null,
      sheets: row?.sheets ?? 0,
      criteria: edition.criteria.map((c) => ({
        criterionId: c.id,
        name: c.name,
        weight: c.weight,
        min: c.min,
        max: c.max,
        mean: row?.criteria?.[c.id] ?? null,
      })),
      commentsShared: shared,
      comments: shared ? (counted ? await this.judging.countingComments(entry!.submissionId) : []) : null,
    };
  }
}
