import { createTestApp, type TestApp } from './helpers/app';
import {
  createTeam,
  createWorld,
  draft,
  rowCount,
  setTimeline,
  type SubmissionWorld,
  type TestTeam,
} from './helpers/submission-fixtures';

/** `POST /api/teams/:id/extension`: a later deadline for one team, audited. */
describe('deadline extensions', () => {
  let t: TestApp;
  let w: SubmissionWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const path = (team: TestTeam, rest = '') => `/api/teams/${team.id}/submission${rest}`;
  /** An instant relative to the database's clock, as the ISO string a client sends. */
  const dbTime = async (interval: string): Promise<string> => {
    const [{ at }] = await t.db.query('SELECT now() + $1::interval AS at', [interval]);
    return (at as Date).toISOString();
  };
  const extend = (team: TestTeam, until: unknown, token = w.organizer.token) =>
    t.request('POST', `/api/teams/${team.id}/extension`, { token, body: { until } });
  const teamDeadline = async (team: TestTeam): Promise<Date | null> =>
    (await t.db.query('SELECT extended_deadline FROM teams WHERE id = $1', [team.id]))[0].extended_deadline;

  async function teamWithDraft(): Promise<TestTeam> {
    await setTimeline(t, w.editionId, { deadline: '1 day' });
    const team = await createTeam(t, w);
    expect(
      (await t.request('PUT', path(team), { token: team.members[0]!.token, body: draft() })).status,
    ).toBe(200);
    return team;
  }

  it('lets that team alone save and submit after the edition deadline, until its own', async () => {
    const extended = await teamWithDraft();
    const other = await teamWithDraft();
    await setTimeline(t, w.editionId, { deadline: '-1 minute' });
    const until = await dbTime('1 hour');
    const auditBefore = await rowCount(t, 'audit_entries');

    const res = await extend(extended, until);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ teamId: extended.id, extendedDeadline: until, deadline: until });

    const token = extended.members[0]!.token;
    const saved = await t.request('PUT', path(extended), { token, body: draft('Extended work') });
    expect(saved.status).toBe(200);
    expect(saved.body.deadline).toBe(until);
    expect((await t.request('POST', path(extended, '/submit'), { token })).body.status).toBe('submitted');

    const refused = await t.request('POST', path(other, '/submit'), { token: other.members[0]!.token });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('DEADLINE_PASSED');

    expect(await rowCount(t, 'audit_entries')).toBe(auditBefore + 1);
    const audit = await t.request('GET', `/api/editions/${w.editionId}/audit`, { token: w.organizer.token });
    expect(audit.body.items[0]).toMatchObject({
      action: 'extension.granted',
      actorId: w.organizer.id,
      entity: 'team',
      entityId: extended.id,
      before: { extendedDeadline: null },
      after: { extendedDeadline: until },
    });
  });

  it('ends to the second: 1 second before the extended deadline passes, 1 second after is DEADLINE_PASSED', async () => {
    const team = await teamWithDraft();
    const token = team.members[0]!.token;
    await setTimeline(t, w.editionId, { deadline: '-1 hour' });
    expect((await extend(team, await dbTime('1 second'))).status).toBe(200);
    expect((await t.request('POST', path(team, '/submit'), { token })).status).toBe(200);

    expect((await extend(team, await dbTime('-1 second'))).status).toBe(200);
    const late = await t.request('POST', path(team, '/unsubmit'), { token });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('DEADLINE_PASSED');
    expect((await t.request('GET', path(team), { token })).body.status).toBe('submitted');
  });

  it('can be withdrawn (until: null), audited as extension.withdrawn', async () => {
    const team = await teamWithDraft();
    await setTimeline(t, w.editionId, { deadline: '-1 minute' });
    const until = await dbTime('1 hour');
    await extend(team, until);
    const res = await extend(team, null);
    expect(res.status).toBe(200);
    expect(res.body.extendedDeadline).toBeNull();
    expect(Date.parse(res.body.deadline)).toBeLessThan(Date.parse(until));
    const late = await t.request('PUT', path(team), { token: team.members[0]!.token, body: draft('Late') });
    expect(late.body.code).toBe('DEADLINE_PASSED');
    const audit = await t.request('GET', `/api/editions/${w.editionId}/audit?limit=1`, {
      token: w.organizer.token,
    });
    expect(audit.body.items[0]).toMatchObject({
      action: 'extension.withdrawn',
      before: { extendedDeadline: until },
      after: { extendedDeadline: null },
    });
  });

  it("yields to the edition's deadline when that is later (the team's deadline is the later of the two)", async () => {
    const team = await teamWithDraft();
    await setTimeline(t, w.editionId, { deadline: '-1 minute' });
    await extend(team, await dbTime('1 hour'));
    await setTimeline(t, w.editionId, { deadline: '2 hours' });
    const [{ deadline }] = await t.db.query(
      'SELECT submission_deadline AS deadline FROM editions WHERE id = $1',
      [w.editionId],
    );
    const read = await t.request('GET', path(team), { token: team.members[0]!.token });
    expect(read.body.deadline).toBe(deadline.toISOString());
  });

  it('must fall after the edition deadline and before judging ends, else 400 naming until, writing nothing', async () => {
    const team = await teamWithDraft();
    await setTimeline(t, w.editionId, { deadline: '-1 minute', judging: '1 day' });
    const [e] = await t.db.query(
      'SELECT submission_deadline AS deadline, judging_ends_at AS judging FROM editions WHERE id = $1',
      [w.editionId],
    );
    const auditBefore = await rowCount(t, 'audit_entries');
    for (const until of [
      e.deadline.toISOString(),
      new Date(e.deadline.getTime() - 60_000).toISOString(),
      e.judging.toISOString(),
      new Date(e.judging.getTime() + 60_000).toISOString(),
      'tomorrow',
      '2030-01-01T10:00:00', // no offset: ambiguous
    ]) {
      const res = await extend(team, until);
      expect([until, res.status, res.body.code]).toEqual([until, 400, 'VALIDATION_FAILED']);
      expect(res.body.message).toMatch(/^until: /);
    }
    for (const body of [{}, { until: new Date(e.deadline.getTime() + 60_000).toISOString(), extra: 1 }]) {
      const res = await t.request('POST', `/api/teams/${team.id}/extension`, {
        token: w.organizer.token,
        body,
      });
      expect(res.status).toBe(400);
    }
    expect(await teamDeadline(team)).toBeNull();
    expect(await rowCount(t, 'audit_entries')).toBe(auditBefore);
    // Just inside both bounds is fine.
    const ok = await extend(team, new Date(e.judging.getTime() - 1000).toISOString());
    expect(ok.status).toBe(200);
  });

  it('keeps judging after every extension: a timeline PATCH ending judging at or before one is refused (409 EXTENSION_PAST_JUDGING), writing nothing', async () => {
    // Only this test's extension counts (earlier tests of this file granted others).
    await t.db.query('UPDATE teams SET extended_deadline = NULL WHERE edition_id = $1', [w.editionId]);
    const team = await teamWithDraft();
    await setTimeline(t, w.editionId, { deadline: '-1 minute', judging: '2 days' });
    const until = await dbTime('1 day');
    expect((await extend(team, until)).status).toBe(200);
    const judgingBefore = (
      await t.db.query('SELECT judging_ends_at FROM editions WHERE id = $1', [w.editionId])
    )[0].judging_ends_at as Date;
    const auditBefore = await rowCount(t, 'audit_entries');
    const patch = (judgingEndsAt: string) =>
      t.request('PATCH', `/api/editions/${w.editionId}`, {
        token: w.organizer.token,
        body: { judgingEndsAt },
      });

    for (const judgingEndsAt of [await dbTime('12 hours'), until]) {
      const res = await patch(judgingEndsAt);
      expect([judgingEndsAt, res.status, res.body.code]).toEqual([
        judgingEndsAt,
        409,
        'EXTENSION_PAST_JUDGING',
      ]);
      expect(res.body.message).toMatch(/^judgingEndsAt: /);
      expect(res.body.message).toContain(until);
    }
    const [row] = await t.db.query('SELECT judging_ends_at FROM editions WHERE id = $1', [w.editionId]);
    expect(row.judging_ends_at).toEqual(judgingBefore);
    expect(await teamDeadline(team)).toEqual(new Date(until));
    expect(await rowCount(t, 'audit_entries')).toBe(auditBefore);

    // A second after the extension is fine; so is any end once the extension is withdrawn.
    const justAfter = new Date(Date.parse(until) + 1000).toISOString();
    expect((await patch(justAfter)).status).toBe(200);
    expect((await extend(team, null)).status).toBe(200);
    expect((await patch(await dbTime('12 hours'))).status).toBe(200);
  });

  it('a timeline PATCH that leaves judgingEndsAt alone is not held up by extensions', async () => {
    const team = await teamWithDraft();
    await setTimeline(t, w.editionId, { deadline: '-1 minute', judging: '2 days' });
    expect((await extend(team, await dbTime('1 day'))).status).toBe(200);
    const res = await t.request('PATCH', `/api/editions/${w.editionId}`, {
      token: w.organizer.token,
      body: { name: 'Renamed edition' },
    });
    expect(res.status).toBe(200);
  });

  it('is for organizers only (403 for members, 401 anonymous, 404 for an unknown team)', async () => {
    const team = await teamWithDraft();
    const until = await dbTime('1 day 1 hour');
    const member = await extend(team, until, team.members[0]!.token);
    expect(member.status).toBe(403);
    expect(member.body.code).toBe('FORBIDDEN');
    expect((await t.request('POST', `/api/teams/${team.id}/extension`, { body: { until } })).status).toBe(
      401,
    );
    const unknown = await t.request('POST', '/api/teams/00000000-0000-4000-8000-000000000000/extension', {
      token: w.organizer.token,
      body: { until },
    });
    expect(unknown.status).toBe(404);
    expect(await teamDeadline(team)).toBeNull();
  });
});
