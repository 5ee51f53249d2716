import type {
  Assignment,
  AssignmentCreate,
  AutoAssignSummary,
  ConflictCreate,
  ConflictDeclared,
  Flag,
  FlagCreate,
  FlagReassign,
  FlagReassigned,
  ScoreSheet,
  SheetOverride,
  SheetReopen,
  SheetReopening,
  TablesNumberInput,
  TablesNumbered,
  Team,
} from '@ca/shared';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { http } from '../../lib/http';
import { judgingKeys } from './queries';

const inPlace = { errorShownInPlace: true } as const;

/** A judging change touches coverage, assignments and the juror's list alike: refetch them all. */
const refreshEdition = (queryClient: QueryClient, editionId: string) =>
  queryClient.invalidateQueries({ queryKey: judgingKeys.edition(editionId) });

const submissionPath = (submissionId: string) => `/submissions/${encodeURIComponent(submissionId)}`;
const editionPath = (editionId: string) => `/editions/${encodeURIComponent(editionId)}`;

// ---- jurors ---------------------------------------------------------------------------------------

/** A juror's (or, with `jurorId`, an organizer's) declaration of a conflict with a team. */
export function useDeclareConflict(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (body: ConflictCreate) =>
      http.post<ConflictDeclared>(`${editionPath(editionId)}/conflicts`, body),
    onSuccess: () => refreshEdition(queryClient, editionId),
  });
}

/** "Team absent" or "cannot judge", instead of a sheet. */
export function useFlagProject(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: ({ submissionId, ...body }: FlagCreate & { submissionId: string }) =>
      http.post<Flag>(`${submissionPath(submissionId)}/flags`, body),
    onSuccess: () => refreshEdition(queryClient, editionId),
  });
}

// ---- organizers -----------------------------------------------------------------------------------

export function useWithdrawConflict(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (conflictId: string) =>
      http.delete(`${editionPath(editionId)}/conflicts/${encodeURIComponent(conflictId)}`),
    onSuccess: () => refreshEdition(queryClient, editionId),
  });
}

export function useAutoAssign(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: () => http.post<AutoAssignSummary>(`${editionPath(editionId)}/assignments/auto`),
    onSuccess: () => refreshEdition(queryClient, editionId),
  });
}

export function useAssign(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (body: AssignmentCreate) =>
      http.post<Assignment>(`${editionPath(editionId)}/assignments`, body),
    onSuccess: () => refreshEdition(queryClient, editionId),
  });
}

export function useUnassign(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jurorId, submissionId }: AssignmentCreate) =>
      http.delete(
        `${editionPath(editionId)}/assignments/${encodeURIComponent(jurorId)}/${encodeURIComponent(submissionId)}`,
      ),
    onSuccess: () => refreshEdition(queryClient, editionId),
  });
}

/** Resolves a flag by moving the assignment (to the least-loaded eligible juror unless one is named). */
export function useReassignFlag(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ flagId, ...body }: FlagReassign & { flagId: string }) =>
      http.post<FlagReassigned>(`/flags/${encodeURIComponent(flagId)}/reassign`, body),
    onSuccess: () => refreshEdition(queryClient, editionId),
  });
}

export function useDismissFlag(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ flagId, note }: { flagId: string; note?: string }) =>
      http.post<Flag>(`/flags/${encodeURIComponent(flagId)}/dismiss`, note ? { note } : {}),
    onSuccess: () => refreshEdition(queryClient, editionId),
  });
}

/** The team's table in the hall; also what the team sees on My team. */
export function useSetTable(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: ({ teamId, tableLabel }: { teamId: string; tableLabel: string | null }) =>
      http.put<Team>(`/teams/${encodeURIComponent(teamId)}/table`, { tableLabel }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      return refreshEdition(queryClient, editionId);
    },
  });
}

export function useNumberTables(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (body: TablesNumberInput) =>
      http.post<TablesNumbered>(`${editionPath(editionId)}/tables/number`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      return refreshEdition(queryClient, editionId);
    },
  });
}

type SheetRef = { submissionId: string; jurorId: string };
const sheetPath = ({ submissionId, jurorId }: SheetRef) =>
  `${submissionPath(submissionId)}/scores/${encodeURIComponent(jurorId)}`;

/** After judging ended: lets one juror save one sheet again, for a stated reason. */
export function useReopenSheet(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: ({ submissionId, jurorId, ...body }: SheetRef & SheetReopen) =>
      http.post<SheetReopening>(`${sheetPath({ submissionId, jurorId })}/reopen`, body),
    onSuccess: () => refreshEdition(queryClient, editionId),
  });
}

export function useCloseReopening(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ref: SheetRef) => http.post<SheetReopening>(`${sheetPath(ref)}/close`),
    onSuccess: () => refreshEdition(queryClient, editionId),
  });
}

/** After judging ended: an organizer's audited correction of a juror's sheet. */
export function useOverrideSheet(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: ({ submissionId, jurorId, ...body }: SheetRef & SheetOverride) =>
      http.put<ScoreSheet>(sheetPath({ submissionId, jurorId }), body),
    onSuccess: () => refreshEdition(queryClient, editionId),
  });
}
