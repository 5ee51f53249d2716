import { randomBytes } from 'node:crypto';
import type { EditionCreateInput } from '@ca/shared';
import type { TestApp } from './app';
import { signUp, type TestUser } from './users';

export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString();

/** Offsets from now (ms) of each instant; the default is the registration phase, teams window open. */
export interface TimelineOffsets {
  opens?: number;
  closes?: number;
  hacking?: number;
  deadline?: number;
  judging?: number;
}

export function timeline(o: TimelineOffsets = {}, now = Date.now()) {
  return {
    registrationOpensAt: iso(now + (o.opens ?? -HOUR)),
    registrationClosesAt: iso(now + (o.closes ?? 2 * DAY)),
    hackingStartsAt: iso(now + (o.hacking ?? DAY)),
    submissionDeadline: iso(now + (o.deadline ?? 3 * DAY)),
    judgingEndsAt: iso(now + (o.judging ?? 4 * DAY)),
  };
}

export function editionBody(overrides: Partial<EditionCreateInput> = {}): EditionCreateInput {
  return {
    slug: `ed-${randomBytes(4).toString('hex')}`,
    name: 'Test edition',
    published: true,
    ...timeline(),
    ...overrides,
  };
}

export async function createEdition(
  t: TestApp,
  organizer: TestUser,
  overrides: Partial<EditionCreateInput> = {},
): Promise<{ id: string; [k: string]: any }> {
  const res = await t.request('POST', '/api/editions', {
    token: organizer.token,
    body: editionBody(overrides),
  });
  if (res.status !== 201) throw new Error(`edition not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createTrack(
  t: TestApp,
  organizer: TestUser,
  editionId: string,
  name = `Track ${randomBytes(3).toString('hex')}`,
): Promise<{ id: string; [k: string]: any }> {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const res = await t.request('POST', `/api/editions/${editionId}/tracks`, {
    token: organizer.token,
    body: { name, slug },
  });
  if (res.status !== 201) throw new Error(`track not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A new account registered for the edition as a participant. */
export async function registered(
  t: TestApp,
  editionId: string,
  body: { skills?: string[]; lookingForTeam?: boolean; shareContact?: boolean } = {},
  name = 'Pat Participant',
): Promise<TestUser> {
  const user = await signUp(t, name);
  const res = await t.request('POST', `/api/editions/${editionId}/registrations`, {
    token: user.token,
    body: { skills: [], lookingForTeam: false, ...body },
  });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  return user;
}

/** Moves an edition's timeline (through the API, as an organizer would). */
export async function setTimeline(t: TestApp, organizer: TestUser, editionId: string, o: TimelineOffsets) {
  const res = await t.request('PATCH', `/api/editions/${editionId}`, {
    token: organizer.token,
    body: timeline(o),
  });
  if (res.status !== 200) throw new Error(`timeline not changed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function count(
  t: TestApp,
  table: string,
  where = 'true',
  params: unknown[] = [],
): Promise<number> {
  const rows: { n: string }[] = await t.db.query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params);
  return Number(rows[0]!.n);
}
