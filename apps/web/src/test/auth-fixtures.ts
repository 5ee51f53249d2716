import type { EditionRole, Me } from '@ca/shared';
import { json, type Route } from './fetch-stub';

export const USER_ID = '5e0d7a4c-1b2f-4c3d-9e8f-0a1b2c3d4e5f';

/** A signed-in user as `GET /api/auth/me` answers; roles per edition id. */
export function meFixture(overrides: Partial<Me> = {}, roles: Record<string, EditionRole[]> = {}): Me {
  return {
    id: USER_ID,
    email: 'ana@example.com',
    name: 'Ana Popescu',
    isOrganizer: false,
    editions: Object.entries(roles).map(([editionId, r]) => ({ editionId, roles: r })),
    ...overrides,
  };
}

/** `GET /api/auth/session` answering `me` (a function, so a test can change who is signed in). */
export const signedIn = (me: Me | (() => Me | null)): Record<string, Route> => ({
  'GET /api/auth/session': () => json(200, { user: typeof me === 'function' ? me() : me }),
});
