/**
 * A project's result from its counting sheets (rules 2 and 3), and its leaderboard row.
 */
import type { NormalizationMethod } from './normalization';
import type { CountingSheet, LeaderboardRow, RankCriterion, RankEntry } from './types';

/** A counting sheet with its criterion values (for the criterion means). */
export interface ScoredSheet extends CountingSheet {
  values: Readonly<Record<string, number>>;
}

/** What the counting sheets of one project add up to. */
export interface ProjectResult {
  sheets: number;
  /** The mean sheet score (rule 2): what a board displays. */
  score: number;
  /** The method's ranking value (equal to `score` with `none`). */
  normalized: number;
  /** The mean of each criterion's raw values, by criterion id. */
  criteria: Record<string, number>;
  /** The mean on the tie-break criterion. */
  tieMean: number;
}

/**
 * The result of a project's counting sheets, or `null` when none counts (rule 4: unranked). The
 * criteria come sorted by order (the means are keyed in that order).
 */
export const projectResult = (
  criteria: readonly RankCriterion[],
  tieBreakId: string | null,
  sheets: ScoredSheet[],
  method: NormalizationMethod,
): ProjectResult | null => {
  if (sheets.length === 0 || tieBreakId === null) return null;
  // Summed in juror order (in place: callers pass a fresh array), whatever order the sheets came in.
  if (sheets.length > 1) sheets.sort(byJuror);
  const n = sheets.length;
  let score = 0;
  for (const s of sheets) score += s.score;
  const means: Record<string, number> = {};
  for (const c of criteria) {
    let sum = 0;
    for (const s of sheets) sum += s.values[c.id];
    means[c.id] = sum / n;
  }
  return {
    sheets: n,
    score: score / n,
    normalized: method.normalize(sheets),
    criteria: means,
    tieMean: means[tieBreakId],
  };
};

const byJuror = (a: ScoredSheet, b: ScoredSheet) =>
  a.jurorId < b.jurorId ? -1 : a.jurorId > b.jurorId ? 1 : 0;

/** The row of a project on a board; an unranked project has no rank, score or means. */
export const toLeaderboardRow = (
  entry: RankEntry,
  result: ProjectResult | null,
  rank: number | null,
): LeaderboardRow => ({
  rank,
  submissionId: entry.submissionId,
  teamId: entry.teamId,
  teamName: entry.teamName,
  trackId: entry.trackId,
  title: entry.title,
  score: result?.score ?? null,
  normalized: result?.normalized ?? null,
  sheets: result?.sheets ?? 0,
  criteria: result?.criteria ?? null,
});

/** Whether two rows of the same project differ in anything a screen shows. */
export const rowChanged = (a: LeaderboardRow, b: LeaderboardRow): boolean => {
  if (
    a.rank !== b.rank ||
    a.score !== b.score ||
    a.normalized !== b.normalized ||
    a.sheets !== b.sheets ||
    a.teamId !== b.teamId ||
    a.teamName !== b.teamName ||
    a.trackId !== b.trackId ||
    a.title !== b.title
  )
    return true;
  if (a.criteria === b.criteria) return false;
  if (a.criteria === null || b.criteria === null) return true;
  const keys = Object.keys(a.criteria);
  if (keys.length !== Object.keys(b.criteria).length) return true;
  return keys.some((k) => a.criteria![k] !== b.criteria![k]);
};
