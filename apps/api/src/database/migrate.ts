import type { DataSource } from 'typeorm';

/** Any constant: the key of the advisory lock that serialises migrations across API instances. */
export const MIGRATION_LOCK_KEY = 727_001;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so that several API
 * instances starting at once on a new database migrate it exactly once (the others wait, then
 * find nothing pending).
 */
export async function migrateWithLock(ds: DataSource): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
