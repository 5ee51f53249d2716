import type {
  ExtensionResult,
  Page,
  Submission,
  SubmissionListItem,
  SubmissionPutInput,
  SubmissionStatus,
  SubmissionVersion,
  Team,
} from '@ca/shared';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { http } from '../../lib/http';

/** The organizers' filter of an edition's submissions; `disqualified` stands beside the two statuses. */
export type SubmissionFilterStatus = SubmissionStatus | 'disqualified';
export interface SubmissionListFilters {
  trackId?: string;
  status?: SubmissionFilterStatus;
}

/** Query keys of the submissions feature, widest first (TkDodo's key factory). */
export const submissionKeys = {
  all: ['submissions'] as const,
  team: (teamId: string) => [...submissionKeys.all, 'team', teamId] as const,
  detail: (teamId: string) => [...submissionKeys.team(teamId), 'detail'] as const,
  versions: (teamId: string) => [...submissionKeys.team(teamId), 'versions'] as const,
  editionLists: (editionId: string) => [...submissionKeys.all, 'edition', editionId] as const,
  editionList: (editionId: string, filters: SubmissionListFilters) =>
    [...submissionKeys.editionLists(editionId), filters] as const,
};

/**
 * The team's key follows the conventions' `['teams', 'detail', id]`, so that whatever the teams
 * feature invalidates (a rename, a track move) refreshes the editor too.
 */
export const teamDetailKey = (teamId: string) => ['teams', 'detail', teamId] as const;

const teamPath = (teamId: string) => `/teams/${encodeURIComponent(teamId)}`;

function listQuery(filters: SubmissionListFilters, cursor: string | null): string {
  const params = new URLSearchParams({ limit: '50' });
  if (filters.trackId) params.set('trackId', filters.trackId);
  if (filters.status === 'disqualified') params.set('disqualified', 'true');
  else if (filters.status) {
    params.set('status', filters.status);
    params.set('disqualified', 'false');
  }
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export const submissionQueries = {
  team: (teamId: string) =>
    queryOptions({
      queryKey: teamDetailKey(teamId),
      queryFn: ({ signal }) => http.get<Team>(teamPath(teamId), { signal }),
    }),
  /** The team's submission, or null before its first save (the API answers 200 with null then). */
  detail: (teamId: string) =>
    queryOptions({
      queryKey: submissionKeys.detail(teamId),
      queryFn: ({ signal }) => http.get<Submission | null>(`${teamPath(teamId)}/submission`, { signal }),
    }),
  versions: (teamId: string) =>
    infiniteQueryOptions({
      queryKey: submissionKeys.versions(teamId),
      queryFn: ({ signal, pageParam }) =>
        http.get<Page<SubmissionVersion>>(
          `${teamPath(teamId)}/submission/versions?limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
          { signal },
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  editionList: (editionId: string, filters: SubmissionListFilters) =>
    infiniteQueryOptions({
      queryKey: submissionKeys.editionList(editionId, filters),
      queryFn: ({ signal, pageParam }) =>
        http.get<Page<SubmissionListItem>>(
          `/editions/${encodeURIComponent(editionId)}/submissions?${listQuery(filters, pageParam)}`,
          { signal },
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};

export const submissionApi = {
  save: (teamId: string, body: SubmissionPutInput) =>
    http.put<Submission>(`${teamPath(teamId)}/submission`, body),
  submit: (teamId: string) => http.post<Submission>(`${teamPath(teamId)}/submission/submit`),
  unsubmit: (teamId: string) => http.post<Submission>(`${teamPath(teamId)}/submission/unsubmit`),
  extend: (teamId: string, until: string | null) =>
    http.post<ExtensionResult>(`${teamPath(teamId)}/extension`, { until }),
  disqualify: (submissionId: string, reason: string) =>
    http.post<Submission>(`/submissions/${encodeURIComponent(submissionId)}/disqualify`, { reason }),
  reinstate: (submissionId: string) =>
    http.post<Submission>(`/submissions/${encodeURIComponent(submissionId)}/reinstate`),
};
