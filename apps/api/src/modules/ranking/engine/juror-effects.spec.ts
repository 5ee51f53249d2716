/**
 * The juror-effects model (`normalization: "model"`), on hand-worked editions: offsets recovered from
 * the overlap on shared projects, projects scored by different jurors put on one footing, shrinkage
 * for a juror with one sheet, and a result that does not depend on the order of the sheets.
 */
import { criterion, entry, input, sheet } from './__tests__/fixtures';
import { computeEdition } from './compute';
import { EditionRanking } from './edition-ranking';
import { fitJurorEffects, OFFSET_PRIOR } from './juror-effects';
import type { CountingSheet } from './types';

const s = (jurorId: string, submissionId: string, score: number): CountingSheet => ({
  jurorId,
  submissionId,
  score,
});
const NO_OFFSET_PRIOR = { offset: 1e-9, scale: 3 };

describe('fitJurorEffects', () => {
  // Juror b scores 10 above juror a on the two projects they share; x and y are scored once each,
  // 10 apart, by a and b: once b's offset is known they are worth the same.
  const shared = [
    s('a', 'p0', 50),
    s('a', 'p1', 60),
    s('a', 'x', 70),
    s('b', 'p0', 60),
    s('b', 'p1', 70),
    s('b', 'y', 80),
  ];

  it('recovers a constant offset between two jurors on shared projects and equalizes their projects', () => {
    const fit = fitJurorEffects(shared, NO_OFFSET_PRIOR);
    const a = fit.jurors.get('a')!;
    const b = fit.jurors.get('b')!;
    expect(fit.mean).toBeCloseTo(65, 12);
    expect(b.offset - a.offset).toBeCloseTo(10, 6);
    // The design is symmetric, so both jurors use the scale alike.
    expect(a.scale).toBeCloseTo(b.scale, 9);
    expect(fit.quality.get('x')! - fit.quality.get('y')!).toBeCloseTo(0, 6);
    expect(fit.quality.get('p1')! - fit.quality.get('p0')!).toBeCloseTo(10 / a.scale, 6);
  });

  it('shrinks offsets with the default prior: three sheets each against a prior worth three', () => {
    const fit = fitJurorEffects(shared);
    const gap = fit.jurors.get('b')!.offset - fit.jurors.get('a')!.offset;
    expect(OFFSET_PRIOR).toBe(3);
    // The same sign as the true 10, and well short of it (with a scale each, partly read as scale).
    expect(gap).toBeGreaterThan(2);
    expect(gap).toBeLessThan(6);
    // x and y are pulled together, from 10 apart in the raw scores.
    const apart = fit.quality.get('y')! - fit.quality.get('x')!;
    expect(apart).toBeGreaterThan(0);
    expect(apart).toBeLessThan(10);
  });

  it('corrects a juror who scores compressed: the same order, the same spread as a full-scale juror', () => {
    // c uses half the scale of a around the same centre on the same projects.
    const fit = fitJurorEffects(
      [
        s('a', 'p0', 40),
        s('a', 'p1', 60),
        s('a', 'p2', 80),
        s('c', 'p0', 55),
        s('c', 'p1', 60),
        s('c', 'p2', 65),
      ],
      NO_OFFSET_PRIOR,
    );
    expect(fit.jurors.get('c')!.scale).toBeLessThan(fit.jurors.get('a')!.scale);
    expect(fit.quality.get('p0')!).toBeLessThan(fit.quality.get('p1')!);
    expect(fit.quality.get('p1')!).toBeLessThan(fit.quality.get('p2')!);
  });

  it('moves little for a juror with a single sheet: its offset is shrunk towards 0', () => {
    const base = [
      s('a', 'p0', 50),
      s('a', 'p1', 60),
      s('b', 'p0', 50),
      s('b', 'p1', 60),
      s('a', 'p2', 70),
      s('b', 'p2', 70),
    ];
    const fit = fitJurorEffects([...base, s('late', 'p0', 90)]);
    const late = fit.jurors.get('late')!;
    expect(late.sheets).toBe(1);
    // One sheet against a prior worth three: at most a quarter of its excess is read as offset...
    expect(late.offset).toBeGreaterThan(0);
    // ...and p0, which a and b both put last, stays last.
    expect(fit.quality.get('p0')!).toBeLessThan(fit.quality.get('p1')!);
  });

  it('does not depend on the order of the sheets, to the bit', () => {
    const forward = fitJurorEffects(shared);
    const backward = fitJurorEffects([...shared].reverse());
    expect([...backward.quality].sort()).toEqual([...forward.quality].sort());
    expect([...backward.jurors].sort()).toEqual([...forward.jurors].sort());
  });

  it('answers nothing for no sheets', () => {
    const fit = fitJurorEffects([]);
    expect(fit.jurors.size).toBe(0);
    expect(fit.quality.size).toBe(0);
  });
});

describe('normalization "model" in the engine', () => {
  // One criterion 0..100 of weight 1, so the sheet score is the value itself. Juror a is harsh and
  // b lenient (10 points apart on p0, p1 and p2); x (a: 78) is better than y (b: 80) once that is
  // known, while the raw mean puts y first.
  const one = [criterion('c', 1, 0, 100, 0)];
  const edition = (normalization: 'none' | 'model') =>
    input({
      normalization,
      criteria: one,
      entries: ['p0', 'p1', 'p2', 'x', 'y'].map((n, i) => entry(n, 'main', { submittedAt: 1_000 + i })),
      sheets: [
        sheet('a', 'p0', { c: 50 }),
        sheet('a', 'p1', { c: 60 }),
        sheet('a', 'p2', { c: 70 }),
        sheet('a', 'x', { c: 78 }),
        sheet('b', 'p0', { c: 60 }),
        sheet('b', 'p1', { c: 70 }),
        sheet('b', 'p2', { c: 80 }),
        sheet('b', 'y', { c: 80 }),
      ],
    });
  const order = (rows: { submissionId: string }[]) => rows.map((r) => r.submissionId);

  it("puts the project of the harsh juror above the lenient juror's, where the raw mean does not", () => {
    expect(order(computeEdition(edition('none')).get(null)!)).toEqual(['y', 'x', 'p2', 'p1', 'p0']);
    expect(order(computeEdition(edition('model')).get(null)!)).toEqual(['x', 'y', 'p2', 'p1', 'p0']);
  });

  it('gives the same board incrementally, and every project moves when one juror changes', () => {
    const engine = new EditionRanking(edition('model'));
    expect(engine.board(null)).toEqual(computeEdition(edition('model')).get(null));
    const before = new Map(engine.board(null).map((r) => [r.submissionId, r.normalized]));
    engine.upsertSheet(sheet('b', 'p0', { c: 70 }));
    const after = engine.board(null);
    const changed = edition('model');
    const expected = computeEdition({
      ...changed,
      sheets: [...changed.sheets, sheet('b', 'p0', { c: 70 })],
    }).get(null);
    expect(after).toEqual(expected);
    // x was only ever scored by a, whose sheets did not change; it moved all the same.
    expect(after.find((r) => r.submissionId === 'x')!.normalized).not.toBe(before.get('x'));
  });
});
