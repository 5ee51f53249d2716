import type { EditionRole, JuryInvitationPreview, Me, NotificationSettings, Session } from '@ca/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { http } from '../../lib/http';

/** Query keys of the auth feature (TkDodo's key factory). */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  juryInvitation: (token: string) => [...authKeys.all, 'jury-invitation', token] as const,
  notifications: () => [...authKeys.all, 'notifications'] as const,
};

/** The language of the person's mail and their optional notifications. */
export const notificationQueries = {
  settings: () =>
    queryOptions({
      queryKey: authKeys.notifications(),
      queryFn: ({ signal }) => http.get<NotificationSettings>('/auth/me/notifications', { signal }),
    }),
};

export const authQueries = {
  /**
   * Who is signed in, from the httpOnly session cookie: `null` when nobody is. The cookie is
   * invisible to scripts, so this request is the only way the app learns it after a reload.
   * `/auth/session` answers a visitor with `{ user: null }`, not a 401 the browser would log.
   */
  me: () =>
    queryOptions({
      queryKey: authKeys.me(),
      queryFn: async ({ signal }): Promise<Me | null> =>
        (await http.get<Session>('/auth/session', { signal })).user,
      staleTime: 5 * 60_000,
    }),
};

export const juryQueries = {
  /** The invitation behind a link: its edition and state; 410 INVALID_TOKEN for an unknown link. */
  invitation: (token: string) =>
    queryOptions({
      queryKey: authKeys.juryInvitation(token),
      queryFn: ({ signal }) =>
        http.get<JuryInvitationPreview>(`/jury/invitations/${encodeURIComponent(token)}`, { signal }),
      retry: false,
    }),
};

export interface AuthState {
  /** The signed-in user, `null` when signed out, `undefined` while still asking. */
  me: Me | null | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => void;
}

/** The current user; every component asking shares one request. */
export function useAuth(): AuthState {
  const query = useQuery(authQueries.me());
  return {
    me: query.data,
    isPending: query.isPending,
    isError: query.isError,
    error: query.error,
    refetch: () => void query.refetch(),
  };
}

/** The user's roles in one edition (none when signed out). */
export function editionRolesOf(me: Me | null | undefined, editionId: string | undefined): EditionRole[] {
  if (!me || !editionId) return [];
  return me.editions.find((e) => e.editionId === editionId)?.roles ?? [];
}

export const isParticipantOf = (me: Me | null | undefined, editionId: string | undefined) =>
  editionRolesOf(me, editionId).includes('participant');

/** Ids of the editions where the user holds `role`. */
export const editionIdsWithRole = (me: Me | null | undefined, role: EditionRole): string[] =>
  me?.editions.filter((e) => e.roles.includes(role)).map((e) => e.editionId) ?? [];

/**
 * Where to go after signing in: a path inside this app only (`/x`, never `//host` or a full URL,
 * so a crafted link cannot send people elsewhere).
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** `/login?next=…` for the page at `path`. */
export const loginPath = (path: string, page: 'login' | 'signup' = 'login') =>
  `/${page}?next=${encodeURIComponent(path)}`;
