import type {
  JoinRequest,
  JoinRequestAccepted,
  JoinRequestCreate,
  Team,
  TeamCreate,
  TeamInvitationCreate,
  TeamPatch,
} from '@ca/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http } from '../../lib/http';
import { registrationKeys } from '../registrations/queries';
import { teamKeys } from './queries';

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

/** After a join request changed: the lists of both sides, and (accepted) the caller's team. */
function useJoinRequestChanged(editionId: string) {
  const queryClient = useQueryClient();
  const changed = useTeamChanged();
  return (accepted?: JoinRequestAccepted) => {
    void queryClient.invalidateQueries({ queryKey: teamKeys.joinRequests(editionId) });
    if (accepted) changed(editionId, accepted.team);
  };
}

/** A participant without a team asks this team to take them. */
export function useAskToJoin(team: Pick<Team, 'id' | 'editionId'>) {
  const changed = useJoinRequestChanged(team.editionId);
  return useMutation({
    meta: inPlace,
    mutationFn: (body: JoinRequestCreate) => http.post<JoinRequest>(`/teams/${team.id}/join-requests`, body),
    onSuccess: () => changed(),
  });
}

/** The captain invites a person looking for a team. */
export function useInviteToTeam(team: Pick<Team, 'id' | 'editionId'>) {
  const changed = useJoinRequestChanged(team.editionId);
  return useMutation({
    meta: inPlace,
    mutationFn: (body: TeamInvitationCreate) => http.post<JoinRequest>(`/teams/${team.id}/invitations`, body),
    onSuccess: () => changed(),
  });
}

/** Accept, decline (the receiving side) or withdraw (the sender) a pending request. */
export function useDecideJoinRequest(editionId: string) {
  const changed = useJoinRequestChanged(editionId);
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'accept' | 'decline' | 'withdraw' }) =>
      http.post<JoinRequestAccepted | JoinRequest>(`/join-requests/${id}/${decision}`),
    onSuccess: (result, { decision }) =>
      changed(decision === 'accept' ? (result as JoinRequestAccepted) : undefined),
    // A request decided elsewhere meanwhile (NOT_PENDING): the lists are stale.
    onError: () => changed(),
  });
}
