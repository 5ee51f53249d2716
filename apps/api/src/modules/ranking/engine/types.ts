/**
 * The ranking engine's own domain types: what it needs to know about an edition, independent of the
 * database and of the wire. Its output rows are the shared `LeaderboardRow`, so that a board goes out
 * as it is.
 */
import type { LeaderboardRow, Normalization } from '@ca/shared';

export type { LeaderboardRow, Normalization };

/** A scoring criterion of the edition (docs/scoring.md: weight > 0, min < max; `order` breaks weight ties). */
export interface RankCriterion {
  id: string;
  weight: number;
  min: number;
  max: number;
  order: number;
}

/** A submitted project that takes part in the ranking. */
export interface RankEntry {
  submissionId: string;
  teamId: string;
  teamName: string;
  trackId: string;
  title: string;
  /** When it was submitted, in milliseconds since the epoch (the last tie-break: earlier first). */
  submittedAt: number;
  /** A disqualified project counts nowhere: on no board, and its sheets in no juror's statistics. */
  disqualified: boolean;
}

/** One juror's score sheet for one submission: a value per criterion id. */
export interface RankSheet {
  jurorId: string;
  submissionId: string;
  values: Readonly<Record<string, number>>;
}

/** A juror who declared a conflict with a team: that juror's sheets for the team count nowhere. */
export interface RankConflict {
  jurorId: string;
  teamId: string;
}

/** Everything the engine ranks an edition from. */
export interface EditionRankingInput {
  normalization: Normalization;
  criteria: readonly RankCriterion[];
  entries: readonly RankEntry[];
  sheets: readonly RankSheet[];
  conflicts: readonly RankConflict[];
}

/** A sheet that counts, reduced to what normalization needs. */
export interface CountingSheet {
  jurorId: string;
  submissionId: string;
  /** The sheet score of rule 1, in [0, 100]. */
  score: number;
}

/**
 * What one operation changed on one board: the rows that are new or whose rank, score, normalized
 * value, sheet count, criterion means or project fields changed (each with its new rank), and the
 * submission ids that left the board. Rows not named kept their rank and values.
 */
export interface BoardDiff {
  /** `null` for the whole edition's board. */
  trackId: string | null;
  rows: LeaderboardRow[];
  removed: string[];
}
