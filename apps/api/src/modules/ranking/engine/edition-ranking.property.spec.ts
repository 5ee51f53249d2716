/**
 * Property: after any sequence of sheet saves, replacements and removals, conflicts, disqualifications
 * and project changes, the incremental engine's boards equal a full recompute from the final inputs,
 * and the diffs it returned, applied to the boards a screen had, give the same boards.
 */
import fc from 'fast-check';
import { computeEdition, conflictKey } from './compute';
import { EditionRanking } from './edition-ranking';
import { criterion } from './__tests__/fixtures';
import type {
  BoardDiff,
  EditionRankingInput,
  LeaderboardRow,
  Normalization,
  RankCriterion,
  RankEntry,
  RankSheet,
} from './types';

const JURORS = ['j0', 'j1', 'j2', 'j3', 'j4', 'j5'];
const SUBMISSIONS = ['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9'];
const TEAMS = ['t0', 't1', 't2', 't3', 't4', 't5', 't6'];

/** Two criteria sets: c3 shares the largest weight with c2 and comes first by order; then c3 is gone. */
const CRITERIA: RankCriterion[][] = [
  [criterion('c1', 1, 0, 10, 1), criterion('c2', 2, 0, 10, 2), criterion('c3', 2, 0, 5, 0)],
  [criterion('c1', 1, 0, 4, 0), criterion('c2', 1, 0, 4, 1)],
];

// Small integers make many exact ties; the near values exercise the 1e-9 equality.
const value = fc.constantFrom(0, 1, 2, 3, 4, 2 + 1e-10, 2 + 5e-10, 3 - 1e-10, 4 - 1e-8);
const values = fc.record({ c1: value, c2: value, c3: value }, { requiredKeys: ['c1', 'c2'] });
const juror = fc.constantFrom(...JURORS);
const submission = fc.constantFrom(...SUBMISSIONS);
const team = fc.constantFrom(...TEAMS);

const sheetArb = fc.record({ jurorId: juror, submissionId: submission, values });
const entryArb = fc.record({
  submissionId: submission,
  teamId: team,
  teamName: fc.constantFrom('Owls', 'Foxes'),
  trackId: fc.constantFrom('A', 'B', 'C'),
  title: fc.constantFrom('Alpha', 'alpha', 'Beta', 'Gamma 2', 'Gamma 10'),
  submittedAt: fc.constantFrom(1_000, 2_000, 3_000),
  disqualified: fc.boolean(),
});
const conflictArb = fc.record({ jurorId: juror, teamId: team });

type Op =
  | { kind: 'upsertSheet'; sheet: RankSheet }
  | { kind: 'removeSheet'; jurorId: string; submissionId: string }
  | { kind: 'setConflict' | 'removeConflict'; jurorId: string; teamId: string }
  | { kind: 'setDisqualified'; submissionId: string; disqualified: boolean }
  | { kind: 'upsertEntry'; entry: RankEntry }
  | { kind: 'removeEntry'; submissionId: string }
  | { kind: 'setCriteria'; index: number }
  | { kind: 'setNormalization'; normalization: Normalization };

const ops = (withNormalization: boolean): fc.Arbitrary<Op[]> => {
  const arbitraries: fc.WeightedArbitrary<Op>[] = [
    { weight: 10, arbitrary: sheetArb.map((sheet) => ({ kind: 'upsertSheet' as const, sheet })) },
    {
      weight: 3,
      arbitrary: fc
        .record({ jurorId: juror, submissionId: submission })
        .map((k) => ({ kind: 'removeSheet' as const, ...k })),
    },
    { weight: 2, arbitrary: conflictArb.map((c) => ({ kind: 'setConflict' as const, ...c })) },
    { weight: 1, arbitrary: conflictArb.map((c) => ({ kind: 'removeConflict' as const, ...c })) },
    {
      weight: 2,
      arbitrary: fc
        .record({ submissionId: submission, disqualified: fc.boolean() })
        .map((d) => ({ kind: 'setDisqualified' as const, ...d })),
    },
    { weight: 2, arbitrary: entryArb.map((entry) => ({ kind: 'upsertEntry' as const, entry })) },
    {
      weight: 1,
      arbitrary: submission.map((submissionId) => ({ kind: 'removeEntry' as const, submissionId })),
    },
    { weight: 1, arbitrary: fc.constantFrom(0, 1).map((index) => ({ kind: 'setCriteria' as const, index })) },
  ];
  if (withNormalization)
    arbitraries.push({
      weight: 1,
      arbitrary: fc
        .constantFrom<Normalization>('none', 'zscore', 'model')
        .map((normalization) => ({ kind: 'setNormalization' as const, normalization })),
    });
  return fc.array(fc.oneof(...arbitraries), { maxLength: 40 });
};

/** The final inputs, kept the plain way; handed to the full computation in reverse order. */
class Model {
  entries = new Map<string, RankEntry>();
  sheets = new Map<string, RankSheet>();
  conflicts = new Map<string, { jurorId: string; teamId: string }>();
  criteria = 0;

  constructor(public normalization: Normalization) {}

  apply(op: Op): void {
    switch (op.kind) {
      case 'upsertSheet':
        this.sheets.set(`${op.sheet.jurorId}|${op.sheet.submissionId}`, op.sheet);
        break;
      case 'removeSheet':
        this.sheets.delete(`${op.jurorId}|${op.submissionId}`);
        break;
      case 'setConflict':
        this.conflicts.set(conflictKey(op.jurorId, op.teamId), { jurorId: op.jurorId, teamId: op.teamId });
        break;
      case 'removeConflict':
        this.conflicts.delete(conflictKey(op.jurorId, op.teamId));
        break;
      case 'setDisqualified': {
        const e = this.entries.get(op.submissionId);
        if (e) this.entries.set(op.submissionId, { ...e, disqualified: op.disqualified });
        break;
      }
      case 'upsertEntry':
        this.entries.set(op.entry.submissionId, op.entry);
        break;
      case 'removeEntry':
        this.entries.delete(op.submissionId);
        break;
      case 'setCriteria':
        this.criteria = op.index;
        break;
      case 'setNormalization':
        this.normalization = op.normalization;
        break;
    }
  }

  input(): EditionRankingInput {
    return {
      normalization: this.normalization,
      criteria: [...CRITERIA[this.criteria]].reverse(),
      entries: [...this.entries.values()].reverse(),
      sheets: [...this.sheets.values()].reverse(),
      conflicts: [...this.conflicts.values()].reverse(),
    };
  }
}

const applyTo = (engine: EditionRanking, model: Model, op: Op): BoardDiff[] => {
  switch (op.kind) {
    case 'upsertSheet':
      return engine.upsertSheet(op.sheet);
    case 'removeSheet':
      return engine.removeSheet(op.jurorId, op.submissionId);
    case 'setConflict':
      return engine.setConflict(op.jurorId, op.teamId);
    case 'removeConflict':
      return engine.removeConflict(op.jurorId, op.teamId);
    case 'setDisqualified':
      return model.entries.has(op.submissionId)
        ? engine.setDisqualified(op.submissionId, op.disqualified)
        : [];
    case 'upsertEntry':
      return engine.upsertEntry(op.entry);
    case 'removeEntry':
      return engine.removeEntry(op.submissionId);
    case 'setCriteria':
      return engine.setCriteria(CRITERIA[op.index]);
    case 'setNormalization':
      return engine.setNormalization(op.normalization);
  }
};

const boardsOf = (engine: EditionRanking) =>
  new Map<string | null, LeaderboardRow[]>([
    [null, engine.board(null)],
    ...engine.trackIds().map((t): [string, LeaderboardRow[]] => [t, engine.board(t)]),
  ]);

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9;

/** Same boards, same order, same ranks and fields; numbers within 1e-9. */
const expectSameBoards = (
  actual: Map<string | null, LeaderboardRow[]>,
  expected: Map<string | null, LeaderboardRow[]>,
) => {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [key, rows] of expected) {
    const got = actual.get(key)!;
    const exact = (r: LeaderboardRow) => [
      r.submissionId,
      r.rank,
      r.sheets,
      r.teamId,
      r.teamName,
      r.trackId,
      r.title,
    ];
    expect(got.map(exact)).toEqual(rows.map(exact));
    rows.forEach((want, i) => {
      const row = got[i];
      const numbers = (r: LeaderboardRow) => [r.score, r.normalized, ...Object.values(r.criteria ?? {})];
      expect(Object.keys(row.criteria ?? {})).toEqual(Object.keys(want.criteria ?? {}));
      const ok = numbers(row).every((n, j) => close(n, numbers(want)[j]));
      if (!ok) throw new Error(`board ${key}: ${JSON.stringify(row)} differs from ${JSON.stringify(want)}`);
    });
  }
};

/** A screen's copy of the boards, kept up to date only through the diffs. */
const screenOf = (engine: EditionRanking) =>
  new Map([...boardsOf(engine)].map(([k, rows]) => [k, new Map(rows.map((r) => [r.submissionId, r]))]));

const applyDiffs = (screen: Map<string | null, Map<string, LeaderboardRow>>, diffs: BoardDiff[]) => {
  for (const diff of diffs) {
    let rows = screen.get(diff.trackId);
    if (!rows) screen.set(diff.trackId, (rows = new Map()));
    for (const id of diff.removed) {
      expect(rows.has(id)).toBe(true);
      rows.delete(id);
    }
    for (const row of diff.rows) {
      // A diff names only rows that changed.
      expect(rows.get(row.submissionId)).not.toEqual(row);
      rows.set(row.submissionId, row);
    }
  }
  for (const [key, rows] of screen) if (rows.size === 0 && key !== null) screen.delete(key);
};

const expectScreenMatches = (
  screen: Map<string | null, Map<string, LeaderboardRow>>,
  engine: EditionRanking,
) => {
  const boards = boardsOf(engine);
  expect([...screen.keys()].sort()).toEqual([...boards.keys()].sort());
  for (const [key, rows] of boards)
    expect(screen.get(key)).toEqual(new Map(rows.map((r) => [r.submissionId, r])));
};

const initial = fc.record({
  entries: fc.array(entryArb, { maxLength: 10 }),
  sheets: fc.array(sheetArb, { maxLength: 30 }),
  conflicts: fc.array(conflictArb, { maxLength: 3 }),
  criteria: fc.constantFrom(0, 1),
});

const run = (normalization: Normalization, withSwitches: boolean) =>
  fc.assert(
    fc.property(initial, ops(withSwitches), (start, sequence) => {
      const model = new Model(normalization);
      model.criteria = start.criteria;
      for (const e of start.entries) model.apply({ kind: 'upsertEntry', entry: e });
      for (const s of start.sheets) model.apply({ kind: 'upsertSheet', sheet: s });
      for (const c of start.conflicts) model.apply({ kind: 'setConflict', ...c });
      const engine = new EditionRanking({
        normalization,
        criteria: CRITERIA[start.criteria],
        entries: start.entries,
        sheets: start.sheets,
        conflicts: start.conflicts,
      });
      expectSameBoards(boardsOf(engine), computeEdition(model.input()));
      const screen = screenOf(engine);
      for (const op of sequence) {
        const diffs = applyTo(engine, model, op);
        model.apply(op);
        expectSameBoards(boardsOf(engine), computeEdition(model.input()));
        applyDiffs(screen, diffs);
        expectScreenMatches(screen, engine);
      }
      // A full recompute through the engine itself gives the very same rows, bit for bit.
      expect(boardsOf(new EditionRanking(model.input()))).toEqual(boardsOf(engine));
    }),
    { numRuns: 300 },
  );

describe('EditionRanking, incremental against a full recompute (property)', () => {
  it.each<Normalization>(['none', 'zscore', 'model'])('holds with normalization %s', (normalization) => {
    run(normalization, false);
  });

  it('holds while the normalization changes too', () => {
    run('zscore', true);
  });
});
