import { apiClient, uniqueSuffix } from './api';
import { ORGANIZER_EMAIL, ORGANIZER_PASSWORD } from './organizer';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type TimelineField =
  'registrationOpensAt' | 'registrationClosesAt' | 'hackingStartsAt' | 'submissionDeadline' | 'judgingEndsAt';

/** Each instant of the timeline, in milliseconds from now. */
export type Timeline = Record<TimelineField, number>;

/** Registration open for ten more days, hacking under way, the deadline in twelve days. */
export const OPEN_TIMELINE: Timeline = {
  registrationOpensAt: -7 * DAY,
  registrationClosesAt: 10 * DAY,
  hackingStartsAt: -1 * DAY,
  submissionDeadline: 12 * DAY,
  judgingEndsAt: 13 * DAY,
};

/** Registration open for a day more, hacking started an hour ago, the deadline in two days. */
export const HACKING_TIMELINE: Timeline = {
  registrationOpensAt: -24 * HOUR,
  registrationClosesAt: 24 * HOUR,
  hackingStartsAt: -HOUR,
  submissionDeadline: 48 * HOUR,
  judgingEndsAt: 72 * HOUR,
};

export interface EditionOptions {
  /** The slug's start; a unique suffix is added (default `open`). */
  slugPrefix?: string;
  /** Default `Open edition <suffix>`. */
  name?: string;
  /** Default `OPEN_TIMELINE`. */
  timeline?: Partial<Timeline>;
  /** Tracks to make, each with one challenge unless `challenges` is false (default Health, Environment & Ecology, Tourism). */
  tracks?: { name: string; slug: string }[];
  challenges?: boolean;
  /** Other fields of the edition (`reviewsPerSubmission`, team sizes…). */
  fields?: Record<string, unknown>;
}

export interface CreatedEdition {
  id: string;
  slug: string;
  name: string;
  tracks: { id: string; name: string; slug: string }[];
  /** The e2e organizer's API token, for the test's further set-up. */
  organizerToken: string;
}

const DEFAULT_TRACKS = [
  { name: 'Health', slug: 'health' },
  { name: 'Environment & Ecology', slug: 'environment-ecology' },
  { name: 'Tourism', slug: 'tourism' },
];

/**
 * A published edition made by the e2e organizer through the API: by default open for registration,
 * teams and hacking, with three tracks and a challenge each. The demo edition is in judging (its
 * seed moves it there, so that `npm start` shows scoring in progress), so tests of registering and
 * forming teams use one of these instead; tests that need another phase pass their timeline.
 */
export async function createOpenEdition(options: EditionOptions = {}): Promise<CreatedEdition> {
  const api = await apiClient();
  try {
    const login = await api.post('/api/auth/login', {
      data: { email: ORGANIZER_EMAIL, password: ORGANIZER_PASSWORD },
    });
    if (login.status() !== 200) throw new Error(`organizer login: ${login.status()} ${await login.text()}`);
    const organizerToken = ((await login.json()) as { token: string }).token;
    const now = Date.now();
    const at = (ms: number) => new Date(Math.floor((now + ms) / 60_000) * 60_000).toISOString();
    const timeline = { ...OPEN_TIMELINE, ...options.timeline };
    const run = uniqueSuffix();
    const created = await api.post('/api/editions', {
      data: {
        slug: `${options.slugPrefix ?? 'open'}-${run}`,
        name: options.name ?? `Open edition ${run}`,
        description: 'An edition made by the browser tests.',
        venueI18n: { en: 'Iași, Palas Campus', ro: 'Iași, Campusul Palas' },
        published: true,
        ...Object.fromEntries(Object.entries(timeline).map(([field, ms]) => [field, at(ms)])),
        teamMinSize: 1,
        teamMaxSize: 5,
        ...options.fields,
      },
    });
    if (created.status() !== 201) throw new Error(`edition: ${created.status()} ${await created.text()}`);
    const edition = await created.json();
    const tracks: CreatedEdition['tracks'] = [];
    for (const { name, slug } of options.tracks ?? DEFAULT_TRACKS) {
      const track = await api.post(`/api/editions/${edition.id}/tracks`, {
        data: { name, slug, description: '' },
      });
      if (track.status() !== 201) throw new Error(`track ${name}: ${track.status()} ${await track.text()}`);
      const { id } = await track.json();
      tracks.push({ id, name, slug });
      if (options.challenges === false) continue;
      const challenge = await api.post(`/api/tracks/${id}/challenges`, {
        data: { title: `${name} challenge` },
      });
      if (challenge.status() !== 201)
        throw new Error(`challenge: ${challenge.status()} ${await challenge.text()}`);
    }
    return { id: edition.id, slug: edition.slug, name: edition.name, tracks, organizerToken };
  } finally {
    await api.dispose();
  }
}
