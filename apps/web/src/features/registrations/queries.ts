import type { Page, Participant, Registration } from '@ca/shared';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { http, isApiError } from '../../lib/http';

export interface ParticipantFilters {
  lookingForTeam: boolean;
  skill: string;
}

/** Query keys of the registrations feature (registrations and the team-finder's people). */
export const registrationKeys = {
  all: ['registrations'] as const,
  mine: (editionId: string) => [...registrationKeys.all, 'mine', editionId] as const,
  participantLists: (editionId: string) => [...registrationKeys.all, 'participants', editionId] as const,
  participants: (editionId: string, filters: ParticipantFilters) =>
    [...registrationKeys.participantLists(editionId), filters] as const,
};

const PAGE_SIZE = 50;

export const registrationQueries = {
  /** The caller's registration, `null` when there is none. */
  mine: (editionId: string) =>
    queryOptions({
      queryKey: registrationKeys.mine(editionId),
      queryFn: async ({ signal }): Promise<Registration | null> => {
        try {
          return await http.get<Registration>(`/editions/${editionId}/registrations/me`, { signal });
        } catch (err) {
          if (isApiError(err) && (err.status === 404 || err.status === 403)) return null;
          throw err;
        }
      },
    }),
  /** The team-finder's people, page by page (`?cursor=`). */
  participants: (editionId: string, filters: ParticipantFilters) =>
    infiniteQueryOptions({
      queryKey: registrationKeys.participants(editionId, filters),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last: Page<Participant>) => last.nextCursor ?? undefined,
      queryFn: ({ signal, pageParam }) => {
        const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
        if (filters.lookingForTeam) q.set('lookingForTeam', 'true');
        if (filters.skill.trim()) q.set('skill', filters.skill.trim());
        if (pageParam) q.set('cursor', pageParam);
        return http.get<Page<Participant>>(`/editions/${editionId}/participants?${q}`, { signal });
      },
    }),
};
