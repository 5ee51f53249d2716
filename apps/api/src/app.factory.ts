import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, type ResolvedConfig } from './app.module';
import { passwordHashGate } from './common/auth/passwords';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { createRequestLogger, createRootLogger, PinoNestLogger } from './common/logging/pino-logger';
import { originCheck } from './modules/auth/origin-check';
import { SessionsService } from './modules/auth/sessions.service';
import { LiveIoAdapter } from './modules/live/live-io.adapter';

export const BODY_LIMIT = 1024 * 1024;

/** Paths the SPA owns: everything but the API, Socket.IO and real files (which have an extension). */
function spaRewrite(url: string): string {
  const pathname = url.split('?')[0] ?? '/';
  if (pathname.startsWith('/api') || pathname.startsWith('/socket.io')) return url;
  if (path.posix.basename(pathname).includes('.')) return url;
  return '/index.html';
}

/** Builds the configured application (not yet listening); `main.ts` and the tests share it. */
export async function createApp(config: ResolvedConfig): Promise<NestFastifyApplication> {
  passwordHashGate.setLimit(config.passwordHashConcurrency);
  const serveSpa = fs.existsSync(path.join(config.webDist, 'index.html'));
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    // Only a proxy named in TRUST_PROXY may say who the client is (X-Forwarded-For): believing
    // anyone would let every request choose its own address, and escape the per-IP limits.
    trustProxy: config.trustProxy,
    rewriteUrl: serveSpa ? (req: { url?: string }) => spaRewrite(req.url ?? '/') : undefined,
  });
  // JSON bodies only: no form (x-www-form-urlencoded, multipart) nor text/plain parser, since a
  // plain HTML form of any site can send those with the session cookie. Nest's own parsers are
  // off (it would add the form one); Fastify's JSON parser stays, and any other body is 415.
  adapter.getInstance().removeContentTypeParser('text/plain');
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  const logger = createRootLogger(config);
  app.useLogger(new PinoNestLogger(logger));
  const logRequest = createRequestLogger(logger);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (req, reply, done) => {
      logRequest(req.raw, reply.raw);
      done();
    });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: true });
  const checkOrigin = originCheck(config.publicUrl, config.corsOrigins);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request) => checkOrigin(request));

  // Fastify's own errors (malformed JSON, a body over 1 MiB) reach the global filter through Nest's
  // error handler too, so they get the same `{ statusCode, code, message }` (test/errors.e2e-spec.ts).
  await app.register(fastifyCookie as never);
  // Helmet's headers, its middleware built once: @fastify/helmet builds it (and parses the CSP
  // directives) again on every request, which was ~13 % of a memory-served read's CPU.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        frameSrc: ["'self'", 'https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
        // Served over plain http on localhost in development; TLS is the load balancer's job.
        upgradeInsecureRequests: null,
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) =>
      securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
    );
  if (serveSpa) {
    await app.register(
      fastifyStatic as never,
      { root: config.webDist, prefix: '/', wildcard: false } as never,
    );
  }

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Challenge Accepted API')
      .setDescription('REST API of the Challenge Accepted hackathon platform (see shared/docs/api.md).')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('ca_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs/openapi.json' });

  const sessions = app.get(SessionsService);
  const io = new LiveIoAdapter(app, {
    redisUrl: config.redisUrl,
    corsOrigins: config.corsOrigins,
    authenticate: (token) => sessions.resolve(token),
  });
  await io.connectRedis();
  app.useWebSocketAdapter(io);
  // No app.enableShutdownHooks(): main.ts owns SIGINT/SIGTERM (close the app, then the embedded
  // PostgreSQL, exit 0). Nest's hooks would close the app a second time and re-raise the signal,
  // which kills the process before the database has stopped.
  return app;
}
