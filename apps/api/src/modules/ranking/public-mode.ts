/**
 * Rule 7 of docs/domain.md as pure functions of an edition's settings and a moment: what everyone but
 * organizers sees, and when that changes next.
 */
import type { PublicMode } from '@ca/shared';
import type { RankingSettings } from './ranking-change';

const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/** When the results are (or will be) published; null while not set. */
export const publishedAt = (s: RankingSettings): number | null => ms(s.resultsPublishedAt);

/**
 * The moment the freeze takes effect: `leaderboardFreezeAt` or the moment it was set, whichever is
 * later (a freeze set in the past freezes the board as it is when it is set); null without one.
 */
export const freezeMoment = (s: RankingSettings): number | null => {
  const at = ms(s.leaderboardFreezeAt);
  if (at === null) return null;
  const setAt = ms(s.leaderboardFreezeSetAt);
  return setAt === null ? at : Math.max(at, setAt);
};

/**
 * What non-organizers see at `now`: the final results once published; before that, nothing of the
 * scores while hidden, the board as it stood at the freeze from its moment on, else the live board.
 */
export const publicModeOf = (s: RankingSettings, now: number): PublicMode => {
  const published = publishedAt(s);
  if (published !== null && published <= now) return 'published';
  if (s.leaderboardVisibility === 'hidden') return 'hidden';
  const frozen = freezeMoment(s);
  if (frozen !== null && frozen <= now) return 'frozen';
  return 'live';
};

/** The next moment after `now` at which `publicModeOf` may change by the clock alone; null if none. */
export const nextModeChange = (s: RankingSettings, now: number): number | null => {
  const candidates = [publishedAt(s), freezeMoment(s)].filter((t): t is number => t !== null && t > now);
  return candidates.length ? Math.min(...candidates) : null;
};
