/**
 * Rules 4 and 5: the order of a board and its competition ranks.
 *
 * Rule 5 compares with a tolerance (numbers within 1e-9 are equal), and "within 1e-9" is not
 * transitive: 0, 0.6e-9 and 1.2e-9 are pairwise equal only in part. A sort with such a comparator
 * would depend on the order it was fed, and an incremental board would then differ from a full
 * recompute. So each level of the rules is applied to a group at a time: the group is sorted exactly
 * on that level's value, cut into runs of equal values (greedily from the best: a value joins the run
 * when it is within 1e-9 of the run's first value), and each run is ordered by the next level. The
 * result depends only on the set of projects, never on the order they came in.
 */
import { compareTitles, same } from './rules';

/** What ranks a project that has at least one counting sheet. */
export interface Standing {
  submissionId: string;
  title: string;
  submittedAt: number;
  /** The ranking value: the normalized value of the edition's method. */
  normalized: number;
  sheets: number;
  /** The mean on the tie-break criterion (rule 5: largest weight, first by order). */
  tieMean: number;
}

const byId = (a: Standing, b: Standing) =>
  a.submissionId < b.submissionId ? -1 : a.submissionId > b.submissionId ? 1 : 0;

/** The exact order a board keeps its ranked projects in between updates: normalized, best first. */
export const byNormalized = (a: Standing, b: Standing): number => b.normalized - a.normalized || byId(a, b);

interface Level {
  value: (s: Standing) => number;
  /** Larger values first. */
  descending: boolean;
}

/** Rule 5, in order: the ranking value, more sheets, the tie-break criterion's mean, earlier submission. */
const LEVELS: readonly Level[] = [
  { value: (s) => s.normalized, descending: true },
  { value: (s) => s.sheets, descending: true },
  { value: (s) => s.tieMean, descending: true },
  { value: (s) => s.submittedAt, descending: false },
];

export interface RankedOrder<T extends Standing> {
  order: T[];
  /** `ranks[i]` is the competition rank of `order[i]` (1, 2, 2, 4). */
  ranks: number[];
}

/**
 * Orders projects that all have sheets and gives them competition ranks. The input must be sorted
 * with `byNormalized` (the board keeps it so, which saves the first sort on every update).
 */
export const rankStandings = <T extends Standing>(sortedByNormalized: readonly T[]): RankedOrder<T> => {
  const out: RankedOrder<T> = { order: [], ranks: [] };
  orderRuns(sortedByNormalized, 0, out);
  return out;
};

const orderRuns = <T extends Standing>(group: readonly T[], level: number, out: RankedOrder<T>): void => {
  if (group.length === 1) {
    out.ranks.push(out.order.length + 1);
    out.order.push(group[0]);
    return;
  }
  if (level === LEVELS.length) {
    // Tied on every rule: one shared rank, in title order.
    const rank = out.order.length + 1;
    for (const s of [...group].sort(compareTitles)) {
      out.order.push(s);
      out.ranks.push(rank);
    }
    return;
  }
  const { value, descending } = LEVELS[level];
  const sorted =
    level === 0
      ? group
      : [...group].sort((a, b) => (descending ? value(b) - value(a) : value(a) - value(b)) || byId(a, b));
  let start = 0;
  while (start < sorted.length) {
    const first = value(sorted[start]);
    let end = start + 1;
    while (end < sorted.length && same(value(sorted[end]), first)) end++;
    if (end - start === 1) {
      out.ranks.push(out.order.length + 1);
      out.order.push(sorted[start]);
    } else {
      orderRuns(sorted.slice(start, end), level + 1, out);
    }
    start = end;
  }
};
