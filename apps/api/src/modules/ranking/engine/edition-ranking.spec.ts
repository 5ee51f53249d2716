/**
 * The incremental engine's operations: each updates the boards and says which rows changed.
 */
import { criterion, entry, input, ranks, row, sheet } from './__tests__/fixtures';
import { computeEdition } from './compute';
import { EditionRanking } from './edition-ranking';
import type { BoardDiff, EditionRankingInput, Normalization } from './types';

/** Two criteria of weight 1 on 0..10: a sheet's score is 5 · (c1 + c2). */
const twoEqual = [criterion('c1', 1, 0, 10, 0), criterion('c2', 1, 0, 10, 1)];

/** Same edition as compute.spec: t1 = p1, p2, p3; t2 = p4; all ranked ones average 70. */
const example = (normalization: Normalization = 'none'): EditionRankingInput =>
  input({
    normalization,
    criteria: twoEqual,
    entries: [entry('p1', 't1'), entry('p2', 't1'), entry('p3', 't1'), entry('p4', 't2')],
    sheets: [
      sheet('j1', 'p1', { c1: 8, c2: 8 }),
      sheet('j2', 'p1', { c1: 6, c2: 6 }),
      sheet('j1', 'p2', { c1: 7, c2: 7 }),
      sheet('j2', 'p4', { c1: 10, c2: 4 }),
    ],
  });

/** A diff as `board → [changed submission ids with their rank], removed` for compact assertions. */
const summary = (diffs: BoardDiff[]) =>
  diffs.map((d) => ({
    board: d.trackId,
    rows: d.rows.map((r) => [r.submissionId, r.rank]),
    removed: d.removed,
  }));

describe('EditionRanking', () => {
  it('starts with the boards of a full computation', () => {
    const engine = new EditionRanking(example('zscore'));
    const full = computeEdition(example('zscore'));
    expect(engine.trackIds()).toEqual(['t1', 't2']);
    for (const [trackId, rows] of full) expect(engine.board(trackId)).toEqual(rows);
  });

  it('answers an empty board for a track without projects', () => {
    expect(new EditionRanking(example()).board('nope')).toEqual([]);
  });

  describe('upsertSheet', () => {
    it("sends only the rows that changed: the sheet's project and those whose rank moved", () => {
      const engine = new EditionRanking(example());
      // p3 gets 100: first everywhere; p1, p4 and p2 each move one place down overall, p1 and p2 in t1.
      const diffs = engine.upsertSheet(sheet('j3', 'p3', { c1: 10, c2: 10 }));
      expect(summary(diffs)).toEqual([
        {
          board: null,
          rows: [
            ['p3', 1],
            ['p1', 2],
            ['p4', 3],
            ['p2', 4],
          ],
          removed: [],
        },
        {
          board: 't1',
          rows: [
            ['p3', 1],
            ['p1', 2],
            ['p2', 3],
          ],
          removed: [],
        },
      ]);
      expect(row(diffs[0].rows, 'p3')).toMatchObject({ score: 100, normalized: 100, sheets: 1 });
    });

    it('sends only the changed project when no rank moves', () => {
      const engine = new EditionRanking(example());
      // p3 gets 10: still last of the ranked ones.
      expect(summary(engine.upsertSheet(sheet('j3', 'p3', { c1: 1, c2: 1 })))).toEqual([
        { board: null, rows: [['p3', 4]], removed: [] },
        { board: 't1', rows: [['p3', 3]], removed: [] },
      ]);
    });

    it('replaces the earlier sheet of the same juror', () => {
      const engine = new EditionRanking(example());
      engine.upsertSheet(sheet('j1', 'p2', { c1: 10, c2: 10 }));
      expect(row(engine.board(null), 'p2')).toMatchObject({ rank: 1, score: 100, sheets: 1 });
    });

    it('sends nothing when a sheet is saved again unchanged', () => {
      const engine = new EditionRanking(example('zscore'));
      expect(engine.upsertSheet(sheet('j1', 'p2', { c1: 7, c2: 7 }))).toEqual([]);
    });

    it('sends a row whose criterion means changed though its score did not', () => {
      const engine = new EditionRanking(example());
      const diffs = engine.upsertSheet(sheet('j1', 'p2', { c1: 8, c2: 6 }));
      expect(summary(diffs)).toEqual([
        { board: null, rows: [['p2', 3]], removed: [] },
        { board: 't1', rows: [['p2', 2]], removed: [] },
      ]);
      expect(diffs[0].rows[0].criteria).toEqual({ c1: 8, c2: 6 });
    });

    it('with z-scores, moves every project of the juror whose statistics changed', () => {
      const engine = new EditionRanking(example('zscore'));
      // j1 now gives p2 90: j1 mean 85, sd 5 → z(p1) = −1, z(p2) = +1; so p1 = mean(−1, −1) = −1 and
      // p2 = +1, level with p4 (+1, one sheet each), which stays ahead on c1 (10 against 9).
      const changed = sheet('j1', 'p2', { c1: 9, c2: 9 });
      const diffs = engine.upsertSheet(changed);
      const overall = engine.board(null);
      expect(ranks(overall)).toEqual([
        ['p4', 1],
        ['p2', 2],
        ['p1', 3],
        ['p3', null],
      ]);
      // p1 changed though none of its sheets did: it is a project of j1.
      expect(summary(diffs)[0]).toEqual({
        board: null,
        rows: [
          ['p2', 2],
          ['p1', 3],
        ],
        removed: [],
      });
      expect(row(overall, 'p1').normalized).toBeCloseTo(-1, 12);
      expect(row(overall, 'p1').score).toBeCloseTo(70, 12);
      const sheets = example().sheets.map((s) =>
        s.jurorId === 'j1' && s.submissionId === 'p2' ? changed : s,
      );
      expect(overall).toEqual(computeEdition({ ...example('zscore'), sheets }).get(null));
    });

    it('holds a sheet for a project it does not know yet, and counts it once the project arrives', () => {
      const engine = new EditionRanking(example());
      expect(engine.upsertSheet(sheet('j1', 'p5', { c1: 10, c2: 10 }))).toEqual([]);
      const diffs = engine.upsertEntry(entry('p5', 't2'));
      expect(row(diffs[0].rows, 'p5')).toMatchObject({ rank: 1, score: 100 });
    });
  });

  describe('removeSheet', () => {
    it('unranks a project whose last sheet goes, and says so on each of its boards', () => {
      const engine = new EditionRanking(example());
      const diffs = engine.removeSheet('j2', 'p4');
      expect(summary(diffs)).toEqual([
        {
          board: null,
          rows: [
            ['p2', 2],
            ['p4', null],
          ],
          removed: [],
        },
        { board: 't2', rows: [['p4', null]], removed: [] },
      ]);
      expect(row(engine.board(null), 'p4')).toMatchObject({
        score: null,
        normalized: null,
        criteria: null,
        sheets: 0,
      });
    });

    it('does nothing for a sheet that does not exist', () => {
      expect(new EditionRanking(example()).removeSheet('j9', 'p1')).toEqual([]);
    });
  });

  describe('conflicts', () => {
    it("take the juror's sheets for the team out of the boards and of the juror's statistics", () => {
      const engine = new EditionRanking(example('zscore'));
      engine.setConflict('j1', 'team-p2');
      expect(row(engine.board(null), 'p2')).toMatchObject({ rank: null, sheets: 0 });
      expect(row(engine.board(null), 'p1').normalized).toBeCloseTo(-0.5, 12);
    });

    it('count again once removed', () => {
      const engine = new EditionRanking(example('zscore'));
      engine.setConflict('j1', 'team-p2');
      engine.removeConflict('j1', 'team-p2');
      expect(engine.board(null)).toEqual(computeEdition(example('zscore')).get(null));
    });

    it('do nothing for a team the juror has not scored', () => {
      expect(new EditionRanking(example('zscore')).setConflict('j1', 'team-p4')).toEqual([]);
    });
  });

  describe('disqualification', () => {
    it('removes the project from every board it was on and its sheets from the statistics', () => {
      const engine = new EditionRanking(example('zscore'));
      const diffs = engine.setDisqualified('p4', true);
      expect(diffs.map((d) => [d.trackId, d.removed])).toEqual([
        [null, ['p4']],
        ['t1', []],
        ['t2', ['p4']],
      ]);
      expect(engine.trackIds()).toEqual(['t1']);
      // j2 is left with p1 alone (z 0): p1 = mean(+1, 0) = 0.5.
      expect(row(engine.board(null), 'p1')).toMatchObject({ rank: 1 });
      expect(row(engine.board(null), 'p1').normalized).toBeCloseTo(0.5, 12);
    });

    it('is undone by clearing the flag', () => {
      const engine = new EditionRanking(example('zscore'));
      engine.setDisqualified('p4', true);
      const diffs = engine.setDisqualified('p4', false);
      expect(row(diffs[0].rows, 'p4').rank).toBe(1);
      expect(engine.board(null)).toEqual(computeEdition(example('zscore')).get(null));
    });

    it('refuses an unknown submission', () => {
      expect(() => new EditionRanking(example()).setDisqualified('nope', true)).toThrow('unknown submission');
    });
  });

  describe('entries', () => {
    it('move between track boards when their track changes', () => {
      const engine = new EditionRanking(example());
      const diffs = engine.upsertEntry(entry('p2', 't2'));
      expect(summary(diffs)).toEqual([
        { board: null, rows: [['p2', 3]], removed: [] },
        { board: 't1', rows: [], removed: ['p2'] },
        { board: 't2', rows: [['p2', 2]], removed: [] },
      ]);
      expect(diffs[0].rows[0].trackId).toBe('t2');
    });

    it('take their conflicts with them when their team changes', () => {
      const engine = new EditionRanking(example());
      engine.setConflict('j1', 'team-x');
      engine.upsertEntry(entry('p2', 't1', { teamId: 'team-x' }));
      expect(row(engine.board(null), 'p2')).toMatchObject({ rank: null, sheets: 0 });
    });

    it('leave the edition with removeEntry', () => {
      const engine = new EditionRanking(example());
      expect(summary(engine.removeEntry('p3'))).toEqual([
        { board: null, rows: [], removed: ['p3'] },
        { board: 't1', rows: [], removed: ['p3'] },
      ]);
    });

    it('reorder the unranked ones when a title changes', () => {
      const engine = new EditionRanking(example());
      engine.removeSheet('j1', 'p2');
      engine.upsertEntry(entry('p3', 't1', { title: 'Aardvark' }));
      expect(ranks(engine.board('t1'))).toEqual([
        ['p1', 1],
        ['p3', null],
        ['p2', null],
      ]);
    });
  });

  describe('criteria and normalization', () => {
    it('recompute everything when the criteria change', () => {
      const engine = new EditionRanking(example());
      // c1 now weighs 3: p4 (c1 10) rises to the top.
      const criteria = [criterion('c1', 3, 0, 10, 0), criterion('c2', 1, 0, 10, 1)];
      engine.setCriteria(criteria);
      expect(engine.board(null)).toEqual(computeEdition({ ...example(), criteria }).get(null));
      expect(ranks(engine.board(null))[0]).toEqual(['p4', 1]);
    });

    it('switch between methods', () => {
      const engine = new EditionRanking(example());
      engine.setNormalization('zscore');
      expect(engine.normalization).toBe('zscore');
      expect(engine.board(null)).toEqual(computeEdition(example('zscore')).get(null));
      engine.setNormalization('none');
      expect(engine.board(null)).toEqual(computeEdition(example('none')).get(null));
    });
  });

  it('combines several operations into one update with batch', () => {
    const engine = new EditionRanking(example());
    const diffs = engine.batch(() => {
      engine.upsertSheet(sheet('j3', 'p3', { c1: 10, c2: 10 }));
      engine.removeSheet('j3', 'p3');
    });
    expect(diffs).toEqual([]);
  });

  it('reports what a reload changed against the state before', () => {
    const engine = new EditionRanking(example());
    const next = { ...example(), entries: [entry('p1', 't1'), entry('p4', 't3')] };
    const diffs = engine.reload(next);
    expect(summary(diffs)).toEqual([
      { board: null, rows: [['p4', 2]], removed: ['p2', 'p3'] },
      { board: 't1', rows: [], removed: ['p2', 'p3'] },
      { board: 't2', rows: [], removed: ['p4'] },
      { board: 't3', rows: [['p4', 1]], removed: [] },
    ]);
    expect(engine.trackIds()).toEqual(['t1', 't3']);
  });
});
