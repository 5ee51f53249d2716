import { DELETED_USER_NAME } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { createJudgingWorld, must, openJudging, type JudgingWorld } from './helpers/judging';
import { score, valuesAt } from './helpers/ranking';
import { signUp, type TestUser } from './helpers/users';

describe('DELETE /api/auth/me', () => {
  let t: TestApp;
  let w: JudgingWorld;
  let memberA: TestUser;
  let memberB: TestUser;
  const del = (u: TestUser, password = u.password) =>
    t.request('DELETE', '/api/auth/me', { token: u.token, body: { password } });
  const userRow = async (id: string) =>
    (await t.db.query('SELECT name, email, disabled_at FROM users WHERE id = $1', [id]))[0];
  const joinTeam = async (teamIndex: number, name: string) => {
    const person = await signUp(t, name);
    await must(t, 'POST', `/api/editions/${w.editionId}/registrations`, {
      token: person.token,
      body: { skills: ['sql'], lookingForTeam: false },
    });
    const { inviteCode } = await must(t, 'GET', `/api/teams/${w.teams[teamIndex]!.id}`, {
      token: w.teams[teamIndex]!.captain.token,
    });
    await must(t, 'POST', '/api/teams/join', { token: person.token, body: { inviteCode } });
    return person;
  };
  const csv = async (kind: string) =>
    (await t.request('GET', `/api/editions/${w.editionId}/exports/${kind}.csv`, { token: w.organizer.token }))
      .body as string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createJudgingWorld(t, { teams: 2, jurors: 1 });
    memberA = await joinTeam(0, 'Ana Ionescu');
    memberB = await joinTeam(1, 'Bogdan Popescu');
  });
  afterAll(() => t.close());

  it('refuses a wrong password and changes nothing', async () => {
    const res = await del(w.teams[0]!.captain, 'not my password at all');
    expect([res.status, res.body.code]).toEqual([403, 'WRONG_PASSWORD']);
    expect((await userRow(w.teams[0]!.captain.id)).name).toBe('Captain of Team 001');
    expect((await t.request('GET', '/api/auth/me', { token: w.teams[0]!.captain.token })).status).toBe(200);
    const missing = await t.request('DELETE', '/api/auth/me', { token: memberA.token, body: {} });
    expect([missing.status, missing.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('while teams are open: leaves the team (captaincy passes on), anonymises the person everywhere, ends sessions', async () => {
    const captain = w.teams[0]!.captain;
    expect((await del(captain)).status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { token: captain.token })).status).toBe(401);
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: captain.email, password: captain.password },
    });
    expect(login.status).toBe(401);
    const row = await userRow(captain.id);
    expect(row.name).toBe(DELETED_USER_NAME);
    expect(row.email).toBe(`deleted-${captain.id}@deleted.invalid`);
    expect(row.disabled_at).not.toBeNull();
    const team = await must(t, 'GET', `/api/teams/${w.teams[0]!.id}`, { token: w.organizer.token });
    expect(team.captainId).toBe(memberA.id);
    expect(team.members.map((m: { userId: string }) => m.userId)).toEqual([memberA.id]);
    const participants = await csv('participants');
    expect(participants).not.toContain('Captain of Team 001');
    expect(participants).not.toContain(captain.email);
    const log = await must(t, 'GET', `/api/audit?action=user.deleted`, { token: w.organizer.token });
    expect(log.items).toEqual([
      expect.objectContaining({
        actorId: captain.id,
        entityId: captain.id,
        after: { teamsLeft: 1, teamsKept: 0 },
      }),
    ]);
  });

  it('keeps a juror’s sheets and audit entries, naming nobody, and the board unchanged', async () => {
    await openJudging(t, w.editionId);
    const juror = w.jurors[0]!;
    await score(w, juror, w.teams[1]!.submissionId, valuesAt(w.criteria, 9), 'Bine lucrat');
    const before = await must(t, 'GET', `/api/editions/${w.editionId}/leaderboard`, {
      token: w.organizer.token,
    });
    expect((await del(juror)).status).toBe(204);
    const sheets = await t.db.query('SELECT juror_id, comment FROM score_sheets WHERE edition_id = $1', [
      w.editionId,
    ]);
    expect(sheets).toEqual([{ juror_id: juror.id, comment: 'Bine lucrat' }]);
    const audit = await must(
      t,
      'GET',
      `/api/editions/${w.editionId}/audit?actorId=${juror.id}&action=score.saved`,
      {
        token: w.organizer.token,
      },
    );
    expect(audit.items).toHaveLength(1);
    const scores = await csv('scores');
    expect(scores).toContain(DELETED_USER_NAME);
    expect(scores).not.toContain('Juror 01');
    const after = await must(t, 'GET', `/api/editions/${w.editionId}/leaderboard`, {
      token: w.organizer.token,
    });
    expect(after.rows.map((r: any) => [r.submissionId, r.rank, r.score, r.sheets])).toEqual(
      before.rows.map((r: any) => [r.submissionId, r.rank, r.score, r.sheets]),
    );
  });

  it('after the teams lock: the membership stays, under the anonymous name', async () => {
    expect((await del(memberB)).status).toBe(204);
    const team = await must(t, 'GET', `/api/teams/${w.teams[1]!.id}`, { token: w.organizer.token });
    expect(team.members).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: memberB.id, name: DELETED_USER_NAME })]),
    );
    expect(await csv('teams')).not.toContain('Bogdan Popescu');
    const log = await must(t, 'GET', `/api/audit?action=user.deleted&actorId=${memberB.id}`, {
      token: w.organizer.token,
    });
    expect(log.items[0].after).toEqual({ teamsLeft: 0, teamsKept: 1 });
  });

  it("refuses an organizer's account and anonymous callers", async () => {
    const res = await del(w.organizer);
    expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await t.request('DELETE', '/api/auth/me', { body: { password: 'x' } })).status).toBe(401);
  });
});
