import { randomUUID } from 'node:crypto';
import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type Leaderboard,
  type LiveLeaderboardUpdate,
  type ServerToClientEvents,
} from '@ca/shared';
import { io, type Socket } from 'socket.io-client';
import { createTestApp, type TestApp } from './helpers/app';
import {
  assignmentsOf,
  createJudgingWorld,
  must,
  openJudging,
  valuesFor,
  type JudgingWorld,
} from './helpers/judging';
import { applyTo, waitFor } from './helpers/live';
import { call, failoverProxy, startServer, type Server } from './helpers/processes';

/**
 * An API instance killed (SIGKILL) while socket clients watch a leaderboard, with two instances on
 * one database and Redis behind a failover proxy (a stand-in for the load balancer): the clients
 * reconnect to the other instance, take a snapshot at least as new as what they had, and every
 * later update follows on from it with no missing version.
 */
jest.setTimeout(60_000);
const withRedis = process.env.REDIS_URL ? describe : describe.skip;
if (!process.env.REDIS_URL)
  console.log('[faults-instances] REDIS_URL unset: the two-instance fault test is skipped');

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A client that resubscribes after every (re)connection, as the web app does, and checks versions. */
function watcher(base: string, token: string, editionId: string, trackId: string) {
  const socket: Client = io(`${base}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    randomizationFactor: 0,
    auth: { token },
  });
  const state = {
    socket,
    board: undefined as Leaderboard | undefined,
    connections: 0,
    disconnects: 0,
    snapshots: [] as { version: number; lastSeen: number; connection: number }[],
    gaps: [] as string[],
    updates: 0,
  };
  let buffered: LiveLeaderboardUpdate[] | null = null;
  const apply = (u: LiveLeaderboardUpdate) => {
    if (u.trackId !== trackId || !state.board) return;
    if (u.version <= state.board.version) return; // already in the snapshot
    if (u.fromVersion !== state.board.version + 1)
      state.gaps.push(`update ${u.fromVersion}..${u.version} after version ${state.board.version}`);
    applyTo(state.board, u);
    state.updates++;
  };
  socket.on('connect', () => {
    state.connections++;
    const connection = state.connections;
    buffered = [];
    void socket
      .timeout(10_000)
      .emitWithAck('leaderboard:subscribe', { editionId, trackId })
      .then((ack) => {
        if (!ack.ok) throw new Error(`subscribe refused: ${ack.code}`);
        const lastSeen = state.board?.version ?? -1;
        state.snapshots.push({ version: ack.snapshot.version, lastSeen, connection });
        if (!state.board || ack.snapshot.version >= state.board.version) state.board = ack.snapshot;
        const waiting = buffered ?? [];
        buffered = null;
        waiting.forEach(apply);
      })
      .catch((err: Error) => state.gaps.push(`subscribe failed: ${err.message}`));
  });
  socket.on('disconnect', () => {
    state.disconnects++;
  });
  socket.on('leaderboard:update', (u) => (buffered ? buffered.push(u) : apply(u)));
  socket.on('leaderboard:snapshot', (s) => {
    if (s.trackId !== trackId || !state.board) return;
    if (s.version < state.board.version)
      state.gaps.push(`snapshot ${s.version} older than ${state.board.version}`);
    else state.board = s;
  });
  return state;
}

withRedis('an API instance killed while clients watch (two instances, Redis)', () => {
  let t: TestApp;
  let w: JudgingWorld;
  let a: Server | undefined;
  let b: Server | undefined;
  let proxy: Awaited<ReturnType<typeof failoverProxy>> | undefined;
  const watchers: ReturnType<typeof watcher>[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    w = await createJudgingWorld(t, { teams: 5, jurors: 3, tracks: ['Health'], reviewsPerSubmission: 3 });
    await openJudging(t, w.editionId);
    await must(t, 'POST', `/api/editions/${w.editionId}/assignments/auto`, {
      token: w.organizer.token,
      body: {},
    });
    [a, b] = await Promise.all([
      startServer({ databaseUrl: t.config.databaseUrl, redisUrl: process.env.REDIS_URL }),
      startServer({ databaseUrl: t.config.databaseUrl, redisUrl: process.env.REDIS_URL }),
    ]);
    proxy = await failoverProxy([a.port, b.port]);
  }, 60_000);
  afterAll(async () => {
    watchers.forEach((s) => s.socket.disconnect());
    await proxy?.close();
    await a?.stop('SIGKILL');
    await b?.stop();
    await t?.close();
  });

  it('its clients reconnect to the other instance and resync with no missing version', async () => {
    const track = w.trackIds[0]!;
    const base = `http://127.0.0.1:${proxy!.port}`;
    for (let i = 0; i < 5; i++) watchers.push(watcher(base, w.organizer.token, w.editionId, track));
    watchers.push(watcher(base, w.jurors[0]!.token, w.editionId, track));
    await waitFor(() => watchers.every((x) => x.board), 'the first snapshots', 15_000);
    // Through the proxy every client is on `a` (the first target that accepts).

    const pairs = await assignmentsOf(t, w.editionId);
    const tokenOf = new Map(w.jurors.map((j) => [j.id, j.token]));
    let k = 0;
    const write = async () => {
      const p = pairs[k % pairs.length]!;
      k++;
      const res = await call(b!.url, 'PUT', `/api/submissions/${p.submission_id}/scores/me`, {
        token: tokenOf.get(p.juror_id),
        body: {
          values: valuesFor(w.criteria, (c, i) => c.min + ((k + i) % (c.max - c.min + 1))),
          comment: `write ${k}`,
          idempotencyKey: randomUUID(),
        },
      });
      expect(res.status).toBe(200);
    };
    for (let i = 0; i < 10; i++) await write();
    await waitFor(() => watchers.every((x) => x.updates > 0), 'updates through the first instance', 15_000);

    // Kill `a` while writes keep going through `b`.
    const writing = (async () => {
      for (let i = 0; i < 30; i++) {
        await write();
        await new Promise((r) => setTimeout(r, 30));
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    a!.child.kill('SIGKILL');
    await writing;

    await waitFor(
      () => watchers.every((x) => x.connections >= 2 && x.snapshots.length >= 2),
      'every client reconnected and resubscribed',
      20_000,
    );
    // More writes once everyone is back: they arrive as updates following on from the new snapshot.
    const resynced = watchers.map((x) => x.updates);
    for (let i = 0; i < 5; i++) await write();
    const truth = async () =>
      (
        await call(b!.url, 'GET', `/api/editions/${w.editionId}/leaderboard?trackId=${track}`, {
          token: w.organizer.token,
        })
      ).body as Leaderboard;
    const final = await truth();
    await waitFor(
      () => watchers.every((x) => x.board!.version === final.version),
      `every client at version ${final.version}`,
      15_000,
    );

    for (const x of watchers) {
      expect(x.gaps).toEqual([]);
      expect(x.disconnects).toBeGreaterThanOrEqual(1);
      expect(x.updates).toBeGreaterThan(resynced[watchers.indexOf(x)]!);
      // The snapshot after the reconnection is at least as new as what the client had seen.
      for (const s of x.snapshots.slice(1)) expect(s.version).toBeGreaterThanOrEqual(s.lastSeen);
      const scores = Object.fromEntries(x.board!.rows.map((r) => [r.submissionId, r.score]));
      if (x === watchers.at(-1)) continue; // the juror's view may hide scores; versions are what count
      expect(scores).toEqual(Object.fromEntries(final.rows.map((r) => [r.submissionId, r.score])));
    }
  });
});
