import { randomUUID } from 'node:crypto';
import { LIVE_NAMESPACE } from '@ca/shared';
import { io } from 'socket.io-client';
import type { Leaderboard, LeaderboardRow, RevealStep } from '@ca/shared';
import { LiveFeedsGateway } from '../src/modules/live/live-feeds.gateway';
import { createTestApp, type TestApp } from './helpers/app';
import { setTimeline } from './helpers/submission-fixtures';
import {
  createJudgingWorld,
  must,
  openJudging,
  scoreSheet,
  valuesFor,
  type JudgingWorld,
} from './helpers/judging';
import {
  applyTo,
  connect,
  leaksScore,
  logBoards,
  sleep,
  subscribe,
  waitFor,
  type Client,
} from './helpers/live';

/**
 * The live leaderboards over real Socket.IO clients, against PostgreSQL and the real ranking:
 * contiguous versions, what a hidden or frozen board may send to whom, resync after missed
 * versions, and the reveal on two screens.
 */
describe('live leaderboards', () => {
  let t: TestApp;
  let w: JudgingWorld;
  let track: string;
  let challengeId: string;
  const sockets: Client[] = [];
  const open = async (token?: string) => {
    const s = await connect(t.url, token);
    sockets.push(s);
    return s;
  };
  /** Juror `j` scores team `i` with every criterion at `v` (scales are 1–10). */
  const score = async (j: number, i: number, v: number) => {
    const res = await scoreSheet(
      t,
      w.jurors[j]!,
      w.teams[i]!.submissionId,
      valuesFor(w.criteria, () => v),
    );
    if (res.status !== 200) throw new Error(`sheet refused: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const patchEdition = (body: Record<string, unknown>) =>
    must(t, 'PATCH', `/api/editions/${w.editionId}`, { token: w.organizer.token, body });
  const organizerBoard = async (trackId: string | null): Promise<Leaderboard> => {
    const s = await open(w.organizer.token);
    const b = await subscribe(s, w.editionId, trackId);
    s.disconnect();
    return b;
  };
  const byId = (rows: LeaderboardRow[]) =>
    Object.fromEntries(rows.map((r) => [r.submissionId, { rank: r.rank, score: r.score, sheets: r.sheets }]));

  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    w = await createJudgingWorld(t, {
      teams: 6,
      jurors: 3,
      tracks: ['Health', 'Tourism'],
      reviewsPerSubmission: 3,
      // Z-scores: the broadcast bounds below count the boards one sheet changes (with the model,
      // a juror's fitted severity may move the other track's board too).
      normalization: 'zscore',
    });
    track = w.trackIds[0]!;
    // A sponsor challenge of the first track, targeted by team 0's project (before the deadline).
    challengeId = (
      await must(t, 'POST', `/api/tracks/${track}/challenges`, {
        token: w.organizer.token,
        body: { title: 'Best use of open data', sponsor: 'Cluster', prize: 'A trip' },
      })
    ).id;
    await must(t, 'PUT', `/api/teams/${w.teams[0]!.id}/submission`, {
      token: w.teams[0]!.captain.token,
      body: { title: `Project of ${w.teams[0]!.name}`, tagline: 'A tagline', challengeIds: [challengeId] },
    });
    await openJudging(t, w.editionId);
    await must(t, 'POST', `/api/editions/${w.editionId}/assignments/auto`, {
      token: w.organizer.token,
      body: {},
    });
  }, 180_000);
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t?.close();
  });

  it('subscribes only to editions and tracks the socket may see, re-validating every payload', async () => {
    const anon = await open();
    expect(
      await anon.emitWithAck('leaderboard:subscribe', { editionId: 'nope', trackId: null } as never),
    ).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
    expect(
      await anon.emitWithAck('leaderboard:subscribe', {
        editionId: w.editionId,
        trackId: null,
        extra: 1,
      } as never),
    ).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(
      await anon.emitWithAck('leaderboard:subscribe', { editionId: w.editionId, trackId: randomUUID() }),
    ).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    const draft = await must(t, 'POST', '/api/editions', {
      token: w.organizer.token,
      body: {
        slug: `draft-${randomUUID().slice(0, 8)}`,
        name: 'Draft',
        published: false,
        registrationOpensAt: new Date(Date.now() + 86400e3).toISOString(),
        registrationClosesAt: new Date(Date.now() + 2 * 86400e3).toISOString(),
        hackingStartsAt: new Date(Date.now() + 86400e3).toISOString(),
        submissionDeadline: new Date(Date.now() + 3 * 86400e3).toISOString(),
        judgingEndsAt: new Date(Date.now() + 4 * 86400e3).toISOString(),
      },
    });
    expect(
      await anon.emitWithAck('leaderboard:subscribe', { editionId: draft.id, trackId: null }),
    ).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    const participant = await open(w.teams[0]!.captain.token);
    expect(
      await participant.emitWithAck('leaderboard:subscribe', { editionId: draft.id, trackId: null }),
    ).toMatchObject({
      ok: false,
    });
    const org = await open(w.organizer.token);
    expect(
      await org.emitWithAck('leaderboard:subscribe', { editionId: draft.id, trackId: null }),
    ).toMatchObject({ ok: true });
  });

  it('sends updates in order with contiguous versions, each with the changed rows and their new ranks', async () => {
    const org = await open(w.organizer.token);
    const log = logBoards(org);
    const board = await subscribe(org, w.editionId, track);
    const whole = await subscribe(org, w.editionId, null);
    const start = board.version;
    // Nine sheets on the first track's three projects, as fast as the API takes them.
    const trackTeams = [0, 2, 4];
    for (let j = 0; j < 3; j++) await Promise.all(trackTeams.map((i, k) => score(j, i, 3 + 2 * k + j)));
    // The final board, as a fresh organizer snapshot sees it, is what the updates build.
    let final: Leaderboard | undefined;
    await waitFor(() => {
      const last = log.updates.filter((u) => u.trackId === track).at(-1);
      return last && last.version > start ? last : undefined;
    }, 'a first update');
    for (let tries = 0; tries < 50; tries++) {
      final = await organizerBoard(track);
      const last = log.updates.filter((u) => u.trackId === track).at(-1);
      if (final.rows.every((r) => r.sheets === 3) && last && last.version === final.version) break;
      await sleep(100);
    }
    const updates = log.updates.filter((u) => u.trackId === track);
    expect(updates.length).toBeGreaterThan(0);
    let prev = start;
    for (const u of updates) {
      expect(u.fromVersion).toBe(prev + 1);
      expect(u.version).toBeGreaterThanOrEqual(u.fromVersion);
      for (const r of u.rows) expect(r.trackId).toBe(track);
      prev = u.version;
    }
    const built = structuredClone(board);
    for (const u of updates) expect(applyTo(built, u)).toBe(true);
    expect(built.version).toBe(final!.version);
    expect(byId(built.rows)).toEqual(byId(final!.rows));
    expect(final!.rows.every((r) => r.sheets === 3 && r.rank !== null)).toBe(true);
    // Every message is per board: the whole edition's board moved too, in its own sequence.
    const wholeUpdates = log.updates.filter((u) => u.trackId === null);
    expect(wholeUpdates.length).toBeGreaterThan(0);
    expect(wholeUpdates[0]!.fromVersion).toBe(whole.version + 1);
  });

  it('a hidden board sends no score to an anonymous socket or a participant, in updates or snapshots', async () => {
    await patchEdition({ leaderboardVisibility: 'hidden' });
    const anon = await open();
    const participant = await open(w.teams[0]!.captain.token);
    const juror = await open(w.jurors[0]!.token);
    const org = await open(w.organizer.token);
    const logs = [anon, participant, juror].map(logBoards);
    const orgLog = logBoards(org);
    for (const s of [anon, participant, juror]) {
      const snap = await subscribe(s, w.editionId, track);
      expect(snap.rows.length).toBe(3);
      expect(leaksScore(snap.rows)).toBe(false);
      const whole = await subscribe(s, w.editionId, null);
      expect(leaksScore(whole.rows)).toBe(false);
    }
    await subscribe(org, w.editionId, track);
    await score(0, 2, 10);
    await score(1, 4, 1);
    await waitFor(() => orgLog.updates.some((u) => u.trackId === track), 'the organizers’ update');
    await sleep(300); // time for any (wrong) public message to arrive
    for (const log of logs) {
      expect(log.updates).toEqual([]);
      for (const s of log.snapshots) expect(leaksScore(s.rows)).toBe(false);
    }
    for (const s of [anon, participant])
      expect(leaksScore((await subscribe(s, w.editionId, track)).rows)).toBe(false);
    const rest = await t.request('GET', `/api/editions/${w.editionId}/leaderboard?trackId=${track}`, {
      token: w.teams[0]!.captain.token,
    });
    if (rest.status === 200) expect(leaksScore(rest.body.rows)).toBe(false);
    // Back to public: the public rooms get a snapshot with the scores at once.
    await patchEdition({ leaderboardVisibility: 'public' });
    const snap = await waitFor(
      () => logs[0]!.snapshots.find((s) => s.trackId === track && leaksScore(s.rows)),
      'the public snapshot',
    );
    expect(snap.rows.every((r) => r.score !== null)).toBe(true);
  });

  it('the freeze: the public sees the frozen board, organizers the live one; unfreezing resyncs the public', async () => {
    const anon = await open();
    const org = await open(w.organizer.token);
    const pub = logBoards(anon);
    const orgLog = logBoards(org);
    const before = await subscribe(anon, w.editionId, track);
    await subscribe(org, w.editionId, track);
    const target = w.teams[2]!.submissionId;
    const frozenScore = before.rows.find((r) => r.submissionId === target)!.score;
    expect(frozenScore).not.toBeNull();

    await patchEdition({ leaderboardFreezeAt: new Date().toISOString() });
    const frozenSnap = await waitFor(() => pub.snapshots.find((s) => s.frozen), 'the frozen snapshot');
    expect(frozenSnap.rows.find((r) => r.submissionId === target)!.score).toBe(frozenScore);
    pub.updates.length = 0;

    await score(2, 2, 1); // after the freeze: the public must not see it
    const orgUpdate = await waitFor(
      () =>
        orgLog.updates.find((u) => u.rows.some((r) => r.submissionId === target && r.score !== frozenScore)),
      'the organizers’ live update',
    );
    const liveScore = orgUpdate.rows.find((r) => r.submissionId === target)!.score;
    await sleep(300);
    expect(pub.updates).toEqual([]);
    for (const s of pub.snapshots)
      expect(s.rows.find((r) => r.submissionId === target)!.score).toBe(frozenScore);
    const again = await subscribe(anon, w.editionId, track);
    expect(again.frozen).toBe(true);
    expect(again.rows.find((r) => r.submissionId === target)!.score).toBe(frozenScore);
    const orgNow = await organizerBoard(track);
    expect(orgNow.rows.find((r) => r.submissionId === target)!.score).toBe(liveScore);

    await patchEdition({ leaderboardFreezeAt: null });
    const thawed = await waitFor(
      () =>
        pub.snapshots.find(
          (s) => !s.frozen && s.rows.some((r) => r.submissionId === target && r.score === liveScore),
        ),
      'the snapshot after unfreezing',
    );
    // And the public gets updates again, following that snapshot.
    pub.updates.length = 0;
    await score(2, 2, 7);
    const next = await waitFor(
      () => pub.updates.find((u) => u.trackId === track),
      'a public update after unfreezing',
    );
    expect(next.fromVersion).toBeLessThanOrEqual(thawed.version + 1);
    expect(next.version).toBeGreaterThan(thawed.version);
  });

  it('a client that misses versions sees the gap and resyncs from a snapshot', async () => {
    const viewer = await open();
    const log = logBoards(viewer);
    const board = await subscribe(viewer, w.editionId, track);
    await score(0, 0, 2);
    await waitFor(() => log.updates.length >= 1, 'a first update');
    log.updates.splice(0); // lost on the way
    await sleep(150);
    await score(0, 0, 9);
    const second = await waitFor(() => log.updates[0], 'a second update');
    expect(applyTo(board, second)).toBe(false); // the gap is seen
    const fresh = await subscribe(viewer, w.editionId, track);
    const truth = await organizerBoard(track);
    expect(fresh.version).toBe(truth.version);
    expect(byId(fresh.rows)).toEqual(byId(truth.rows));
    log.updates.splice(0);
    await score(1, 0, 3);
    const after = await waitFor(() => log.updates[0], 'an update after the resync');
    expect(applyTo(fresh, after)).toBe(true);
  });

  it('a short blip is recovered: the socket keeps its rooms and gets the versions it missed, in order', async () => {
    const viewer = io(`${t.url}${LIVE_NAMESPACE}`, {
      transports: ['websocket'],
      forceNew: true,
      // Long enough for the server to see the drop first, even on a loaded machine.
      reconnectionDelay: 1500,
      randomizationFactor: 0,
    });
    sockets.push(viewer as Client);
    await new Promise<void>((r) => viewer.once('connect', () => r()));
    const log = logBoards(viewer as Client);
    const board = await subscribe(viewer as Client, w.editionId, track);
    // Any event first (recovery needs an offset), then the connection drops.
    await score(1, 4, 5);
    await waitFor(() => log.updates.length >= 1, 'a first update');
    const id = viewer.id!;
    const nsp = t.app.get(LiveFeedsGateway).server;
    viewer.io.engine.close();
    // Listened for at once: on a slow machine the reconnection may come before the next write ends.
    const reconnected = new Promise<void>((r) => viewer.once('connect', () => r()));
    // Until the server has seen the drop it still writes to the dead transport (those packets
    // are lost, not replayed: clients then see a gap and resync, as tested above).
    await waitFor(() => !nsp.sockets.has(id), 'the server to see the drop');
    await score(1, 4, 9); // while away
    await reconnected;
    expect(viewer.recovered).toBe(true);
    const truth = await organizerBoard(track);
    await waitFor(() => log.updates.at(-1)?.version === truth.version, 'the missed update');
    for (const u of log.updates) expect(applyTo(board, u)).toBe(true);
    expect(byId(board.rows)).toEqual(byId(truth.rows));
    viewer.disconnect();
  });

  it('serialises each update once per room broadcast, not once per socket', async () => {
    const viewers = await Promise.all(Array.from({ length: 20 }, () => open()));
    const logs = viewers.map(logBoards);
    for (const v of viewers) await subscribe(v, w.editionId, track);
    const nsp = t.app.get(LiveFeedsGateway).server;
    const encoder = (nsp.adapter as unknown as { encoder: { encode: (p: { data?: unknown[] }) => unknown } })
      .encoder;
    const encode = jest.spyOn(encoder, 'encode');
    try {
      await score(2, 4, 6);
      await waitFor(() => logs.every((l) => l.updates.length >= 1), 'the update on all 20 sockets');
      await sleep(200);
      const encodes = encode.mock.calls.filter(([p]) => p.data?.[0] === 'leaderboard:update').length;
      const distinct = new Set(logs[0]!.updates.map((u) => u.version)).size;
      // One broadcast to the organizers' room and one to the public room per update, whatever the sockets.
      expect(encodes).toBeGreaterThan(0);
      expect(encodes).toBeLessThanOrEqual(2 * distinct * 2); // this board and the whole edition's
    } finally {
      encode.mockRestore();
      viewers.forEach((v) => v.disconnect());
    }
  });

  it('the reveal runs on two screens in step, places from the last up, then the awards; a late screen joins in step', async () => {
    await patchEdition({ leaderboardVisibility: 'hidden' });
    await must(t, 'PUT', `/api/editions/${w.editionId}/awards`, {
      token: w.organizer.token,
      body: [
        {
          kind: 'track',
          trackId: track,
          prize: '1000 EUR',
          sponsor: 'Cluster',
          citation: 'For the clearest impact',
        },
        {
          kind: 'challenge',
          challengeId,
          submissionId: w.teams[0]!.submissionId,
          prize: 'A trip',
          citation: 'Open data, well used',
        },
      ],
    });
    const screens = [await open(), await open()];
    const steps: RevealStep[][] = [[], []];
    for (const [i, s] of screens.entries()) {
      const ack = await s.emitWithAck('screen:subscribe', { editionId: w.editionId });
      expect(ack.ok).toBe(true);
      s.on('reveal:step', (r) => steps[i]!.push(r));
    }
    const reveal = (body: object) =>
      t.request('POST', `/api/editions/${w.editionId}/reveal`, { token: w.organizer.token, body });
    const started = await reveal({ action: 'start', trackId: track });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      active: true,
      step: 0,
      places: 3,
      total: 5,
      revealed: [],
      awards: [],
    });
    const board = await organizerBoard(track);
    for (let k = 1; k <= 5; k++) {
      const res = await reveal({ action: 'next' });
      expect(res.body.step).toBe(k);
      if (k === 2) {
        const late = await open();
        const ack = await late.emitWithAck('screen:subscribe', { editionId: w.editionId });
        if (!ack.ok) throw new Error(ack.message);
        expect(ack.state.reveal).toMatchObject({ revealId: started.body.revealId, step: 2 });
        expect(ack.state.reveal!.revealed).toHaveLength(2);
      }
    }
    await waitFor(() => steps.every((s) => s.length === 6), 'six steps on both screens');
    expect(steps[0]).toEqual(steps[1]);
    expect(steps[0]!.map((s) => s.step)).toEqual([0, 1, 2, 3, 4, 5]);
    const last = steps[0]!.at(-1)!;
    // From the last ranked place up, with ranks and scores even though the board is hidden (rule 8).
    expect(last.revealed.map((r) => r.rank)).toEqual([...board.rows].map((r) => r.rank).reverse());
    expect(last.revealed.map((r) => r.score)).toEqual([...board.rows].map((r) => r.score).reverse());
    expect(steps[0]![3]!.awards).toEqual([]);
    expect(steps[0]![4]!.awards).toHaveLength(1);
    expect(last.awards.map((a) => [a.kind, a.prize, a.citation])).toEqual([
      ['track', '1000 EUR', 'For the clearest impact'],
      ['challenge', 'A trip', 'Open data, well used'],
    ]);
    expect(last.awards[0]!.winners.map((x) => x.submissionId)).toEqual(
      board.rows.filter((r) => r.rank === 1).map((r) => r.submissionId),
    );
    expect(last.awards[1]!.winners.map((x) => x.submissionId)).toEqual([w.teams[0]!.submissionId]);
    // Past the end it stays at the end; a reset ends the show everywhere; `next` then needs a start.
    expect((await reveal({ action: 'next' })).body.step).toBe(5);
    expect((await reveal({ action: 'reset' })).body).toMatchObject({ active: false });
    await waitFor(() => steps.every((s) => s.some((x) => !x.active)), 'the reset on both screens');
    const after = await reveal({ action: 'next' });
    expect(after.status).toBe(409);
    expect(after.body.code).toBe('REVEAL_NOT_STARTED');
    expect((await reveal({ action: 'start', trackId: randomUUID() })).status).toBe(400);
    expect((await reveal({ action: 'jump' })).status).toBe(400);
    const audit = await must(t, 'GET', `/api/editions/${w.editionId}/audit`, { token: w.organizer.token });
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['reveal.started', 'reveal.reset', 'awards.updated']),
    );
    await patchEdition({ leaderboardVisibility: 'public' });
  });

  it('once results are published, the gallery shows each winner its awards', async () => {
    const closed = await t.request('GET', `/api/editions/${w.editionId}/gallery`);
    expect(closed.status).toBe(409);
    const board = await organizerBoard(track);
    await setTimeline(t, w.editionId, {
      deadline: '-2 days',
      judging: '1 day',
      resultsPublished: '-1 minute',
    });
    const gallery = await must(t, 'GET', `/api/editions/${w.editionId}/gallery?limit=50`);
    const awardsOf = (id: string) =>
      gallery.items
        .find((i: { submissionId: string }) => i.submissionId === id)
        .awards.map((a: { kind: string }) => a.kind);
    const winner = board.rows.find((r) => r.rank === 1)!.submissionId;
    expect(awardsOf(winner)).toContain('track');
    expect(awardsOf(w.teams[0]!.submissionId)).toContain('challenge');
    const others = gallery.items.filter(
      (i: { submissionId: string }) =>
        i.submissionId !== winner && i.submissionId !== w.teams[0]!.submissionId,
    );
    for (const o of others) expect(o.awards).toEqual([]);
    const page = await must(t, 'GET', `/api/editions/${w.editionId}/gallery/${w.teams[0]!.submissionId}`);
    expect(page.awards.find((a: { kind: string }) => a.kind === 'challenge')).toMatchObject({
      prize: 'A trip',
      citation: 'Open data, well used',
      name: 'Best use of open data',
    });
  });
});
