import { HttpException } from '@nestjs/common';
import { ERROR_STATUS, type ApiErrorBody, type ErrorCode } from '@ca/shared';
import { DomainError } from '../errors/domain-error';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

const DB_DOWN = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);
/**
 * node-postgres's own errors carry no code, only these messages: the pool waited longer than
 * DB_CONNECT_TIMEOUT_MS for a connection, a connection dropped or timed out while connecting, a
 * query got no answer within DB_QUERY_TIMEOUT_MS.
 */
const DB_DOWN_MESSAGE =
  /^(timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error)/;

/** Turns anything thrown while serving a request into the contract's error body. */
export function toErrorBody(err: unknown): { body: ApiErrorBody; unexpected: boolean } {
  if (err instanceof DomainError) {
    const body: ApiErrorBody = { statusCode: err.status, code: err.code, message: err.message };
    if (err.details !== undefined) body.details = err.details;
    return { body, unexpected: false };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
    return {
      body: { statusCode: status, code, message: err.message },
      unexpected: status >= 500,
    };
  }
  const e = err as { statusCode?: number; code?: string; message?: string };
  // Errors raised by Fastify itself: body too large, malformed JSON, bad content type.
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code = CODE_BY_STATUS[e.statusCode] ?? 'VALIDATION_FAILED';
    const message =
      code === 'PAYLOAD_TOO_LARGE'
        ? 'body: larger than 1 MiB'
        : code === 'UNSUPPORTED_MEDIA_TYPE'
          ? 'content-type: the API takes JSON bodies only (application/json)'
          : code === 'VALIDATION_FAILED'
            ? `body: ${e.message ?? 'malformed'}`
            : (e.message ?? code);
    return { body: { statusCode: ERROR_STATUS[code], code, message }, unexpected: false };
  }
  if (
    (e?.code && DB_DOWN.has(e.code)) ||
    (typeof e?.message === 'string' && DB_DOWN_MESSAGE.test(e.message))
  ) {
    return {
      body: { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable' },
      unexpected: true,
    };
  }
  return { body: { statusCode: 500, code: 'INTERNAL', message: 'Internal server error' }, unexpected: true };
}
