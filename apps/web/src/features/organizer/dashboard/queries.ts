import type { AuditEntry, EditionDashboard, Page, UserAccount } from '@ca/shared';
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { http } from '../../../lib/http';
import { organizerKeys, pageQuery } from '../queries';

/** The audit list's filters, as the API takes them (empty ones left out). */
export interface AuditFilters {
  /** `null`: the entries without an edition (`GET /api/audit`). */
  editionId: string | null;
  actorId?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
}

/**
 * A fallback only: the socket's events (`dashboard:changed`, `coverage:update`, `edition:phase`)
 * refetch the dashboard; the poll covers a socket that is down or changes that send no event.
 */
export const DASHBOARD_REFRESH_MS = 60_000;

export const dashboardKeys = {
  dashboard: (editionId: string) => [...organizerKeys.edition(editionId), 'dashboard'] as const,
  audit: (filters: AuditFilters) => [...organizerKeys.all, 'audit', filters] as const,
  users: (query: string) => [...organizerKeys.all, 'users', query] as const,
};

export const dashboardQueries = {
  dashboard: (editionId: string) =>
    queryOptions({
      queryKey: dashboardKeys.dashboard(editionId),
      queryFn: ({ signal }) => http.get<EditionDashboard>(`/editions/${editionId}/dashboard`, { signal }),
      refetchInterval: DASHBOARD_REFRESH_MS,
    }),
  audit: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: dashboardKeys.audit(filters),
      initialPageParam: null as string | null,
      getNextPageParam: (last: Page<AuditEntry>) => last.nextCursor,
      queryFn: ({ signal, pageParam }) => {
        const { editionId, ...rest } = filters;
        const base = editionId ? `/editions/${editionId}/audit` : '/audit';
        return http.get<Page<AuditEntry>>(`${base}?${pageQuery({ ...rest }, pageParam)}`, { signal });
      },
    }),
  /** Accounts by part of a name or email (organizers), for the audit's "who" filter. */
  users: (query: string) =>
    queryOptions({
      queryKey: dashboardKeys.users(query),
      queryFn: ({ signal }) =>
        http.get<Page<UserAccount>>(`/users?${new URLSearchParams({ limit: '20', query })}`, { signal }),
      placeholderData: keepPreviousData,
      staleTime: 60_000,
    }),
};
