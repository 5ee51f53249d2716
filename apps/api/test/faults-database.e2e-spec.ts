import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call, freePort, startPrivatePostgres, startServer, type Server } from './helpers/processes';

/**
 * PostgreSQL stopped and started again under a running API (the compiled server): health answers
 * 503 while it is down and 200 again after, without restarting the API, and requests that need the
 * database get a prompt 503 DATABASE_UNAVAILABLE instead of hanging. The database is a private
 * PostgreSQL (the embedded one, in a temporary folder, on a free port), never the machine's.
 */
jest.setTimeout(60_000);

const DOWN_BOUND_MS = 4_000; // DB_CONNECT_TIMEOUT_MS and DB_QUERY_TIMEOUT_MS below (2 s) plus slack

describe('PostgreSQL stopped and started under the API', () => {
  let dataDir: string;
  let pgPort: number;
  let db: Awaited<ReturnType<typeof startPrivatePostgres>> | undefined;
  let server: Server | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-faults-pg-'));
    fs.chmodSync(dataDir, 0o755); // as root PostgreSQL runs as `postgres`, which must enter it
    pgPort = await freePort();
    db = await startPrivatePostgres({ dataDir, port: pgPort, database: 'faults' });
    server = await startServer({
      databaseUrl: db.url,
      env: { DB_CONNECT_TIMEOUT_MS: '2000', DB_QUERY_TIMEOUT_MS: '2000' },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const register = () =>
    call(server!.url, 'POST', '/api/auth/register', {
      body: {
        email: `f-${randomBytes(5).toString('hex')}@example.test`,
        password: 'correct horse battery',
        name: 'Fault Test',
        acceptTerms: true,
      },
      timeoutMs: 20_000,
    });

  it('answers 503 promptly while the database is down, and recovers by itself', async () => {
    const before = await register();
    expect(before.status).toBe(201);
    const token: string = before.body.token;
    expect((await call(server!.url, 'GET', '/api/health')).status).toBe(200);
    const pid = server!.child.pid;

    await db!.stop();

    // Health: 503 (not a hang), every answer bounded.
    const health = await call(server!.url, 'GET', '/api/health', { timeoutMs: 10_000 });
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'error', db: 'down' });
    expect(health.ms).toBeLessThan(DOWN_BOUND_MS);

    // Writes, anonymous and signed in: 503 DATABASE_UNAVAILABLE, each within the bound.
    for (const attempt of [
      register,
      () => call(server!.url, 'POST', '/api/auth/logout', { token, body: {}, timeoutMs: 20_000 }),
      () => call(server!.url, 'GET', '/api/auth/me', { token, timeoutMs: 20_000 }),
    ]) {
      const res = await attempt();
      expect({ status: res.status, code: res.body?.code }).toEqual({
        status: 503,
        code: 'DATABASE_UNAVAILABLE',
      });
      expect(res.ms).toBeLessThan(DOWN_BOUND_MS);
    }
    // Many at once do not pile up behind the pool either.
    const burst = await Promise.all(Array.from({ length: 20 }, register));
    expect(burst.map((r) => r.status)).toEqual(Array(20).fill(503));
    expect(Math.max(...burst.map((r) => r.ms))).toBeLessThan(DOWN_BOUND_MS * 2);

    db = await startPrivatePostgres({ dataDir, port: pgPort, database: 'faults' });

    // Back to 200 without a restart of the API.
    const until = Date.now() + 20_000;
    let status = 0;
    while (Date.now() < until) {
      status = (await call(server!.url, 'GET', '/api/health', { timeoutMs: 10_000 })).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    expect(server!.child.exitCode).toBeNull();
    expect(server!.child.pid).toBe(pid);

    // The session written before the outage is still good, and writes go through again.
    expect((await call(server!.url, 'GET', '/api/auth/me', { token })).status).toBe(200);
    expect((await register()).status).toBe(201);
  });

  it('answers 503 promptly while the database hangs (frozen, connections open), and recovers', async () => {
    const { execFileSync } = await import('node:child_process');
    const token: string = (await register()).body.token;
    const pids = () => {
      const main = execFileSync('pgrep', ['-f', '--', `-D ${path.join(dataDir, 'pg')}`], { encoding: 'utf8' })
        .trim()
        .split('\n');
      const kids = main.flatMap((p) => {
        try {
          return execFileSync('pgrep', ['-P', p], { encoding: 'utf8' }).trim().split('\n');
        } catch {
          return [];
        }
      });
      return [...main, ...kids].filter(Boolean).map(Number);
    };
    // Several connections open and idle in the API's pool, so that requests during the freeze
    // send their queries on live connections that never answer (not only new connections).
    await Promise.all(Array.from({ length: 8 }, () => call(server!.url, 'GET', '/api/auth/me', { token })));
    const frozen = pids();
    for (const p of frozen) process.kill(p, 'SIGSTOP');
    try {
      const health = await call(server!.url, 'GET', '/api/health', { timeoutMs: 30_000 });
      expect(health.status).toBe(503);
      expect(health.ms).toBeLessThan(DOWN_BOUND_MS);
      const attempts = await Promise.all(
        [
          register(),
          ...Array.from({ length: 6 }, () =>
            call(server!.url, 'GET', '/api/auth/me', { token, timeoutMs: 20_000 }),
          ),
        ].map((p) => p.catch((e: Error) => ({ status: 0, body: { code: e.message }, ms: -1 }))),
      );
      for (const res of attempts) {
        expect({ status: res.status, code: res.body?.code }).toEqual({
          status: 503,
          code: 'DATABASE_UNAVAILABLE',
        });
        expect(res.ms).toBeLessThan(DOWN_BOUND_MS * 2);
      }
    } finally {
      for (const p of frozen) process.kill(p, 'SIGCONT');
    }
    const until = Date.now() + 20_000;
    let status = 0;
    while (Date.now() < until && status !== 200) {
      status = (await call(server!.url, 'GET', '/api/health', { timeoutMs: 10_000 })).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    expect((await call(server!.url, 'GET', '/api/auth/me', { token })).status).toBe(200);
  });
});
