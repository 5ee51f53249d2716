import type { Leaderboard, PublicMode } from '@ca/shared';
import { RankingService, type BoardChange } from '../src/modules/ranking/ranking.service';
import { createTestApp, type TestApp } from './helpers/app';
import { createJudgingWorld, must, openJudging, type JudgingWorld } from './helpers/judging';
import { board, dbNow, eventually, patchEdition, score, valuesAt } from './helpers/ranking';

/**
 * GET /api/editions/:id/leaderboard for every kind of viewer under each visibility of rule 7:
 * public and live, hidden, frozen (a freeze set in the past freezes at the moment it is set; one
 * set ahead freezes at its time; a sheet saved after the freeze stays out of the public's board),
 * and published; board versions contiguous per board.
 */
describe('leaderboards per viewer (rule 7)', () => {
  let t: TestApp;
  let w: JudgingWorld;
  const changes: BoardChange[] = [];
  const modes: [string, PublicMode][] = [];
  let viewers: [string, string | undefined][];

  const scored = (b: Leaderboard) => b.rows.filter((r) => r.rank !== null).map((r) => r.title);
  const asEveryone = async (trackId: string | null = null) => {
    const out: Record<string, Leaderboard> = {};
    for (const [name, token] of viewers) out[name] = await board(t, w.editionId, trackId, token);
    return out;
  };
  const project = (i: number) => w.teams[i]!.submissionId;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createJudgingWorld(t, { teams: 4, jurors: 3 });
    await openJudging(t, w.editionId);
    // The raw mean ranks (rule 2): the expectations below can be read off the sheets.
    await patchEdition(w, { normalization: 'none' });
    const ranking = t.app.get(RankingService);
    ranking.onChange((c) => changes.push(...c.filter((x) => x.editionId === w.editionId)));
    ranking.onPublicModeChange((editionId, mode) => {
      if (editionId === w.editionId) modes.push([editionId, mode]);
    });
    viewers = [
      ['anonymous', undefined],
      ['participant', w.teams[0]!.captain.token],
      ['juror', w.jurors[0]!.token],
      ['organizer', w.organizer.token],
    ];
    // Team 1 and 3 are in Health, team 2 and 4 in Tourism; team 4 gets no sheet.
    await score(w, w.jurors[0]!, project(0), valuesAt(w.criteria, 8));
    await score(w, w.jurors[0]!, project(1), valuesAt(w.criteria, 5));
    await score(w, w.jurors[1]!, project(0), valuesAt(w.criteria, 7));
    await score(w, w.jurors[1]!, project(2), valuesAt(w.criteria, 9));
  }, 60_000);
  afterAll(() => t?.close());

  it('public and live: everyone sees the same ranked board, the unscored project last and unranked', async () => {
    const all = await asEveryone();
    for (const [name] of viewers) {
      expect({ name, b: all[name] }).toEqual({ name, b: all.organizer });
    }
    const b = all.anonymous!;
    expect(b).toMatchObject({
      editionId: w.editionId,
      trackId: null,
      frozen: false,
      frozenAt: null,
      publicMode: 'live',
    });
    expect(b.rows).toHaveLength(4);
    expect(b.rows.slice(0, 3).every((r) => r.rank !== null && r.score !== null && r.criteria !== null)).toBe(
      true,
    );
    expect(b.rows[3]).toMatchObject({
      title: 'Project of Team 004',
      rank: null,
      score: null,
      sheets: 0,
      criteria: null,
    });
    // Full precision: rule 1 of level 8 on every criterion of 1–10 and 7, averaged.
    const row = b.rows.find((r) => r.submissionId === project(0))!;
    expect(row.score).toBe((100 * (7 / 9) + 100 * (6 / 9)) / 2);
    expect(row.sheets).toBe(2);
    const health = await board(t, w.editionId, w.trackIds[0]!);
    expect(health.rows.map((r) => r.title)).toEqual(
      expect.arrayContaining(['Project of Team 001', 'Project of Team 003']),
    );
    expect(health.rows).toHaveLength(2);
  });

  it('keeps each board’s versions contiguous, and answers the last one', async () => {
    const byBoard = new Map<string | null, number[]>();
    for (const c of changes) byBoard.set(c.trackId, [...(byBoard.get(c.trackId) ?? []), c.version]);
    expect(byBoard.get(null)!.length).toBeGreaterThanOrEqual(4);
    for (const [trackId, versions] of byBoard) {
      const first = versions[0]!;
      expect({ trackId, versions }).toEqual({ trackId, versions: versions.map((_, i) => first + i) });
      expect((await board(t, w.editionId, trackId, w.organizer.token)).version).toBe(versions.at(-1));
    }
  });

  it('hidden: everyone but organizers gets the rows without rank, score or breakdown, in title order', async () => {
    await patchEdition(w, { leaderboardVisibility: 'hidden' });
    const all = await asEveryone();
    for (const name of ['anonymous', 'participant', 'juror']) {
      const b = all[name]!;
      expect(b).toMatchObject({ frozen: false, publicMode: 'hidden' });
      expect(b.rows.map((r) => r.title)).toEqual([
        'Project of Team 001',
        'Project of Team 002',
        'Project of Team 003',
        'Project of Team 004',
      ]);
      for (const r of b.rows)
        expect(r).toMatchObject({ rank: null, score: null, normalized: null, sheets: 0, criteria: null });
    }
    expect(scored(all.organizer!)).toHaveLength(3);
    expect(all.organizer!.publicMode).toBe('hidden');
    const track = await board(t, w.editionId, w.trackIds[1]!, w.jurors[1]!.token);
    expect(track.rows.every((r) => r.rank === null)).toBe(true);
    await patchEdition(w, { leaderboardVisibility: 'public' });
    expect(scored(await board(t, w.editionId, null))).toHaveLength(3);
    expect(modes.map(([, m]) => m)).toEqual(['hidden', 'live']);
  });

  it('a freeze set in the past freezes the board as it is when set; a sheet saved after stays out of the public’s board', async () => {
    const before = await board(t, w.editionId, null);
    const setAt = Date.parse(await dbNow(t));
    await patchEdition(w, { leaderboardFreezeAt: await dbNow(t, -3_600_000) });
    // Team 4's first sheet, after the freeze.
    await score(w, w.jurors[2]!, project(3), valuesAt(w.criteria, 10));
    const all = await asEveryone();
    for (const name of ['anonymous', 'participant', 'juror']) {
      const b = all[name]!;
      expect(b.frozen).toBe(true);
      expect(b.publicMode).toBe('frozen');
      expect(b.rows).toEqual(before.rows);
      expect(b.version).toBe(before.version);
      expect(Date.parse(b.frozenAt!)).toBeGreaterThanOrEqual(setAt);
      expect(Date.parse(b.frozenAt!)).toBeLessThan(setAt + 60_000); // not the hour-old time asked for
    }
    const org = all.organizer!;
    expect(org.frozen).toBe(false);
    expect(org.rows[0]!.title).toBe('Project of Team 004'); // 100 points from its only sheet
    expect(org.version).toBeGreaterThan(before.version);
    // The track boards freeze too.
    const tourism = await board(t, w.editionId, w.trackIds[1]!, w.teams[1]!.captain.token);
    expect(tourism.frozen).toBe(true);
    expect(tourism.rows.find((r) => r.submissionId === project(3))!.rank).toBeNull();
  });

  it('a freeze set ahead takes effect at its time: what was saved before shows, what comes after does not', async () => {
    await patchEdition(w, { leaderboardFreezeAt: null });
    const live = await board(t, w.editionId, null);
    expect(live.frozen).toBe(false);
    expect(live.rows[0]!.title).toBe('Project of Team 004');
    modes.length = 0;

    // Far enough ahead for the next write to land before it, even on a loaded machine.
    const freezeAt = Date.parse(await dbNow(t, 3_000));
    await patchEdition(w, { leaderboardFreezeAt: new Date(freezeAt).toISOString() });
    await score(w, w.jurors[0]!, project(1), valuesAt(w.criteria, 9)); // before the freeze: shown
    const beforeFreeze = await board(t, w.editionId, null);
    expect(beforeFreeze.frozen).toBe(false);
    const ranking = t.app.get(RankingService);
    await eventually(
      () => ranking.publicMode(w.editionId),
      (m) => m === 'frozen',
      8_000,
    );
    // The timer tells the listeners (it may fire a moment after the clock says frozen).
    await eventually(
      async () => modes.map(([, m]) => m),
      (ms) => ms.length > 0,
      5_000,
    );
    expect(modes.map(([, m]) => m)).toEqual(['frozen']);
    await score(w, w.jurors[1]!, project(2), valuesAt(w.criteria, 1)); // after the freeze: not shown

    const pub = await board(t, w.editionId, null, w.jurors[2]!.token);
    expect(pub.frozen).toBe(true);
    expect(Date.parse(pub.frozenAt!)).toBe(freezeAt);
    expect(pub.rows).toEqual(beforeFreeze.rows);
    const org = await board(t, w.editionId, null, w.organizer.token);
    expect(org.rows.find((r) => r.submissionId === project(2))!.score).toBe(0);
    expect(pub.rows.find((r) => r.submissionId === project(2))!.score).toBeCloseTo(100 * (8 / 9), 12);
  });

  it('published: everyone sees the final board, live, unfrozen and unhidden', async () => {
    await patchEdition(w, { leaderboardVisibility: 'hidden' });
    await patchEdition(w, {
      registrationOpensAt: await dbNow(t, -5 * 3_600_000),
      registrationClosesAt: await dbNow(t, -4 * 3_600_000),
      hackingStartsAt: await dbNow(t, -4 * 3_600_000),
      submissionDeadline: await dbNow(t, -3 * 3_600_000),
      leaderboardFreezeAt: await dbNow(t, -2.5 * 3_600_000),
      judgingEndsAt: await dbNow(t, -2 * 3_600_000),
      resultsPublishedAt: await dbNow(t, -1_000),
    });
    const all = await asEveryone();
    for (const [name] of viewers) {
      expect({ name, b: all[name] }).toEqual({ name, b: all.organizer });
    }
    expect(all.anonymous).toMatchObject({ frozen: false, publicMode: 'published' });
    expect(all.anonymous!.rows.find((r) => r.submissionId === project(2))!.score).toBe(0);
    expect(scored(all.anonymous!)).toHaveLength(4);
  });

  it('answers 404 for a track of another edition or an unknown one, 400 for a malformed one', async () => {
    const other = await must(t, 'POST', '/api/editions', {
      token: w.organizer.token,
      body: {
        slug: `other-${w.editionId.slice(0, 8)}`,
        name: 'Another edition',
        published: true,
        registrationOpensAt: await dbNow(t, -3_600_000),
        registrationClosesAt: await dbNow(t, 3_600_000),
        hackingStartsAt: await dbNow(t, -3_600_000),
        submissionDeadline: await dbNow(t, 7_200_000),
        judgingEndsAt: await dbNow(t, 10_800_000),
      },
    });
    const track = await must(t, 'POST', `/api/editions/${other.id}/tracks`, {
      token: w.organizer.token,
      body: { name: 'Elsewhere', slug: 'elsewhere' },
    });
    const get = (q: string) => t.request('GET', `/api/editions/${w.editionId}/leaderboard?${q}`);
    expect((await get(`trackId=${track.id}`)).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect((await get('trackId=7f0c8d1e-3b1a-4c55-9a52-8d9e0f1a2b3c')).status).toBe(404);
    expect((await get('trackId=health')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((await get('other=1')).status).toBe(400);
    // An empty track of the edition has an empty board.
    const empty = await board(t, other.id, track.id);
    expect(empty).toMatchObject({ rows: [], version: 0, frozen: false });
  });

  it('a draft edition’s board is the organizers’ alone (404 to anyone else)', async () => {
    await patchEdition(w, { published: false });
    for (const [name, token] of viewers.slice(0, 3)) {
      const res = await t.request('GET', `/api/editions/${w.editionId}/leaderboard`, { token });
      expect({ name, status: res.status }).toEqual({ name, status: 404 });
    }
    expect((await board(t, w.editionId, null, w.organizer.token)).rows).toHaveLength(4);
    await patchEdition(w, { published: true });
  });
});
