// Shared pieces of the benchmarks: a free port, the built server on a fresh database (a new database
// on DATABASE_URL's server when it is set, else the embedded PostgreSQL in a temporary folder), a
// child process started with its CPU pinned (taskset, when present), JSON results under bench/results.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

export const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** `node args` pinned to the given CPU list (e.g. "0") when taskset exists and the machine has ≥ 2 cores. */
export function spawnNode(args, { cpus, env, stdio = ['ignore', 'ignore', 'inherit'] } = {}) {
  if (cpus !== undefined && hasTaskset && os.cpus().length >= 2) {
    return spawn('taskset', ['-c', String(cpus), process.execPath, ...args], { env, stdio });
  }
  return spawn(process.execPath, args, { env, stdio });
}

/** Pins this process to a CPU list (the load generator), when possible. */
export function pinSelf(cpus) {
  if (!hasTaskset || os.cpus().length < 2) return false;
  try {
    execFileSync('taskset', ['-pc', String(cpus), String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function waitHealthy(base, child, path_ = '/api/health') {
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server at ${base} exited during start-up`);
    if (Date.now() > until) throw new Error(`the server at ${base} did not become healthy`);
    try {
      if ((await fetch(base + path_)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const exited = (child) => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM, and SIGKILL when the process has not exited 20 s later. */
export const stopChild = async (child) => {
  if (exited(child)) return;
  child.kill('SIGTERM');
  const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await new Promise((r) => (exited(child) ? r() : child.once('exit', r)));
  clearTimeout(kill);
};

/** A fresh database: its URL (undefined with the embedded PostgreSQL) and the env for the API. */
export async function freshDatabase() {
  const env = {};
  const cleanups = [];
  if (process.env.DATABASE_URL) {
    const name = `ca_bench_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    });
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-bench-'));
    fs.chmodSync(dataDir, 0o755);
    const pgPort = await freePort();
    Object.assign(env, { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) });
    // The embedded server's database (apps/api/src/database/embedded.ts), for the baselines and checks.
    env.BENCH_PG_URL = `postgres://postgres:postgres@127.0.0.1:${pgPort}/challenge_accepted`;
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  }
  return {
    env,
    cleanup: async () => {
      for (const c of cleanups) await c();
    },
  };
}

/**
 * The built API on a fresh database with the demo seed, pinned to `cpus`; with `shareWith` (another
 * startApi's result), a further instance on that one's database (stopping it leaves the database).
 * `extraEnv.REDIS_URL` is the only Redis it gets (the caller's REDIS_URL is not passed on).
 */
export async function startApi({ cpus, extraEnv = {}, shareWith } = {}) {
  const main = path.join(ROOT, 'apps/api/dist/main.js');
  if (!fs.existsSync(main)) throw new Error(`no built server at ${main}: run \`npm run build\` first`);
  const port = await freePort();
  // A further instance connects to the first one's database (with the embedded PostgreSQL, the one
  // the first instance runs: stop the further instances first).
  const db = shareWith
    ? { env: { DATABASE_URL: shareWith.databaseUrl }, cleanup: async () => undefined }
    : await freshDatabase();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO: 'true',
    LOGIN_MAX_FAILURES_PER_IP: '1000000',
    REGISTER_RESET_MAX_PER_IP: '1000000',
    ...db.env,
    ...extraEnv,
  };
  delete env.REDIS_URL;
  if (extraEnv.REDIS_URL) env.REDIS_URL = extraEnv.REDIS_URL;
  // BENCH_PROFILE_DIR: a V8 CPU profile of the server (node --cpu-prof), written when it exits.
  const flags = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = spawnNode([...flags, main], { cpus, env });
  const base = `http://127.0.0.1:${port}`;
  await waitHealthy(base, child);
  return {
    base,
    child,
    databaseUrl: env.DATABASE_URL ?? env.BENCH_PG_URL,
    stop: async () => {
      await stopChild(child);
      await db.cleanup();
    },
  };
}

export async function api(base, method, url, { token, body } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status}: ${text.slice(0, 300)}`);
  return json;
}

/**
 * The demo edition, in judging, with `jurors` extra jurors (registered, invited, accepted), each
 * assigned by hand to every submitted project. Returns the organizer's token, the edition, the
 * criteria, the submission ids and the jurors ({ id, token }).
 */
export async function judgingEdition(base, jurors) {
  const org = await api(base, 'POST', '/api/auth/login', {
    body: { email: 'organizer@demo.challenge-accepted.ro', password: 'demo-organizer' },
  });
  const edition = await api(base, 'GET', '/api/editions/challenge-accepted-vi');
  if (edition.phase !== 'judging') throw new Error(`the demo edition is in ${edition.phase}, not judging`);
  const board = await api(base, 'GET', `/api/editions/${edition.id}/leaderboard`, { token: org.token });
  const submissionIds = board.rows.map((r) => r.submissionId);
  const list = [];
  const stamp = Date.now().toString(36);
  for (let i = 0; i < jurors; i++) {
    const email = `bench-juror-${stamp}-${i}@example.com`;
    const reg = await api(base, 'POST', '/api/auth/register', {
      body: { email, password: `bench-juror-password-${i}`, name: `Bench juror ${i}`, acceptTerms: true },
    });
    const inv = await api(base, 'POST', `/api/editions/${edition.id}/jury/invitations`, {
      token: org.token,
      body: { email },
    });
    await api(base, 'POST', `/api/jury/invitations/${inv.token}/accept`, { token: reg.token });
    for (const submissionId of submissionIds) {
      await api(base, 'POST', `/api/editions/${edition.id}/assignments`, {
        token: org.token,
        body: { jurorId: reg.user.id, submissionId },
      });
    }
    list.push({ id: reg.user.id, token: reg.token });
  }
  return { orgToken: org.token, edition, criteria: edition.criteria, submissionIds, jurors: list };
}

export const randomValues = (criteria, rnd = Math.random) =>
  Object.fromEntries(criteria.map((c) => [c.id, c.min + Math.floor(rnd() * (c.max - c.min + 1))]));

export async function writeResults(kind, data) {
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${kind}-${new Date().toISOString().slice(0, 10)}.json`);
  let text = JSON.stringify(
    {
      at: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      ...data,
    },
    null,
    2,
  );
  try {
    // The repository's formatting (`npm run lint` checks it), when prettier is installed.
    const prettier = await import('prettier');
    text = await prettier.format(text, { parser: 'json', filepath: file });
  } catch {
    text += '\n';
  }
  fs.writeFileSync(file, text);
  console.log(`results written to ${path.relative(ROOT, file)}`);
}
