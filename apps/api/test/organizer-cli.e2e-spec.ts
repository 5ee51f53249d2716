import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { MIGRATION_LOCK_KEY } from '../src/database/migrate';
import { MIGRATIONS } from '../src/database/migrations';
import { adminQuery, withDatabase } from './helpers/databases';

/** `npm run organizer` is `node dist/cli/organizer.js` (built by turbo before the tests). */
const CLI = path.resolve(__dirname, '..', 'dist', 'cli', 'organizer.js');

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the organizer CLI', () => {
  it('migrates a new database under the same advisory lock as the server, then makes the organizer', async () => {
    const admin = process.env.CA_TEST_ADMIN_URL!;
    const name = `ca_cli_${Date.now().toString(36)}`;
    await adminQuery(admin, `CREATE DATABASE "${name}"`);
    const url = withDatabase(admin, name);
    // A server instance that is migrating right now holds the lock.
    const holder = new Client({ connectionString: url });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const env = { ...process.env, DATABASE_URL: url, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
    const cli = spawn(
      process.execPath,
      [CLI, '--email', 'first.organizer@example.ro', '--password', 'a long enough password'],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    cli.stdout.on('data', (d) => (output += d));
    cli.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((r) => cli.once('exit', (code) => r(code)));
    try {
      // The CLI queues behind the holder instead of migrating beside it.
      await until('the CLI waits for the migration lock', async () => {
        if (cli.exitCode !== null) throw new Error(`the CLI did not wait for the lock:\n${output}`);
        const r = await holder.query(
          `SELECT count(*)::int AS n FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND objid = $1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          [MIGRATION_LOCK_KEY],
        );
        return r.rows[0].n === 1;
      });
      const table = await holder.query(`SELECT to_regclass('public.migrations') AS t`);
      expect(table.rows[0].t).toBeNull();
      expect(cli.exitCode).toBeNull();

      await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      expect(await exited).toBe(0);
      expect(output).toContain('first.organizer@example.ro is an organizer (new account)');
      const migrated = await holder.query('SELECT name FROM migrations ORDER BY id');
      expect(migrated.rows.map((r: { name: string }) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
      const user = await holder.query(
        `SELECT is_organizer FROM users WHERE email = 'first.organizer@example.ro'`,
      );
      expect(user.rows).toEqual([{ is_organizer: true }]);
    } finally {
      if (cli.exitCode === null) cli.kill('SIGKILL');
      await holder.end();
      await adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }, 60_000);
});
