/** Small builders for the engine's specs: hand-worked editions read better with names than ids. */
import type { EditionRankingInput, LeaderboardRow, RankCriterion, RankEntry, RankSheet } from '../types';

export const criterion = (
  id: string,
  weight: number,
  min: number,
  max: number,
  order: number,
): RankCriterion => ({
  id,
  weight,
  min,
  max,
  order,
});

/** An entry whose submission, team and title derive from one short name ("p1" → team "team-p1"). */
export const entry = (name: string, trackId: string, over: Partial<RankEntry> = {}): RankEntry => ({
  submissionId: name,
  teamId: `team-${name}`,
  teamName: `Team ${name}`,
  trackId,
  title: `Project ${name}`,
  submittedAt: 1_000,
  disqualified: false,
  ...over,
});

export const sheet = (jurorId: string, submissionId: string, values: Record<string, number>): RankSheet => ({
  jurorId,
  submissionId,
  values,
});

export const input = (over: Partial<EditionRankingInput>): EditionRankingInput => ({
  normalization: 'none',
  criteria: [],
  entries: [],
  sheets: [],
  conflicts: [],
  ...over,
});

/** The board as `[submissionId, rank]` pairs, in board order. */
export const ranks = (rows: LeaderboardRow[]): [string, number | null][] =>
  rows.map((r) => [r.submissionId, r.rank]);

/** A row by submission id. */
export const row = (rows: LeaderboardRow[], submissionId: string): LeaderboardRow => {
  const found = rows.find((r) => r.submissionId === submissionId);
  if (!found) throw new Error(`no row for ${submissionId}`);
  return found;
};
