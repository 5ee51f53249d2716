/**
 * Hand-worked editions for rules 1–6, each checked against both the pure full computation and the
 * incremental engine built from the same input.
 */
import { criterion, entry, input, ranks, row, sheet } from './__tests__/fixtures';
import { computeEdition } from './compute';
import { EditionRanking } from './edition-ranking';
import type { EditionRankingInput, LeaderboardRow } from './types';

const viaEngine = (i: EditionRankingInput): Map<string | null, LeaderboardRow[]> => {
  const engine = new EditionRanking(i);
  return new Map<string | null, LeaderboardRow[]>([
    [null, engine.board(null)],
    ...engine.trackIds().map((t): [string, LeaderboardRow[]] => [t, engine.board(t)]),
  ]);
};

/** Two criteria of weight 1 on 0..10: a sheet's score is 5 · (c1 + c2). */
const twoEqual = [criterion('c1', 1, 0, 10, 0), criterion('c2', 1, 0, 10, 1)];

/**
 * Track t1: p1, p2, p3; track t2: p4.
 *   j1: p1 (8, 8) = 80, p2 (7, 7) = 70        mean 75, sd 5 → z(p1) = +1, z(p2) = −1
 *   j2: p1 (6, 6) = 60, p4 (10, 4) = 70       mean 65, sd 5 → z(p1) = −1, z(p4) = +1
 * Raw means: p1 70 (2 sheets), p2 70 (1 sheet, c1 mean 7), p4 70 (1 sheet, c1 mean 10); p3 no sheet.
 */
const example = (over: Partial<EditionRankingInput> = {}) =>
  input({
    criteria: twoEqual,
    entries: [entry('p1', 't1'), entry('p2', 't1'), entry('p3', 't1'), entry('p4', 't2')],
    sheets: [
      sheet('j1', 'p1', { c1: 8, c2: 8 }),
      sheet('j2', 'p1', { c1: 6, c2: 6 }),
      sheet('j1', 'p2', { c1: 7, c2: 7 }),
      sheet('j2', 'p4', { c1: 10, c2: 4 }),
    ],
    ...over,
  });

describe.each([
  ['computeEdition', computeEdition],
  ['EditionRanking', viaEngine],
])('%s', (_name, rank) => {
  describe('normalization none (rule 2)', () => {
    it('ranks by the mean sheet score; equal means break on sheets, then the tie-break criterion', () => {
      const overall = rank(example()).get(null)!;
      // p1, p2 and p4 all average 70: p1 has 2 sheets; p4 beats p2 on c1 (10 against 7).
      expect(ranks(overall)).toEqual([
        ['p1', 1],
        ['p4', 2],
        ['p2', 3],
        ['p3', null],
      ]);
      const p1 = row(overall, 'p1');
      expect(p1).toEqual({
        rank: 1,
        submissionId: 'p1',
        teamId: 'team-p1',
        teamName: 'Team p1',
        trackId: 't1',
        title: 'Project p1',
        score: expect.closeTo(70, 12),
        normalized: p1.score,
        sheets: 2,
        criteria: { c1: 7, c2: 7 },
      });
      expect(row(overall, 'p4').criteria).toEqual({ c1: 10, c2: 4 });
    });

    it('lists a project without a sheet last, unranked, with no score and no means (rule 4)', () => {
      const p3 = row(rank(example()).get(null)!, 'p3');
      expect(p3).toMatchObject({ rank: null, score: null, normalized: null, sheets: 0, criteria: null });
    });

    it('lists projects without a sheet in title order', () => {
      const boards = rank(
        example({
          entries: [
            entry('p1', 't1'),
            entry('p2', 't1', { title: 'Zebra' }),
            entry('p3', 't1', { title: 'Aardvark' }),
            entry('p4', 't2', { title: 'Mole' }),
          ],
          sheets: [sheet('j1', 'p1', { c1: 1, c2: 1 })],
        }),
      );
      expect(ranks(boards.get(null)!)).toEqual([
        ['p1', 1],
        ['p3', null],
        ['p4', null],
        ['p2', null],
      ]);
    });

    it('has a board per track with its own ranks, beside the whole edition (rule 6)', () => {
      const boards = rank(example());
      expect([...boards.keys()]).toEqual([null, 't1', 't2']);
      expect(ranks(boards.get('t1')!)).toEqual([
        ['p1', 1],
        ['p2', 2],
        ['p3', null],
      ]);
      expect(ranks(boards.get('t2')!)).toEqual([['p4', 1]]);
      expect(row(boards.get(null)!, 'p2').rank).toBe(3);
    });

    it('returns scores at full precision', () => {
      // 100 · (1/3 + 1/3) / 2 = 33.333…
      const boards = rank(
        input({
          criteria: [criterion('a', 1, 0, 3, 0), criterion('b', 1, 0, 3, 1)],
          entries: [entry('p', 't')],
          sheets: [sheet('j', 'p', { a: 1, b: 1 })],
        }),
      );
      expect(row(boards.get(null)!, 'p').score).toBeCloseTo(100 / 3, 12);
      expect(row(boards.get(null)!, 'p').score).not.toBe(33.33);
    });

    it('breaks a tie on value, sheets and criterion mean by the earlier submission', () => {
      const boards = rank(
        input({
          criteria: twoEqual,
          entries: [entry('late', 't', { submittedAt: 5_000 }), entry('early', 't', { submittedAt: 4_000 })],
          sheets: [sheet('j1', 'late', { c1: 6, c2: 6 }), sheet('j2', 'early', { c1: 6, c2: 6 })],
        }),
      );
      expect(ranks(boards.get(null)!)).toEqual([
        ['early', 1],
        ['late', 2],
      ]);
    });

    it('gives projects tied on every rule the same rank and skips the next (1, 2, 2, 4)', () => {
      const boards = rank(
        input({
          criteria: twoEqual,
          entries: ['q1', 'q2', 'q3', 'q4'].map((n) => entry(n, 't')),
          sheets: [
            sheet('j1', 'q1', { c1: 9, c2: 9 }),
            sheet('j2', 'q2', { c1: 8, c2: 8 }),
            sheet('j3', 'q3', { c1: 8, c2: 8 }),
            sheet('j4', 'q4', { c1: 7, c2: 7 }),
          ],
        }),
      );
      expect(ranks(boards.get(null)!)).toEqual([
        ['q1', 1],
        ['q2', 2],
        ['q3', 2],
        ['q4', 4],
      ]);
    });

    it('treats scores 1e-10 apart as equal (more sheets wins) and 1e-8 apart as different', () => {
      // One criterion on 0..100 of weight 1: the sheet score is the value.
      const oneCriterion = [criterion('v', 1, 0, 100, 0)];
      const board = (delta: number) =>
        rank(
          input({
            criteria: oneCriterion,
            entries: [entry('higher', 't'), entry('more', 't')],
            sheets: [
              sheet('j1', 'higher', { v: 50 + delta }),
              sheet('j1', 'more', { v: 50 }),
              sheet('j2', 'more', { v: 50 }),
            ],
          }),
        ).get(null)!;
      expect(ranks(board(1e-10))).toEqual([
        ['more', 1],
        ['higher', 2],
      ]);
      expect(ranks(board(1e-8))).toEqual([
        ['higher', 1],
        ['more', 2],
      ]);
    });

    it('breaks on the first criterion by order when two share the largest weight', () => {
      // Weights a 2 (order 1), b 2 (order 0), c 1: x and y both score 2 · (2a + 2b + c) = 66;
      // b, first by order, favours y; a, first in the list, would favour x.
      const shared = (weightA: number) =>
        rank(
          input({
            criteria: [
              criterion('a', weightA, 0, 10, 1),
              criterion('b', 2, 0, 10, 0),
              criterion('c', 1, 0, 10, 2),
            ],
            entries: [entry('x', 't'), entry('y', 't')],
            sheets: [sheet('j1', 'x', { a: 8, b: 6, c: 5 }), sheet('j2', 'y', { a: 6, b: 8, c: 5 })],
          }),
        ).get(null)!;
      expect(ranks(shared(2))).toEqual([
        ['y', 1],
        ['x', 2],
      ]);
      // Weights 1e-10 apart are shared too.
      expect(ranks(shared(2 + 1e-10))).toEqual([
        ['y', 1],
        ['x', 2],
      ]);
    });

    it('counts no sheet of a juror conflicted with the team', () => {
      const boards = rank(example({ conflicts: [{ jurorId: 'j1', teamId: 'team-p2' }] }));
      expect(row(boards.get(null)!, 'p2')).toMatchObject({ rank: null, sheets: 0, score: null });
    });

    it('lists no disqualified project, on any board', () => {
      const boards = rank(
        example({
          entries: [
            entry('p1', 't1'),
            entry('p2', 't1'),
            entry('p3', 't1'),
            entry('p4', 't2', { disqualified: true }),
          ],
        }),
      );
      expect(ranks(boards.get(null)!)).toEqual([
        ['p1', 1],
        ['p2', 2],
        ['p3', null],
      ]);
      expect(boards.has('t2')).toBe(false);
    });

    it('ignores sheets for unknown projects and incomplete sheets; a later sheet replaces an earlier one', () => {
      const boards = rank(
        example({
          sheets: [
            sheet('j1', 'p1', { c1: 8, c2: 8 }),
            sheet('j1', 'ghost', { c1: 10, c2: 10 }),
            sheet('j2', 'p2', { c1: 10 }),
            sheet('j3', 'p3', { c1: 1, c2: 1 }),
            sheet('j3', 'p3', { c1: 2, c2: 2 }),
          ],
        }),
      );
      const overall = boards.get(null)!;
      expect(row(overall, 'p2')).toMatchObject({ rank: null, sheets: 0 });
      expect(row(overall, 'p3')).toMatchObject({ sheets: 1, criteria: { c1: 2, c2: 2 } });
      expect(row(overall, 'p3').score).toBeCloseTo(20, 12);
      expect(overall.map((r) => r.submissionId)).not.toContain('ghost');
    });
  });

  describe('normalization zscore (rule 3)', () => {
    const zscore = (over: Partial<EditionRankingInput> = {}) =>
      rank(example({ normalization: 'zscore', ...over }));

    it('ranks by the mean z-score and displays the raw mean', () => {
      const overall = zscore().get(null)!;
      expect(ranks(overall)).toEqual([
        ['p4', 1],
        ['p1', 2],
        ['p2', 3],
        ['p3', null],
      ]);
      expect(row(overall, 'p4').normalized).toBeCloseTo(1, 12);
      expect(row(overall, 'p1').normalized).toBeCloseTo(0, 12);
      expect(row(overall, 'p2').normalized).toBeCloseTo(-1, 12);
      for (const id of ['p1', 'p2', 'p4']) expect(row(overall, id).score).toBeCloseTo(70, 12);
      expect(row(overall, 'p3')).toMatchObject({ rank: null, normalized: null, score: null });
    });

    it('gives a juror with a single sheet a z-score of 0', () => {
      // j3's only sheet (p3: 20) → z 0: p3 ties p1 at 0 and loses on sheets (1 against 2).
      const overall = zscore({ sheets: [...example().sheets, sheet('j3', 'p3', { c1: 2, c2: 2 })] }).get(
        null,
      )!;
      expect(row(overall, 'p3').normalized).toBe(0);
      expect(ranks(overall)).toEqual([
        ['p4', 1],
        ['p1', 2],
        ['p3', 3],
        ['p2', 4],
      ]);
    });

    it('gives a juror whose sheets are all equal (sd 0) z-scores of 0', () => {
      // j3: p3 (2, 2) = 20 and p2 (3, 1) = 20 → z 0 both; p2 = mean(−1, 0) = −0.5.
      const overall = zscore({
        sheets: [
          ...example().sheets,
          sheet('j3', 'p3', { c1: 2, c2: 2 }),
          sheet('j3', 'p2', { c1: 3, c2: 1 }),
        ],
      }).get(null)!;
      expect(row(overall, 'p3').normalized).toBe(0);
      expect(row(overall, 'p2').normalized).toBeCloseTo(-0.5, 12);
      expect(ranks(overall)).toEqual([
        ['p4', 1],
        ['p1', 2],
        ['p3', 3],
        ['p2', 4],
      ]);
    });

    it("leaves a conflicted sheet out of the juror's statistics", () => {
      // Without j1's p2 sheet, j1 has one sheet (p1 → z 0): p1 = mean(0, −1) = −0.5. Were the sheet
      // still in j1's statistics, p1 would be mean(+1, −1) = 0.
      const overall = zscore({ conflicts: [{ jurorId: 'j1', teamId: 'team-p2' }] }).get(null)!;
      expect(row(overall, 'p1').normalized).toBeCloseTo(-0.5, 12);
      expect(row(overall, 'p1').sheets).toBe(2);
      expect(ranks(overall)).toEqual([
        ['p4', 1],
        ['p1', 2],
        ['p2', null],
        ['p3', null],
      ]);
    });

    it("leaves a disqualified project's sheets out of its jurors' statistics", () => {
      // Without p4, j2 has one sheet (p1 → z 0): p1 = mean(+1, 0) = 0.5 (it would be 0 with p4).
      const overall = zscore({
        entries: [
          entry('p1', 't1'),
          entry('p2', 't1'),
          entry('p3', 't1'),
          entry('p4', 't2', { disqualified: true }),
        ],
      }).get(null)!;
      expect(row(overall, 'p1').normalized).toBeCloseTo(0.5, 12);
      expect(ranks(overall)).toEqual([
        ['p1', 1],
        ['p2', 2],
        ['p3', null],
      ]);
    });

    it('ranks per track with the edition-wide z-scores', () => {
      const boards = zscore();
      expect(ranks(boards.get('t1')!)).toEqual([
        ['p1', 1],
        ['p2', 2],
        ['p3', null],
      ]);
      expect(ranks(boards.get('t2')!)).toEqual([['p4', 1]]);
    });
  });
});
