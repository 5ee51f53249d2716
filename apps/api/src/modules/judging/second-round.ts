/**
 * The second judging round, as a pure function (no database): which projects get more reviews, and
 * from whom.
 *
 * Rules:
 * 1. a project is uncertain when the interval `normalized ± z · noiseSd / √sheets` of its value holds
 *    one of the cut-offs between rank r and r + 1 for r = 1 … `top` (the midpoints of the adjacent
 *    values on the board): its place in the top `top`, or its order within it, could change with
 *    more sheets;
 * 2. each uncertain project gets `k` more jurors through the balanced assignment (`assignJurors`):
 *    never a juror conflicted with its team, never a juror already on it, the round's new loads
 *    within one of each other.
 */
import { DEFAULT_SECOND_ROUND_K, type Normalization } from '@ca/shared';
import { fitJurorEffects, jurorStats, zScore, type CountingSheet } from '../ranking/engine';
import { type AlgoAssignment, type AlgoJuror, type AlgoResult, assignJurors } from './assignment-algorithm';

/**
 * Interval width in standard errors unless told: 3, the operating point of the fairness lab
 * (docs/fairness.md: with the default k = 4 it raises P(true best wins) on 60 × 12 × 3 to about
 * 72 %, with k = 3 only to 67.5 %; z = 2 … 5 give the same within the CI for more or fewer added
 * reviews).
 */
export const DEFAULT_Z = 3;

/** More reviews per uncertain project when the request names none (the shared schema's default). */
export const DEFAULT_K = DEFAULT_SECOND_ROUND_K;

export interface SecondRoundRow {
  submissionId: string;
  teamId: string;
  trackId: string;
  /** The ranked value on the board. */
  normalized: number;
  /** Counting sheets behind it (≥ 1). */
  sheets: number;
}

export interface SecondRoundInput {
  /** The board's ranked rows, best first. */
  rows: readonly SecondRoundRow[];
  /** The prize cut-off (the top `top` places); 3 unless told. */
  top?: number;
  /** More reviews per uncertain project. */
  k: number;
  /** The standard deviation of one sheet's value, in normalized units. */
  noiseSd: number;
  /** Width of the interval in standard errors; `DEFAULT_Z` unless told. */
  z?: number;
  jurors: readonly AlgoJuror[];
  /** Every assignment on the edition now. */
  assignments: readonly AlgoAssignment[];
  conflicted: (jurorId: string, teamId: string) => boolean;
}

export interface SecondRoundResult {
  /** The uncertain projects, in board order. */
  uncertain: string[];
  added: AlgoAssignment[];
  short: AlgoResult['short'];
}

export function secondRound(input: SecondRoundInput): SecondRoundResult {
  const top = input.top ?? 3;
  const z = input.z ?? DEFAULT_Z;
  const rows = input.rows;
  const cuts: number[] = [];
  for (let r = 1; r <= top && r < rows.length; r++)
    cuts.push((rows[r - 1]!.normalized + rows[r]!.normalized) / 2);
  const uncertain = rows.filter((row) => {
    const half = (z * input.noiseSd) / Math.sqrt(Math.max(1, row.sheets));
    return cuts.some((c) => Math.abs(row.normalized - c) <= half);
  });
  if (uncertain.length === 0 || input.k <= 0) return { uncertain: [], added: [], short: [] };
  const onIt = new Set(input.assignments.map((a) => `${a.jurorId}\u0000${a.submissionId}`));
  const teamOf = new Map(uncertain.map((r) => [r.teamId, r.submissionId]));
  const result = assignJurors({
    reviewsPerSubmission: input.k,
    // One team per project on a board; the team id is what `conflicted` sees, so the project is
    // found back from it to exclude the jurors already on it.
    projects: uncertain.map((r) => ({ submissionId: r.submissionId, teamId: r.teamId, trackId: r.trackId })),
    jurors: input.jurors,
    conflicted: (jurorId, teamId) =>
      input.conflicted(jurorId, teamId) || onIt.has(`${jurorId}\u0000${teamOf.get(teamId) ?? ''}`),
    existing: [],
    // The first round's pairs of jurors, so that rule 7 brings jurors who have not shared projects.
    context: input.assignments,
  });
  return { uncertain: uncertain.map((r) => r.submissionId), added: result.added, short: result.short };
}

/**
 * One sheet's noise in normalized units: the pooled within-project standard deviation of the
 * per-sheet normalized values (the score for `none`, its z-score against the juror for `zscore`,
 * the juror-corrected score `(score − μ − b_j) / a_j` for `model`). 0 when no project has two sheets.
 */
export function sheetNoise(normalization: Normalization, sheets: readonly CountingSheet[]): number {
  let values: { id: string; v: number }[];
  if (normalization === 'model') {
    const fit = fitJurorEffects(sheets);
    values = sheets.map((s) => {
      const e = fit.jurors.get(s.jurorId)!;
      return { id: s.submissionId, v: (s.score - fit.mean - e.offset) / e.scale };
    });
  } else if (normalization === 'zscore') {
    const byJuror = new Map<string, number[]>();
    for (const s of sheets) byJuror.set(s.jurorId, [...(byJuror.get(s.jurorId) ?? []), s.score]);
    const stats = new Map([...byJuror].map(([j, xs]) => [j, jurorStats(Float64Array.from(xs))]));
    values = sheets.map((s) => ({ id: s.submissionId, v: zScore(s.score, stats.get(s.jurorId)!) }));
  } else values = sheets.map((s) => ({ id: s.submissionId, v: s.score }));
  const groups = new Map<string, number[]>();
  for (const { id, v } of values) groups.set(id, [...(groups.get(id) ?? []), v]);
  let squares = 0;
  let dof = 0;
  for (const vs of groups.values()) {
    const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
    for (const v of vs) squares += (v - mean) * (v - mean);
    dof += vs.length - 1;
  }
  return dof === 0 ? 0 : Math.sqrt(squares / dof);
}
