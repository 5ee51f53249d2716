import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/env';
import { dataSourceOptions } from '../database/data-source';
import { startEmbeddedPostgres } from '../database/embedded';
import { migrateWithLock } from '../database/migrate';
import { assertDatabaseReachable } from '../database/reachability';
import { describeOrganizer, ensureOrganizer } from '../modules/users/organizer';

/**
 * `npm run organizer -- --email a@b.ro --password '…' [--name 'Ana'] [--enable]`: creates that
 * account as organizer, or makes an existing one organizer (and sets its password), ending the
 * sessions it had. A disabled account is refused unless `--enable` asks to enable it. Uses
 * DATABASE_URL, else the embedded database of `npm start` (stop the server first: both cannot
 * use `.data/` at once).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      enable: { type: 'boolean' },
    },
  });
  if (!values.email || !values.password)
    throw new ConfigError(
      'Usage: npm run organizer -- --email <email> --password <password> [--name <name>] [--enable]',
    );
  if (values.password.length < 10) throw new ConfigError('--password must be at least 10 characters');
  const config = loadConfig();
  let url = config.databaseUrl;
  let stop = async () => undefined as void;
  if (url) await assertDatabaseReachable(url, config.dbConnectTimeoutMs);
  else {
    const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort });
    url = embedded.url;
    stop = () => embedded.stop();
  }
  const ds = new DataSource(dataSourceOptions(url, { connectTimeoutMs: config.dbConnectTimeoutMs }));
  try {
    await ds.initialize();
    // The server's path: under the advisory lock, so that a CLI run and API instances starting
    // at the same time on a new database never apply a migration twice.
    await migrateWithLock(ds);
    const r = await ensureOrganizer(
      ds.manager,
      { email: values.email, password: values.password, name: values.name },
      { enableDisabled: values.enable },
    );
    const { message } = describeOrganizer(values.email, r);
    // A disabled account is refused unless --enable says to enable it.
    if (r.leftDisabled) throw new ConfigError(message);
    process.stdout.write(`${message}\n`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
