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

  it('gives new editions the juror-effects model while existing editions keep their normalization', async () => {
    const admin = process.env.CA_TEST_ADMIN_URL!;
    const name = `ca_mig_norm_${Date.now().toString(36)}`;
    await adminQuery(admin, `CREATE DATABASE "${name}"`);
    const url = withDatabase(admin, name);
    const last = MIGRATIONS.findIndex((m) => m.name === 'NormalizationModelDefault1796142317046');
    expect(last).toBeGreaterThan(0);
    const insert = (ds: DataSource, slug: string, normalization?: string) =>
      ds.query(
        `INSERT INTO editions (slug, name, registration_opens_at, registration_closes_at, hacking_starts_at,
           submission_deadline, judging_ends_at${normalization ? ', normalization' : ''})
         VALUES ($1, 'Edition', now(), now() + interval '1 day', now() + interval '1 day',
           now() + interval '2 days', now() + interval '3 days'${normalization ? ', $2' : ''})`,
        normalization ? [slug, normalization] : [slug],
      );
    const before = new DataSource({ ...dataSourceOptions(url), migrations: MIGRATIONS.slice(0, last) });
    // Up to this migration only, so that undoing the last one undoes this one whatever comes later.
    const after = new DataSource({ ...dataSourceOptions(url), migrations: MIGRATIONS.slice(0, last + 1) });
    try {
      await before.initialize();
      await before.runMigrations();
      await insert(before, 'old-default');
      await insert(before, 'old-none', 'none');
      await insert(before, 'old-model', 'model');
      await before.destroy();

      await after.initialize();
      await after.runMigrations();
      await insert(after, 'new-default');
      const rows: { slug: string; normalization: string }[] = await after.query(
        'SELECT slug, normalization FROM editions ORDER BY slug',
      );
      expect(Object.fromEntries(rows.map((r) => [r.slug, r.normalization]))).toEqual({
        'new-default': 'model',
        'old-default': 'zscore',
        'old-model': 'model',
        'old-none': 'none',
      });
      await after.undoLastMigration();
      await insert(after, 'undone-default');
      const [undone]: { normalization: string }[] = await after.query(
        `SELECT normalization FROM editions WHERE slug = 'undone-default'`,
      );
      expect(undone!.normalization).toBe('zscore');
    } finally {
      await Promise.all([before, after].map((ds) => ds.isInitialized && ds.destroy()));
      await adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
