import type { GalleryItem, Leaderboard, TeamResult } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { createJudgingWorld, must, openJudging, type JudgingWorld } from './helpers/judging';
import { board, dbNow, patchEdition, score, valuesAt } from './helpers/ranking';

/**
 * Once results are published (rule 8): the gallery's ranks in the track and in the whole edition
 * come from the engine, and each team sees its own result — ranks, criterion means and, where the
 * edition shares them, the comments of the sheets that count, without the jurors' names.
 */
describe('published results: the gallery and each team’s own result', () => {
  let t: TestApp;
  let w: JudgingWorld;
  const sub = (i: number) => w.teams[i]!.submissionId;
  const result = (i: number, token = w.teams[i]!.captain.token) =>
    t.request('GET', `/api/teams/${w.teams[i]!.id}/result`, { token });

  const publish = async () =>
    patchEdition(w, {
      registrationOpensAt: await dbNow(t, -5 * 3_600_000),
      registrationClosesAt: await dbNow(t, -4 * 3_600_000),
      hackingStartsAt: await dbNow(t, -4 * 3_600_000),
      submissionDeadline: await dbNow(t, -3 * 3_600_000),
      judgingEndsAt: await dbNow(t, -2 * 3_600_000),
      resultsPublishedAt: await dbNow(t, -1_000),
    });

  beforeAll(async () => {
    t = await createTestApp();
    // Teams 1, 3, 5 in Health; 2 and 4 in Tourism; team 5 scored by nobody.
    w = await createJudgingWorld(t, { teams: 5, jurors: 3 });
    await openJudging(t, w.editionId);
    await patchEdition(w, { normalization: 'none' });
    const [j0, j1, j2] = w.jurors as [any, any, any];
    await score(w, j0, sub(0), valuesAt(w.criteria, 6), 'Solid demo.');
    await score(w, j1, sub(0), valuesAt(w.criteria, 8), 'Clear problem; convincing pitch.');
    await score(w, j2, sub(0), valuesAt(w.criteria, 10), 'Biased praise.');
    await score(w, j0, sub(1), valuesAt(w.criteria, 9), 'Great impact.');
    await score(w, j2, sub(1), valuesAt(w.criteria, 9), '');
    await score(w, j1, sub(2), valuesAt(w.criteria, 10), 'The best of the day.');
    await score(w, j2, sub(3), valuesAt(w.criteria, 3), 'Needs work.');
    // Juror 3's sheet of team 1 stops counting: a conflict declared afterwards.
    await must(t, 'POST', `/api/editions/${w.editionId}/conflicts`, {
      token: w.organizer.token,
      body: { teamId: w.teams[0]!.id, jurorId: j2.id, reason: 'Cousin' },
    });
  }, 60_000);
  afterAll(() => t?.close());

  it('is closed before publication: the gallery and the team result answer 409 PHASE_CLOSED', async () => {
    expect((await t.request('GET', `/api/editions/${w.editionId}/gallery`)).status).toBe(409);
    expect((await result(0)).body).toMatchObject({ statusCode: 409, code: 'PHASE_CLOSED' });
    expect((await result(0, w.organizer.token)).status).toBe(409);
  });

  it('the gallery shows each project’s rank in its track and in the edition, with its scores, from the board', async () => {
    await publish();
    const items: GalleryItem[] = (await must(t, 'GET', `/api/editions/${w.editionId}/gallery`)).items;
    const overall: Leaderboard = await board(t, w.editionId, null);
    const health: Leaderboard = await board(t, w.editionId, w.trackIds[0]!);
    const tourism: Leaderboard = await board(t, w.editionId, w.trackIds[1]!);
    expect(overall.publicMode).toBe('published');
    const rowOf = (b: Leaderboard, id: string) => b.rows.find((r) => r.submissionId === id)!;
    expect(items).toHaveLength(5);
    for (const item of items) {
      const track = item.trackId === w.trackIds[0] ? health : tourism;
      expect({
        id: item.submissionId,
        rank: item.rank,
        overallRank: item.overallRank,
        score: item.score,
      }).toEqual({
        id: item.submissionId,
        rank: rowOf(track, item.submissionId).rank,
        overallRank: rowOf(overall, item.submissionId).rank,
        score: rowOf(overall, item.submissionId).score,
      });
    }
    const by = (i: number) => items.find((x) => x.submissionId === sub(i))!;
    // Team 3: 100 points; team 2: 88.9; team 1: mean of 55.6 and 77.8 (juror 3's sheet no longer counts).
    expect([by(2), by(1), by(0), by(3)].map((x) => x.overallRank)).toEqual([1, 2, 3, 4]);
    expect([by(2).rank, by(0).rank, by(1).rank, by(3).rank]).toEqual([1, 2, 1, 2]);
    expect(by(0).score).toBeCloseTo((100 * (5 / 9) + 100 * (7 / 9)) / 2, 12);
    expect(by(4)).toMatchObject({ rank: null, overallRank: null, score: null, normalized: null });
    const page = await must(t, 'GET', `/api/editions/${w.editionId}/gallery/${sub(2)}`);
    expect(page).toMatchObject({ rank: 1, overallRank: 1, score: 100, normalized: 100 });
  });

  it('a team sees its ranks and criterion means; comments stay private while the edition does not share them', async () => {
    const res = await result(0);
    expect(res.status).toBe(200);
    const r: TeamResult = res.body;
    expect(r).toMatchObject({
      teamId: w.teams[0]!.id,
      submissionId: sub(0),
      status: 'ranked',
      rank: 2,
      overallRank: 3,
      rankedInTrack: 2,
      rankedOverall: 4,
      sheets: 2,
      commentsShared: false,
      comments: null,
    });
    expect(r.criteria.map((c) => [c.criterionId, c.mean])).toEqual(w.criteria.map((c) => [c.id, 7]));
    expect(r.criteria[0]).toMatchObject({ name: w.criteria[0]!.name, min: 1, max: 10, weight: 1 });
    // Organizers may look; other teams and jurors may not; signed-out callers must sign in.
    expect((await result(0, w.organizer.token)).status).toBe(200);
    expect((await result(0, w.teams[1]!.captain.token)).status).toBe(403);
    expect((await result(0, w.jurors[0]!.token)).status).toBe(403);
    expect((await t.request('GET', `/api/teams/${w.teams[0]!.id}/result`)).status).toBe(401);
  });

  it('where the edition shares them, the comments of the counting sheets, without names or empty ones', async () => {
    await patchEdition(w, { shareJurorComments: true });
    const edition = await must(t, 'GET', `/api/editions/${w.editionId}`);
    expect(edition.shareJurorComments).toBe(true);
    const r: TeamResult = (await result(0)).body;
    expect(r.commentsShared).toBe(true);
    // Juror 3 is conflicted with team 1: that sheet counts nowhere, its comment stays out too.
    expect(r.comments).toEqual(['Clear problem; convincing pitch.', 'Solid demo.']);
    expect(JSON.stringify(r)).not.toContain('Juror');
    expect(JSON.stringify(r)).not.toContain(w.jurors[0]!.id);
    const tourism: TeamResult = (await result(1)).body;
    // Team 2's second sheet has no comment: nothing empty is listed.
    expect(tourism).toMatchObject({
      status: 'ranked',
      rank: 1,
      overallRank: 2,
      sheets: 2,
      comments: ['Great impact.'],
    });
    expect((await result(4)).body).toMatchObject({
      status: 'unranked',
      rank: null,
      overallRank: null,
      comments: [],
      sheets: 0,
    });
  });

  it('a disqualified project has no rank and no comments', async () => {
    await must(t, 'POST', `/api/submissions/${sub(3)}/disqualify`, {
      token: w.organizer.token,
      body: { reason: 'Rules' },
    });
    expect((await result(3)).body).toMatchObject({
      status: 'disqualified',
      rank: null,
      overallRank: null,
      comments: [],
    });
    expect((await board(t, w.editionId, null)).rows.map((x) => x.submissionId)).not.toContain(sub(3));
  });
});
