import type { Leaderboard } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { createJudgingWorld, must, openJudging, type JudgingWorld } from './helpers/judging';
import { board, eventually, score, valuesAt } from './helpers/ranking';

/**
 * The juror-effects model (`normalization: "model"`, issue 14) on a running edition: an edition may
 * hold it, and since it is fitted on the whole edition, one juror's sheet in one track moves the
 * projects of every track, on every instance, which agree on rows and versions (a fresh instance too).
 */
describe('normalization "model" across tracks and instances', () => {
  let a: TestApp;
  let b: TestApp;
  let w: JudgingWorld;
  const boards = (t: TestApp): Promise<Leaderboard[]> =>
    Promise.all([null, ...w.trackIds].map((trackId) => board(t, w.editionId, trackId, w.organizer.token)));
  const sameAs = async (t: TestApp, reference: TestApp) => {
    const expected = JSON.stringify(await boards(reference));
    return eventually(
      () => boards(t),
      (got) => JSON.stringify(got) === expected,
    );
  };

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({ databaseUrl: a.config.databaseUrl });
    w = await createJudgingWorld(a, { teams: 4, jurors: 2, tracks: ['Health', 'Tourism'] });
    await openJudging(a, w.editionId);
  }, 90_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('an edition takes "model"; a sheet in one track moves the other track\'s projects on both instances', async () => {
    const edition = await must(a, 'PATCH', `/api/editions/${w.editionId}`, {
      token: w.organizer.token,
      body: { normalization: 'model' },
    });
    expect(edition.normalization).toBe('model');
    // Teams alternate tracks (0, 2: Health; 1, 3: Tourism). Both jurors score teams 0 and 1; juror 0
    // alone scores team 3 (Tourism).
    for (const [j, i, level] of [
      [0, 0, 5],
      [0, 1, 6],
      [1, 0, 7],
      [1, 1, 8],
      [0, 3, 7],
    ] as const)
      await score(w, w.jurors[j]!, w.teams[i]!.submissionId, valuesAt(w.criteria, level));
    await sameAs(b, a);
    const trackOf3 = (await boards(a))[0]!.rows.find(
      (r) => r.submissionId === w.teams[3]!.submissionId,
    )!.trackId;
    const valueOf3 = async (t: TestApp) =>
      (await board(t, w.editionId, trackOf3, w.organizer.token)).rows.find(
        (r) => r.submissionId === w.teams[3]!.submissionId,
      )!.normalized;
    const before = await valueOf3(b);
    const versionBefore = (await board(a, w.editionId, trackOf3, w.organizer.token)).version;
    // Juror 1 scores team 2, in the other track than team 3, far above: juror 1 looks more lenient
    // than before, so juror 0 (team 3's only juror) looks harsher and team 3 moves.
    const trackOf2 = (await boards(a))[0]!.rows.find(
      (r) => r.submissionId === w.teams[2]!.submissionId,
    )!.trackId;
    expect(trackOf2).not.toBe(trackOf3);
    await score({ ...w, t: b }, w.jurors[1]!, w.teams[2]!.submissionId, valuesAt(w.criteria, 10));
    await sameAs(a, b);
    await sameAs(b, a);
    expect(await valueOf3(a)).not.toBe(before);
    expect(await valueOf3(b)).toBe(await valueOf3(a));
    // The other track's board changed, so its version moved too (what clients resync by).
    expect((await board(a, w.editionId, trackOf3, w.organizer.token)).version).toBeGreaterThan(versionBefore);
    const fresh = await createTestApp({ databaseUrl: a.config.databaseUrl });
    try {
      expect(await boards(fresh)).toEqual(await boards(a));
    } finally {
      await fresh.close();
    }
  });
});
