/**
 * The second judging round's choice of projects (intervals holding a cut-off near the top) and its
 * balanced, conflict-free assignment of k more jurors each.
 */
import { secondRound, sheetNoise, type SecondRoundRow } from '../second-round';

const row = (id: string, normalized: number, sheets = 3): SecondRoundRow => ({
  submissionId: id,
  teamId: `team-${id}`,
  trackId: 'main',
  normalized,
  sheets,
});
const jurors = ['j1', 'j2', 'j3', 'j4', 'j5', 'j6'].map((jurorId) => ({ jurorId, trackIds: [] }));

describe('secondRound', () => {
  // Cut-offs (top 3): 1–2 at 9.5, 2–3 at 7.5, 3–4 at 6.5. Half-width 1 / √4 = 0.5 with 4 sheets.
  const rows = [row('a', 10, 4), row('b', 9, 4), row('c', 6.9, 4), row('d', 6.1, 4), row('e', 2, 4)];

  it('picks the projects whose interval holds a cut-off between ranks 1 and top + 1', () => {
    const plan = secondRound({
      rows,
      k: 1,
      noiseSd: 1,
      z: 1,
      jurors,
      assignments: [],
      conflicted: () => false,
    });
    // a: |10 − 9.5| = 0.5 ≤ 0.5; b: 0.5 from 9.5; c: 0.4 from 6.5; d: 0.4 from 6.5; e: far.
    expect(plan.uncertain).toEqual(['a', 'b', 'c', 'd']);
  });

  it('widens with fewer sheets and narrows with a smaller noise', () => {
    const few = rows.map((r) => ({ ...r, sheets: 1 }));
    expect(
      secondRound({ rows: few, k: 1, noiseSd: 5, z: 1, jurors, assignments: [], conflicted: () => false })
        .uncertain,
    ).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(
      secondRound({ rows, k: 1, noiseSd: 0.1, z: 1, jurors, assignments: [], conflicted: () => false })
        .uncertain,
    ).toEqual([]);
  });

  it('gives each uncertain project k new jurors: never one already on it, never a conflicted one, loads within one', () => {
    const assignments = ['a', 'b', 'c', 'd'].flatMap((p) =>
      ['j1', 'j2'].map((jurorId) => ({ jurorId, submissionId: p })),
    );
    const plan = secondRound({
      rows,
      k: 2,
      noiseSd: 1,
      z: 1,
      jurors,
      assignments,
      conflicted: (jurorId, teamId) => jurorId === 'j3' && teamId === 'team-a',
    });
    expect(plan.added).toHaveLength(8);
    expect(plan.short).toEqual([]);
    for (const p of ['a', 'b', 'c', 'd']) {
      const on = plan.added.filter((x) => x.submissionId === p).map((x) => x.jurorId);
      expect(new Set(on).size).toBe(2);
      expect(on).not.toContain('j1');
      expect(on).not.toContain('j2');
      if (p === 'a') expect(on).not.toContain('j3');
    }
    const loads = ['j3', 'j4', 'j5', 'j6'].map((j) => plan.added.filter((x) => x.jurorId === j).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('adds nothing when k is 0 or nothing is uncertain', () => {
    expect(
      secondRound({ rows, k: 0, noiseSd: 1, jurors, assignments: [], conflicted: () => false }).added,
    ).toEqual([]);
    expect(
      secondRound({ rows: [row('a', 1)], k: 2, noiseSd: 1, jurors, assignments: [], conflicted: () => false })
        .added,
    ).toEqual([]);
  });
});

describe('sheetNoise', () => {
  const s = (jurorId: string, submissionId: string, score: number) => ({ jurorId, submissionId, score });

  it('pools the within-project spread of the sheet scores for the raw mean', () => {
    // p: 60 and 80 (squares 200), q: 40 and 40 (0), r: one sheet (no degree of freedom): √(200 / 2).
    expect(
      sheetNoise('none', [
        s('a', 'p', 60),
        s('b', 'p', 80),
        s('a', 'q', 40),
        s('b', 'q', 40),
        s('a', 'r', 90),
      ]),
    ).toBeCloseTo(10, 12);
  });

  it('is 0 without a project scored twice', () => {
    expect(sheetNoise('zscore', [s('a', 'p', 60), s('b', 'q', 80)])).toBe(0);
  });

  it('reads z-scores for zscore and juror-corrected scores for the model: a constant offset is no noise', () => {
    // b scores 20 above a on every project: z-scores agree exactly; the model reads most of it as
    // b's offset, leaving far less than the raw spread.
    const sheets = ['p', 'q', 'r', 't'].flatMap((p, i) => [s('a', p, 30 + 10 * i), s('b', p, 50 + 10 * i)]);
    expect(sheetNoise('none', sheets)).toBeCloseTo(Math.sqrt((4 * 200) / 4), 9);
    expect(sheetNoise('zscore', sheets)).toBeCloseTo(0, 12);
    expect(sheetNoise('model', sheets)).toBeLessThan(sheetNoise('none', sheets) / 2);
  });
});
