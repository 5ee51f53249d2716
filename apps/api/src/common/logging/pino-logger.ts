import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import pino, { type Level, type Logger } from 'pino';
import pinoHttp, { type HttpLogger } from 'pino-http';
import type { AppConfig } from '../../config/env';
import { redactUrl } from '../../modules/auth/redact-url';

/**
 * Logging without nestjs-pino (its NestJS 12 release requires Node 22.12; we run on 20.19):
 * one pino logger for the app, Nest's own logs routed into it, and one line per request.
 */
export function createRootLogger(config: Pick<AppConfig, 'logLevel' | 'nodeEnv'>): Logger {
  return pino({
    level: config.logLevel,
    transport:
      config.nodeEnv === 'development' ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  });
}

/** One short line per request: no headers (they carry tokens and cookies), no health probes. */
export function createRequestLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    autoLogging: { ignore: (req) => (req.url ?? '').split('?')[0] === '/api/health' },
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({
        id: req.id,
        method: req.method,
        // Invitation and reset tokens travel in some URLs: they stay out of the logs.
        url: redactUrl(req.url ?? ''),
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
  });
}

/**
 * Nest's `LoggerService` on pino. Nest passes the logger's context as the last argument
 * (`Logger.log('started', 'Main')`, or a `new Logger('Seed')`'s name), and for errors a stack
 * before it.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const context = rest.length > 0 && typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (level === 'error' && typeof rest[0] === 'string') fields.stack = rest.shift();
    const extra = rest.filter((p) => p !== undefined);
    if (extra.length) fields.params = extra;
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null)
      this.logger[level]({ ...fields, ...(message as object) });
    else this.logger[level](fields, String(message));
  }
}
