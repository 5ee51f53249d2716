import { CriteriaPutSchema } from '../editions/schemas.js';
import { levelViolations } from './levels.js';
import { ScoreSheetPutSchema, SecondRoundRequestSchema, compareTableLabels, sheetScore } from './schemas.js';

describe('sheetScore (rule 1 of docs/scoring.md)', () => {
  const criteria = [
    { id: 'a', weight: 1, min: 1, max: 10 },
    { id: 'b', weight: 3, min: 0, max: 5 },
  ];
  it('is 0 at every minimum and 100 at every maximum', () => {
    expect(sheetScore(criteria, { a: 1, b: 0 })).toBe(0);
    expect(sheetScore(criteria, { a: 10, b: 5 })).toBe(100);
  });
  it('weights each criterion by its weight over its own scale', () => {
    // 100 · (1 · 4/9 + 3 · 2/5) / 4
    expect(sheetScore(criteria, { a: 5, b: 2 })).toBeCloseTo((100 * (4 / 9 + 3 * 0.4)) / 4, 12);
  });
});

describe('levelViolations', () => {
  it('accepts levels within the scale with gaps', () => {
    expect(
      levelViolations(1, 10, [
        { from: 1, to: 3 },
        { from: 5, to: 7 },
        { from: 8, to: 10 },
      ]),
    ).toEqual([]);
  });
  it('refuses a level outside the scale and names its field', () => {
    expect(levelViolations(1, 10, [{ from: 0, to: 3 }])).toEqual([
      { index: 0, field: 'from', message: 'must be within 1–10' },
    ]);
    expect(levelViolations(1, 10, [{ from: 8, to: 11 }])[0]).toMatchObject({ index: 0, field: 'to' });
  });
  it('refuses overlapping levels (inclusive ranges), in any order', () => {
    expect(
      levelViolations(1, 10, [
        { from: 4, to: 7 },
        { from: 1, to: 4 },
      ]),
    ).toEqual([{ index: 0, field: 'from', message: 'overlaps level 1 (1–4)' }]);
  });
});

describe('criteria with levels', () => {
  const base = { name: 'Impact', description: '', weight: 1, min: 1, max: 10 };
  it('accept guidance in either language', () => {
    const parsed = CriteriaPutSchema.safeParse([
      { ...base, levels: [{ from: 1, to: 3, descriptionI18n: { ro: 'doar o idee' } }] },
    ]);
    expect(parsed.success).toBe(true);
  });
  it('refuse an overlap, naming the level', () => {
    const parsed = CriteriaPutSchema.safeParse([
      {
        ...base,
        levels: [
          { from: 1, to: 5, descriptionI18n: { en: 'a' } },
          { from: 5, to: 10, descriptionI18n: { en: 'b' } },
        ],
      },
    ]);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual([0, 'levels', 1, 'from']);
  });
  it('refuse a level with no description at all', () => {
    const parsed = CriteriaPutSchema.safeParse([
      { ...base, levels: [{ from: 1, to: 3, descriptionI18n: { en: ' ', ro: '' } }] },
    ]);
    expect(parsed.success).toBe(false);
  });
});

describe('ScoreSheetPutSchema', () => {
  it('takes values, an optional comment and a key of 1–200 characters', () => {
    expect(ScoreSheetPutSchema.parse({ values: { x: 3 }, idempotencyKey: 'k' }).comment).toBe('');
    expect(ScoreSheetPutSchema.safeParse({ values: {}, idempotencyKey: '' }).success).toBe(false);
    expect(ScoreSheetPutSchema.safeParse({ values: {}, idempotencyKey: 'x'.repeat(201) }).success).toBe(
      false,
    );
    expect(
      ScoreSheetPutSchema.safeParse({ values: {}, idempotencyKey: 'k', comment: 'x'.repeat(5001) }).success,
    ).toBe(false);
  });
});

describe('compareTableLabels', () => {
  it('sorts naturally, ignoring case, with no table last', () => {
    const labels = ['H-10', null, 'h-2', 'E-01', 'H-1'];
    expect([...labels].sort(compareTableLabels)).toEqual(['E-01', 'H-1', 'h-2', 'H-10', null]);
  });
});

describe('SecondRoundRequestSchema', () => {
  it('defaults to k = 4 more reviews and the top 3 (the fairness lab’s operating point)', () => {
    expect(SecondRoundRequestSchema.parse({})).toEqual({ k: 4, top: 3 });
    expect(SecondRoundRequestSchema.parse({ k: 2, top: 5 })).toEqual({ k: 2, top: 5 });
  });
});
