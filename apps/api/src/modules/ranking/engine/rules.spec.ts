import { criterion } from './__tests__/fixtures';
import { compareTitles, jurorStats, same, sheetScore, tieBreakCriterion, zScore } from './rules';

describe('rule 1: the sheet score', () => {
  const criteria = [criterion('a', 2, 1, 10, 0), criterion('b', 1, 0, 4, 1)];

  it('is 100 · Σ w·(v − min)/(max − min) / Σ w, at full precision', () => {
    // 100 · (2 · 6/9 + 1 · 1/4) / 3 = 100 · 19/36
    expect(sheetScore(criteria, { a: 7, b: 1 })).toBeCloseTo(1900 / 36, 12);
  });

  it('is 0 at every minimum and 100 at every maximum', () => {
    expect(sheetScore(criteria, { a: 1, b: 0 })).toBe(0);
    expect(sheetScore(criteria, { a: 10, b: 4 })).toBe(100);
  });

  it('weighs each criterion by its weight', () => {
    // Only a at its maximum: 100 · 2/3; only b: 100 · 1/3.
    expect(sheetScore(criteria, { a: 10, b: 0 })).toBeCloseTo(200 / 3, 12);
    expect(sheetScore(criteria, { a: 1, b: 4 })).toBeCloseTo(100 / 3, 12);
  });

  it('is null for a sheet that lacks a criterion (it counts nowhere), and without criteria', () => {
    expect(sheetScore(criteria, { a: 7 })).toBeNull();
    expect(sheetScore(criteria, { a: 7, b: Number.NaN })).toBeNull();
    expect(sheetScore([], { a: 7 })).toBeNull();
  });

  it('ignores values for criteria the edition does not have', () => {
    expect(sheetScore(criteria, { a: 7, b: 1, gone: 99 })).toBe(sheetScore(criteria, { a: 7, b: 1 }));
  });
});

describe('rule 5: equality within 1e-9', () => {
  it('holds for numbers 1e-10 apart and not for numbers 1e-8 apart', () => {
    expect(same(50, 50 + 1e-10)).toBe(true);
    expect(same(50, 50 + 1e-8)).toBe(false);
    expect(same(0, -1e-10)).toBe(true);
  });
});

describe('rule 5: the tie-break criterion', () => {
  it('is the one with the largest weight', () => {
    expect(tieBreakCriterion([criterion('a', 1, 0, 10, 0), criterion('b', 3, 0, 10, 1)])?.id).toBe('b');
  });

  it('is the first by order (not by list position) when two share the largest weight', () => {
    const criteria = [criterion('a', 2, 0, 10, 1), criterion('b', 2, 0, 10, 0), criterion('c', 1, 0, 10, 2)];
    expect(tieBreakCriterion(criteria)?.id).toBe('b');
  });

  it('treats weights 1e-10 apart as shared, 1e-8 apart as different', () => {
    const near = [criterion('a', 2 + 1e-10, 0, 10, 1), criterion('b', 2, 0, 10, 0)];
    expect(tieBreakCriterion(near)?.id).toBe('b');
    const far = [criterion('a', 2 + 1e-8, 0, 10, 1), criterion('b', 2, 0, 10, 0)];
    expect(tieBreakCriterion(far)?.id).toBe('a');
  });

  it('does not exist without criteria', () => {
    expect(tieBreakCriterion([])).toBeNull();
  });
});

describe('rule 3: z-scores', () => {
  it('use the population standard deviation', () => {
    const stats = jurorStats(Float64Array.of(40, 60));
    expect(stats).toEqual({ count: 2, mean: 50, sd: 10 }); // the sample sd would be 14.14…
    expect(zScore(60, stats)).toBe(1);
    expect(zScore(40, stats)).toBe(-1);
    expect(zScore(55, stats)).toBe(0.5);
  });

  it('are 0 for a juror with a single sheet', () => {
    expect(zScore(80, jurorStats(Float64Array.of(80)))).toBe(0);
  });

  it('are 0 when the sd is below 1e-9 (all sheets equal, or within rounding)', () => {
    expect(zScore(70, jurorStats(Float64Array.of(70, 70, 70)))).toBe(0);
    const nearlyFlat = jurorStats(Float64Array.of(70, 70 + 1e-10));
    expect(nearlyFlat.sd).toBeGreaterThan(0);
    expect(zScore(70 + 1e-10, nearlyFlat)).toBe(0);
  });

  it('do not depend on the order of the sheets', () => {
    const a = jurorStats(Float64Array.of(0.1, 0.7, 0.2, 1e6, 3));
    const b = jurorStats(Float64Array.of(3, 1e6, 0.2, 0.1, 0.7));
    expect(b).toEqual(a);
  });
});

describe('title order', () => {
  it('is a language-neutral collation, numbers as numbers, then the id', () => {
    const rows = [
      { title: 'beta', submissionId: '1' },
      { title: 'Alpha 10', submissionId: '2' },
      { title: 'Alpha 9', submissionId: '3' },
      { title: 'Șah', submissionId: '4' },
      { title: 'beta', submissionId: '0' },
    ];
    expect(rows.sort(compareTitles).map((r) => r.submissionId)).toEqual(['3', '2', '0', '1', '4']);
  });
});
