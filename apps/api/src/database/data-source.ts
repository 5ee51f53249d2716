import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(
  url: string,
  extra: { connectTimeoutMs?: number; poolSize?: number; queryTimeoutMs?: number } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension has to be installed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    extra: {
      connectionTimeoutMillis: extra.connectTimeoutMs ?? 5000,
      max: extra.poolSize ?? 10,
      // Unset: no bound (migrations, the CLIs); the API sets DB_QUERY_TIMEOUT_MS.
      ...(extra.queryTimeoutMs ? { query_timeout: extra.queryTimeoutMs } : {}),
    },
  };
}

/** For the TypeORM CLI (`npm run migration:generate -w @ca/api -- src/database/migrations/Name`). */
export default new DataSource(
  dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ca_dev'),
);
