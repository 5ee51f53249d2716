import type { Edition, Page } from '@ca/shared';
import { queryOptions } from '@tanstack/react-query';
import { http } from '../../lib/http';

/** Query keys of the editions feature, from the widest to the narrowest (TkDodo's key factory). */
export const editionKeys = {
  all: ['editions'] as const,
  lists: () => [...editionKeys.all, 'list'] as const,
  details: () => [...editionKeys.all, 'detail'] as const,
  /** The API takes an id or a slug; the web app's links use the slug. */
  detail: (idOrSlug: string) => [...editionKeys.details(), idOrSlug] as const,
};

/**
 * An edition with the difference between the server's clock and this device's, measured when
 * the response arrived. Countdowns and "what is next" use `Date.now() + clockOffsetMs`, never
 * the device clock alone, which may be minutes off on a juror's phone.
 */
export type TimedEdition = Edition & { clockOffsetMs: number };

export const clockOffsetOf = (serverTime: string, receivedAt = Date.now()) =>
  Date.parse(serverTime) - receivedAt;

export const editionQueries = {
  list: () =>
    queryOptions({
      queryKey: editionKeys.lists(),
      queryFn: ({ signal }) => http.get<Page<Edition>>('/editions', { signal }),
    }),
  detail: (idOrSlug: string) =>
    queryOptions({
      queryKey: editionKeys.detail(idOrSlug),
      queryFn: async ({ signal }): Promise<TimedEdition> => {
        const edition = await http.get<Edition>(`/editions/${encodeURIComponent(idOrSlug)}`, { signal });
        return { ...edition, clockOffsetMs: clockOffsetOf(edition.serverTime) };
      },
    }),
};
