import { randomBytes } from 'node:crypto';
import type { TestApp } from './app';
import { signUp, signUpOrganizer, type TestUser } from './users';

/**
 * A small, complete world for tests that need every kind of user at once (the access matrix):
 * one edition with two tracks and a challenge, two teams, two jurors, an organizer, and a spare
 * edition for requests whose success would change somebody's roles in the main one.
 *
 * Built through the API (as a client would), so that it keeps working while modules change
 * inside. Optional parts (submissions, assignments…) are made only when their routes exist.
 */

/** The six roles of the access matrix, in the matrix's column order. */
export const ROLES = [
  'anonymous',
  'participant',
  'otherTeam',
  'juror',
  'unassignedJuror',
  'organizer',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each request may do follows the edition's windows (docs/domain.md); the world moves its
 * edition's timeline (relative to now) to open the one a request needs:
 * - `hacking`: registration, teams and submissions open (before the submission deadline);
 * - `judging`: after the submission deadline, scoring open;
 * - `results`: judging over, results published (gallery open).
 */
export type WorldWindow = 'hacking' | 'judging' | 'results';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

function timeline(window: WorldWindow, now = Date.now()) {
  const at = (ms: number) => new Date(now + ms).toISOString();
  const t = {
    hacking: [-2 * DAY, DAY, -DAY, 2 * DAY, 3 * DAY, null],
    judging: [-4 * DAY, -2 * DAY, -3 * DAY, -HOUR, 2 * DAY, null],
    results: [-6 * DAY, -5 * DAY, -5 * DAY, -3 * DAY, -DAY, -HOUR],
  }[window];
  return {
    registrationOpensAt: at(t[0]!),
    registrationClosesAt: at(t[1]!),
    hackingStartsAt: at(t[2]!),
    submissionDeadline: at(t[3]!),
    judgingEndsAt: at(t[4]!),
    leaderboardFreezeAt: null,
    resultsPublishedAt: t[5] === null ? null : at(t[5]!),
  };
}

export interface WorldEdition {
  id: string;
  slug: string;
  trackIds: string[];
}

export interface WorldTeam {
  id: string;
  inviteCode: string;
  /** The team's submission (saved and submitted) when the submissions routes exist. */
  submissionId: string | null;
}

export interface World {
  t: TestApp;
  organizer: TestUser;
  /** Registered in the edition, captain of team A. */
  participant: TestUser;
  /** Second member of team A. */
  teammate: TestUser;
  /** Registered in the edition, captain of team B. */
  otherTeam: TestUser;
  /** Juror of the edition (assigned to team A's submission once assignments exist). */
  juror: TestUser;
  /** Juror of the edition with no assignment. */
  unassignedJuror: TestUser;
  /** A plain account for requests about some other user (login, disable, enable). */
  bystander: TestUser;
  edition: WorldEdition;
  /** The id of a challenge of the first track. */
  challengeId: string;
  /** Another edition (no roles in it), for requests that would change roles in the main one. */
  spareEdition: WorldEdition;
  teamA: WorldTeam;
  teamB: WorldTeam;
  /** The window the edition's timeline is in now. */
  window: WorldWindow;
  /** The user acting as `role` (null for anonymous). */
  user(role: Role): TestUser | null;
  /** That user's session token (undefined for anonymous). */
  token(role: Role): string | undefined;
  /** A new, separate session of the role's user (for requests that end their session). */
  freshToken(role: Role): Promise<string | undefined>;
  /** Moves the edition's timeline so that `window` is open (a no-op when it already is). */
  setWindow(window: WorldWindow): Promise<void>;
  /** A new jury invitation token of `editionId` (the spare edition by default). */
  invitationToken(editionId?: string): Promise<string>;
  /** A request as the organizer that must answer 2xx; answers its body. */
  asOrganizer<T = any>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Sends a request that must succeed; a failure names the step of the world that broke. */
async function must<T = any>(
  t: TestApp,
  step: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<T> {
  const res = await t.request(method, path, opts);
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`world: ${step}: ${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body as T;
}

/**
 * Builds the world. `routes` holds the app's registered routes (`METHOD /api/path`), so that
 * optional parts are made only when the API offers them.
 */
export async function buildWorld(t: TestApp, routes: ReadonlySet<string>): Promise<World> {
  const organizer = await signUpOrganizer(t);
  const tag = randomBytes(3).toString('hex');
  const asOrganizer = <T = any>(method: string, path: string, body?: unknown) =>
    must<T>(t, `as organizer`, method, path, { token: organizer.token, body });

  async function makeEdition(name: string, tracks: string[]): Promise<WorldEdition> {
    const e = await asOrganizer('POST', '/api/editions', {
      slug: `world-${name.toLowerCase()}-${tag}`,
      name: `World ${name} ${tag}`,
      description: 'The access-matrix world',
      published: true,
      ...timeline('hacking'),
      teamMinSize: 1,
      teamMaxSize: 4,
    });
    const trackIds: string[] = [];
    for (const track of tracks) {
      const tr = await asOrganizer('POST', `/api/editions/${e.id}/tracks`, {
        name: track,
        slug: track.toLowerCase(),
        description: `${track} track`,
      });
      trackIds.push(tr.id);
    }
    return { id: e.id, slug: e.slug, trackIds };
  }

  const edition = await makeEdition('Main', ['Health', 'Tourism']);
  const spareEdition = await makeEdition('Spare', ['Environment']);
  const challenge = await asOrganizer('POST', `/api/tracks/${edition.trackIds[0]}/challenges`, {
    title: 'Shorter waiting rooms',
    description: 'A world challenge',
  });

  const [participant, teammate, otherTeam, juror, unassignedJuror, bystander] = (await Promise.all(
    [
      'Paula Participant',
      'Toma Teammate',
      'Otto Otherteam',
      'Julia Juror',
      'Uma Unassigned',
      'Bea Bystander',
    ].map((name) => signUp(t, name)),
  )) as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];

  for (const u of [participant, teammate, otherTeam]) {
    await must(t, 'registration', 'POST', `/api/editions/${edition.id}/registrations`, {
      token: u.token,
      body: { skills: ['typescript'], lookingForTeam: false },
    });
  }
  const a = await must(t, 'team A', 'POST', `/api/editions/${edition.id}/teams`, {
    token: participant.token,
    body: { name: 'Team A', trackId: edition.trackIds[0] },
  });
  await must(t, 'join team A', 'POST', '/api/teams/join', {
    token: teammate.token,
    body: { inviteCode: a.inviteCode },
  });
  const b = await must(t, 'team B', 'POST', `/api/editions/${edition.id}/teams`, {
    token: otherTeam.token,
    body: { name: 'Team B', trackId: edition.trackIds[1] },
  });

  async function invitationToken(editionId = spareEdition.id): Promise<string> {
    const res = await asOrganizer<{ token: string }>('POST', `/api/editions/${editionId}/jury/invitations`, {
      email: `juror-${randomBytes(4).toString('hex')}@example.test`,
    });
    return res.token;
  }
  for (const u of [juror, unassignedJuror]) {
    const token = await invitationToken(edition.id);
    await must(t, 'juror', 'POST', `/api/jury/invitations/${token}/accept`, { token: u.token });
  }

  async function submit(team: { id: string }, captain: TestUser, title: string): Promise<string | null> {
    if (!routes.has('PUT /api/teams/:id/submission')) return null;
    const s = await must(t, `submission ${title}`, 'PUT', `/api/teams/${team.id}/submission`, {
      token: captain.token,
      body: { title, tagline: `${title} tagline`, challengeIds: team.id === a.id ? [challenge.id] : [] },
    });
    if (routes.has('POST /api/teams/:id/submission/submit')) {
      await must(t, `submit ${title}`, 'POST', `/api/teams/${team.id}/submission/submit`, {
        token: captain.token,
      });
    }
    return s.id;
  }
  const teamA: WorldTeam = {
    id: a.id,
    inviteCode: a.inviteCode,
    submissionId: await submit(a, participant, 'Project A'),
  };
  const teamB: WorldTeam = {
    id: b.id,
    inviteCode: b.inviteCode,
    submissionId: await submit(b, otherTeam, 'Project B'),
  };

  const byRole: Record<Role, TestUser | null> = {
    anonymous: null,
    participant,
    otherTeam,
    juror,
    unassignedJuror,
    organizer,
  };

  const world: World = {
    t,
    organizer,
    participant,
    teammate,
    otherTeam,
    juror,
    unassignedJuror,
    bystander,
    edition,
    challengeId: challenge.id,
    spareEdition,
    teamA,
    teamB,
    window: 'hacking',
    user: (role) => byRole[role],
    token: (role) => byRole[role]?.token,
    async freshToken(role) {
      const u = byRole[role];
      if (!u) return undefined;
      const res = await must(t, 'fresh session', 'POST', '/api/auth/login', {
        body: { email: u.email, password: u.password },
      });
      return res.token as string;
    },
    async setWindow(window) {
      if (world.window === window) return;
      await asOrganizer('PATCH', `/api/editions/${edition.id}`, timeline(window));
      world.window = window;
    },
    invitationToken,
    asOrganizer,
  };

  // The juror scores team A's project: assigned by hand once assignments exist (judging window).
  if (teamA.submissionId && routes.has('POST /api/editions/:id/assignments')) {
    await world.setWindow('judging');
    await asOrganizer('POST', `/api/editions/${edition.id}/assignments`, {
      jurorId: juror.id,
      submissionId: teamA.submissionId,
    });
    await world.setWindow('hacking');
  }
  return world;
}
