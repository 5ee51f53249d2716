import { byNormalized, rankStandings, type Standing } from './standings';

const standing = (submissionId: string, over: Partial<Standing>): Standing => ({
  submissionId,
  title: `Project ${submissionId}`,
  submittedAt: 1_000,
  normalized: 0,
  sheets: 3,
  tieMean: 5,
  ...over,
});

/** `[submissionId, rank]` in board order. */
const rank = (standings: Standing[]) => {
  const { order, ranks } = rankStandings([...standings].sort(byNormalized));
  return order.map((s, i) => [s.submissionId, ranks[i]]);
};

describe('rule 5: ties and competition ranking', () => {
  it('orders by the ranking value, best first', () => {
    expect(
      rank([
        standing('a', { normalized: 1 }),
        standing('b', { normalized: 3 }),
        standing('c', { normalized: 2 }),
      ]),
    ).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ]);
  });

  it('breaks an equal value by more sheets first', () => {
    expect(
      rank([standing('a', { normalized: 70, sheets: 2 }), standing('b', { normalized: 70, sheets: 4 })]),
    ).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it('then by the higher mean on the tie-break criterion', () => {
    expect(rank([standing('a', { tieMean: 6 }), standing('b', { tieMean: 8 })])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it('then by the earlier submission', () => {
    expect(rank([standing('a', { submittedAt: 2_000 }), standing('b', { submittedAt: 1_500 })])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it('gives projects tied on every rule the same rank, and the next a competition rank (1, 2, 2, 4)', () => {
    expect(
      rank([
        standing('d', { normalized: 70 }),
        standing('c', { normalized: 80, title: 'Zeta' }),
        standing('b', { normalized: 80, title: 'Alpha' }),
        standing('a', { normalized: 90 }),
      ]),
    ).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('lists projects tied on every rule in title order', () => {
    expect(
      rank([
        standing('x', { title: 'Omega' }),
        standing('y', { title: 'Delta' }),
        standing('z', { title: 'Kappa' }),
      ]),
    ).toEqual([
      ['y', 1],
      ['z', 1],
      ['x', 1],
    ]);
  });

  it('treats ranking values 1e-10 apart as equal (sheets decide), 1e-8 apart as different', () => {
    const near = [
      standing('a', { normalized: 0.5 + 1e-10, sheets: 2 }),
      standing('b', { normalized: 0.5, sheets: 3 }),
    ];
    expect(rank(near)).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
    const far = [
      standing('a', { normalized: 0.5 + 1e-8, sheets: 2 }),
      standing('b', { normalized: 0.5, sheets: 3 }),
    ];
    expect(rank(far)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('treats tie-break means 1e-10 apart as equal (submission time decides), 1e-8 apart as different', () => {
    const near = [
      standing('a', { tieMean: 7 + 1e-10, submittedAt: 2_000 }),
      standing('b', { tieMean: 7, submittedAt: 1_000 }),
    ];
    expect(rank(near)).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
    const far = [
      standing('a', { tieMean: 7 + 1e-8, submittedAt: 2_000 }),
      standing('b', { tieMean: 7, submittedAt: 1_000 }),
    ];
    expect(rank(far)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('shares a rank for values tied within 1e-9 on every rule', () => {
    expect(rank([standing('a', { normalized: 1e-10, tieMean: 5 - 1e-10 }), standing('b', {})])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('cuts a chain of values each within 1e-9 of the next greedily from the best', () => {
    // 1.2e-9 and 0.6e-9 are within 1e-9 (equal: sheets decide between them); 0 is not within 1e-9 of
    // 1.2e-9, the first of that run, so it starts its own run although it is within 1e-9 of 0.6e-9.
    const chain = [
      standing('top', { normalized: 1.2e-9, sheets: 1 }),
      standing('mid', { normalized: 0.6e-9, sheets: 2 }),
      standing('low', { normalized: 0, sheets: 9 }),
    ];
    expect(rank(chain)).toEqual([
      ['mid', 1],
      ['top', 2],
      ['low', 3],
    ]);
  });

  it('does not depend on the order of its input', () => {
    const all = [
      standing('a', { normalized: 1, sheets: 2 }),
      standing('b', { normalized: 1 + 4e-10, sheets: 2, tieMean: 6 }),
      standing('c', { normalized: 1 - 4e-10, sheets: 2, tieMean: 6 }),
      standing('d', { normalized: 0.3 }),
      standing('e', { normalized: 0.3, title: 'A' }),
    ];
    const expected = rank(all);
    expect(rank([...all].reverse())).toEqual(expected);
    expect(rank([all[2], all[0], all[4], all[1], all[3]])).toEqual(expected);
    expect(expected).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 3],
      ['e', 4],
      ['d', 4],
    ]);
  });
});
