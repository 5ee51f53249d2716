import { randomBytes } from 'node:crypto';
import type { TestApp } from './app';
import { signUp, signUpOrganizer, type TestUser } from './users';

/**
 * Test data for the submissions tests, made through the editions, registrations and teams API;
 * timelines are set relative to the database's own `now()`.
 */

export interface SubmissionWorld {
  editionId: string;
  /** Two tracks: `health` with two challenges, `tourism` with one. */
  tracks: { health: string; tourism: string };
  challenges: { health: [string, string]; tourism: [string] };
  organizer: TestUser;
}

export interface TestTeam {
  id: string;
  name: string;
  members: TestUser[];
}

const suffix = () => randomBytes(4).toString('hex');

/**
 * A published edition in its hacking window (hacking started 1 hour ago, deadline in 1 day, by
 * the database's clock) with two tracks and their challenges, made through the editions API.
 */
export async function createWorld(t: TestApp): Promise<SubmissionWorld> {
  const organizer = await signUpOrganizer(t);
  const [{ now }]: { now: Date }[] = await t.db.query('SELECT now() AS now');
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();
  const call = async (path: string, body: unknown) => {
    const res = await t.request('POST', path, { token: organizer.token, body });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const edition = await call('/api/editions', {
    slug: `subs-${suffix()}`,
    name: 'Submissions test edition',
    published: true,
    registrationOpensAt: at(-48),
    registrationClosesAt: at(24),
    hackingStartsAt: at(-1),
    submissionDeadline: at(24),
    judgingEndsAt: at(72),
  });
  const track = (slug: string) =>
    call(`/api/editions/${edition.id}/tracks`, { name: slug[0]!.toUpperCase() + slug.slice(1), slug });
  const challenge = async (trackId: string, title: string) =>
    (await call(`/api/tracks/${trackId}/challenges`, { title })).id;
  const health = await track('health');
  const tourism = await track('tourism');
  return {
    editionId: edition.id,
    tracks: { health: health.id, tourism: tourism.id },
    challenges: {
      health: [await challenge(health.id, 'Triage'), await challenge(health.id, 'Pharmacy')],
      tourism: [await challenge(tourism.id, 'Heritage')],
    },
    organizer,
  };
}

/**
 * A team in `trackId` with `size` new members (the first is captain), made through the API:
 * each registers for the edition, the captain creates the team, the others join by invite code.
 * The registration and teams windows must be open.
 */
export async function createTeam(
  t: TestApp,
  world: SubmissionWorld,
  opts: { trackId?: string; size?: number; name?: string } = {},
): Promise<TestTeam> {
  const expectStatus = (res: { status: number; body: unknown }, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const members: TestUser[] = [];
  for (let i = 0; i < (opts.size ?? 2); i++) {
    const user = await signUp(t, `Member ${i + 1}`);
    const reg = await t.request('POST', `/api/editions/${world.editionId}/registrations`, {
      token: user.token,
      body: { skills: [], lookingForTeam: false },
    });
    expectStatus(reg, 201, 'registration');
    members.push(user);
  }
  const name = opts.name ?? `Team ${suffix()}`;
  const created = await t.request('POST', `/api/editions/${world.editionId}/teams`, {
    token: members[0]!.token,
    body: { name, trackId: opts.trackId ?? world.tracks.health },
  });
  expectStatus(created, 201, 'team');
  for (const user of members.slice(1)) {
    const joined = await t.request('POST', '/api/teams/join', {
      token: user.token,
      body: { inviteCode: created.body.inviteCode },
    });
    expectStatus(joined, 200, 'join');
  }
  return { id: created.body.id, name, members };
}

export interface TimelineShift {
  /** The submission deadline, as a PostgreSQL interval from the database's `now()` (`'1 second'`, `'-1 second'`). */
  deadline: string;
  /** When hacking starts, from `now()`; default 2 days before the deadline. */
  hacking?: string;
  /** How long after the deadline judging ends; default 5 days. */
  judging?: string;
  /** When results are published, from `now()`; default not published. */
  resultsPublished?: string | null;
}

/**
 * Moves the whole timeline relative to the database's clock in one UPDATE, keeping the timeline
 * CHECK satisfied (registration opens 10 days before hacking or the deadline and closes at the
 * deadline, so that teams can still be formed while the submission window is open). `now()` is the transaction's: run it inside another transaction to time it from there.
 */
export function timelineUpdate(editionId: string, o: TimelineShift): [string, unknown[]] {
  return [
    `WITH changed AS (
       UPDATE editions SET
         submission_deadline = now() + $2::interval,
         hacking_starts_at = COALESCE(now() + $3::interval, now() + $2::interval - interval '2 days'),
         registration_opens_at = LEAST(COALESCE(now() + $3::interval, now() + $2::interval), now() + $2::interval)
                                 - interval '10 days',
         registration_closes_at = now() + $2::interval,
         judging_ends_at = now() + $2::interval + COALESCE($4::interval, interval '5 days'),
         leaderboard_freeze_at = NULL,
         results_published_at = now() + $5::interval
       WHERE id = $1
       RETURNING id)
     SELECT id FROM changed`,
    [editionId, o.deadline, o.hacking ?? null, o.judging ?? null, o.resultsPublished ?? null],
  ];
}

export async function setTimeline(t: TestApp, editionId: string, o: TimelineShift): Promise<void> {
  const res: { id: string }[] = await t.db.query(...timelineUpdate(editionId, o));
  if (res.length !== 1) throw new Error('no such edition');
}

/** A valid save body. */
export const draft = (title = 'Pill Pal', extra: Record<string, unknown> = {}) => ({
  title,
  tagline: 'Never miss a dose',
  description: '# Pill Pal\n\nReminds you.',
  repoUrl: 'https://github.com/example/pill-pal',
  techTags: ['React', 'PostgreSQL'],
  ...extra,
});

export async function rowCount(t: TestApp, table: 'submissions' | 'submission_versions' | 'audit_entries') {
  const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}
