import { createTestApp, type TestApp } from './helpers/app';
import { assignmentsOf, createJudgingWorld, must, openJudging, type JudgingWorld } from './helpers/judging';
import { score, valuesAt } from './helpers/ranking';

/**
 * POST /api/editions/:id/assignments/second-round (issue 14): k more jurors for the projects whose
 * rank near the top is uncertain, never a juror already on the project, nothing else touched.
 */
describe('second judging round', () => {
  let t: TestApp;
  let w: JudgingWorld;
  const sub = (i: number) => w.teams[i]!.submissionId;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createJudgingWorld(t, { teams: 4, jurors: 4 });
    await openJudging(t, w.editionId);
    await must(t, 'PATCH', `/api/editions/${w.editionId}`, {
      token: w.organizer.token,
      body: { normalization: 'none' },
    });
    // Levels on 1..10 criteria (sheet score = (level − 1) · 100 / 9, one unit u = 100 / 9): team 0
    // (8, 6), team 1 (7, 7), team 2 (3, 3), team 3 (1, 1), each by jurors 0 and 1. Pooled sheet sd
    // √(2 / 4) u, so with z = 3 the intervals are ± 1.5 u; with top 2 the cut-offs are at levels 7
    // and 5: teams 0 and 1 (at 7) are uncertain, teams 2 (at 3) and 3 (at 1) are not.
    for (const [i, a, b] of [
      [0, 8, 6],
      [1, 7, 7],
      [2, 3, 3],
      [3, 1, 1],
    ] as const) {
      await score(w, w.jurors[0]!, sub(i), valuesAt(w.criteria, a));
      await score(w, w.jurors[1]!, sub(i), valuesAt(w.criteria, b));
    }
  }, 90_000);
  afterAll(() => t?.close());

  it('rejects a k out of range with VALIDATION_FAILED and adds nothing', async () => {
    const before = await assignmentsOf(t, w.editionId);
    const res = await t.request('POST', `/api/editions/${w.editionId}/assignments/second-round`, {
      token: w.organizer.token,
      body: { k: 0 },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(await assignmentsOf(t, w.editionId)).toHaveLength(before.length);
  });

  it('adds k jurors to each uncertain project, none already on it, balanced', async () => {
    const before = await assignmentsOf(t, w.editionId);
    const out = await must(t, 'POST', `/api/editions/${w.editionId}/assignments/second-round`, {
      token: w.organizer.token,
      body: { k: 1, top: 2 },
    });
    expect(out.top).toBe(2);
    expect(out.noiseSd).toBeCloseTo((Math.sqrt(2 / 4) * 100) / 9, 6);
    expect([...out.uncertain].sort()).toEqual([sub(0), sub(1)].sort());
    expect(out.short).toEqual([]);
    expect(out.added).toHaveLength(2);
    const fresh = [w.jurors[2]!.id, w.jurors[3]!.id];
    for (const a of out.added as { jurorId: string; submissionId: string }[]) {
      expect([sub(0), sub(1)]).toContain(a.submissionId);
      expect(fresh).toContain(a.jurorId);
    }
    expect(new Set(out.added.map((a: { jurorId: string }) => a.jurorId)).size).toBe(2);
    const after = await assignmentsOf(t, w.editionId);
    expect(after).toHaveLength(before.length + 2);
  });
});

describe('second judging round without a k', () => {
  let t: TestApp;
  let w: JudgingWorld;
  const sub = (i: number) => w.teams[i]!.submissionId;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createJudgingWorld(t, { teams: 2, jurors: 6, normalization: 'none' });
    await openJudging(t, w.editionId);
    // Two projects level on the board (means 7 and 7 by jurors 0 and 1): both straddle the top-1 cut-off.
    for (const [i, a, b] of [
      [0, 8, 6],
      [1, 7, 7],
    ] as const) {
      await score(w, w.jurors[0]!, sub(i), valuesAt(w.criteria, a));
      await score(w, w.jurors[1]!, sub(i), valuesAt(w.criteria, b));
    }
  }, 90_000);
  afterAll(() => t?.close());

  it('adds the default k = 4 jurors (the fairness lab’s operating point) to each uncertain project', async () => {
    const before = await assignmentsOf(t, w.editionId);
    const out = await must(t, 'POST', `/api/editions/${w.editionId}/assignments/second-round`, {
      token: w.organizer.token,
      body: { top: 1 },
    });
    expect(out.k).toBe(4);
    expect([...out.uncertain].sort()).toEqual([sub(0), sub(1)].sort());
    expect(out.short).toEqual([]);
    expect(out.added).toHaveLength(8);
    const fresh = w.jurors.slice(2).map((j) => j.id);
    for (const i of [0, 1]) {
      const onIt = (out.added as { jurorId: string; submissionId: string }[])
        .filter((a) => a.submissionId === sub(i))
        .map((a) => a.jurorId);
      expect([...onIt].sort()).toEqual([...fresh].sort());
    }
    expect(await assignmentsOf(t, w.editionId)).toHaveLength(before.length + 8);
  });
});
