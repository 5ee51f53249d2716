import { request, type APIRequestContext } from 'playwright-core';
import { baseUrl } from './browser';

/**
 * The API as another device uses it, with its own cookie jar (never the pages'). Dispose of it
 * when done, so no connection outlives the test file.
 */
export async function apiClient(): Promise<APIRequestContext> {
  return request.newContext({ baseURL: baseUrl() });
}

/** A new account through the API: `{ user, token }`, signed in on `api` (its cookie jar). */
export async function registerUser(
  api: APIRequestContext,
  user: { email: string; password: string; name: string },
): Promise<{ user: { id: string; email: string; name: string }; token: string }> {
  const res = await api.post('/api/auth/register', { data: { ...user, acceptTerms: true } });
  if (res.status() !== 201) throw new Error(`register ${user.email}: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** A name no other test run has used: email addresses and team names must be unique. */
export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export interface ApiOptions {
  method?: string;
  body?: unknown;
  token?: string;
}

/**
 * One JSON call to the API with `fetch` (no cookie jar: a Bearer token when given); throws with the
 * status and body on anything but 2xx, answers the parsed body (undefined for an empty one).
 */
export async function api<T>(path: string, { method = 'GET', body, token }: ApiOptions = {}): Promise<T> {
  const res = await fetch(`${baseUrl()}/api${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
