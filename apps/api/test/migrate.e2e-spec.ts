import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { migrateWithLock } from '../src/database/migrate';
import { MIGRATIONS } from '../src/database/migrations';
import { adminQuery, withDatabase } from './helpers/databases';

describe('migrating at start-up', () => {
  it('runs every migration exactly once when several instances start at the same time on an empty database', async () => {
    const admin = process.env.CA_TEST_ADMIN_URL!;
    const name = `ca_mig_${Date.now().toString(36)}`;
    await adminQuery(admin, `CREATE DATABASE "${name}"`);
    const sources = [0, 1, 2].map(() => new DataSource(dataSourceOptions(withDatabase(admin, name))));
    try {
      await Promise.all(sources.map((ds) => ds.initialize()));
      await Promise.all(sources.map((ds) => migrateWithLock(ds)));
      const rows = await sources[0]!.query('SELECT name FROM migrations ORDER BY id');
      expect(rows.map((r: { name: string }) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    } finally {
      await Promise.all(sources.map((ds) => ds.isInitialized && ds.destroy()));
      await adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
