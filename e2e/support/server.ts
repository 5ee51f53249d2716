import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export const REPO = path.resolve(__dirname, '..', '..');
const MAIN = path.join(REPO, 'apps', 'api', 'dist', 'main.js');
const WEB_DIST = path.join(REPO, 'apps', 'web', 'dist');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * One health probe on its own connection (`agent: false`): no pooled keep-alive socket is left
 * behind for the process to wait on, and the body is drained so the connection closes.
 */
function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 2000 }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode === 200));
      res.once('error', () => resolve(false));
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
  });
}

/** Waits `ms`, or less when `done` settles first; the timer never outlives the wait. */
async function within(done: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

export interface RunningServer {
  baseUrl: string;
  child: ChildProcess;
  cleanup: () => Promise<void>;
}

/**
 * Starts the built server (as `npm start` does) on a fresh database: a new database on the
 * machine's PostgreSQL when DATABASE_URL is set, else the embedded server in a temporary folder.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html')))
    throw new Error(`${WEB_DIST} is missing: run \`npm run build\``);
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO: 'true',
    WEB_DIST,
    ...extraEnv,
  };
  const cleanups: (() => Promise<void>)[] = [];
  const admin = process.env.DATABASE_URL;
  if (admin) {
    const name = `ca_e2e_${process.pid}_${Date.now().toString(36)}`;
    const c = new Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    cleanups.push(async () => {
      const d = new Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await d.end();
    });
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-e2e-'));
    fs.chmodSync(dataDir, 0o755);
    env.DATA_DIR = dataDir;
    env.EMBEDDED_PG_PORT = String(await freePort());
    delete env.DATABASE_URL;
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  }
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  // 'close' comes after 'exit' once the stdout/stderr pipes are closed too: nothing of the child
  // is left open in this process.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const cleanup = async () => {
    // The 15-second grace timer used to stay armed after the child had exited, which kept
    // Jest's process alive ("Jest did not exit one second after the test run has completed").
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await within(closed, 15_000);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await within(closed, 5_000);
    for (const c of cleanups) await c();
  };
  const until = Date.now() + 90_000;
  for (;;) {
    const failure =
      child.exitCode !== null || child.signalCode !== null
        ? 'the server exited during start-up'
        : Date.now() > until
          ? 'the server did not become healthy'
          : undefined;
    if (failure) {
      await cleanup(); // no child or database outlives a failed start
      throw new Error(`${failure}:\n${output}`);
    }
    if (await healthy(`${baseUrl}/api/health`)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, child, cleanup };
}
