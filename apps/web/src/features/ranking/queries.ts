import type { LeaderboardExplanation, TeamResult } from '@ca/shared';
import { queryOptions } from '@tanstack/react-query';
import { http } from '../../lib/http';

/** Query keys of the ranking feature (TkDodo's key factory). */
export const rankingKeys = {
  all: ['ranking'] as const,
  explanations: (editionId: string) => [...rankingKeys.all, 'explain', editionId] as const,
  explanation: (editionId: string, trackId: string | null) =>
    [...rankingKeys.explanations(editionId), trackId ?? 'all'] as const,
  teamResult: (teamId: string) => [...rankingKeys.all, 'team-result', teamId] as const,
};

/** Without a socket, the explanation still catches up this often while the section is open. */
export const EXPLAIN_REFRESH_MS = 60_000;

export const rankingQueries = {
  /**
   * Organizers: the live board of the edition (`trackId` null) or of a track, each project with its
   * criterion means, juror sheets and z-scores, spread and the reason for its rank.
   */
  explanation: (editionId: string, trackId: string | null) =>
    queryOptions({
      queryKey: rankingKeys.explanation(editionId, trackId),
      queryFn: ({ signal }) =>
        http.get<LeaderboardExplanation>(
          `/editions/${editionId}/leaderboard/explain${trackId ? `?trackId=${encodeURIComponent(trackId)}` : ''}`,
          { signal },
        ),
      refetchInterval: EXPLAIN_REFRESH_MS,
      refetchOnWindowFocus: true,
    }),
  /**
   * The team's own result. The API answers 409 PHASE_CLOSED before publication, so the page asks
   * only once the edition says the results are out.
   */
  teamResult: (teamId: string) =>
    queryOptions({
      queryKey: rankingKeys.teamResult(teamId),
      queryFn: ({ signal }) => http.get<TeamResult>(`/teams/${teamId}/result`, { signal }),
    }),
};
