import { ApiErrorBodySchema, ERROR_STATUS, type ErrorCode } from '@ca/shared';
import { currentLanguage } from './i18n';

/**
 * Codes the client raises itself, for failures that never reached the API (or never came back
 * from it). They sit beside the shared `ErrorCode`s so that the UI translates every error the
 * same way, by code.
 */
export const CLIENT_ERROR_CODES = ['NETWORK_ERROR'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** Every failed request: the API's `{ statusCode, code, message, details }`, or a client code. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** The HTTP status; 0 when no response arrived. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** i18next key of the message shown to people (`errors.<CODE>`). */
  get i18nKey(): `errors.${string}` {
    return `errors.${this.code}`;
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError;

/** The code a bare status stands for when the body is not the API's (a proxy's HTML page, say). */
function codeForStatus(status: number): ApiErrorCode {
  if (status === 502 || status === 503 || status === 504) return 'NETWORK_ERROR';
  const matches = (Object.keys(ERROR_STATUS) as ErrorCode[]).filter((c) => ERROR_STATUS[c] === status);
  // A status shared by several codes (403, 409) says too little to pick one of them.
  if (matches.length === 1) return matches[0]!;
  if (status === 403) return 'FORBIDDEN';
  if (status === 400) return 'VALIDATION_FAILED';
  return 'INTERNAL';
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** Where the API lives: same origin in production and behind Vite's proxy in development. */
export const API_BASE = '/api';

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  // The API answers organizers' bilingual texts (names, descriptions) in the reader's language.
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
    ...options.headers,
  };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body,
      credentials: 'include',
      signal: options.signal,
    });
  } catch (err) {
    // A cancelled query is not a failure: React Query expects the abort to propagate as is.
    if (options.signal?.aborted) throw err;
    throw new ApiError(0, 'NETWORK_ERROR', err instanceof Error ? err.message : 'Network request failed');
  }

  const text = res.status === 204 ? '' : await res.text();
  const json = parseJson(text);

  if (!res.ok) {
    const error = ApiErrorBodySchema.safeParse(json.value);
    if (error.success)
      throw new ApiError(res.status, error.data.code, error.data.message, error.data.details);
    // Not the API's error shape (a proxy's page, or a code newer than this client): keep what
    // can be kept and let the status choose the translated message.
    const message = (json.value as { message?: unknown } | undefined)?.message;
    throw new ApiError(
      res.status,
      codeForStatus(res.status),
      typeof message === 'string' ? message : res.statusText || `HTTP ${res.status}`,
    );
  }
  if (!json.ok)
    throw new ApiError(res.status, 'INTERNAL', 'The server answered with something other than JSON');
  return json.value as T;
}

function parseJson(text: string): { ok: boolean; value: unknown } {
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, value: undefined };
  }
}

/** The typed JSON client of the API (cookies included, errors thrown as `ApiError`). */
export const http = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
