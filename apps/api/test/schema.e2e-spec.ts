import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { createTestDatabase } from './helpers/databases';

describe('migrations', () => {
  it('produce exactly the schema the entities describe (no migration is missing)', async () => {
    const database = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(database.url));
    await ds.initialize();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
      await database.drop();
    }
  });
});
