import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Runs the compiled server (`dist/main.js`, built by turbo before the tests) the way `npm start`
 * does, to check what a newcomer sees: clear start-up errors, and an embedded database that keeps
 * its data across restarts.
 */
const MAIN = path.resolve(__dirname, '..', 'dist', 'main.js');

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

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  const clean = { ...process.env };
  for (const k of ['DATABASE_URL', 'REDIS_URL', 'CA_TEST_ADMIN_URL', 'CA_TEST_TEMPLATE']) delete clean[k];
  const child = spawn(process.execPath, [MAIN], {
    env: { ...clean, NODE_ENV: 'production', LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitHealthy(port: number, r: Run, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (r.child.exitCode !== null) throw new Error(`server exited early:\n${r.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error(`server not healthy in time:\n${r.output()}`);
}

describe('starting the server', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  });

  it('fails within seconds, naming DATABASE_URL, when the database cannot be reached', async () => {
    const port = await freePort();
    const started = Date.now();
    const r = run({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/nowhere`,
      PORT: String(await freePort()),
    });
    children.push(r.child);
    const code = await r.exited;
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.output()).toContain('DATABASE_URL');
    expect(r.output()).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  });

  it('refuses a malformed variable with a message naming it', async () => {
    const r = run({ PORT: 'not-a-port' });
    children.push(r.child);
    expect(await r.exited).toBe(1);
    expect(r.output()).toContain('PORT');
  });

  it('keeps the embedded database across restarts and seeds the demo edition only once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-start-'));
    fs.chmodSync(dataDir, 0o755); // the embedded server runs as the `postgres` user
    const pgPort = await freePort();
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) };
    try {
      const httpPort = await freePort();
      const first = run({ ...env, PORT: String(httpPort) });
      children.push(first.child);
      await waitHealthy(httpPort, first);
      const editions: any = await (await fetch(`http://127.0.0.1:${httpPort}/api/editions`)).json();
      expect(editions.items.map((e: { slug: string }) => e.slug)).toEqual(['challenge-accepted-vi']);

      const pg = new Client({
        connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/challenge_accepted`,
      });
      await pg.connect();
      await pg.query(`UPDATE editions SET description = 'written before the restart'`);
      await pg.end();

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const httpPort2 = await freePort();
      const second = run({ ...env, PORT: String(httpPort2) });
      children.push(second.child);
      await waitHealthy(httpPort2, second);
      const again: any = await (await fetch(`http://127.0.0.1:${httpPort2}/api/editions`)).json();
      expect(again.items).toHaveLength(1);
      expect(again.items[0].description).toBe('written before the restart');
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
