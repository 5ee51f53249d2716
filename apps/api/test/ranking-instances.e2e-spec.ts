import type { Leaderboard } from '@ca/shared';
import { RankingService, type BoardChange } from '../src/modules/ranking/ranking.service';
import { createTestApp, type TestApp } from './helpers/app';
import { createJudgingWorld, must, openJudging, type JudgingWorld } from './helpers/judging';
import { board, dbNow, eventually, score, valuesAt } from './helpers/ranking';

/**
 * Several API instances on one database: each keeps its own boards in memory and follows the
 * change log (LISTEN/NOTIFY); a board's version comes from the database, so the same state has the
 * same version everywhere, and an instance started later (a restart) loads the same boards and
 * versions from one snapshot.
 */
describe('ranking across instances', () => {
  let a: TestApp;
  let b: TestApp;
  let w: JudgingWorld;
  const seen = { a: [] as BoardChange[], b: [] as BoardChange[] };

  const boards = async (t: TestApp): Promise<Leaderboard[]> =>
    Promise.all([null, ...w.trackIds].map((trackId) => board(t, w.editionId, trackId, w.organizer.token)));
  const sameAs = async (t: TestApp, reference: TestApp) => {
    const expected = await boards(reference);
    return eventually(
      () => boards(t),
      (got) => JSON.stringify(got) === JSON.stringify(expected),
    );
  };

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({ databaseUrl: a.config.databaseUrl });
    for (const [name, t] of [
      ['a', a],
      ['b', b],
    ] as const)
      t.app
        .get(RankingService)
        .onChange((c) => seen[name].push(...c.filter((x) => x.editionId === w?.editionId)));
    // The world is made through instance a; b learns every change from the log.
    w = await createJudgingWorld(a, {
      teams: 6,
      jurors: 3,
      tracks: ['Health', 'Tourism', 'Environment'],
      normalization: 'zscore',
    });
    await openJudging(a, w.editionId);
    // Each instance loads the new edition (and so starts emitting its changes) at whatever change
    // it happens to be at when it first hears of it: start counting once both stand at the same one.
    await sameAs(b, a);
    seen.a.length = 0;
    seen.b.length = 0;
  }, 90_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a sheet written through one instance shows on the other’s board with the same version', async () => {
    const before = await board(b, w.editionId, null, w.organizer.token);
    await score(w, w.jurors[0]!, w.teams[0]!.submissionId, valuesAt(w.criteria, 8));
    const onA = await board(a, w.editionId, null, w.organizer.token); // read-your-writes on the writer
    expect(onA.version).toBeGreaterThan(before.version);
    expect(onA.rows.find((r) => r.submissionId === w.teams[0]!.submissionId)!.sheets).toBe(1);
    // b hears of it by itself (its LISTEN connection), before anyone asks it for a board.
    const pushed = await eventually(
      async () => seen.b.find((c) => c.trackId === null && c.version === onA.version),
      (c) => c !== undefined,
    );
    expect(pushed!.rows.map((r) => r.submissionId)).toContain(w.teams[0]!.submissionId);
    const onB = await eventually(
      () => board(b, w.editionId, null, w.organizer.token),
      (x) => x.version === onA.version,
    );
    expect(onB).toEqual(onA);
  });

  it('a change through either instance reaches the other; the boards agree on rows and versions', async () => {
    // Sheets through b, with z-scores (named when the world is made): one juror's sheets move each other's projects.
    const wb: JudgingWorld = { ...w, t: b };
    for (const [j, i, level] of [
      [0, 1, 4],
      [0, 2, 9],
      [1, 0, 6],
      [1, 3, 7],
      [2, 4, 3],
      [2, 5, 10],
      [1, 2, 2],
    ] as const)
      await score(wb, w.jurors[j]!, w.teams[i]!.submissionId, valuesAt(w.criteria, level));
    // A conflict through a, a disqualification through b, a team renamed through a.
    await must(a, 'POST', `/api/editions/${w.editionId}/conflicts`, {
      token: w.organizer.token,
      body: { teamId: w.teams[2]!.id, jurorId: w.jurors[0]!.id, reason: 'Former colleague' },
    });
    await must(b, 'POST', `/api/submissions/${w.teams[5]!.submissionId}/disqualify`, {
      token: w.organizer.token,
      body: { reason: 'Plagiarism' },
    });
    await sameAs(b, a);
    await sameAs(a, b);
    const all = await boards(a);
    expect(all[0]!.rows.find((r) => r.submissionId === w.teams[5]!.submissionId)).toBeUndefined();
    // The conflicted juror's sheet counts nowhere: team 3's project has juror 1's sheet only.
    expect(all[0]!.rows.find((r) => r.submissionId === w.teams[2]!.submissionId)!.sheets).toBe(1);
  });

  it('both instances emitted the same board changes, each board’s versions contiguous', async () => {
    await eventually(
      async () => [seen.a.length, seen.b.length],
      ([x, y]) => x === y && x! > 0,
    );
    expect(seen.b).toEqual(seen.a);
    const byBoard = new Map<string | null, number[]>();
    for (const c of seen.a) byBoard.set(c.trackId, [...(byBoard.get(c.trackId) ?? []), c.version]);
    expect(byBoard.size).toBe(4);
    for (const [trackId, versions] of byBoard) {
      expect({ trackId, versions }).toEqual({ trackId, versions: versions.map((_, i) => versions[0]! + i) });
    }
    const last = (await boards(a)).map((x) => [x.trackId, x.version]);
    expect(last).toEqual([null, ...w.trackIds].map((id) => [id, byBoard.get(id)!.at(-1)]));
  });

  it('an instance started later (a restart) loads the same boards and versions', async () => {
    const c = await createTestApp({ databaseUrl: a.config.databaseUrl });
    try {
      expect(await boards(c)).toEqual(await boards(a));
      // …and then follows the log like the others.
      await score(w, w.jurors[2]!, w.teams[1]!.submissionId, valuesAt(w.criteria, 5));
      await sameAs(c, a);
      await sameAs(b, a);
    } finally {
      await c.close();
    }
  });

  it('an organizer’s freeze through one instance freezes the public’s board on the other', async () => {
    const before = await board(b, w.editionId, null);
    await must(a, 'PATCH', `/api/editions/${w.editionId}`, {
      token: w.organizer.token,
      body: { leaderboardFreezeAt: await dbNow(a, -60_000) },
    });
    await eventually(
      () => b.app.get(RankingService).publicMode(w.editionId),
      (m) => m === 'frozen',
    );
    await score(w, w.jurors[0]!, w.teams[4]!.submissionId, valuesAt(w.criteria, 10));
    const frozenOnB = await board(b, w.editionId, null);
    expect(frozenOnB.frozen).toBe(true);
    expect(frozenOnB.rows).toEqual(before.rows);
    expect(await board(a, w.editionId, null)).toEqual(frozenOnB);
    await sameAs(b, a); // organizers see the live boards, the same on both
  });
});
