/**
 * Why each project of a board holds its rank, by the same grouping the engine ranks with
 * (engine/standings.ts): projects are cut into runs of equal ranking values (greedily from the
 * best, within 1e-9 of a run's first value), each run into runs of equal sheet counts, then of the
 * tie-break criterion's mean, then of submission time. Two projects of one ranking-value run were
 * separated by the first level at which they fall into different runs, or are tied.
 */
import type { LeaderboardRow, RankPeer, RankReason } from '@ca/shared';
import { same } from './engine';

type Level = 'sheets' | 'tieCriterion' | 'submittedAt';

interface Item {
  row: LeaderboardRow;
  normalized: number;
  sheets: number;
  tieMean: number;
  submittedAt: number;
  /** The run index at each level, from the ranking value down. */
  path: number[];
}

const LEVELS: { name: Level | 'normalized'; value: (i: Item) => number; descending: boolean }[] = [
  { name: 'normalized', value: (i) => i.normalized, descending: true },
  { name: 'sheets', value: (i) => i.sheets, descending: true },
  { name: 'tieCriterion', value: (i) => i.tieMean, descending: true },
  { name: 'submittedAt', value: (i) => i.submittedAt, descending: false },
];

const byId = (a: Item, b: Item) =>
  a.row.submissionId < b.row.submissionId ? -1 : a.row.submissionId > b.row.submissionId ? 1 : 0;

/** Marks each item's run at `level` and below. */
const cut = (group: Item[], level: number): void => {
  if (level === LEVELS.length || group.length < 2) return;
  const { value, descending } = LEVELS[level]!;
  const sorted = [...group].sort(
    (a, b) => (descending ? value(b) - value(a) : value(a) - value(b)) || byId(a, b),
  );
  let start = 0;
  let run = 0;
  while (start < sorted.length) {
    const first = value(sorted[start]!);
    let end = start + 1;
    while (end < sorted.length && same(value(sorted[end]!), first)) end++;
    const members = sorted.slice(start, end);
    for (const m of members) m.path[level] = run;
    cut(members, level + 1);
    run++;
    start = end;
  }
};

/** The first level below the ranking value at which two items of one run part; `tied` if none. */
const partedBy = (a: Item, b: Item): RankPeer['decidedBy'] => {
  for (let level = 1; level < LEVELS.length; level++) {
    if (a.path[level] !== b.path[level]) return LEVELS[level]!.name as Level;
  }
  return 'tied';
};

const DEPTH: Record<RankPeer['decidedBy'], number> = { sheets: 1, tieCriterion: 2, submittedAt: 3, tied: 4 };

/**
 * The reason of every row of a board (rows in board order; `submittedAt` in ms by submission id),
 * keyed by submission id. `tieBreakId` names the criterion of the second tie-break.
 */
export function rankReasons(
  rows: readonly LeaderboardRow[],
  tieBreakId: string | null,
  submittedAt: (submissionId: string) => number,
): Map<string, RankReason> {
  const ranked: Item[] = rows
    .filter((r) => r.rank !== null && r.normalized !== null)
    .map((row) => ({
      row,
      normalized: row.normalized!,
      sheets: row.sheets,
      tieMean: tieBreakId && row.criteria ? (row.criteria[tieBreakId] ?? 0) : 0,
      submittedAt: submittedAt(row.submissionId),
      path: [],
    }));
  // Level 0 over the whole board, exactly as the engine sorts it (normalized, best first, then id).
  cut(ranked, 0);
  const runs = new Map<number, Item[]>();
  for (const item of ranked) {
    const run = runs.get(item.path[0]!) ?? [];
    run.push(item);
    runs.set(item.path[0]!, run);
  }
  const out = new Map<string, RankReason>();
  for (const item of ranked) {
    const peers = runs.get(item.path[0]!)!.filter((p) => p !== item);
    const tiedWith: RankPeer[] = peers
      .sort((a, b) => a.row.rank! - b.row.rank! || byId(a, b))
      .map((p) => ({
        submissionId: p.row.submissionId,
        teamName: p.row.teamName,
        title: p.row.title,
        rank: p.row.rank!,
        sheets: p.sheets,
        tieMean: p.tieMean,
        submittedAt: new Date(p.submittedAt).toISOString(),
        relation: item.row.rank! < p.row.rank! ? 'ahead' : item.row.rank! > p.row.rank! ? 'behind' : 'level',
        decidedBy: partedBy(item, p),
      }));
    const deepest = tiedWith.reduce<RankPeer['decidedBy'] | null>(
      (d, p) => (d === null || DEPTH[p.decidedBy] > DEPTH[d] ? p.decidedBy : d),
      null,
    );
    out.set(item.row.submissionId, {
      rank: item.row.rank,
      normalized: item.normalized,
      score: item.row.score,
      sheets: item.sheets,
      tieMean: tieBreakId ? item.tieMean : null,
      submittedAt: new Date(item.submittedAt).toISOString(),
      decidedBy: deepest ?? 'normalized',
      tiedWith,
    });
  }
  for (const row of rows) {
    if (out.has(row.submissionId)) continue;
    out.set(row.submissionId, {
      rank: null,
      normalized: null,
      score: null,
      sheets: row.sheets,
      tieMean: null,
      submittedAt: new Date(submittedAt(row.submissionId)).toISOString(),
      decidedBy: null,
      tiedWith: [],
    });
  }
  return out;
}
