import type { Criterion, Leaderboard } from '@ca/shared';
import type { TestApp } from './app';
import { must, scoreSheet, type JudgingWorld } from './judging';
import type { TestUser } from './users';

/**
 * Helpers of the ranking tests: jurors assigned by hand and sheets saved through the API, boards
 * read as a given viewer, edition settings changed through PATCH (so that the ranking follows).
 */

/** Assigns `juror` to the project (the judging window must be open). */
export async function assign(w: JudgingWorld, juror: TestUser, submissionId: string): Promise<void> {
  await must(w.t, 'POST', `/api/editions/${w.editionId}/assignments`, {
    token: w.organizer.token,
    body: { jurorId: juror.id, submissionId },
  });
}

/** Values giving the sheet a chosen rule-1 score when every criterion has weight 1 and scale 1–10. */
export function valuesAt(criteria: Criterion[], level: number): Record<string, number> {
  return Object.fromEntries(criteria.map((c) => [c.id, level]));
}

/** Assigns (when needed) and saves a sheet; must succeed. */
export async function score(
  w: JudgingWorld,
  juror: TestUser,
  submissionId: string,
  values: Record<string, number>,
  comment = '',
): Promise<void> {
  let res = await scoreSheet(w.t, juror, submissionId, values, { comment });
  if (res.status === 403 && res.body.code === 'NOT_ASSIGNED') {
    await assign(w, juror, submissionId);
    res = await scoreSheet(w.t, juror, submissionId, values, { comment });
  }
  if (res.status !== 200) throw new Error(`sheet: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function board(
  t: TestApp,
  editionId: string,
  trackId: string | null,
  token?: string,
): Promise<Leaderboard> {
  const q = trackId ? `?trackId=${trackId}` : '';
  const res = await t.request('GET', `/api/editions/${editionId}/leaderboard${q}`, { token });
  if (res.status !== 200) throw new Error(`leaderboard: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Leaderboard;
}

export async function patchEdition(w: JudgingWorld, body: Record<string, unknown>): Promise<void> {
  await must(w.t, 'PATCH', `/api/editions/${w.editionId}`, { token: w.organizer.token, body });
}

/** The database's clock, shifted by `ms`, as an ISO string. */
export async function dbNow(t: TestApp, ms = 0): Promise<string> {
  const [{ now }]: { now: Date }[] = await t.db.query('SELECT now() AS now');
  return new Date(now.getTime() + ms).toISOString();
}

/** Waits until `check` holds (polling), or fails after `ms`. */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (v: T) => boolean,
  ms = 5000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (check(v)) return v;
    if (Date.now() > until) throw new Error(`eventually: still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const ranksOf = (b: Leaderboard) => b.rows.map((r) => [r.title, r.rank]);
