import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, type AppConfig } from './config/env';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded';
import { assertDatabaseReachable } from './database/reachability';
import { SeedService } from './modules/seed/seed.service';
import { describeOrganizer } from './modules/users/organizer';
import { UsersService } from './modules/users/users.service';

/** Prints one clear line and exits: for mistakes in configuration, not for bugs. */
function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

async function resolveDatabase(config: AppConfig): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (config.databaseUrl) {
    await assertDatabaseReachable(config.databaseUrl, config.dbConnectTimeoutMs);
    return { url: config.databaseUrl };
  }
  process.stdout.write(`No DATABASE_URL: starting the embedded PostgreSQL (data in ${config.dataDir})\n`);
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort });
  return { url: embedded.url, embedded };
}

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  let db: Awaited<ReturnType<typeof resolveDatabase>>;
  try {
    db = await resolveDatabase(config);
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }

  const app = await createApp({ ...config, databaseUrl: db.url });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    Logger.log(`${signal}: shutting down`, 'Main');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await app.close();
      await db.embedded?.stop();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.init();
  if (config.organizer) {
    const r = await app.get(UsersService).ensureOrganizer(config.organizer);
    const { level, message } = describeOrganizer(config.organizer.email, r);
    Logger[level](`ORGANIZER_EMAIL: ${message}`, 'Main');
  }
  if (config.demo) await app.get(SeedService).seedDemo();
  await app.listen({ port: config.port, host: config.host });
  const url = await app.getUrl();
  Logger.log(
    `Challenge Accepted listening on ${url.replace('[::1]', 'localhost')} (API docs at /api/docs)`,
    'Main',
  );
}

bootstrap().catch((err) => {
  process.stderr.write(
    `Start-up failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
