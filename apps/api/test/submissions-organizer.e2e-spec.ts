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

/** Organizers: the list of an edition's submissions with filters, disqualification and reinstatement. */
describe('submissions for organizers', () => {
  let t: TestApp;
  let w: SubmissionWorld;
  /** Health: Alpha (submitted), Bravo (draft), Charlie (submitted); Tourism: Delta (submitted). Echo never saved. */
  const teams: Record<string, TestTeam> = {};
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    const plan: [string, 'health' | 'tourism', boolean][] = [
      ['Charlie', 'health', true],
      ['alpha', 'health', true],
      ['Bravo', 'health', false],
      ['Delta', 'tourism', true],
    ];
    for (const [name, track, submit] of plan) {
      const team = await createTeam(t, w, { name, trackId: w.tracks[track] });
      const token = team.members[0]!.token;
      const saved = await t.request('PUT', `/api/teams/${team.id}/submission`, {
        token,
        body: draft(`${name} app`),
      });
      if (submit) await t.request('POST', `/api/teams/${team.id}/submission/submit`, { token });
      teams[name] = team;
      ids[name] = saved.body.id;
    }
    teams.Echo = await createTeam(t, w, { name: 'Echo' });
  });
  afterAll(() => t.close());

  const list = (query = '', token = w.organizer.token) =>
    t.request('GET', `/api/editions/${w.editionId}/submissions${query}`, { token });
  const names = (res: { body: { items: { teamName: string }[] } }) => res.body.items.map((i) => i.teamName);

  it('lists every saved submission in team-name order, with the team name and status', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(['alpha', 'Bravo', 'Charlie', 'Delta']);
    expect(res.body.items[1]).toMatchObject({
      id: ids.Bravo,
      teamId: teams.Bravo!.id,
      teamName: 'Bravo',
      trackId: w.tracks.health,
      title: 'Bravo app',
      status: 'draft',
      disqualified: false,
    });
    expect(res.body.nextCursor).toBeNull();
  });

  it('filters by track and status', async () => {
    expect(names(await list(`?trackId=${w.tracks.tourism}`))).toEqual(['Delta']);
    expect(names(await list('?status=draft'))).toEqual(['Bravo']);
    expect(names(await list(`?status=submitted&trackId=${w.tracks.health}`))).toEqual(['alpha', 'Charlie']);
  });

  it('pages with a cursor', async () => {
    const first = await list('?limit=3');
    expect(names(first)).toEqual(['alpha', 'Bravo', 'Charlie']);
    const second = await list(`?limit=3&cursor=${first.body.nextCursor}`);
    expect(names(second)).toEqual(['Delta']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('refuses bad filters with 400 naming them, and is for organizers only', async () => {
    for (const [query, field] of [
      ['?status=final', 'status'],
      ['?trackId=nope', 'trackId'],
      ['?limit=0', 'limit'],
      ['?cursor=garbage', 'cursor'],
      ['?color=red', 'body'],
    ]) {
      const res = await list(query);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.message).toMatch(new RegExp(`^${field}: `));
    }
    const member = await list('', teams.alpha!.members[0]!.token);
    expect(member.status).toBe(403);
    expect((await t.request('GET', `/api/editions/${w.editionId}/submissions`)).status).toBe(401);
    const unknown = await t.request('GET', '/api/editions/00000000-0000-4000-8000-000000000000/submissions', {
      token: w.organizer.token,
    });
    expect(unknown.status).toBe(404);
  });

  describe('disqualification', () => {
    const disqualify = (id: string, body: unknown, token = w.organizer.token) =>
      t.request('POST', `/api/submissions/${id}/disqualify`, { token, body });

    it('marks the submission, keeps the reason in the audit log, and makes it read-only', async () => {
      await setTimeline(t, w.editionId, { deadline: '1 day' });
      const team = await createTeam(t, w, { name: 'Foxtrot' });
      const token = team.members[0]!.token;
      const saved = await t.request('PUT', `/api/teams/${team.id}/submission`, {
        token,
        body: draft('Copied'),
      });
      await t.request('POST', `/api/teams/${team.id}/submission/submit`, { token });

      const res = await disqualify(saved.body.id, { reason: 'Plagiarised from another hackathon' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: saved.body.id,
        status: 'submitted',
        disqualified: true,
        disqualifiedReason: 'Plagiarised from another hackathon',
      });
      const audit = await t.request('GET', `/api/editions/${w.editionId}/audit?limit=1`, {
        token: w.organizer.token,
      });
      expect(audit.body.items[0]).toMatchObject({
        action: 'submission.disqualified',
        actorId: w.organizer.id,
        entity: 'submission',
        entityId: saved.body.id,
        before: { disqualified: false, reason: null },
        after: { disqualified: true, reason: 'Plagiarised from another hackathon' },
      });

      const versions = await rowCount(t, 'submission_versions');
      for (const [method, rest, body] of [
        ['PUT', '', draft('Sneaky fix')],
        ['POST', '/submit', undefined],
        ['POST', '/unsubmit', undefined],
      ] as const) {
        const r = await t.request(method, `/api/teams/${team.id}/submission${rest}`, { token, body });
        expect([method, rest, r.status, r.body.code]).toEqual([method, rest, 403, 'FORBIDDEN']);
      }
      expect(await rowCount(t, 'submission_versions')).toBe(versions);
      const read = await t.request('GET', `/api/teams/${team.id}/submission`, { token });
      expect(read.body).toMatchObject({
        disqualified: true,
        disqualifiedReason: 'Plagiarised from another hackathon',
      });
      expect(names(await list('?disqualified=true'))).toEqual(['Foxtrot']);
      expect(names(await list('?disqualified=false'))).not.toContain('Foxtrot');

      // Reinstated, the team may write again; that is audited too.
      const back = await t.request('POST', `/api/submissions/${saved.body.id}/reinstate`, {
        token: w.organizer.token,
      });
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ disqualified: false, disqualifiedReason: null });
      expect(
        (await t.request('PUT', `/api/teams/${team.id}/submission`, { token, body: draft('Own work') }))
          .status,
      ).toBe(200);
      const audit2 = await t.request('GET', `/api/editions/${w.editionId}/audit?limit=1`, {
        token: w.organizer.token,
      });
      expect(audit2.body.items[0]).toMatchObject({
        action: 'submission.reinstated',
        entityId: saved.body.id,
      });
    });

    it('needs a reason (400 naming reason), and is for organizers only; nothing is written otherwise', async () => {
      const auditBefore = await rowCount(t, 'audit_entries');
      for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(2001) }]) {
        const res = await disqualify(ids.Charlie!, body);
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/^reason: /);
      }
      const member = await disqualify(ids.Delta!, { reason: 'rival' }, teams.alpha!.members[0]!.token);
      expect(member.status).toBe(403);
      expect(
        (
          await t.request('POST', `/api/submissions/${ids.Delta}/reinstate`, {
            token: teams.Delta!.members[0]!.token,
          })
        ).status,
      ).toBe(403);
      const unknown = await disqualify('00000000-0000-4000-8000-000000000000', { reason: 'x' });
      expect(unknown.status).toBe(404);
      expect(await rowCount(t, 'audit_entries')).toBe(auditBefore);
      const [row] = await t.db.query('SELECT disqualified_at FROM submissions WHERE id = $1', [ids.Charlie]);
      expect(row.disqualified_at).toBeNull();
    });
  });
});
