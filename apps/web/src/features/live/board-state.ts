import type { Leaderboard, LeaderboardRow, LiveLeaderboardUpdate } from '@ca/shared';

/** Ranked rows by rank, then title; rows without a rank last, in title order (as the API sends them). */
const collator = new Intl.Collator('en', { numeric: true });
export function orderRows(rows: LeaderboardRow[]): LeaderboardRow[] {
  return [...rows].sort(
    (a, b) =>
      (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
      collator.compare(a.title, b.title) ||
      (a.submissionId < b.submissionId ? -1 : 1),
  );
}

export type ApplyResult =
  | { kind: 'applied'; board: Leaderboard }
  /** Already contained in the board (an update older than the snapshot). */
  | { kind: 'stale' }
  /** Versions are missing between the board and the update: take a snapshot. */
  | { kind: 'gap' };

/**
 * Applies a `leaderboard:update` to the board a client holds. Updates carry the rows in their
 * latest state, so one that overlaps what the board already has is applied as is.
 */
export function applyUpdate(board: Leaderboard, update: LiveLeaderboardUpdate): ApplyResult {
  if (update.editionId !== board.editionId || update.trackId !== board.trackId) return { kind: 'stale' };
  if (update.version <= board.version) return { kind: 'stale' };
  if (update.fromVersion > board.version + 1) return { kind: 'gap' };
  const byId = new Map(board.rows.map((r) => [r.submissionId, r]));
  for (const id of update.removed) byId.delete(id);
  for (const r of update.rows) byId.set(r.submissionId, r);
  return {
    kind: 'applied',
    board: { ...board, version: update.version, rows: orderRows([...byId.values()]) },
  };
}

/** Whether a board shows scores to this viewer (hidden boards carry none). */
export const showsScores = (board: Leaderboard) => board.rows.some((r) => r.score !== null);
