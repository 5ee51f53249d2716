import { ERROR_STATUS, type ErrorCode } from '@ca/shared';

/** What services throw; the global filter turns it into `{ statusCode, code, message }`. */
export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You may not do this') => new DomainError('FORBIDDEN', message);
export const validationFailed = (field: string, message: string) =>
  new DomainError('VALIDATION_FAILED', `${field}: ${message}`);
