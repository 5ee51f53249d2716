import { freezeMoment, nextModeChange, publicModeOf } from '../public-mode';
import type { RankingSettings } from '../ranking-change';

const T = Date.parse('2026-05-01T12:00:00.000Z');
const iso = (ms: number) => new Date(T + ms).toISOString();
const settings = (over: Partial<RankingSettings>): RankingSettings => ({
  published: true,
  normalization: 'zscore',
  leaderboardVisibility: 'public',
  leaderboardFreezeAt: null,
  leaderboardFreezeSetAt: null,
  resultsPublishedAt: null,
  shareJurorComments: false,
  ...over,
});

describe('rule 7: what the public sees', () => {
  it('freezes at leaderboardFreezeAt or when it was set, whichever is later', () => {
    expect(
      freezeMoment(settings({ leaderboardFreezeAt: iso(-3600_000), leaderboardFreezeSetAt: iso(0) })),
    ).toBe(T);
    expect(freezeMoment(settings({ leaderboardFreezeAt: iso(60_000), leaderboardFreezeSetAt: iso(0) }))).toBe(
      T + 60_000,
    );
    expect(freezeMoment(settings({ leaderboardFreezeAt: iso(-1) }))).toBe(T - 1); // set before this was recorded
    expect(freezeMoment(settings({}))).toBeNull();
  });

  it('is live, then frozen from the freeze’s moment, until published; hidden hides until published', () => {
    const frozen = settings({
      leaderboardFreezeAt: iso(-3600_000),
      leaderboardFreezeSetAt: iso(0),
      resultsPublishedAt: iso(1000),
    });
    expect(publicModeOf(frozen, T - 1)).toBe('live');
    expect(publicModeOf(frozen, T)).toBe('frozen');
    expect(publicModeOf(frozen, T + 999)).toBe('frozen');
    expect(publicModeOf(frozen, T + 1000)).toBe('published');
    const hidden = { ...frozen, leaderboardVisibility: 'hidden' as const };
    expect(publicModeOf(hidden, T - 1)).toBe('hidden');
    expect(publicModeOf(hidden, T + 5)).toBe('hidden');
    expect(publicModeOf(hidden, T + 1000)).toBe('published');
    expect(publicModeOf(settings({}), T)).toBe('live');
  });

  it('knows the next moment the mode changes by the clock', () => {
    const s = settings({
      leaderboardFreezeAt: iso(500),
      leaderboardFreezeSetAt: iso(0),
      resultsPublishedAt: iso(1000),
    });
    expect(nextModeChange(s, T)).toBe(T + 500);
    expect(nextModeChange(s, T + 500)).toBe(T + 1000);
    expect(nextModeChange(s, T + 1000)).toBeNull();
  });
});
