import { DELETED_USER_NAME } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { createEdition, createTrack } from './helpers/editions';
import { createJudgingWorld, endJudging, must, openJudging, type JudgingWorld } from './helpers/judging';
import { board, dbNow, patchEdition, score, valuesAt } from './helpers/ranking';
import { signUp, type TestUser } from './helpers/users';

/**
 * The retention purge (issue 13): after an edition's retention date (by the database's clock) an
 * organizer removes its participants' personal data; projects, sheets, ranks and the audit log
 * stay, naming "Deleted user" where they named a purged person.
 */
describe('POST /api/editions/:id/purge-personal-data', () => {
  let t: TestApp;
  let w: JudgingWorld;
  let member: TestUser;
  let regular: TestUser;
  let otherEditionId: string;
  const purge = () =>
    t.request('POST', `/api/editions/${w.editionId}/purge-personal-data`, { token: w.organizer.token });
  const user = async (id: string) =>
    (await t.db.query('SELECT name, email, disabled_at FROM users WHERE id = $1', [id]))[0];
  const messages = async () =>
    (
      await t.db.query(
        `SELECT edition_id = $1 AS here, kind, status, message FROM join_requests
          WHERE edition_id IN ($1, $2) ORDER BY here DESC, kind, message`,
        [w.editionId, otherEditionId],
      )
    ).map((r: { here: boolean; kind: string; status: string; message: string }) => [
      r.here ? 'this' : 'other',
      r.kind,
      r.status,
      r.message,
    ]);
  const snapshot = async () => ({
    sheets: await t.db.query(
      `SELECT to_jsonb(s) AS sheet FROM score_sheets s WHERE s.edition_id = $1 ORDER BY juror_id, submission_id`,
      [w.editionId],
    ),
    audit: Number((await t.db.query('SELECT count(*) AS n FROM audit_entries'))[0].n),
    ranks: (await board(t, w.editionId, null, w.organizer.token)).rows.map((r) => [
      r.submissionId,
      r.rank,
      r.score,
    ]),
    submissions: await t.db.query(
      `SELECT id, title, status FROM submissions WHERE edition_id = $1 ORDER BY id`,
      [w.editionId],
    ),
  });

  beforeAll(async () => {
    t = await createTestApp();
    w = await createJudgingWorld(t, { teams: 2, jurors: 1 });
    const join = async (teamIndex: number, name: string, before: (p: TestUser) => Promise<unknown>) => {
      const person = await signUp(t, name);
      await must(t, 'POST', `/api/editions/${w.editionId}/registrations`, {
        token: person.token,
        body: { skills: ['sql', 'react'], lookingForTeam: true, shareContact: true },
      });
      await before(person);
      const { inviteCode } = await must(t, 'GET', `/api/teams/${w.teams[teamIndex]!.id}`, {
        token: w.teams[teamIndex]!.captain.token,
      });
      await must(t, 'POST', '/api/teams/join', { token: person.token, body: { inviteCode } });
      return person;
    };
    // Before joining their teams: Ana asks team 1 to take her, team 0 invites Radu, each with a
    // message (joining another team closes them; their messages stay until the purge).
    member = await join(0, 'Ana Ionescu', (p) =>
      must(t, 'POST', `/api/teams/${w.teams[1]!.id}/join-requests`, {
        token: p.token,
        body: { message: 'Ana here, call me on 0722 000 111' },
      }),
    );
    regular = await join(1, 'Radu Regular', (p) =>
      must(t, 'POST', `/api/teams/${w.teams[0]!.id}/invitations`, {
        token: w.teams[0]!.captain.token,
        body: { userId: p.id, message: 'Radu, we met at the meetup: join us' },
      }),
    );
    // Radu also takes part in another edition: his account stays, and so does his request there.
    otherEditionId = (await createEdition(t, w.organizer)).id;
    await must(t, 'POST', `/api/editions/${otherEditionId}/registrations`, {
      token: regular.token,
      body: { skills: ['go'], lookingForTeam: true },
    });
    const otherTrack = await createTrack(t, w.organizer, otherEditionId, 'Elsewhere');
    const otherCaptain = await signUp(t, 'Otto Other');
    await must(t, 'POST', `/api/editions/${otherEditionId}/registrations`, {
      token: otherCaptain.token,
      body: { skills: [], lookingForTeam: false },
    });
    const otherTeam = await must(t, 'POST', `/api/editions/${otherEditionId}/teams`, {
      token: otherCaptain.token,
      body: { name: 'Elsewhere Team', trackId: otherTrack.id },
    });
    await must(t, 'POST', `/api/teams/${otherTeam.id}/join-requests`, {
      token: regular.token,
      body: { message: 'Radu again, in the other edition' },
    });
    await openJudging(t, w.editionId);
    await score(w, w.jurors[0]!, w.teams[0]!.submissionId, valuesAt(w.criteria, 9), 'Bine lucrat');
    await score(w, w.jurors[0]!, w.teams[1]!.submissionId, valuesAt(w.criteria, 6), 'OK');
    await endJudging(t, w.editionId);
    await patchEdition(w, { resultsPublishedAt: await dbNow(t, -1000) });
  }, 120_000);
  afterAll(() => t.close());

  const MESSAGES_BEFORE = [
    ['this', 'invitation', 'closed', 'Radu, we met at the meetup: join us'],
    ['this', 'request', 'closed', 'Ana here, call me on 0722 000 111'],
    ['other', 'request', 'pending', 'Radu again, in the other edition'],
  ];

  it('refuses before the retention date (a year after judging by default, or the one set) with 409, changing nothing', async () => {
    let before = await snapshot();
    const byDefault = await purge();
    expect([byDefault.status, byDefault.body.code]).toEqual([409, 'RETENTION_NOT_REACHED']);
    const judgingEndsAt = (await must(t, 'GET', `/api/editions/${w.editionId}`, { token: w.organizer.token }))
      .judgingEndsAt as string;
    const yearLater = new Date(judgingEndsAt);
    yearLater.setUTCFullYear(yearLater.getUTCFullYear() + 1);
    expect(byDefault.body.details.retentionUntil).toBe(yearLater.toISOString());

    // set in the edition's settings, a minute ahead of the database's clock: still too early
    const soon = await dbNow(t, 60_000);
    await patchEdition(w, { personalDataRetentionUntil: soon });
    before = await snapshot();
    const early = await purge();
    expect([early.status, early.body.code, early.body.details]).toEqual([
      409,
      'RETENTION_NOT_REACHED',
      { retentionUntil: soon },
    ]);
    expect(await snapshot()).toEqual(before);
    expect(await messages()).toEqual(MESSAGES_BEFORE);
    expect((await user(member.id)).name).toBe('Ana Ionescu');
    const edition = await must(t, 'GET', `/api/editions/${w.editionId}`, { token: w.organizer.token });
    expect([edition.personalDataRetentionUntil, edition.personalDataPurgedAt]).toEqual([soon, null]);
    // participants and jurors may not purge at all
    const participant = await t.request('POST', `/api/editions/${w.editionId}/purge-personal-data`, {
      token: member.token,
    });
    expect(participant.status).toBe(403);
  });

  it('after the date: clears the answers, anonymises the participants without another edition, keeps projects, sheets, ranks and the log', async () => {
    await patchEdition(w, { personalDataRetentionUntil: await dbNow(t, -1000) });
    const before = await snapshot();
    const res = await purge();
    expect(res.status).toBe(200);
    // three participants: two captains and Ana anonymised; Radu kept (another edition)
    expect(res.body).toMatchObject({
      editionId: w.editionId,
      registrationsCleared: 4,
      joinRequestMessagesCleared: 2,
      accountsAnonymised: 3,
      accountsKept: 1,
    });
    // this edition's join request and invitation keep their kind and status, not their text; the
    // other edition's request keeps its message
    expect(await messages()).toEqual([
      ['this', 'invitation', 'closed', ''],
      ['this', 'request', 'closed', ''],
      ['other', 'request', 'pending', 'Radu again, in the other edition'],
    ]);
    for (const u of [member, w.teams[0]!.captain, w.teams[1]!.captain]) {
      const row = await user(u.id);
      expect(row.name).toBe(DELETED_USER_NAME);
      expect(row.email).toBe(`deleted-${u.id}@deleted.invalid`);
      expect(row.disabled_at).not.toBeNull();
      expect((await t.request('GET', '/api/auth/me', { token: u.token })).status).toBe(401);
    }
    expect((await user(regular.id)).name).toBe('Radu Regular');
    expect((await t.request('GET', '/api/auth/me', { token: regular.token })).status).toBe(200);
    // the juror is not a participant: untouched
    expect((await user(w.jurors[0]!.id)).name).toBe('Juror 01');
    const regs: { user_id: string; skills: string[]; looking_for_team: boolean; share_contact: boolean }[] =
      await t.db.query(
        `SELECT edition_id, user_id, skills, looking_for_team, share_contact FROM registrations WHERE user_id = $1 OR edition_id = $2`,
        [regular.id, w.editionId],
      );
    for (const r of regs.filter((x: any) => x.edition_id === w.editionId))
      expect([r.skills, r.looking_for_team, r.share_contact]).toEqual([[], false, false]);
    expect(regs.find((x: any) => x.edition_id === otherEditionId)).toMatchObject({
      skills: ['go'],
      looking_for_team: true,
    });

    const after = await snapshot();
    expect(after.sheets).toEqual(before.sheets);
    expect(after.ranks).toEqual(before.ranks);
    expect(after.submissions).toEqual(before.submissions);
    expect(after.audit).toBe(before.audit + 1);
    const team = await must(t, 'GET', `/api/teams/${w.teams[0]!.id}`, { token: w.organizer.token });
    expect(team.members.map((m: { name: string }) => m.name).sort()).toEqual([
      DELETED_USER_NAME,
      DELETED_USER_NAME,
    ]);
    const participants = (
      await t.request('GET', `/api/editions/${w.editionId}/exports/participants.csv`, {
        token: w.organizer.token,
      })
    ).body as string;
    expect(participants).not.toContain('Ana Ionescu');
    expect(participants).not.toContain(member.email);

    const log = await must(
      t,
      'GET',
      `/api/editions/${w.editionId}/audit?action=edition.personal_data_purged`,
      { token: w.organizer.token },
    );
    expect(log.items).toEqual([
      expect.objectContaining({
        entity: 'edition',
        actorId: w.organizer.id,
        entityId: w.editionId,
        after: {
          registrationsCleared: 4,
          joinRequestMessagesCleared: 2,
          accountsAnonymised: 3,
          accountsKept: 1,
        },
      }),
    ]);
    const edition = await must(t, 'GET', `/api/editions/${w.editionId}`, { token: w.organizer.token });
    expect(edition.personalDataPurgedAt).toBe(res.body.purgedAt);

    // again: nothing left to purge, nothing else changed
    const again = await purge();
    expect(again.body).toMatchObject({
      joinRequestMessagesCleared: 0,
      accountsAnonymised: 0,
      accountsKept: 1,
    });
    expect((await snapshot()).ranks).toEqual(before.ranks);
  });
});
