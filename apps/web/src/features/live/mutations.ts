import type {
  Announcement,
  AnnouncementCreate,
  Award,
  AwardInputBody,
  Page,
  RevealAction,
  RevealStep,
} from '@ca/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http } from '../../lib/http';
import { liveKeys } from './queries';

export function usePostAnnouncement(editionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AnnouncementCreate) =>
      http.post<Announcement>(`/editions/${editionId}/announcements`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: liveKeys.announcements(editionId) }),
  });
}

export function useEditAnnouncement(editionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, message }: { id: string; message: string }) =>
      http.patch<Announcement>(`/announcements/${id}`, { message }),
    onSuccess: () => qc.invalidateQueries({ queryKey: liveKeys.announcements(editionId) }),
  });
}

export function useDeleteAnnouncement(editionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete(`/announcements/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: liveKeys.announcements(editionId) }),
  });
}

export function useReveal(editionId: string) {
  return useMutation({
    mutationFn: (body: RevealAction) => http.post<RevealStep>(`/editions/${editionId}/reveal`, body),
  });
}

export function usePutAwards(editionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AwardInputBody[]) => http.put<Award[]>(`/editions/${editionId}/awards`, body),
    onSuccess: (awards) => qc.setQueryData(liveKeys.awards(editionId), awards),
  });
}

export type AnnouncementPage = Page<Announcement>;
