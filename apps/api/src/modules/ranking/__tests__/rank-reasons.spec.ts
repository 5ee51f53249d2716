import type { RankReason } from '@ca/shared';
import { computeEdition } from '../engine';
import { criterion, entry, input, sheet } from '../engine/__tests__/fixtures';
import { rankReasons } from '../rank-reasons';

const C = [criterion('a', 2, 0, 10, 0), criterion('b', 1, 0, 10, 1)];

const reasonsOf = (i: Parameters<typeof computeEdition>[0]) => {
  const rows = computeEdition(i).get(null)!;
  const at = new Map(i.entries.map((e) => [e.submissionId, e.submittedAt]));
  return { rows, reasons: rankReasons(rows, 'a', (id) => at.get(id)!) };
};

describe('rank reasons', () => {
  it('names the rule that separated projects level on the ranking value, at each level', () => {
    const { reasons } = reasonsOf(
      input({
        criteria: C,
        entries: [
          entry('two-sheets', 't'),
          entry('one-sheet', 't'),
          entry('high-a', 't'),
          entry('low-a', 't'),
          entry('early', 't', { submittedAt: 1 }),
          entry('late', 't', { submittedAt: 2 }),
          entry('twin1', 't', { submittedAt: 5 }),
          entry('twin2', 't', { submittedAt: 5 }),
          entry('alone', 't'),
          entry('none', 't'),
        ],
        sheets: [
          // score 90, two sheets against one
          sheet('j1', 'two-sheets', { a: 9, b: 9 }),
          sheet('j2', 'two-sheets', { a: 9, b: 9 }),
          sheet('j3', 'one-sheet', { a: 9, b: 9 }),
          // score 60 each: 2·6+1·6 = 2·5+1·8
          sheet('j1', 'high-a', { a: 6, b: 6 }),
          sheet('j2', 'low-a', { a: 5, b: 8 }),
          // score 40 each, same means: the earlier submission first
          sheet('j1', 'early', { a: 4, b: 4 }),
          sheet('j2', 'late', { a: 4, b: 4 }),
          // score 20 each, same everything: one rank
          sheet('j1', 'twin1', { a: 2, b: 2 }),
          sheet('j2', 'twin2', { a: 2, b: 2 }),
          sheet('j3', 'alone', { a: 1, b: 1 }),
        ],
      }),
    );
    const r = (id: string) => reasons.get(id)!;
    const peer = (id: string, of: string) => r(id).tiedWith.find((p) => p.submissionId === of)!;
    expect(r('two-sheets')).toMatchObject({ rank: 1, decidedBy: 'sheets' });
    expect(peer('two-sheets', 'one-sheet')).toMatchObject({
      relation: 'ahead',
      decidedBy: 'sheets',
      sheets: 1,
    });
    expect(peer('one-sheet', 'two-sheets')).toMatchObject({ relation: 'behind', decidedBy: 'sheets' });
    expect(r('low-a')).toMatchObject({ rank: 4, decidedBy: 'tieCriterion', tieMean: 5 });
    expect(peer('low-a', 'high-a')).toMatchObject({ relation: 'behind', tieMean: 6 });
    expect(peer('early', 'late')).toMatchObject({ relation: 'ahead', decidedBy: 'submittedAt' });
    expect(r('twin1')).toMatchObject({ rank: 7, decidedBy: 'tied' });
    expect(r('twin2')).toMatchObject({ rank: 7, decidedBy: 'tied' });
    expect(peer('twin1', 'twin2')).toMatchObject({ relation: 'level', decidedBy: 'tied', rank: 7 });
    expect(r('alone')).toMatchObject({ rank: 9, decidedBy: 'normalized', tiedWith: [] });
    expect(r('none')).toMatchObject({ rank: null, decidedBy: null, normalized: null, tiedWith: [] });
  });

  it('groups values 1e-9 apart as the engine does (greedy runs from the best), not transitively', () => {
    // Normalized values 0, 0.6e-9 and 1.2e-9 via z-scores are awkward; raw means 1e-10 apart suffice
    // for "equal", and a value 2e-9 below the first stays out of its run.
    const cs = [criterion('a', 1, 0, 1, 0)];
    const { rows, reasons } = reasonsOf(
      input({
        criteria: cs,
        entries: [entry('p', 't'), entry('q', 't'), entry('r', 't')],
        sheets: [
          sheet('j1', 'p', { a: 0.5 }),
          sheet('j2', 'q', { a: 0.5 - 1e-12 }),
          sheet('j3', 'r', { a: 0.5 - 2e-11 }),
        ],
      }),
    );
    // 100·0.5 = 50; 100·(0.5−1e-12) is 1e-10 below (equal); 100·(0.5−2e-11) is 2e-9 below (not).
    expect(rows.map((x) => x.rank)).toEqual([1, 1, 3]);
    expect(reasons.get('p')!.tiedWith.map((x) => x.submissionId)).toEqual(['q']);
    expect(reasons.get('r')!.tiedWith).toEqual([]);
  });

  it('agrees with the engine’s ranks on random boards: shared ranks are “tied”, the others ahead or behind', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const n = 2 + Math.floor(rand() * 10);
      const entries = Array.from({ length: n }, (_, i) =>
        entry(`p${i}`, 't', { submittedAt: Math.floor(rand() * 3) }),
      );
      const sheets = entries.flatMap((e, i) =>
        Array.from({ length: Math.floor(rand() * 3) }, (_, k) =>
          sheet(`j${(i + k) % 4}`, e.submissionId, {
            a: Math.floor(rand() * 3) * 5,
            b: Math.floor(rand() * 3) * 5,
          }),
        ),
      );
      for (const normalization of ['none', 'zscore'] as const) {
        const { rows, reasons } = reasonsOf(input({ normalization, criteria: C, entries, sheets }));
        for (const row of rows) {
          const reason: RankReason = reasons.get(row.submissionId)!;
          expect(reason.rank).toBe(row.rank);
          for (const p of reason.tiedWith) {
            const other = rows.find((x) => x.submissionId === p.submissionId)!;
            const expected = row.rank! < other.rank! ? 'ahead' : row.rank! > other.rank! ? 'behind' : 'level';
            expect(p.relation).toBe(expected);
            expect(p.decidedBy === 'tied').toBe(expected === 'level');
          }
          // Projects sharing a rank are always level with each other on the ranking value.
          for (const other of rows)
            if (other !== row && other.rank !== null && other.rank === row.rank)
              expect(reason.tiedWith.map((p) => p.submissionId)).toContain(other.submissionId);
        }
      }
    }
  });
});
