import type { Leaderboard, LeaderboardRow, LiveLeaderboardUpdate } from '@ca/shared';
import { applyUpdate, orderRows } from './board-state';

const ED = '11111111-1111-4111-8111-111111111111';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const row = (n: number, rank: number | null, score: number | null): LeaderboardRow => ({
  rank,
  submissionId: id(n),
  teamId: id(100 + n),
  teamName: `Team ${n}`,
  trackId: id(900),
  title: `Project ${n}`,
  score,
  normalized: score,
  sheets: score === null ? 0 : 1,
  criteria: score === null ? null : {},
});
const board = (version: number, rows: LeaderboardRow[]): Leaderboard => ({
  editionId: ED,
  trackId: null,
  version,
  frozen: false,
  frozenAt: null,
  publicMode: 'live',
  rows,
});
const update = (
  fromVersion: number,
  version: number,
  rows: LeaderboardRow[],
  removed: string[] = [],
): LiveLeaderboardUpdate => ({
  editionId: ED,
  trackId: null,
  fromVersion,
  version,
  rows,
  removed,
});

describe('applying leaderboard updates', () => {
  const base = board(4, [row(1, 1, 80), row(2, 2, 60), row(3, null, null)]);

  it('applies the next versions: rows replaced, removed ones gone, reordered by rank', () => {
    const r = applyUpdate(base, update(5, 7, [row(2, 1, 90), row(1, 2, 80)], [id(3)]));
    expect(r.kind).toBe('applied');
    if (r.kind !== 'applied') return;
    expect(r.board.version).toBe(7);
    expect(r.board.rows.map((x) => [x.submissionId, x.rank])).toEqual([
      [id(2), 1],
      [id(1), 2],
    ]);
  });

  it('takes an update overlapping what it has (rows carry their latest state)', () => {
    expect(applyUpdate(base, update(3, 5, [row(1, 1, 81)])).kind).toBe('applied');
  });

  it('ignores an update it already has, and reports a gap instead of applying past it', () => {
    expect(applyUpdate(base, update(3, 4, [row(1, 1, 1)])).kind).toBe('stale');
    expect(applyUpdate(base, update(6, 6, [row(1, 1, 1)])).kind).toBe('gap');
  });

  it('orders unranked rows last, by title', () => {
    const rows = orderRows([row(3, null, null), row(2, 2, 1), row(10, null, null), row(1, 1, 2)]);
    expect(rows.map((r) => r.submissionId)).toEqual([id(1), id(2), id(3), id(10)]);
  });
});
