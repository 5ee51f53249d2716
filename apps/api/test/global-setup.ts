import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { defaultDataDir, startEmbeddedPostgres } from '../src/database/embedded';
import { adminQuery, withDatabase } from './helpers/databases';

/** Starts (or finds) PostgreSQL and builds the migrated template every test database is cloned from. */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({
      // `.data/test`, or as root beside the checkout's data under /var/lib/challenge-accepted.
      dataDir: path.join(defaultDataDir(), 'test'),
      port: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54330),
      database: 'postgres',
    });
    (globalThis as { __embeddedPg?: typeof embedded }).__embeddedPg = embedded;
    adminUrl = embedded.url;
    process.stdout.write(
      `\n[api tests] no DATABASE_URL: using an embedded PostgreSQL (data in ${path.join(defaultDataDir(), 'test')})\n`,
    );
  }
  const template = `ca_tpl_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);
  const ds = new DataSource(dataSourceOptions(withDatabase(adminUrl, template)));
  await ds.initialize();
  try {
    await ds.runMigrations();
  } finally {
    await ds.destroy();
  }
  process.env.CA_TEST_ADMIN_URL = adminUrl;
  process.env.CA_TEST_TEMPLATE = template;
}
