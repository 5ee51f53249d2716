import type { DataSource, EntityManager, QueryResult } from 'typeorm';

/**
 * Runs one SQL statement and gives the rows it returned, whatever the statement: `manager.query()`
 * answers the rows for a SELECT or an INSERT … RETURNING but `[rows, rowCount]` for an UPDATE or
 * DELETE … RETURNING, so every caller used to unpack it by hand. This asks TypeORM's query runner
 * for its structured result instead, whose `records` are the rows in every case.
 *
 * Pass a transaction's manager to run inside it; a data source or a manager outside a
 * transaction borrows a connection for the one statement.
 */
export async function queryRows<T>(
  db: EntityManager | DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const manager = 'manager' in db ? db.manager : db;
  const runner = manager.queryRunner ?? manager.dataSource.createQueryRunner();
  try {
    const result: QueryResult = await runner.query(sql, params, true);
    return (result.records ?? []) as T[];
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}
