import type {
  JuryInvitation,
  JuryInvitationStatus,
  Juror,
  Page,
  Participant,
  TeamOverview,
  TeamProjectState,
} from '@ca/shared';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { http } from '../../lib/http';

export interface ParticipantListFilters {
  /** Name or email. */
  q: string;
  skill: string;
  team: 'any' | 'with' | 'without';
  lookingForTeam: boolean;
}

export interface TeamListFilters {
  q: string;
  trackId: string | null;
  project: TeamProjectState | null;
  hasFreePlaces: boolean;
}

export interface InvitationListFilters {
  /** In the email. */
  q: string;
  status: JuryInvitationStatus | null;
}

export interface JurorListFilters {
  /** Name or email. */
  q: string;
  /** Jurors who may judge it (theirs, or open to any track). */
  trackId: string | null;
}

const ALL_INVITATIONS: InvitationListFilters = { q: '', status: null };
const ALL_JURORS: JurorListFilters = { q: '', trackId: null };

/** Query keys of the organizer console's lists, widest first (TkDodo's key factory). */
export const organizerKeys = {
  all: ['organizer'] as const,
  edition: (editionId: string) => [...organizerKeys.all, editionId] as const,
  participants: (editionId: string, filters: ParticipantListFilters) =>
    [...organizerKeys.edition(editionId), 'participants', filters] as const,
  /** Under `['teams', 'overview', editionId]`, so that whatever changes a team refreshes it too. */
  teams: (editionId: string, filters: TeamListFilters) => ['teams', 'overview', editionId, filters] as const,
  jury: (editionId: string) => [...organizerKeys.edition(editionId), 'jury'] as const,
  invitations: (editionId: string, filters: InvitationListFilters) =>
    [...organizerKeys.jury(editionId), 'invitations', filters] as const,
  jurors: (editionId: string, filters: JurorListFilters) =>
    [...organizerKeys.jury(editionId), 'jurors', filters] as const,
};

export const PAGE_SIZE = 50;

/** `?limit=…&cursor=…` plus the given filters (empty ones left out). */
export function pageQuery(filters: Record<string, string | undefined>, cursor: string | null): string {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const [key, value] of Object.entries(filters)) if (value) q.set(key, value);
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}

const pages = <T>() => ({
  initialPageParam: null as string | null,
  getNextPageParam: (last: Page<T>) => last.nextCursor,
});

export const organizerQueries = {
  participants: (editionId: string, filters: ParticipantListFilters) =>
    infiniteQueryOptions({
      queryKey: organizerKeys.participants(editionId, filters),
      ...pages<Participant>(),
      queryFn: ({ signal, pageParam }) =>
        http.get<Page<Participant>>(
          `/editions/${editionId}/participants?${pageQuery(
            {
              q: filters.q.trim() || undefined,
              skill: filters.skill.trim() || undefined,
              inTeam: filters.team === 'any' ? undefined : String(filters.team === 'with'),
              lookingForTeam: filters.lookingForTeam ? 'true' : undefined,
            },
            pageParam,
          )}`,
          { signal },
        ),
    }),
  teams: (editionId: string, filters: TeamListFilters) =>
    infiniteQueryOptions({
      queryKey: organizerKeys.teams(editionId, filters),
      ...pages<TeamOverview>(),
      queryFn: ({ signal, pageParam }) =>
        http.get<Page<TeamOverview>>(
          `/editions/${editionId}/teams/projects?${pageQuery(
            {
              q: filters.q.trim() || undefined,
              trackId: filters.trackId ?? undefined,
              project: filters.project ?? undefined,
              hasFreePlaces: filters.hasFreePlaces ? 'true' : undefined,
            },
            pageParam,
          )}`,
          { signal },
        ),
    }),
  invitations: (editionId: string, filters: InvitationListFilters = ALL_INVITATIONS) =>
    infiniteQueryOptions({
      queryKey: organizerKeys.invitations(editionId, filters),
      ...pages<JuryInvitation>(),
      queryFn: ({ signal, pageParam }) =>
        http.get<Page<JuryInvitation>>(
          `/editions/${editionId}/jury/invitations?${pageQuery(
            { q: filters.q.trim() || undefined, status: filters.status ?? undefined },
            pageParam,
          )}`,
          { signal },
        ),
    }),
  jurors: (editionId: string, filters: JurorListFilters = ALL_JURORS) =>
    infiniteQueryOptions({
      queryKey: organizerKeys.jurors(editionId, filters),
      ...pages<Juror>(),
      queryFn: ({ signal, pageParam }) =>
        http.get<Page<Juror>>(
          `/editions/${editionId}/jurors?${pageQuery(
            { q: filters.q.trim() || undefined, trackId: filters.trackId ?? undefined },
            pageParam,
          )}`,
          { signal },
        ),
    }),
};
