import type { Page, Team, TeamCreate, TeamPatch } from '@ca/shared';
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { http, isApiError } from '../../lib/http';
import { registrationKeys } from '../registrations/queries';

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
      queryFn: async ({ signal }): Promise<Team | null> => {
        try {
          return await http.get<Team>(`/editions/${editionId}/teams/me`, { signal });
        } catch (err) {
          if (isApiError(err) && err.status === 404) return null;
          throw err;
        }
      },
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

const inPlace = { errorShownInPlace: true } as const;

/** After any change to the caller's team: the new team (or none) and fresh team-finder lists. */
function useTeamChanged() {
  const queryClient = useQueryClient();
  return (editionId: string, team: Team | null) => {
    queryClient.setQueryData(teamKeys.mine(editionId), team);
    void queryClient.invalidateQueries({ queryKey: teamKeys.lists(editionId) });
    void queryClient.invalidateQueries({ queryKey: registrationKeys.participantLists(editionId) });
  };
}

export function useCreateTeam(editionId: string) {
  const changed = useTeamChanged();
  return useMutation({
    meta: inPlace,
    mutationFn: (body: TeamCreate) => http.post<Team>(`/editions/${editionId}/teams`, body),
    onSuccess: (team) => changed(editionId, team),
  });
}

export function useJoinTeam() {
  const changed = useTeamChanged();
  return useMutation({
    meta: inPlace,
    mutationFn: (inviteCode: string) => http.post<Team>('/teams/join', { inviteCode }),
    onSuccess: (team) => changed(team.editionId, team),
  });
}

export function useUpdateTeam(team: Team) {
  const changed = useTeamChanged();
  return useMutation({
    meta: inPlace,
    mutationFn: (patch: TeamPatch) => http.patch<Team>(`/teams/${team.id}`, patch),
    onSuccess: (updated) => changed(team.editionId, updated),
  });
}

export function useRegenerateInviteCode(team: Team) {
  const changed = useTeamChanged();
  return useMutation({
    meta: inPlace,
    mutationFn: () => http.post<Team>(`/teams/${team.id}/invite-code`),
    onSuccess: (updated) => changed(team.editionId, updated),
  });
}

export function useLeaveTeam(team: Team) {
  const changed = useTeamChanged();
  return useMutation({
    meta: inPlace,
    mutationFn: () => http.post<{ teamDeleted: boolean }>(`/teams/${team.id}/leave`),
    onSuccess: () => changed(team.editionId, null),
  });
}

/** The invite link as people share it: this app's origin and the team's code. */
export const inviteLink = (inviteCode: string, origin = window.location.origin) =>
  `${origin}/join/${inviteCode}`;
