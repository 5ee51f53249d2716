import type { DisqualifyInput, ExtensionInput, Submission } from '@ca/shared';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { submissionApi, submissionKeys } from './queries';

/** These dialogs show their errors beside their fields, so the global notification stays quiet. */
const inPlace = { errorShownInPlace: true } as const;

/** An organizer changed a team's project: the edition's lists and that team's queries are stale. */
function organizerChanged(queryClient: QueryClient, editionId: string, teamId: string): void {
  void queryClient.invalidateQueries({ queryKey: submissionKeys.editionLists(editionId) });
  void queryClient.invalidateQueries({ queryKey: submissionKeys.team(teamId) });
  // The organizers' teams list shows each team's project state.
  void queryClient.invalidateQueries({ queryKey: ['teams', 'overview', editionId] });
}

/** Submitting or withdrawing the team's project (the editor first saves what is pending). */
export function useSubmissionStatus(teamId: string, onChanged: (submission: Submission) => void) {
  return useMutation({
    meta: inPlace,
    mutationFn: (action: 'submit' | 'unsubmit') =>
      action === 'submit' ? submissionApi.submit(teamId) : submissionApi.unsubmit(teamId),
    onSuccess: (submission) => onChanged(submission),
  });
}

/** An organizer's later deadline for one team; `until: null` withdraws it. */
export function useExtendDeadline(editionId: string, teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: ({ until }: ExtensionInput) => submissionApi.extend(teamId, until),
    onSuccess: () => organizerChanged(queryClient, editionId, teamId),
  });
}

export function useDisqualify(editionId: string, teamId: string, submissionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: ({ reason }: DisqualifyInput) => submissionApi.disqualify(submissionId, reason),
    onSuccess: () => organizerChanged(queryClient, editionId, teamId),
  });
}

/** Reinstating is one click from a list: its error is a notification (the default). */
export function useReinstate(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (item: { id: string; teamId: string }) => submissionApi.reinstate(item.id),
    onSuccess: (_, item) => organizerChanged(queryClient, editionId, item.teamId),
  });
}
