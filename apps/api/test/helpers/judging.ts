import { randomBytes, randomUUID } from 'node:crypto';
import type { Criterion, Normalization } from '@ca/shared';
import type { TestApp } from './app';
import { setTimeline } from './submission-fixtures';
import { signUp, signUpOrganizer, type TestUser } from './users';

/**
 * Test data for the judging tests, made through the API as clients would: an edition (hacking
 * window open by the database's clock), tracks, jurors who accepted invitations (with preferred
 * tracks), and teams with submitted projects. `openJudging` then moves the submission deadline
 * just behind the database's `now()`.
 */

export interface JudgingTeam {
  id: string;
  name: string;
  trackId: string;
  captain: TestUser;
  submissionId: string;
}

export interface JudgingWorld {
  t: TestApp;
  organizer: TestUser;
  editionId: string;
  trackIds: string[];
  jurors: TestUser[];
  teams: JudgingTeam[];
  criteria: Criterion[];
}

const suffix = () => randomBytes(4).toString('hex');

export async function must<T = any>(
  t: TestApp,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
  status?: number,
): Promise<T> {
  const res = await t.request(method, path, opts);
  const ok = status === undefined ? res.status >= 200 && res.status < 300 : res.status === status;
  if (!ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** Runs `fn` over `items`, `width` at a time (the machine is small; requests still overlap). */
export async function inBatches<T, R>(
  items: T[],
  width: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    out.push(...(await Promise.all(items.slice(i, i + width).map((item, j) => fn(item, i + j)))));
  }
  return out;
}

export async function createJudgingWorld(
  t: TestApp,
  opts: {
    teams: number;
    jurors: number;
    tracks?: string[];
    reviewsPerSubmission?: number;
    /**
     * The edition's normalization; unset, the edition gets the default of new editions (`model`).
     * Tests whose expected numbers are z-scores name `zscore`.
     */
    normalization?: Normalization;
    /** Preferred track indexes of juror `i` (default none). */
    jurorTracks?: (i: number) => number[];
  },
): Promise<JudgingWorld> {
  const organizer = await signUpOrganizer(t);
  const [{ now }]: { now: Date }[] = await t.db.query('SELECT now() AS now');
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();
  const edition = await must(t, 'POST', '/api/editions', {
    token: organizer.token,
    body: {
      slug: `judging-${suffix()}`,
      name: 'Judging test edition',
      published: true,
      registrationOpensAt: at(-48),
      registrationClosesAt: at(24),
      hackingStartsAt: at(-1),
      submissionDeadline: at(24),
      judgingEndsAt: at(72),
      reviewsPerSubmission: opts.reviewsPerSubmission ?? 3,
      ...(opts.normalization ? { normalization: opts.normalization } : {}),
    },
  });
  const trackIds: string[] = [];
  for (const name of opts.tracks ?? ['Health', 'Tourism']) {
    const track = await must(t, 'POST', `/api/editions/${edition.id}/tracks`, {
      token: organizer.token,
      body: { name, slug: name.toLowerCase() },
    });
    trackIds.push(track.id);
  }
  const jurors = await inBatches(Array.from({ length: opts.jurors }), 4, async (_, i) => {
    const juror = await signUp(t, `Juror ${String(i + 1).padStart(2, '0')}`);
    const preferred = (opts.jurorTracks?.(i) ?? []).map((k) => trackIds[k]!);
    const { token } = await must(t, 'POST', `/api/editions/${edition.id}/jury/invitations`, {
      token: organizer.token,
      body: { email: `jury-${suffix()}@example.test`, trackIds: preferred },
    });
    await must(t, 'POST', `/api/jury/invitations/${token}/accept`, { token: juror.token });
    return juror;
  });
  const teams = await inBatches(Array.from({ length: opts.teams }), 4, (_, i) =>
    createSubmittedTeam(
      t,
      edition.id,
      trackIds[i % trackIds.length]!,
      `Team ${String(i + 1).padStart(3, '0')}`,
    ),
  );
  const criteria = (await must(t, 'GET', `/api/editions/${edition.id}`, { token: organizer.token })).criteria;
  return { t, organizer, editionId: edition.id, trackIds, jurors, teams, criteria };
}

/** A team of one (its captain) in `trackId` with a saved project; submitted unless `submit` is false. */
export async function createSubmittedTeam(
  t: TestApp,
  editionId: string,
  trackId: string,
  name: string,
  submit = true,
): Promise<JudgingTeam> {
  const captain = await signUp(t, `Captain of ${name}`);
  await must(t, 'POST', `/api/editions/${editionId}/registrations`, {
    token: captain.token,
    body: { skills: [], lookingForTeam: false },
  });
  const team = await must(t, 'POST', `/api/editions/${editionId}/teams`, {
    token: captain.token,
    body: { name, trackId },
  });
  const submission = await must(t, 'PUT', `/api/teams/${team.id}/submission`, {
    token: captain.token,
    body: { title: `Project of ${name}`, tagline: 'A tagline', repoUrl: 'https://example.com/repo' },
  });
  if (submit) await must(t, 'POST', `/api/teams/${team.id}/submission/submit`, { token: captain.token });
  return { id: team.id, name, trackId, captain, submissionId: submission.id };
}

/** Submission deadline one minute behind the database's clock: the scoring window is open. */
export async function openJudging(t: TestApp, editionId: string): Promise<void> {
  await setTimeline(t, editionId, { deadline: '-1 minute' });
}

/** Judging ended an hour ago (results not published). */
export async function endJudging(t: TestApp, editionId: string): Promise<void> {
  await setTimeline(t, editionId, { deadline: '-2 days', judging: '1 day 23 hours' });
}

/** Values for every criterion: `pick(criterion, index)` or the scale's middle. */
export function valuesFor(
  criteria: Criterion[],
  pick: (c: Criterion, i: number) => number = (c) => Math.round((c.min + c.max) / 2),
): Record<string, number> {
  return Object.fromEntries(criteria.map((c, i) => [c.id, pick(c, i)]));
}

export function scoreSheet(
  t: TestApp,
  juror: TestUser,
  submissionId: string,
  values: Record<string, number>,
  extra: { comment?: string; idempotencyKey?: string } = {},
) {
  return t.request('PUT', `/api/submissions/${submissionId}/scores/me`, {
    token: juror.token,
    body: { values, comment: extra.comment ?? '', idempotencyKey: extra.idempotencyKey ?? randomUUID() },
  });
}

export async function assignmentsOf(t: TestApp, editionId: string) {
  const rows: { juror_id: string; submission_id: string; source: string }[] = await t.db.query(
    'SELECT juror_id, submission_id, source FROM assignments WHERE edition_id = $1',
    [editionId],
  );
  return rows;
}
