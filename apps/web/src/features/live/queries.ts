import type { Announcement, Award, Leaderboard, Page, RevealStep } from '@ca/shared';
import { queryOptions } from '@tanstack/react-query';
import { http } from '../../lib/http';

/** Query keys of the live feature (TkDodo's key factory). */
export const liveKeys = {
  all: ['live'] as const,
  leaderboards: () => [...liveKeys.all, 'leaderboard'] as const,
  leaderboard: (editionId: string, trackId: string | null) =>
    [...liveKeys.leaderboards(), editionId, trackId ?? 'all'] as const,
  announcements: (editionId: string) => [...liveKeys.all, 'announcements', editionId] as const,
  awards: (editionId: string) => [...liveKeys.all, 'awards', editionId] as const,
  reveal: (editionId: string) => [...liveKeys.all, 'reveal', editionId] as const,
  coverage: (editionId: string) => [...liveKeys.all, 'coverage', editionId] as const,
};

export const liveQueries = {
  /**
   * A board as this viewer may see it. The socket subscription (useLiveLeaderboard) keeps it
   * current with `setQueryData`; this fetch is the first paint and the fallback without a socket.
   */
  leaderboard: (editionId: string, trackId: string | null) =>
    queryOptions({
      queryKey: liveKeys.leaderboard(editionId, trackId),
      queryFn: ({ signal }) =>
        http.get<Leaderboard>(
          `/editions/${editionId}/leaderboard${trackId ? `?trackId=${encodeURIComponent(trackId)}` : ''}`,
          { signal },
        ),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  announcements: (editionId: string, limit = 20) =>
    queryOptions({
      queryKey: [...liveKeys.announcements(editionId), limit],
      queryFn: ({ signal }) =>
        http.get<Page<Announcement>>(`/editions/${editionId}/announcements?limit=${limit}`, { signal }),
    }),
  awards: (editionId: string) =>
    queryOptions({
      queryKey: liveKeys.awards(editionId),
      queryFn: ({ signal }) => http.get<Award[]>(`/editions/${editionId}/awards`, { signal }),
    }),
};

export type { RevealStep };
