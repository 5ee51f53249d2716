/**
 * THE ACCESS MATRIX (issue 3): every route of the API, called as each of six roles, with the
 * status each must get. It fails when a route has no row, when a row names a route that is gone,
 * and when any role gets another status than its row says.
 *
 * HOW TO ADD A ROW (one line per route, in ROWS below, roles always in this order):
 *
 *   ['METHOD /api/path/:param', anonymous, participant, otherTeam, juror, unassignedJuror, organizer, options?],
 *
 * - The route is written exactly as registered (`:id`, `:code`… as in the controller).
 * - Each role gets a status (`403`) or a class (`'2xx'`, `'4xx'`). The roles, from the world
 *   (test/helpers/world.ts): anonymous (no session); participant (registered, captain of team A);
 *   otherTeam (registered, captain of team B); juror (of the edition, assigned to team A's
 *   project once assignments exist); unassignedJuror (of the edition, no assignment); organizer.
 * - Parameters are filled from the world by the segment before them (see PARAMS): `editions/:id`
 *   → the edition, `teams/:id` → team A, `tracks/:id` → its first track, `submissions/:id` → team
 *   A's project, `users/:id` → a bystander, … Add a line to PARAMS for a new kind of resource.
 * - options (all optional):
 *     window: 'hacking' | 'judging' | 'results'   the edition's open window for this row (default hacking)
 *     body: (w, role) => body                      a valid body, so that allowed roles reach success
 *     path: (w, role) => path                      the concrete path, when PARAMS is not enough or a
 *                                                  fresh resource is needed per call (called per role)
 *     fresh: true                                  use a new session per call (routes that end it)
 *     after: (w) => …                              put the world back after the row (e.g. rejoin a team)
 * - Rows run in order, each role in column order; a row must leave the world as it found it
 *   (use the spare edition, fresh resources, or `after`).
 */
jest.mock('fastify', () => {
  // Records every route Fastify registers (Nest controllers and plugins alike) through its
  // onRoute hook, added the moment the instance is created, before any route exists.
  const actual = jest.requireActual('fastify');
  const routes: { method: string | string[]; url: string }[] = [];
  const wrapped = Object.assign((...args: unknown[]) => {
    const instance = actual(...args);
    instance.addHook('onRoute', (r: { method: string | string[]; url: string }) =>
      routes.push({ method: r.method, url: r.url }),
    );
    return instance;
  }, actual);
  return Object.assign(wrapped, { fastify: wrapped, default: wrapped, __registeredRoutes: routes });
});

import { DEFAULT_CRITERIA } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { signUp, type TestUser } from './helpers/users';
import { buildWorld, ROLES, type Role, type World, type WorldWindow } from './helpers/world';

type Expect = number | '2xx' | '4xx';
interface RowOptions {
  window?: WorldWindow;
  body?: (w: World, role: Role) => unknown;
  path?: (w: World, role: Role) => string | Promise<string>;
  fresh?: boolean;
  after?: (w: World) => Promise<void>;
}
type Row = [
  route: string,
  anonymous: Expect,
  participant: Expect,
  otherTeam: Expect,
  juror: Expect,
  unassignedJuror: Expect,
  organizer: Expect,
  options?: RowOptions,
];

const uniq = () => Math.random().toString(36).slice(2, 10);
const LONG_PW = 'long enough password';

// prettier-ignore
const ROWS: Row[] = [
  // route                                            anon  part  other juror unass org
  ['GET /api/health',                                  200,  200,  200,  200,  200,  200],

  // accounts
  ['POST /api/auth/register',                          201,  201,  201,  201,  201,  201, { body: () => ({ email: `m-${uniq()}@example.test`, password: LONG_PW, name: 'Matrix', acceptTerms: true }) }],
  ['POST /api/auth/login',                             200,  200,  200,  200,  200,  200, { body: (w) => ({ email: w.bystander.email, password: w.bystander.password }) }],
  ['POST /api/auth/logout',                            401,  204,  204,  204,  204,  204, { fresh: true }],
  ['GET /api/auth/me',                                 401,  200,  200,  200,  200,  200],
  ['GET /api/auth/me/data',                            401,  200,  200,  200,  200,  200],
  ['GET /api/auth/me/notifications',                   401,  200,  200,  200,  200,  200],
  ['PUT /api/auth/me/notifications',                   401,  200,  200,  200,  200,  200, { body: () => ({ results: true }) }],
  // a wrong password (403 WRONG_PASSWORD; organizers 403 FORBIDDEN): the world's people stay (test/account-deletion.e2e-spec.ts deletes for real)
  ['DELETE /api/auth/me',                              401,  403,  403,  403,  403,  403, { body: () => ({ password: 'not the password of anyone' }) }],
  ['GET /api/auth/session',                            200,  200,  200,  200,  200,  200],
  ['POST /api/auth/password',                          401,  204,  204,  204,  204,  204, { body: (w, r) => ({ currentPassword: w.user(r)?.password ?? LONG_PW, newPassword: w.user(r)?.password ?? LONG_PW }) }],
  ['POST /api/auth/password-reset/request',            202,  202,  202,  202,  202,  202, { body: () => ({ email: 'nobody-matrix@example.test' }) }],
  ['POST /api/auth/password-reset/confirm',            410,  410,  410,  410,  410,  410, { body: () => ({ token: 'not-a-real-token', password: LONG_PW }) }],
  ['GET /api/users',                                   401,  403,  403,  403,  403,  200],
  ['POST /api/users/:id/disable',                      401,  403,  403,  403,  403,  200],
  ['POST /api/users/:id/enable',                       401,  403,  403,  403,  403,  200],
  ['GET /api/mail/outbox',                             401,  403,  403,  403,  403,  200],

  // editions, tracks, challenges, criteria
  ['GET /api/editions',                                200,  200,  200,  200,  200,  200],
  ['GET /api/editions/:id',                            200,  200,  200,  200,  200,  200],
  ['POST /api/editions',                               401,  403,  403,  403,  403,  201, { body: () => newEdition() }],
  ['PATCH /api/editions/:id',                          401,  403,  403,  403,  403,  200, { body: () => ({ description: 'Patched by the access matrix' }) }],
  // the spare edition's retention date is a year after its judging: refused with 409 even for organizers
  ['POST /api/editions/:id/purge-personal-data',       401,  403,  403,  403,  403,  409, { path: (w) => `/api/editions/${w.spareEdition.id}/purge-personal-data` }],
  ['POST /api/editions/:id/copy',                      401,  403,  403,  403,  403,  201, { path: (w) => `/api/editions/${w.spareEdition.id}/copy`, body: () => { const { slug, registrationOpensAt, registrationClosesAt, hackingStartsAt, submissionDeadline, judgingEndsAt } = newEdition(); return { slug, registrationOpensAt, registrationClosesAt, hackingStartsAt, submissionDeadline, judgingEndsAt }; } }],
  ['POST /api/editions/:id/tracks',                    401,  403,  403,  403,  403,  201, { path: (w) => `/api/editions/${w.spareEdition.id}/tracks`, body: () => ({ name: `Track ${uniq()}`, slug: `t-${uniq()}`, description: '' }) }],
  ['PUT /api/editions/:id/criteria',                   401,  403,  403,  403,  403,  200, { path: (w) => `/api/editions/${w.spareEdition.id}/criteria`, body: () => DEFAULT_CRITERIA }],
  ['PATCH /api/tracks/:id',                            401,  403,  403,  403,  403,  200, { body: () => ({ description: 'Patched by the access matrix' }) }],
  ['DELETE /api/tracks/:id',                           401,  403,  403,  403,  403,  204, { path: async (w) => `/api/tracks/${(await w.asOrganizer('POST', `/api/editions/${w.spareEdition.id}/tracks`, { name: `Doomed ${uniq()}`, slug: `doomed-${uniq()}` })).id}` }],
  ['POST /api/tracks/:id/challenges',                  401,  403,  403,  403,  403,  201, { path: (w) => `/api/tracks/${w.spareEdition.trackIds[0]}/challenges`, body: () => ({ title: `Challenge ${uniq()}` }) }],
  ['PATCH /api/challenges/:id',                        401,  403,  403,  403,  403,  200, { body: () => ({ description: 'Patched by the access matrix' }) }],
  ['DELETE /api/challenges/:id',                       401,  403,  403,  403,  403,  204, { path: async (w) => `/api/challenges/${(await w.asOrganizer('POST', `/api/tracks/${w.spareEdition.trackIds[0]}/challenges`, { title: `Doomed ${uniq()}` })).id}` }],

  // registrations and the team-finder
  ['POST /api/editions/:id/registrations',             401,  201,  201,  201,  201,  201, { path: (w) => `/api/editions/${w.spareEdition.id}/registrations`, body: () => ({ skills: ['design'], lookingForTeam: true }) }],
  ['GET /api/editions/:id/registrations/me',           401,  200,  200,  403,  403,  404],
  ['PATCH /api/editions/:id/registrations/me',         401,  200,  200,  403,  403,  404, { body: () => ({ lookingForTeam: false }) }],
  ['GET /api/editions/:id/participants',               401,  200,  200,  403,  403,  200],

  // teams
  ['GET /api/editions/:id/teams',                      200,  200,  200,  200,  200,  200],
  ['POST /api/editions/:id/teams',                     401,  409,  409,  403,  403,  403, { body: (w) => ({ name: `Team ${uniq()}`, trackId: w.edition.trackIds[0] }) }],
  ['GET /api/editions/:id/teams/me',                   401,  200,  200,  200,  200,  200],
  ['GET /api/editions/:id/teams/projects',             401,  403,  403,  403,  403,  200],
  ['POST /api/teams/join',                             401,  409,  409,  403,  403,  403, { body: (w) => ({ inviteCode: w.teamA.inviteCode }) }],
  ['GET /api/teams/invite/:code',                      401,  200,  200,  200,  200,  200],
  ['GET /api/teams/:id',                               200,  200,  200,  200,  200,  200],
  ['PATCH /api/teams/:id',                             401,  200,  403,  403,  403,  403, { body: () => ({ name: 'Team A' }) }],
  ['POST /api/teams/:id/invite-code',                  401,  200,  403,  403,  403,  403, { after: refreshInviteCode }],
  ['POST /api/teams/:id/leave',                        401,  200,  403,  403,  403,  403, { after: rejoinTeamA }],

  // join requests and team invitations (the team-finder): fresh people per call, so the world stays as it is
  ['POST /api/teams/:id/join-requests',                401,  409,  409,  403,  403,  403, { body: () => ({ message: 'Hello' }) }],
  ['POST /api/teams/:id/invitations',                  401,  201,  403,  403,  403,  403, { path: async (w) => { fresh.userId = (await lookingPerson(w)).id; return `/api/teams/${w.teamA.id}/invitations`; }, body: () => ({ userId: fresh.userId }), after: endPendingRequests }],
  ['GET /api/editions/:id/join-requests',              401,  200,  200,  403,  403,  200],
  ['POST /api/join-requests/:id/accept',               401,  200,  403,  403,  403,  403, { path: async (w) => `/api/join-requests/${await requestToTeamA(w)}/accept`, after: endPendingRequests }],
  ['POST /api/join-requests/:id/decline',              401,  200,  403,  403,  403,  403, { path: async (w) => `/api/join-requests/${await requestToTeamA(w)}/decline`, after: endPendingRequests }],
  ['POST /api/join-requests/:id/withdraw',             401,  200,  403,  403,  403,  403, { path: async (w) => `/api/join-requests/${await invitationFromTeamA(w)}/withdraw`, after: endPendingRequests }],

  // submissions
  ['GET /api/teams/:id/submission',                    401,  200,  403,  403,  403,  200],
  ['PUT /api/teams/:id/submission',                    401,  200,  403,  403,  403,  403, { body: (w) => ({ title: 'Project A', tagline: 'Project A tagline', challengeIds: [w.challengeId] }) }],
  ['POST /api/teams/:id/submission/unsubmit',          401,  200,  403,  403,  403,  403],
  ['POST /api/teams/:id/submission/submit',            401,  200,  403,  403,  403,  403],
  ['GET /api/teams/:id/submission/versions',           401,  200,  403,  403,  403,  200],
  ['GET /api/teams/:id/submission/checklist',          401,  200,  403,  403,  403,  200],
  ['GET /api/editions/:id/submissions',                401,  403,  403,  403,  403,  200],
  ['POST /api/teams/:id/extension',                    401,  403,  403,  403,  403,  200, { body: () => ({ until: null }) }],
  ['POST /api/submissions/:id/disqualify',             401,  403,  403,  403,  403,  200, { body: () => ({ reason: 'Access matrix' }) }],
  ['POST /api/submissions/:id/reinstate',              401,  403,  403,  403,  403,  200],
  ['GET /api/editions/:id/gallery',                    200,  200,  200,  200,  200,  200, { window: 'results' }],
  ['GET /api/editions/:id/gallery/:submissionId',      200,  200,  200,  200,  200,  200, { window: 'results' }],

  // jury
  ['POST /api/editions/:id/jury/invitations',          401,  403,  403,  403,  403,  201, { body: () => ({ email: `inv-${uniq()}@example.test` }) }],
  ['GET /api/editions/:id/jury/invitations',           401,  403,  403,  403,  403,  200],
  ['POST /api/editions/:id/jury/invitations/:invitationId/resend', 401, 403, 403, 403, 403, 200, { path: async (w) => `/api/editions/${w.edition.id}/jury/invitations/${await freshInvitationId(w)}/resend` }],
  ['POST /api/editions/:id/jury/invitations/:invitationId/revoke', 401, 403, 403, 403, 403, 200, { path: async (w) => `/api/editions/${w.edition.id}/jury/invitations/${await freshInvitationId(w)}/revoke` }],
  ['GET /api/jury/invitations/:token',                 200,  200,  200,  200,  200,  200, { path: async (w) => `/api/jury/invitations/${await w.invitationToken()}` }],
  ['GET /api/editions/:id/jurors',                     401,  403,  403,  403,  403,  200],
  ['POST /api/jury/invitations/:token/accept',         401,  200,  200,  200,  200,  200, { path: async (w) => `/api/jury/invitations/${await w.invitationToken()}/accept` }],

  // live: announcements, awards, the reveal (spare edition: nothing of the main one changes)
  ['POST /api/editions/:id/announcements',             401,  403,  403,  403,  403,  201, { path: (w) => `/api/editions/${w.spareEdition.id}/announcements`, body: () => ({ message: 'From the access matrix' }) }],
  ['GET /api/editions/:id/announcements',              200,  200,  200,  200,  200,  200],
  ['PATCH /api/announcements/:id',                     401,  403,  403,  403,  403,  200, { path: async (w) => `/api/announcements/${(await w.asOrganizer('POST', `/api/editions/${w.spareEdition.id}/announcements`, { message: 'To edit' })).id}`, body: () => ({ message: 'Edited by the access matrix' }) }],
  ['DELETE /api/announcements/:id',                    401,  403,  403,  403,  403,  204, { path: async (w) => `/api/announcements/${(await w.asOrganizer('POST', `/api/editions/${w.spareEdition.id}/announcements`, { message: 'To delete' })).id}` }],
  ['GET /api/editions/:id/awards',                     401,  403,  403,  403,  403,  200],
  ['PUT /api/editions/:id/awards',                     401,  403,  403,  403,  403,  200, { path: (w) => `/api/editions/${w.spareEdition.id}/awards`, body: () => [] }],
  ['POST /api/editions/:id/reveal',                    401,  403,  403,  403,  403,  200, { path: (w) => `/api/editions/${w.spareEdition.id}/reveal`, body: () => ({ action: 'reset' }) }],
  // judging: conflicts, assignments, coverage, tables (the main edition's juror is assigned to team A's project)
  ['POST /api/editions/:id/conflicts',                 401,  403,  403,  201,  201,  201, { body: (w, r) => ({ teamId: w.teamB.id, reason: 'Access matrix', ...(r === 'organizer' ? { jurorId: w.unassignedJuror.id } : {}) }), after: withdrawConflicts }],
  ['GET /api/editions/:id/conflicts',                  401,  403,  403,  403,  403,  200],
  ['GET /api/editions/:id/conflicts/me',               401,  403,  403,  200,  200,  200],
  ['DELETE /api/editions/:id/conflicts/:conflictId',   401,  403,  403,  403,  403,  204, { path: async (w) => `/api/editions/${w.edition.id}/conflicts/${await freshConflict(w)}`, after: withdrawConflicts }],
  ['POST /api/editions/:id/assignments/auto',          401,  403,  403,  403,  403,  200, { path: (w) => `/api/editions/${w.spareEdition.id}/assignments/auto` }],
  ['POST /api/editions/:id/assignments/second-round',  401,  403,  403,  403,  403,  200, { body: () => ({ k: 1 }) }],
  ['POST /api/editions/:id/assignments',               401,  403,  403,  403,  403,  201, { body: (w) => ({ jurorId: w.juror.id, submissionId: w.teamA.submissionId }) }],
  ['DELETE /api/editions/:id/assignments/:jurorId/:submissionId', 401, 403, 403, 403, 403, 204, { path: freshAssignmentPath }],
  ['GET /api/editions/:id/assignments',                401,  403,  403,  403,  403,  200],
  ['GET /api/editions/:id/assignments/me',             401,  403,  403,  200,  200,  200],
  ['GET /api/editions/:id/coverage',                   401,  403,  403,  403,  403,  200],
  ['PUT /api/teams/:id/table',                         401,  403,  403,  403,  403,  200, { body: () => ({ tableLabel: 'A-01' }) }],
  ['POST /api/editions/:id/tables/number',             401,  403,  403,  403,  403,  200, { body: () => ({}) }],

  // judging: flags (before the juror scores team A: a scored project cannot be flagged), sheets, corrections
  ['POST /api/submissions/:id/flags',                  401,  403,  403,  201,  403,  403, { window: 'judging', body: () => ({ kind: 'absent', reason: 'Access matrix' }) }],
  ['POST /api/flags/:id/dismiss',                      401,  403,  403,  403,  403,  200, { window: 'judging', path: async (w) => `/api/flags/${await openFlag(w)}/dismiss`, body: () => ({}) }],
  ['POST /api/flags/:id/reassign',                     401,  403,  403,  403,  403,  200, { window: 'judging', path: async (w) => `/api/flags/${await openFlag(w)}/reassign`, body: (w) => ({ jurorId: w.unassignedJuror.id }), after: restoreJurorAssignment }],
  ['PUT /api/submissions/:id/scores/me',               401,  403,  403,  200,  403,  403, { window: 'judging', body: () => ({ values: judging.values, idempotencyKey: `matrix-${uniq()}` }) }],
  ['GET /api/submissions/:id/scores',                  401,  403,  403,  403,  403,  200],
  ['POST /api/submissions/:id/scores/:jurorId/reopen', 401,  403,  403,  403,  403,  200, { window: 'results', body: () => ({ reason: 'Access matrix' }) }],
  ['POST /api/submissions/:id/scores/:jurorId/close',  401,  403,  403,  403,  403,  200, { window: 'results' }],
  ['PUT /api/submissions/:id/scores/:jurorId',         401,  403,  403,  403,  403,  200, { window: 'results', body: () => ({ values: judging.values, reason: 'Access matrix' }) }],

  // ranking: leaderboards (rule 7 per viewer), explanations, a team's own result (team A's captain)
  ['GET /api/editions/:id/leaderboard',                200,  200,  200,  200,  200,  200],
  ['GET /api/editions/:id/leaderboard/explain',        401,  403,  403,  403,  403,  200],
  ['GET /api/teams/:id/result',                        401,  200,  403,  403,  403,  200, { window: 'results' }],

  // exports (one kind here; test/exports.e2e-spec.ts checks every kind's access)
  ['GET /api/editions/:id/exports/:kind.csv',          401,  403,  403,  403,  403,  200, { path: (w) => `/api/editions/${w.edition.id}/exports/scores.csv` }],

  // dashboard
  ['GET /api/editions/:id/dashboard',                  401,  403,  403,  403,  403,  200],

  // audit
  ['GET /api/editions/:id/audit',                      401,  403,  403,  403,  403,  200],
  ['GET /api/audit',                                   401,  403,  403,  403,  403,  200],
];

/** A valid sheet for the main edition's criteria (filled once the world exists). */
const judging: { values: Record<string, number> } = { values: {} };

/** Withdraws every declared conflict of the main edition (rows that declare some put the world back). */
async function withdrawConflicts(w: World): Promise<void> {
  const list = await w.asOrganizer<{ items: { id: string | null }[] }>(
    'GET',
    `/api/editions/${w.edition.id}/conflicts`,
  );
  for (const c of list.items)
    if (c.id) await w.asOrganizer('DELETE', `/api/editions/${w.edition.id}/conflicts/${c.id}`);
}

/** A conflict of the unassigned juror with team B, declared by the organizer (the same one while it exists). */
async function freshConflict(w: World): Promise<string> {
  const c = await w.asOrganizer<{ id: string }>('POST', `/api/editions/${w.edition.id}/conflicts`, {
    teamId: w.teamB.id,
    jurorId: w.unassignedJuror.id,
    reason: 'Access matrix',
  });
  return c.id;
}

/** An assignment of the unassigned juror to team B's project, made for the call (the organizer's call removes it). */
async function freshAssignmentPath(w: World): Promise<string> {
  await w.asOrganizer('POST', `/api/editions/${w.edition.id}/assignments`, {
    jurorId: w.unassignedJuror.id,
    submissionId: w.teamB.submissionId,
  });
  return `/api/editions/${w.edition.id}/assignments/${w.unassignedJuror.id}/${w.teamB.submissionId}`;
}

/** The juror's open flag on team A's project (flagging again answers the open one). */
async function openFlag(w: World): Promise<string> {
  const res = await w.t.request('POST', `/api/submissions/${w.teamA.submissionId}/flags`, {
    token: w.juror.token,
    body: { kind: 'cannot_judge', reason: 'Access matrix' },
  });
  if (res.status !== 201) throw new Error(`flag: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** After a reassignment moved team A's project to the unassigned juror: back to the juror. */
async function restoreJurorAssignment(w: World): Promise<void> {
  await w.asOrganizer(
    'DELETE',
    `/api/editions/${w.edition.id}/assignments/${w.unassignedJuror.id}/${w.teamA.submissionId}`,
  );
  await w.asOrganizer('POST', `/api/editions/${w.edition.id}/assignments`, {
    jurorId: w.juror.id,
    submissionId: w.teamA.submissionId,
  });
}

/** A new pending jury invitation of the main edition (its id, as the organizers' list gives it). */
async function freshInvitationId(w: World): Promise<string> {
  await w.asOrganizer('POST', `/api/editions/${w.edition.id}/jury/invitations`, {
    email: `inv-${uniq()}@example.test`,
  });
  const list = await w.asOrganizer<{ items: { id: string }[] }>(
    'GET',
    `/api/editions/${w.edition.id}/jury/invitations?limit=1`,
  );
  return list.items[0]!.id;
}

/** A person of the moment (set by a row's `path`, read by its `body`). */
const fresh = { userId: '' };
/** People who joined team A through an accepted request in a row (they leave it afterwards). */
const joinedTeamA: TestUser[] = [];

/** A new participant of the edition looking for a team. */
async function lookingPerson(w: World): Promise<TestUser> {
  const u = await signUp(w.t, `Looking ${uniq()}`);
  const res = await w.t.request('POST', `/api/editions/${w.edition.id}/registrations`, {
    token: u.token,
    body: { skills: ['design'], lookingForTeam: true },
  });
  if (res.status !== 201) throw new Error(`looking person: ${res.status} ${JSON.stringify(res.body)}`);
  return u;
}

/** A pending request of a new person to join team A (answered by its captain, the participant). */
async function requestToTeamA(w: World): Promise<string> {
  const u = await lookingPerson(w);
  joinedTeamA.push(u);
  const res = await w.t.request('POST', `/api/teams/${w.teamA.id}/join-requests`, {
    token: u.token,
    body: { message: 'Matrix' },
  });
  if (res.status !== 201) throw new Error(`join request: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A pending invitation of team A (sent by its captain, the participant) to a new person. */
async function invitationFromTeamA(w: World): Promise<string> {
  const u = await lookingPerson(w);
  const res = await w.t.request('POST', `/api/teams/${w.teamA.id}/invitations`, {
    token: w.participant.token,
    body: { userId: u.id, message: 'Matrix' },
  });
  if (res.status !== 201) throw new Error(`invitation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Ends what the join-request rows left pending, and takes out of team A whoever joined it. */
async function endPendingRequests(w: World): Promise<void> {
  await w.t.db.query(
    `UPDATE join_requests SET status = 'withdrawn', decided_at = now() WHERE status = 'pending'`,
  );
  for (const u of joinedTeamA.splice(0)) {
    await w.t.request('POST', `/api/teams/${w.teamA.id}/leave`, { token: u.token });
  }
}

/** After the captain regenerated team A's invite code: the world keeps the current one. */
async function refreshInviteCode(w: World): Promise<void> {
  const team = await w.asOrganizer<{ inviteCode: string }>('GET', `/api/teams/${w.teamA.id}`);
  w.teamA.inviteCode = team.inviteCode;
}

/** After the participant left team A: back in, and captain again. */
async function rejoinTeamA(w: World): Promise<void> {
  const join = await w.t.request('POST', '/api/teams/join', {
    token: w.participant.token,
    body: { inviteCode: w.teamA.inviteCode },
  });
  if (join.status !== 200) throw new Error(`rejoin team A: ${join.status} ${JSON.stringify(join.body)}`);
  const team = await w.asOrganizer<{ captainId: string }>('GET', `/api/teams/${w.teamA.id}`);
  if (team.captainId !== w.participant.id) {
    const patch = await w.t.request('PATCH', `/api/teams/${w.teamA.id}`, {
      token: w.teammate.token,
      body: { captainId: w.participant.id },
    });
    if (patch.status !== 200)
      throw new Error(`captaincy back: ${patch.status} ${JSON.stringify(patch.body)}`);
  }
}

function newEdition() {
  const now = Date.now();
  const at = (days: number) => new Date(now + days * 86_400_000).toISOString();
  return {
    slug: `matrix-${uniq()}`,
    name: 'Matrix edition',
    description: '',
    published: false,
    registrationOpensAt: at(1),
    registrationClosesAt: at(2),
    hackingStartsAt: at(2),
    submissionDeadline: at(3),
    judgingEndsAt: at(4),
    teamMinSize: 1,
    teamMaxSize: 4,
  };
}

/** Fills `:param` from the world by the path segment before it (`editions/:id` → the edition). */
const PARAMS: Record<string, (w: World) => string | null> = {
  'editions/:id': (w) => w.edition.id,
  'teams/:id': (w) => w.teamA.id,
  'invite/:code': (w) => w.teamA.inviteCode,
  'tracks/:id': (w) => w.edition.trackIds[0]!,
  'challenges/:id': (w) => w.challengeId,
  'users/:id': (w) => w.bystander.id,
  'submissions/:id': (w) => w.teamA.submissionId,
  'gallery/:submissionId': (w) => w.teamA.submissionId,
  'assignments/:jurorId': (w) => w.juror.id,
  'scores/:jurorId': (w) => w.juror.id,
  ':jurorId/:submissionId': (w) => w.teamA.submissionId,
};

function fillPath(w: World, path: string): string {
  const parts = path.split('/');
  return parts
    .map((part, i) => {
      if (!part.startsWith(':')) return part;
      const key = `${parts[i - 1]}/${part}`;
      const value = PARAMS[key]?.(w);
      if (!value)
        throw new Error(`No world value for ${key} in ${path}: add it to PARAMS or give the row a path`);
      return value;
    })
    .join('/');
}

/** `METHOD /api/path` of every route the app serves, but Swagger's documentation pages. */
function registeredRoutes(): string[] {
  const recorded = (
    jest.requireMock('fastify') as { __registeredRoutes: { method: string | string[]; url: string }[] }
  ).__registeredRoutes;
  const out = new Set<string>();
  for (const r of recorded) {
    for (const method of [r.method].flat()) {
      // HEAD is answered for every GET by Fastify itself; OPTIONS * is the CORS preflight.
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      // The OpenAPI document and its UI (public, generated from these very routes).
      if (r.url === '/api/docs' || r.url.startsWith('/api/docs/') || r.url.startsWith('/api/docs-')) continue;
      out.add(`${method} ${r.url}`);
    }
  }
  return [...out].sort();
}

const matches = (expected: Expect, status: number) =>
  typeof expected === 'number' ? status === expected : Math.floor(status / 100) === Number(expected[0]);

describe('access matrix', () => {
  let t: TestApp;
  let w: World;
  let routes: string[];

  beforeAll(async () => {
    t = await createTestApp();
    routes = registeredRoutes();
    w = await buildWorld(t, new Set(routes));
    const edition = await w.asOrganizer<{ criteria: { id: string; min: number }[] }>(
      'GET',
      `/api/editions/${w.edition.id}`,
    );
    judging.values = Object.fromEntries(edition.criteria.map((c) => [c.id, c.min]));
  }, 120_000);
  afterAll(() => t?.close());

  it('has exactly one row per registered route', () => {
    const rowRoutes = ROWS.map((r) => r[0]);
    const duplicates = rowRoutes.filter((r, i) => rowRoutes.indexOf(r) !== i);
    const missing = routes.filter((r) => !rowRoutes.includes(r));
    const gone = rowRoutes.filter((r) => !routes.includes(r));
    expect({ missing, gone, duplicates }).toEqual({ missing: [], gone: [], duplicates: [] });
    // The route collection itself works: a few routes every version of the API has.
    expect(routes).toEqual(expect.arrayContaining(['GET /api/health', 'POST /api/auth/login']));
  });

  it.each(ROWS.map((row) => [row[0], row] as const))('%s', async (_, row) => {
    const [route, ...rest] = row;
    const expected = rest.slice(0, 6) as Expect[];
    const options = (rest[6] ?? {}) as RowOptions;
    if (!routes.includes(route)) throw new Error(`${route} is not a route of the app (any more)`);
    const [method, template] = route.split(' ') as [string, string];
    await w.setWindow(options.window ?? 'hacking');

    const lines: string[] = [];
    let failed = false;
    for (const [i, role] of ROLES.entries()) {
      const path = options.path ? await options.path(w, role) : fillPath(w, template);
      const token = options.fresh ? await w.freshToken(role) : w.token(role);
      const body = options.body?.(w, role);
      const res = await t.request(method, path, { token, body });
      const ok = matches(expected[i]!, res.status);
      failed ||= !ok;
      const detail = res.status >= 400 ? ` ${res.body?.code ?? ''} ${res.body?.message ?? ''}` : '';
      lines.push(
        `${ok ? '  ' : '✗ '}${role.padEnd(16)} expected ${String(expected[i]).padEnd(4)} got ${res.status}${detail}`,
      );
    }
    await options.after?.(w);
    if (failed) throw new Error(`${route}:\n${lines.join('\n')}`);
  });
});
