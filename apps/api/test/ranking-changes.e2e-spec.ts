import type { Leaderboard } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { createJudgingWorld, must, openJudging, type JudgingWorld } from './helpers/judging';
import { board, dbNow, score, valuesAt } from './helpers/ranking';

/**
 * The boards follow every change of what they show, applied from the change log: a team renamed or
 * moved, a project retitled, unsubmitted and submitted again (its sheets counting again), and after
 * each one a freshly started instance (a full recompute) has the same boards and versions.
 */
describe('the boards follow projects and teams', () => {
  let t: TestApp;
  let w: JudgingWorld;
  const sub = (i: number) => w.teams[i]!.submissionId;
  const asCaptain = (i: number, method: string, path: string, body?: unknown) =>
    must(t, method, path, { token: w.teams[i]!.captain.token, body });
  const boards = (app: TestApp): Promise<Leaderboard[]> =>
    Promise.all([null, ...w.trackIds].map((id) => board(app, w.editionId, id, w.organizer.token)));
  const expectRecomputeEqual = async () => {
    const fresh = await createTestApp({ databaseUrl: t.config.databaseUrl });
    try {
      expect(await boards(fresh)).toEqual(await boards(t));
    } finally {
      await fresh.close();
    }
  };
  const rowOf = async (i: number, trackId: string | null = null) =>
    (await board(t, w.editionId, trackId, w.organizer.token)).rows.find((r) => r.submissionId === sub(i));

  beforeAll(async () => {
    t = await createTestApp();
    w = await createJudgingWorld(t, { teams: 3, jurors: 2 });
  }, 60_000);
  afterAll(() => t?.close());

  it('follows a team renamed, a project retitled, a team moved to another track and a project withdrawn', async () => {
    await asCaptain(0, 'PATCH', `/api/teams/${w.teams[0]!.id}`, { name: 'Renamed Team' });
    expect(await rowOf(0)).toMatchObject({ teamName: 'Renamed Team' });
    await asCaptain(1, 'PUT', `/api/teams/${w.teams[1]!.id}/submission`, { title: 'A better title' });
    expect(await rowOf(1)).toMatchObject({ title: 'A better title' });
    // Team 3 (Health) moves to Tourism: off the Health board, onto Tourism's.
    await asCaptain(2, 'PATCH', `/api/teams/${w.teams[2]!.id}`, { trackId: w.trackIds[1] });
    expect(await rowOf(2, w.trackIds[0]!)).toBeUndefined();
    expect(await rowOf(2, w.trackIds[1]!)).toMatchObject({ trackId: w.trackIds[1] });
    await asCaptain(2, 'POST', `/api/teams/${w.teams[2]!.id}/submission/unsubmit`);
    expect(await rowOf(2)).toBeUndefined();
    await expectRecomputeEqual();
    await asCaptain(2, 'POST', `/api/teams/${w.teams[2]!.id}/submission/submit`);
    expect(await rowOf(2, w.trackIds[1]!)).toMatchObject({ rank: null, sheets: 0 });
    await expectRecomputeEqual();
  });

  it('a project withdrawn under an extension leaves the boards with its sheets, which count again when it returns', async () => {
    await openJudging(t, w.editionId);
    await must(t, 'POST', `/api/teams/${w.teams[1]!.id}/extension`, {
      token: w.organizer.token,
      body: { until: await dbNow(t, 86_400_000) },
    });
    await score(w, w.jurors[0]!, sub(0), valuesAt(w.criteria, 6));
    await score(w, w.jurors[0]!, sub(1), valuesAt(w.criteria, 9));
    await score(w, w.jurors[1]!, sub(1), valuesAt(w.criteria, 7));
    expect(await rowOf(1)).toMatchObject({ rank: 1, sheets: 2 });

    await asCaptain(1, 'POST', `/api/teams/${w.teams[1]!.id}/submission/unsubmit`);
    expect(await rowOf(1)).toBeUndefined();
    expect(await rowOf(0)).toMatchObject({ rank: 1 });
    await expectRecomputeEqual();

    await asCaptain(1, 'POST', `/api/teams/${w.teams[1]!.id}/submission/submit`);
    expect(await rowOf(1)).toMatchObject({ rank: 1, sheets: 2 });
    await expectRecomputeEqual();
  });
});
