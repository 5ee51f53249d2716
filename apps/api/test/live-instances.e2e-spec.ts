import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { LiveLeaderboardUpdate, RevealStep } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { createJudgingWorld, must, openJudging, valuesFor, type JudgingWorld } from './helpers/judging';
import { applyTo, connect, logBoards, subscribe, waitFor, type Client } from './helpers/live';

/**
 * Two API processes (the compiled server, as in production) on one database and one Redis: a
 * score written through one reaches a client of the other, the board's versions stay one sequence
 * whichever instance a client is on, and the reveal and announcements reach every instance.
 */
const MAIN = path.resolve(__dirname, '..', 'dist', 'main.js');
const withRedis = process.env.REDIS_URL ? describe : describe.skip;
if (!process.env.REDIS_URL) console.log('[live-instances] REDIS_URL unset: the two-process test is skipped');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function startServer(
  databaseUrl: string,
): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const port = await freePort();
  const clean = { ...process.env };
  for (const k of ['CA_TEST_ADMIN_URL', 'CA_TEST_TEMPLATE']) delete clean[k];
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...clean,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env.REDIS_URL!,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`server not healthy in time:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child, output: () => out };
}

async function http(base: string, method: string, p: string, token: string, body?: unknown) {
  const res = await fetch(`${base}${p}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

withRedis('live across two API processes (Redis)', () => {
  let t: TestApp;
  let w: JudgingWorld;
  let a: Awaited<ReturnType<typeof startServer>>;
  let b: Awaited<ReturnType<typeof startServer>>;
  const sockets: Client[] = [];

  beforeAll(async () => {
    // The world is made through an in-process app on the same database; the two servers share it.
    t = await createTestApp();
    w = await createJudgingWorld(t, { teams: 4, jurors: 2, tracks: ['Health'], reviewsPerSubmission: 2 });
    await openJudging(t, w.editionId);
    await must(t, 'POST', `/api/editions/${w.editionId}/assignments/auto`, {
      token: w.organizer.token,
      body: {},
    });
    [a, b] = await Promise.all([startServer(t.config.databaseUrl), startServer(t.config.databaseUrl)]);
  }, 180_000);
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    for (const s of [a, b]) {
      if (!s || s.child.exitCode !== null) continue;
      const exited = new Promise((r) => s.child.once('exit', r));
      s.child.kill('SIGTERM');
      await exited;
    }
    await t?.close();
  });

  it('a score written through one instance reaches clients of both, with one sequence of versions', async () => {
    const onA = await connect(a.url, w.organizer.token);
    const onB = await connect(b.url, w.organizer.token);
    const anonB = await connect(b.url);
    sockets.push(onA, onB, anonB);
    const [logA, logB, logAnon] = [onA, onB, anonB].map(logBoards);
    const track = w.trackIds[0]!;
    const boardA = await subscribe(onA, w.editionId, track);
    const boardB = await subscribe(onB, w.editionId, track);
    const boardAnon = await subscribe(anonB, w.editionId, track);
    expect(boardB.version).toBe(boardA.version);

    // Sheets alternate between the instances; every client ends with the same board and versions.
    let k = 0;
    for (const team of w.teams)
      for (const juror of w.jurors) {
        const via = k++ % 2 === 0 ? a : b;
        const res = await http(
          via.url,
          'PUT',
          `/api/submissions/${team.submissionId}/scores/me`,
          juror.token,
          {
            values: valuesFor(w.criteria, () => 1 + (k % 10)),
            comment: '',
            idempotencyKey: `k-${k}-${Math.random()}`,
          },
        );
        expect(res.status).toBe(200);
      }
    const last = (log: { updates: LiveLeaderboardUpdate[] }) =>
      log.updates.filter((u) => u.trackId === track).at(-1);
    const settled = async () => {
      const truth = await http(
        b.url,
        'GET',
        `/api/editions/${w.editionId}/leaderboard?trackId=${track}`,
        w.organizer.token,
      );
      const v = truth.body?.version;
      return [logA, logB, logAnon].every((l) => last(l)?.version === v) &&
        truth.body.rows.every((r: { sheets: number }) => r.sheets === 2)
        ? truth.body
        : undefined;
    };
    let truth: any;
    for (let i = 0; i < 100 && !truth; i++) {
      truth = await settled();
      if (!truth) await new Promise((r) => setTimeout(r, 100));
    }
    expect(truth).toBeDefined();
    for (const [log, board] of [
      [logA, boardA],
      [logB, boardB],
      [logAnon, boardAnon],
    ] as const) {
      let prev = board.version;
      for (const u of log.updates.filter((x) => x.trackId === track)) {
        expect(u.fromVersion).toBe(prev + 1);
        prev = u.version;
        expect(applyTo(board, u)).toBe(true);
      }
      expect(board.version).toBe(truth.version);
      const scores = Object.fromEntries(board.rows.map((r) => [r.submissionId, r.score]));
      expect(scores).toEqual(
        Object.fromEntries(
          truth.rows.map((r: { submissionId: string; score: number }) => [r.submissionId, r.score]),
        ),
      );
    }
  });

  it('an announcement and a reveal step made through one instance reach the screens of the other', async () => {
    const screenB = await connect(b.url);
    sockets.push(screenB);
    const ack = await screenB.emitWithAck('screen:subscribe', { editionId: w.editionId });
    expect(ack.ok).toBe(true);
    const announced = new Promise<{ message: string }>((r) => screenB.once('announcement', r));
    const steps: RevealStep[] = [];
    screenB.on('reveal:step', (s) => steps.push(s));
    expect(
      (
        await http(a.url, 'POST', `/api/editions/${w.editionId}/announcements`, w.organizer.token, {
          message: 'Through A',
        })
      ).status,
    ).toBe(201);
    await expect(announced).resolves.toMatchObject({ message: 'Through A' });
    expect(
      (
        await http(a.url, 'POST', `/api/editions/${w.editionId}/reveal`, w.organizer.token, {
          action: 'start',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await http(b.url, 'POST', `/api/editions/${w.editionId}/reveal`, w.organizer.token, {
          action: 'next',
        })
      ).status,
    ).toBe(200);
    await waitFor(() => steps.length >= 2, 'two reveal steps');
    expect(steps.map((s) => s.step)).toEqual([0, 1]);
  });
});
