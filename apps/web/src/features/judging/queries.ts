import type {
  Assignment,
  Conflict,
  Coverage,
  Juror,
  MyAssignment,
  MyAssignments,
  Page,
  SubmissionListItem,
  SubmissionSheet,
  Team,
} from '@ca/shared';
import { queryOptions } from '@tanstack/react-query';
import { http } from '../../lib/http';

/**
 * Query keys of the judging feature, widest first (TkDodo's key factory). Everything of one
 * edition sits under `['judging', editionId]`, so one invalidation refreshes a whole console.
 */
export const judgingKeys = {
  all: ['judging'] as const,
  edition: (editionId: string) => [...judgingKeys.all, 'edition', editionId] as const,
  myAssignments: (editionId: string) => [...judgingKeys.edition(editionId), 'assignments', 'me'] as const,
  myConflicts: (editionId: string) => [...judgingKeys.edition(editionId), 'conflicts', 'me'] as const,
  assignments: (editionId: string) => [...judgingKeys.edition(editionId), 'assignments', 'all'] as const,
  coverage: (editionId: string) => [...judgingKeys.edition(editionId), 'coverage'] as const,
  conflicts: (editionId: string) => [...judgingKeys.edition(editionId), 'conflicts', 'all'] as const,
  jurors: (editionId: string) => [...judgingKeys.edition(editionId), 'jurors'] as const,
  teams: (editionId: string) => [...judgingKeys.edition(editionId), 'teams'] as const,
  submissions: (editionId: string) => [...judgingKeys.edition(editionId), 'submissions'] as const,
  sheets: (editionId: string, submissionId: string) =>
    [...judgingKeys.edition(editionId), 'sheets', submissionId] as const,
};

const editionPath = (editionId: string) => `/editions/${encodeURIComponent(editionId)}`;

/** Every page of a list (`{ items, nextCursor }`), 500 at a time: the judging screens show them whole. */
export async function allPages<T>(path: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = await http.get<Page<T>>(
      `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { signal },
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** How often the organizers' coverage refreshes by itself while open (sheets arrive all the time). */
export const COVERAGE_REFRESH_MS = 15_000;

export const judgingQueries = {
  /** The juror's projects in walking order, with their sheets, flags and the latest version. */
  myAssignments: (editionId: string) =>
    queryOptions({
      queryKey: judgingKeys.myAssignments(editionId),
      queryFn: async ({ signal }): Promise<MyAssignment[]> =>
        (await http.get<MyAssignments>(`${editionPath(editionId)}/assignments/me`, { signal })).items,
      // In a hall the list is the juror's map: keep it through network blips and reloads of data.
      staleTime: 60_000,
      gcTime: Infinity,
    }),
  myConflicts: (editionId: string) =>
    queryOptions({
      queryKey: judgingKeys.myConflicts(editionId),
      queryFn: async ({ signal }) =>
        (await http.get<Page<Conflict>>(`${editionPath(editionId)}/conflicts/me`, { signal })).items,
    }),
  coverage: (editionId: string) =>
    queryOptions({
      queryKey: judgingKeys.coverage(editionId),
      queryFn: ({ signal }) => http.get<Coverage>(`${editionPath(editionId)}/coverage`, { signal }),
      refetchInterval: COVERAGE_REFRESH_MS,
    }),
  assignments: (editionId: string) =>
    queryOptions({
      queryKey: judgingKeys.assignments(editionId),
      queryFn: ({ signal }) => allPages<Assignment>(`${editionPath(editionId)}/assignments`, signal),
    }),
  conflicts: (editionId: string) =>
    queryOptions({
      queryKey: judgingKeys.conflicts(editionId),
      queryFn: async ({ signal }) =>
        (await http.get<Page<Conflict>>(`${editionPath(editionId)}/conflicts`, { signal })).items,
    }),
  jurors: (editionId: string) =>
    queryOptions({
      queryKey: judgingKeys.jurors(editionId),
      queryFn: ({ signal }) => allPages<Juror>(`${editionPath(editionId)}/jurors`, signal),
    }),
  /** The edition's teams with their tables (organizers see every team). */
  teams: (editionId: string) =>
    queryOptions({
      queryKey: judgingKeys.teams(editionId),
      queryFn: ({ signal }) => allPages<Team>(`${editionPath(editionId)}/teams`, signal),
    }),
  /** Submitted projects (the ones judging covers). */
  submissions: (editionId: string) =>
    queryOptions({
      queryKey: judgingKeys.submissions(editionId),
      queryFn: ({ signal }) =>
        allPages<SubmissionListItem>(
          `${editionPath(editionId)}/submissions?status=submitted&disqualified=false`,
          signal,
        ),
    }),
  /** Every sheet of one project, counting or not, with open reopenings (organizers). */
  sheets: (editionId: string, submissionId: string) =>
    queryOptions({
      queryKey: judgingKeys.sheets(editionId, submissionId),
      queryFn: async ({ signal }) =>
        (
          await http.get<Page<SubmissionSheet>>(`/submissions/${encodeURIComponent(submissionId)}/scores`, {
            signal,
          })
        ).items,
    }),
};
