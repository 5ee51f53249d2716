import type { GalleryItem, GalleryProject, Page } from '@ca/shared';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { http } from '../../lib/http';

export interface GalleryFilters {
  q?: string;
  trackId?: string;
}

/** Query keys of the public gallery, widest first. */
export const galleryKeys = {
  all: ['gallery'] as const,
  edition: (editionId: string) => [...galleryKeys.all, editionId] as const,
  list: (editionId: string, filters: GalleryFilters) =>
    [...galleryKeys.edition(editionId), 'list', filters] as const,
  project: (editionId: string, submissionId: string) =>
    [...galleryKeys.edition(editionId), 'project', submissionId] as const,
};

const editionPath = (editionId: string) => `/editions/${encodeURIComponent(editionId)}/gallery`;

export const galleryQueries = {
  list: (editionId: string, filters: GalleryFilters) =>
    infiniteQueryOptions({
      queryKey: galleryKeys.list(editionId, filters),
      queryFn: ({ signal, pageParam }) => {
        const params = new URLSearchParams({ limit: '48' });
        if (filters.q) params.set('q', filters.q);
        if (filters.trackId) params.set('trackId', filters.trackId);
        if (pageParam) params.set('cursor', pageParam);
        return http.get<Page<GalleryItem>>(`${editionPath(editionId)}?${params}`, { signal });
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  project: (editionId: string, submissionId: string) =>
    queryOptions({
      queryKey: galleryKeys.project(editionId, submissionId),
      queryFn: ({ signal }) =>
        http.get<GalleryProject>(`${editionPath(editionId)}/${encodeURIComponent(submissionId)}`, { signal }),
    }),
};
