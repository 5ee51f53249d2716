import { TERMS_VERSION } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { createJudgingWorld, must, openJudging, type JudgingWorld } from './helpers/judging';
import { score, valuesAt } from './helpers/ranking';

describe('GET /api/auth/me/data', () => {
  let t: TestApp;
  let w: JudgingWorld;
  const comment = 'Comentariu privat al jurizării';
  beforeAll(async () => {
    t = await createTestApp();
    w = await createJudgingWorld(t, { teams: 2, jurors: 1 });
    await openJudging(t, w.editionId);
    await score(w, w.jurors[0]!, w.teams[0]!.submissionId, valuesAt(w.criteria, 8), comment);
  });
  afterAll(() => t.close());

  it('gives a participant their account, registration, team and project history as a JSON attachment', async () => {
    const captain = w.teams[0]!.captain;
    const res = await t.request('GET', '/api/auth/me/data', { token: captain.token });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="challenge-accepted-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const d = res.body;
    expect(d.account).toMatchObject({
      id: captain.id,
      email: captain.email,
      name: 'Captain of Team 001',
      isOrganizer: false,
      // the consent given at sign-up and the mail settings (issue 13)
      language: 'en',
      termsVersion: TERMS_VERSION,
      termsAcceptedAt: expect.any(String),
      notifications: { joinRequests: true, deadlineReminders: true, results: true },
    });
    expect(d.registrations).toEqual([
      expect.objectContaining({ edition_id: w.editionId, user_id: captain.id }),
    ]);
    expect(d.teamMemberships).toEqual([
      expect.objectContaining({ team_id: w.teams[0]!.id, team_name: 'Team 001', captain: true }),
    ]);
    expect(d.submissionVersions.length).toBeGreaterThanOrEqual(2); // the save and the submit
    expect(d.submissionVersions.every((v: { author_id: string }) => v.author_id === captain.id)).toBe(true);
    expect(d.scoreSheets).toEqual([]);
    expect(d.juries).toEqual([]);
    // Nobody else's data, and no secret.
    const text = JSON.stringify(d);
    expect(text).not.toContain(w.teams[1]!.captain.email);
    expect(text).not.toContain(comment);
    expect(text).not.toMatch(/password|token_hash|\$argon2/);
  });

  it('gives a juror their jury role, sheets with comments, and what they did in the audit log', async () => {
    const juror = w.jurors[0]!;
    const d = (await must(t, 'GET', '/api/auth/me/data', { token: juror.token })) as any;
    expect(d.account.id).toBe(juror.id);
    expect(d.juries).toEqual([expect.objectContaining({ edition_id: w.editionId, user_id: juror.id })]);
    expect(d.scoreSheets).toEqual([
      expect.objectContaining({ submission_id: w.teams[0]!.submissionId, comment, juror_id: juror.id }),
    ]);
    expect(d.auditEntries.map((e: { action: string }) => e.action)).toContain('score.saved');
    expect(d.auditEntries.every((e: { actor_id: string }) => e.actor_id === juror.id)).toBe(true);
    expect(d.registrations).toEqual([]);
  });

  it('needs a session', async () => {
    const res = await t.request('GET', '/api/auth/me/data');
    expect([res.status, res.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
