import type {
  Challenge,
  ChallengeCreate,
  ChallengePatch,
  CriteriaPut,
  Criterion,
  Edition,
  EditionCreateInput,
  EditionPatch,
  JuryInvitation,
  JuryInvitationCreate,
  JuryInvitationCreated,
  PersonalDataPurgeResult,
  Track,
  TrackCreate,
  TrackPatch,
} from '@ca/shared';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { http } from '../../lib/http';
import { clockOffsetOf, editionKeys, type TimedEdition } from '../editions/queries';
import { organizerKeys } from './queries';

const inPlace = { errorShownInPlace: true } as const;

/** A fresh edition from the API goes straight into the cache, under its id and its slug. */
function storeEdition(queryClient: QueryClient, edition: Edition): TimedEdition {
  const timed = { ...edition, clockOffsetMs: clockOffsetOf(edition.serverTime) };
  queryClient.setQueryData(editionKeys.detail(edition.slug), timed);
  queryClient.setQueryData(editionKeys.detail(edition.id), timed);
  void queryClient.invalidateQueries({ queryKey: editionKeys.lists() });
  return timed;
}

/** Tracks, challenges and criteria come back alone: the edition holding them is refetched. */
const refreshEdition = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: editionKeys.all });

export function useCreateEdition() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (body: EditionCreateInput) => http.post<Edition>('/editions', body),
    onSuccess: (edition) => storeEdition(queryClient, edition),
  });
}

export function useUpdateEdition(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (patch: EditionPatch) => http.patch<Edition>(`/editions/${editionId}`, patch),
    onSuccess: (edition) => storeEdition(queryClient, edition),
  });
}

export function useAddTrack(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (body: TrackCreate) => http.post<Track>(`/editions/${editionId}/tracks`, body),
    onSuccess: () => refreshEdition(queryClient),
  });
}

export function useUpdateTrack(trackId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (patch: TrackPatch) => http.patch<Track>(`/tracks/${trackId}`, patch),
    onSuccess: () => refreshEdition(queryClient),
  });
}

export function useAddChallenge(trackId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (body: ChallengeCreate) => http.post<Challenge>(`/tracks/${trackId}/challenges`, body),
    onSuccess: () => refreshEdition(queryClient),
  });
}

export function useUpdateChallenge(challengeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (patch: ChallengePatch) => http.patch<Challenge>(`/challenges/${challengeId}`, patch),
    onSuccess: () => refreshEdition(queryClient),
  });
}

/** 409 TRACK_IN_USE while a team, project, juror or pending invitation still names the track. */
export function useDeleteTrack() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (trackId: string) => http.delete(`/tracks/${trackId}`),
    onSuccess: () => refreshEdition(queryClient),
  });
}

export function useDeleteChallenge() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (challengeId: string) => http.delete(`/challenges/${challengeId}`),
    onSuccess: () => refreshEdition(queryClient),
  });
}

export function usePutCriteria(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (body: CriteriaPut) => http.put<Criterion[]>(`/editions/${editionId}/criteria`, body),
    onSuccess: () => refreshEdition(queryClient),
  });
}

export function useInviteJuror(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: (body: JuryInvitationCreate) =>
      http.post<JuryInvitationCreated>(`/editions/${editionId}/jury/invitations`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizerKeys.jury(editionId) }),
  });
}

/** A new link for an invitation, mailed again; the old link stops at once. */
export function useResendInvitation(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      http.post<JuryInvitationCreated>(`/editions/${editionId}/jury/invitations/${invitationId}/resend`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: organizerKeys.jury(editionId) }),
  });
}

/** The invitation's link stops working; it stays in the list as revoked. */
export function useRevokeInvitation(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      http.post<JuryInvitation>(`/editions/${editionId}/jury/invitations/${invitationId}/revoke`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: organizerKeys.jury(editionId) }),
  });
}

/** A URL slug from a name: lowercase ASCII letters and digits, single dashes, diacritics dropped. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Purges the edition's personal data (409 RETENTION_NOT_REACHED before its retention date). */
export function usePurgePersonalData(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inPlace,
    mutationFn: () => http.post<PersonalDataPurgeResult>(`/editions/${editionId}/purge-personal-data`),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
