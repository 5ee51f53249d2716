import type { JoinRequest, Page, Team } from '@ca/shared';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { http } from '../../lib/http';

export interface TeamFilters {
  trackId: string | null;
  hasFreePlaces: boolean;
}

/** Query keys of the teams feature (TkDodo's key factory). */
export const teamKeys = {
  all: ['teams'] as const,
  mine: (editionId: string) => [...teamKeys.all, 'mine', editionId] as const,
  lists: (editionId: string) => [...teamKeys.all, 'list', editionId] as const,
  list: (editionId: string, filters: TeamFilters) => [...teamKeys.lists(editionId), filters] as const,
  invite: (code: string) => [...teamKeys.all, 'invite', code] as const,
  /** The caller's pending join requests and invitations in the edition (either side). */
  joinRequests: (editionId: string) => [...teamKeys.all, 'join-requests', editionId] as const,
};

const PAGE_SIZE = 50;

export const teamQueries = {
  /**
   * The caller's team in the edition, `null` when they have none. Nothing pushes membership
   * changes, so the page asks again now and then (a new member joining by the link).
   */
  mine: (editionId: string) =>
    queryOptions({
      queryKey: teamKeys.mine(editionId),
      // 200 `null` without a team: an expected state, not an error the browser would log.
      queryFn: ({ signal }) => http.get<Team | null>(`/editions/${editionId}/teams/me`, { signal }),
      refetchInterval: 20_000,
    }),
  /**
   * The caller's pending requests and invitations: in a team, the team's (people asking to join,
   * the team's invitations); without one, the caller's own. Nothing pushes them, so the page asks
   * again now and then, like the team itself.
   */
  joinRequests: (editionId: string) =>
    queryOptions({
      queryKey: teamKeys.joinRequests(editionId),
      queryFn: ({ signal }) =>
        http.get<Page<JoinRequest>>(`/editions/${editionId}/join-requests?limit=200`, { signal }),
      refetchInterval: 20_000,
    }),
  /** The team behind an invite link, shown before joining it. */
  byInvite: (code: string) =>
    queryOptions({
      queryKey: teamKeys.invite(code),
      queryFn: ({ signal }) => http.get<Team>(`/teams/invite/${encodeURIComponent(code)}`, { signal }),
    }),
  /** The team-finder's teams, page by page. */
  list: (editionId: string, filters: TeamFilters) =>
    infiniteQueryOptions({
      queryKey: teamKeys.list(editionId, filters),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last: Page<Team>) => last.nextCursor ?? undefined,
      queryFn: ({ signal, pageParam }) => {
        const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
        if (filters.hasFreePlaces) q.set('hasFreePlaces', 'true');
        if (filters.trackId) q.set('trackId', filters.trackId);
        if (pageParam) q.set('cursor', pageParam);
        return http.get<Page<Team>>(`/editions/${editionId}/teams?${q}`, { signal });
      },
    }),
};

/** The invite link as people share it: this app's origin and the team's code. */
export const inviteLink = (inviteCode: string, origin = window.location.origin) =>
  `${origin}/join/${inviteCode}`;
