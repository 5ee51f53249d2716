import { randomBytes } from 'node:crypto';
import type { TestApp } from './app';
import { UsersService } from '../../src/modules/users/users.service';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
}

/** Registers a new account through the API and returns its session token. */
export async function signUp(t: TestApp, name = 'Test User'): Promise<TestUser> {
  const email = `u-${randomBytes(5).toString('hex')}@example.test`;
  const password = 'correct horse battery';
  const res = await t.request('POST', '/api/auth/register', {
    body: { email, password, name, acceptTerms: true },
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, email, password, token: res.body.token };
}

/**
 * An organizer account (made through the same path as ORGANIZER_EMAIL at start-up). Promotion
 * ends the sessions the account had, so the organizer signs in anew.
 */
export async function signUpOrganizer(t: TestApp): Promise<TestUser> {
  const user = await signUp(t, 'Olga Organizer');
  await t.app.get(UsersService).ensureOrganizer({ email: user.email, password: user.password });
  const res = await t.request('POST', '/api/auth/login', {
    body: { email: user.email, password: user.password },
  });
  if (res.status !== 200)
    throw new Error(`organizer sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...user, token: res.body.token };
}
