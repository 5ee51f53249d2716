import type { Announcement, Award, Coverage, Leaderboard, Page, SubmissionListItem } from '@ca/shared';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { http } from '../../lib/http';

/** Query keys of the live feature (TkDodo's key factory). */
export const liveKeys = {
  all: ['live'] as const,
  leaderboards: () => [...liveKeys.all, 'leaderboard'] as const,
  leaderboard: (editionId: string, trackId: string | null) =>
    [...liveKeys.leaderboards(), editionId, trackId ?? 'all'] as const,
  announcements: (editionId: string) => [...liveKeys.all, 'announcements', editionId] as const,
  awards: (editionId: string) => [...liveKeys.all, 'awards', editionId] as const,
  coverage: (editionId: string) => [...liveKeys.all, 'coverage', editionId] as const,
  submitted: (editionId: string) => [...liveKeys.all, 'submitted', editionId] as const,
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
  /** Newest first, a page at a time ("show older"). */
  announcements: (editionId: string, limit = 10) =>
    infiniteQueryOptions({
      queryKey: [...liveKeys.announcements(editionId), limit],
      queryFn: ({ signal, pageParam }) =>
        http.get<Page<Announcement>>(
          `/editions/${editionId}/announcements?limit=${limit}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
          { signal },
        ),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  awards: (editionId: string) =>
    queryOptions({
      queryKey: liveKeys.awards(editionId),
      queryFn: ({ signal }) => http.get<Award[]>(`/editions/${editionId}/awards`, { signal }),
    }),
  coverage: (editionId: string) =>
    queryOptions({
      queryKey: liveKeys.coverage(editionId),
      queryFn: ({ signal }) => http.get<Coverage>(`/editions/${editionId}/coverage`, { signal }),
    }),
  /** Submitted projects (organizers), to pick a challenge's winner among those targeting it. */
  submitted: (editionId: string) =>
    queryOptions({
      queryKey: liveKeys.submitted(editionId),
      queryFn: ({ signal }) =>
        http.get<Page<SubmissionListItem>>(
          `/editions/${editionId}/submissions?status=submitted&disqualified=false&limit=500`,
          { signal },
        ),
    }),
};
