/**
 * The scoring rules of docs/scoring.md ("Scoring — exact rules"), one small function each. Everything here
 * is pure and deterministic: the same inputs give the same bits whatever order they arrive in, which
 * is what lets the incremental engine equal a full recompute exactly.
 */
import type { RankCriterion } from './types';

/** Rule 5: two numbers within this distance of each other are equal in every comparison. */
export const EPSILON = 1e-9;

/** Rule 5's equality. */
export const same = (a: number, b: number): boolean => Math.abs(a - b) <= EPSILON;

/** The criterion values of a sheet are complete when every criterion has a finite value. */
export const isComplete = (criteria: readonly RankCriterion[], values: Readonly<Record<string, number>>) =>
  criteria.length > 0 && criteria.every((c) => Number.isFinite(values[c.id]));

/**
 * Rule 1: `100 · Σ w·(v − min)/(max − min) / Σ w`, or `null` for a sheet that lacks a value for some
 * criterion (it counts nowhere until it is complete). Values are trusted to lie in [min, max]; the
 * judging module validates them.
 */
export const sheetScore = (
  criteria: readonly RankCriterion[],
  values: Readonly<Record<string, number>>,
): number | null => {
  if (!isComplete(criteria, values)) return null;
  let weighted = 0;
  let weights = 0;
  for (const c of criteria) {
    weighted += (c.weight * (values[c.id] - c.min)) / (c.max - c.min);
    weights += c.weight;
  }
  return (100 * weighted) / weights;
};

/** Criteria by `order`, then id, so that "first by order" is always defined. */
export const byOrder = (criteria: readonly RankCriterion[]): RankCriterion[] =>
  [...criteria].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * Rule 5's criterion for the second tie-break: the one with the largest weight, the first by order
 * among those whose weight equals the largest (within 1e-9); `null` without criteria.
 */
export const tieBreakCriterion = (criteria: readonly RankCriterion[]): RankCriterion | null => {
  if (criteria.length === 0) return null;
  const largest = criteria.reduce((m, c) => Math.max(m, c.weight), -Infinity);
  return byOrder(criteria).find((c) => same(c.weight, largest)) ?? null;
};

/** A juror's statistics over the sheet scores that count: population mean and standard deviation. */
export interface JurorStats {
  count: number;
  mean: number;
  sd: number;
}

/**
 * Rule 3's statistics of one juror's counting sheet scores. The scores are sorted first (in place)
 * and summed in that order, so that the result does not depend on the order the sheets came in.
 */
export const jurorStats = (scores: Float64Array): JurorStats => {
  const count = scores.length;
  if (count === 0) return { count: 0, mean: 0, sd: 0 };
  scores.sort();
  let sum = 0;
  for (let i = 0; i < count; i++) sum += scores[i];
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < count; i++) squares += (scores[i] - mean) * (scores[i] - mean);
  return { count, mean, sd: Math.sqrt(squares / count) };
};

/** Rule 3: a sheet score as a z-score against its juror; 0 with fewer than 2 sheets or sd < 1e-9. */
export const zScore = (score: number, stats: JurorStats): number =>
  stats.count < 2 || stats.sd < EPSILON ? 0 : (score - stats.mean) / stats.sd;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/**
 * Title order (for projects without a sheet, for rows tied on every rule, and for viewers who may not
 * see scores): a language-neutral collation, then code units, then the submission id, so that it is a
 * total order.
 */
export const compareTitles = (
  a: { title: string; submissionId: string },
  b: { title: string; submissionId: string },
): number =>
  collator.compare(a.title, b.title) ||
  (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
  (a.submissionId < b.submissionId ? -1 : a.submissionId > b.submissionId ? 1 : 0);
