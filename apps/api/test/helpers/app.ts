import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import type { ResolvedConfig } from '../../src/app.module';
import { loadConfig } from '../../src/config/env';
import { createTestDatabase } from './databases';

export interface TestApp {
  app: NestFastifyApplication;
  db: DataSource;
  config: ResolvedConfig;
  /** Base URL when started with `listen: true` (sockets need a real port). */
  url: string;
  request(
    method: string,
    path: string,
    opts?: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string },
  ): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

/**
 * The whole application on a database of its own; `env` overrides the configuration. With
 * `databaseUrl` (another app's `config.databaseUrl`), a second instance on that same database,
 * which its `close()` leaves in place.
 */
export async function createTestApp(
  opts: { env?: Record<string, string>; listen?: boolean; databaseUrl?: string } = {},
): Promise<TestApp> {
  const database = opts.databaseUrl
    ? { url: opts.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const config: ResolvedConfig = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      WEB_DIST: '/nonexistent',
      // Tests scan for due notifications themselves (NotificationScanner.scan), when they mean to.
      NOTIFICATION_SCAN_SECONDS: '0',
      ...opts.env,
    }),
    databaseUrl: database.url,
  };
  const app = await createApp(config);
  await app.init();
  let url = '';
  if (opts.listen) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  } else {
    await app.getHttpAdapter().getInstance().ready();
  }
  const fastify = app.getHttpAdapter().getInstance();
  return {
    app,
    db: app.get(DataSource),
    config,
    url,
    async request(method, path, o = {}) {
      const headers: Record<string, string> = { ...o.headers };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let payload: string | undefined = o.raw;
      if (o.body !== undefined) {
        payload = JSON.stringify(o.body);
        headers['content-type'] = 'application/json';
      }
      const res = await fastify.inject({ method: method as 'GET', url: path, headers, payload });
      let body: unknown = res.body;
      try {
        body = res.body ? JSON.parse(res.body) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: res.statusCode, body, headers: res.headers };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
