import { DataSource } from 'typeorm';
import { isUniqueViolation, pgError } from '../src/common/database/db-errors';
import { queryRows } from '../src/common/database/returning';
import { dataSourceOptions } from '../src/database/data-source';
import { createTestDatabase } from './helpers/databases';

/** The generic database helpers of src/common/database, against a real PostgreSQL. */
describe('common/database', () => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    // Two connections: a helper that kept the ones it borrowed would hang the loop below.
    ds = new DataSource(dataSourceOptions(database.url, { poolSize: 2 }));
    await ds.initialize();
    await ds.query('CREATE TABLE things (id int PRIMARY KEY, label text NOT NULL)');
  });
  afterAll(async () => {
    await ds.destroy();
    await drop();
  });
  beforeEach(() => ds.query('TRUNCATE things'));

  describe('queryRows', () => {
    it('gives the returned rows of INSERT, UPDATE and DELETE … RETURNING alike', async () => {
      expect(await queryRows(ds, `INSERT INTO things VALUES (1, 'a'), (2, 'b') RETURNING id, label`)).toEqual(
        [
          { id: 1, label: 'a' },
          { id: 2, label: 'b' },
        ],
      );
      // manager.query() answers [rows, rowCount] here; the helper answers the rows.
      expect(await ds.query(`UPDATE things SET label = 'x' WHERE id = 1 RETURNING id`)).toEqual([
        [{ id: 1 }],
        1,
      ]);
      expect(
        await queryRows(ds, `UPDATE things SET label = label || '!' WHERE id = $1 RETURNING label`, [2]),
      ).toEqual([{ label: 'b!' }]);
      expect(await queryRows(ds, `DELETE FROM things WHERE id = 1 RETURNING id`)).toEqual([{ id: 1 }]);
      expect(await queryRows(ds, `SELECT id FROM things ORDER BY id`)).toEqual([{ id: 2 }]);
    });

    it('answers [] when nothing matched, for every kind of statement', async () => {
      expect(await queryRows(ds, `UPDATE things SET label = 'y' WHERE false RETURNING id`)).toEqual([]);
      expect(await queryRows(ds, `DELETE FROM things WHERE false RETURNING id`)).toEqual([]);
      expect(await queryRows(ds, `INSERT INTO things SELECT 1, 'z' WHERE false RETURNING id`)).toEqual([]);
      expect(await queryRows(ds, `UPDATE things SET label = 'y' WHERE false`)).toEqual([]);
    });

    it("runs inside the manager's transaction (its rows roll back with it)", async () => {
      await ds
        .transaction(async (m) => {
          expect(await queryRows(m, `INSERT INTO things VALUES (7, 'tx') RETURNING id`)).toEqual([{ id: 7 }]);
          expect(await queryRows(m, `UPDATE things SET label = 'in' WHERE id = 7 RETURNING label`)).toEqual([
            { label: 'in' },
          ]);
          // Another connection does not see the uncommitted row.
          expect(await queryRows(ds, `SELECT id FROM things`)).toEqual([]);
          throw new Error('roll back');
        })
        .catch((err: Error) => expect(err.message).toBe('roll back'));
      expect(await queryRows(ds, `SELECT id FROM things`)).toEqual([]);
    });

    it('gives back the connection it borrowed outside a transaction', async () => {
      for (let i = 0; i < 10; i++) {
        await queryRows(ds.manager, `INSERT INTO things VALUES ($1, 'n') RETURNING id`, [i]);
      }
      await expect(queryRows(ds, `SELECT id FROM things WHERE id = $1`, ['not a number'])).rejects.toThrow();
      expect((await queryRows<{ n: number }>(ds, `SELECT count(*)::int AS n FROM things`))[0]!.n).toBe(10);
    });
  });

  describe('db-errors', () => {
    it('recognises a unique violation of a named constraint, and nothing else', async () => {
      await ds.query(`INSERT INTO things VALUES (1, 'a')`);
      const err = await ds.query(`INSERT INTO things VALUES (1, 'b')`).catch((e: unknown) => e);
      expect(pgError(err)).toEqual({ code: '23505', constraint: 'things_pkey' });
      expect(isUniqueViolation(err)).toBe(true);
      expect(isUniqueViolation(err, 'things_pkey')).toBe(true);
      expect(isUniqueViolation(err, 'other')).toBe(false);
      const nullErr = await ds.query(`INSERT INTO things VALUES (2, NULL)`).catch((e: unknown) => e);
      expect(isUniqueViolation(nullErr)).toBe(false);
    });
  });
});
