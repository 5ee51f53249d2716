import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { rootStateHome } from '../src/database/embedded';

/**
 * Runs the compiled server (`dist/main.js`, built by turbo before the tests) the way `npm start`
 * does, to check what a newcomer sees: clear start-up errors, and an embedded database that keeps
 * its data across restarts, also as root in a folder other users cannot enter.
 */
const API = path.resolve(__dirname, '..');
const REPO = path.resolve(API, '..', '..');
const MAIN = path.join(API, 'dist', 'main.js');

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

/** Starts `main` with the test runner's environment less its databases; `undefined` unsets a variable. */
function run(env: Record<string, string | undefined>, main = MAIN): Run {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    WEB_DIST: '/nonexistent',
    ...env,
  };
  for (const k of ['DATABASE_URL', 'REDIS_URL', 'DATA_DIR', 'CA_TEST_ADMIN_URL', 'CA_TEST_TEMPLATE'])
    if (!(k in env)) delete merged[k];
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(process.execPath, [main], {
    env: merged as Record<string, string>,
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

  it('refuses production without DATABASE_URL unless DEMO=true, in one line', async () => {
    const r = run({ PORT: String(await freePort()) });
    children.push(r.child);
    expect(await r.exited).toBe(1);
    const lines = r.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DATABASE_URL');
    expect(lines[0]).toContain('DEMO=true');
  });

  it('starts from a folder other users cannot enter with nothing set, and keeps its data on the next start', async () => {
    // A checkout of its own inside a `mktemp -d` folder (mode 0700): the built server and its
    // package files, with the installed dependencies linked in.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-private-'));
    expect(fs.statSync(tmp).mode & 0o777).toBe(0o700);
    const checkout = path.join(tmp, 'checkout');
    fs.cpSync(path.join(API, 'dist'), path.join(checkout, 'apps', 'api', 'dist'), { recursive: true });
    fs.copyFileSync(path.join(API, 'package.json'), path.join(checkout, 'apps', 'api', 'package.json'));
    fs.copyFileSync(path.join(REPO, 'package.json'), path.join(checkout, 'package.json'));
    for (const modules of ['node_modules', 'apps/api/node_modules'])
      if (fs.existsSync(path.join(REPO, modules)))
        fs.symlinkSync(path.join(REPO, modules), path.join(checkout, modules));
    const main = path.join(checkout, 'apps', 'api', 'dist', 'main.js');
    const asRoot = process.getuid?.() === 0;
    // As root PostgreSQL runs as the `postgres` user, which cannot enter `tmp`.
    const dataDir = asRoot ? rootStateHome(checkout) : path.join(checkout, '.data');
    const pgPort = await freePort();
    // Nothing set, as after `npm install && npm start` (ports only, to run beside other tests).
    const env = { NODE_ENV: undefined, LOG_LEVEL: 'warn', EMBEDDED_PG_PORT: String(pgPort) };
    const pgUrl = `postgres://postgres:postgres@127.0.0.1:${pgPort}/challenge_accepted`;
    try {
      const httpPort = await freePort();
      const first = run({ ...env, PORT: String(httpPort) }, main);
      children.push(first.child);
      await waitHealthy(httpPort, first);
      expect(first.output()).toContain(`data in ${dataDir}`);
      expect(fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
      const editions: any = await (await fetch(`http://127.0.0.1:${httpPort}/api/editions`)).json();
      expect(editions.items.map((e: { slug: string }) => e.slug)).toEqual(['challenge-accepted-vi']);

      const pg = new Client({ connectionString: pgUrl });
      await pg.connect();
      await pg.query(`UPDATE editions SET description = 'written before the restart'`);
      if (asRoot) {
        // The server runs as `postgres`, from the copy of the binaries beside the data.
        const { rows } = await pg.query('SELECT pg_backend_pid() AS pid, current_setting($1) AS dir', [
          'data_directory',
        ]);
        expect(rows[0].dir).toBe(path.join(dataDir, 'pg'));
        const exe = fs.readlinkSync(`/proc/${rows[0].pid}/exe`);
        expect(path.relative(dataDir, exe)).toMatch(/^postgresql-[^/]+\/bin\/postgres$/);
        expect(fs.statSync(path.join(dataDir, 'pg')).uid).not.toBe(0);
      }
      await pg.end();

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const httpPort2 = await freePort();
      const second = run({ ...env, PORT: String(httpPort2) }, main);
      children.push(second.child);
      await waitHealthy(httpPort2, second);
      const again: any = await (await fetch(`http://127.0.0.1:${httpPort2}/api/editions`)).json();
      expect(again.items).toHaveLength(1);
      expect(again.items[0].description).toBe('written before the restart');
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
      if (asRoot) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
