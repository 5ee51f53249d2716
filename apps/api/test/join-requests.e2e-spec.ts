import { JoinRequestSchema } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { DAY, HOUR, count, createEdition, createTrack, registered, setTimeline } from './helpers/editions';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

/**
 * Join requests and team invitations (issue 9): the team-finder connects people. Accepting joins
 * through the same race-safe path as an invite code.
 */
describe('join requests and team invitations', () => {
  let t: TestApp;
  let org: TestUser;
  let editionId: string;
  let trackId: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await signUpOrganizer(t);
    editionId = (await createEdition(t, org, { teamMaxSize: 3 })).id;
    trackId = (await createTrack(t, org, editionId, 'Health')).id;
  });
  afterAll(() => t.close());

  const person = (name: string, body: { lookingForTeam?: boolean; shareContact?: boolean } = {}) =>
    registered(t, editionId, { lookingForTeam: true, ...body }, name);
  let teamSeq = 0;
  async function team(captain: TestUser, edition = editionId, track = trackId) {
    const res = await t.request('POST', `/api/editions/${edition}/teams`, {
      token: captain.token,
      body: { name: `Team ${++teamSeq}`, trackId: track },
    });
    if (res.status !== 201) throw new Error(`team: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; inviteCode: string };
  }
  const ask = (u: TestUser, teamId: string, message = 'I build React apps and would love to help') =>
    t.request('POST', `/api/teams/${teamId}/join-requests`, { token: u.token, body: { message } });
  const invite = (captain: TestUser, teamId: string, userId: string, message = 'Join us!') =>
    t.request('POST', `/api/teams/${teamId}/invitations`, {
      token: captain.token,
      body: { userId, message },
    });
  const act = (u: TestUser, id: string, action: 'accept' | 'decline' | 'withdraw') =>
    t.request('POST', `/api/join-requests/${id}/${action}`, { token: u.token });
  const inbox = async (u: TestUser, query = '') => {
    const res = await t.request('GET', `/api/editions/${editionId}/join-requests${query}`, {
      token: u.token,
    });
    expect(res.status).toBe(200);
    return res.body.items as { id: string; kind: string; status: string; userId: string; teamId: string }[];
  };
  const members = async (teamId: string) =>
    ((await t.request('GET', `/api/teams/${teamId}`)).body.members as { userId: string }[]).map(
      (m) => m.userId,
    );

  it('a participant asks with a message; the captain sees it, accepts, and the participant is in', async () => {
    const captain = await person('Carla Captain', { lookingForTeam: false });
    const mate = await person('Mara Member');
    const a = await team(captain);
    await t.request('POST', '/api/teams/join', { token: mate.token, body: { inviteCode: a.inviteCode } });
    const ana = await person('Ana Asker');

    const res = await ask(ana, a.id);
    expect(res.status).toBe(201);
    expect(JoinRequestSchema.parse(res.body)).toMatchObject({
      kind: 'request',
      teamId: a.id,
      teamName: expect.any(String),
      userId: ana.id,
      userName: 'Ana Asker',
      userEmail: null,
      message: 'I build React apps and would love to help',
      status: 'pending',
      createdBy: ana.id,
      decidedAt: null,
    });
    // Both sides list it: the team (any member) as incoming, the person as outgoing.
    expect((await inbox(captain, '?direction=incoming')).map((r) => r.id)).toEqual([res.body.id]);
    expect((await inbox(mate)).map((r) => r.id)).toEqual([res.body.id]);
    expect(await inbox(captain, '?direction=outgoing')).toEqual([]);
    expect((await inbox(ana, '?direction=outgoing')).map((r) => r.id)).toEqual([res.body.id]);
    expect(await inbox(ana, '?direction=incoming')).toEqual([]);

    // Only the captain decides: not another member, not the asker, not a stranger.
    for (const who of [mate, ana, await person('Stranger')]) {
      expect((await act(who, res.body.id, 'accept')).status).toBe(403);
    }
    const accepted = await act(captain, res.body.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.request).toMatchObject({ status: 'accepted', decidedBy: captain.id });
    expect(accepted.body.team.members.map((m: { userId: string }) => m.userId)).toEqual([
      captain.id,
      mate.id,
      ana.id,
    ]);
    expect(await members(a.id)).toContain(ana.id);
    expect(
      (await t.request('GET', `/api/editions/${editionId}/teams/me`, { token: ana.token })).body.id,
    ).toBe(a.id);
    // Answered once: a second answer is 409 NOT_PENDING.
    const again = await act(captain, res.body.id, 'decline');
    expect([again.status, again.body.code]).toEqual([409, 'NOT_PENDING']);
    // Pending lists are empty now; `status=all` still shows it.
    expect(await inbox(captain)).toEqual([]);
    expect((await inbox(captain, '?status=all')).map((r) => r.status)).toEqual(['accepted']);
    const entries: { action: string; actor_id: string }[] = await t.db.query(
      `SELECT action, actor_id FROM audit_entries WHERE entity_id = $1`,
      [res.body.id],
    );
    expect(entries).toEqual([{ action: 'join_request.accepted', actor_id: captain.id }]);
  });

  it('a captain invites a person looking for a team, who accepts; declines are audited', async () => {
    const captain = await person('Ion Inviter', { lookingForTeam: false });
    const b = await team(captain);
    const dora = await person('Dora Decliner');
    const eli = await person('Eli Accepter');

    const toDora = await invite(captain, b.id, dora.id);
    expect(toDora.status).toBe(201);
    expect(toDora.body).toMatchObject({ kind: 'invitation', userId: dora.id, createdBy: captain.id });
    expect((await inbox(dora, '?direction=incoming')).map((r) => r.id)).toEqual([toDora.body.id]);
    expect((await inbox(captain, '?direction=outgoing')).map((r) => r.id)).toEqual([toDora.body.id]);
    // The captain cannot answer the team's own invitation; only Dora can.
    expect((await act(captain, toDora.body.id, 'accept')).status).toBe(403);
    const declined = await act(dora, toDora.body.id, 'decline');
    expect(declined.body).toMatchObject({ status: 'declined', decidedBy: dora.id });
    expect(await members(b.id)).toEqual([captain.id]);

    const toEli = await invite(captain, b.id, eli.id);
    const accepted = await act(eli, toEli.body.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(await members(b.id)).toEqual([captain.id, eli.id]);
    const actions: { action: string }[] = await t.db.query(
      `SELECT action FROM audit_entries WHERE entity_id = ANY($1::text[]) ORDER BY at`,
      [[toDora.body.id, toEli.body.id]],
    );
    expect(actions.map((a) => a.action)).toEqual(['join_request.declined', 'join_request.accepted']);
  });

  it('invites only registered people looking for a team and without one; only the captain invites', async () => {
    const captain = await person('Cap', { lookingForTeam: false });
    const c = await team(captain);
    const busy = await person('Not Looking', { lookingForTeam: false });
    const other = await person('Other Captain', { lookingForTeam: true });
    await team(other);
    const outsider = await signUp(t, 'Not Registered');
    const looking = await person('Looking');

    const notLooking = await invite(captain, c.id, busy.id);
    expect([notLooking.status, notLooking.body.code]).toEqual([409, 'NOT_LOOKING_FOR_TEAM']);
    // Registered as looking, but has a team now.
    const inTeam = await invite(captain, c.id, other.id);
    expect([inTeam.status, inTeam.body.code]).toEqual([409, 'NOT_LOOKING_FOR_TEAM']);
    expect((await invite(captain, c.id, outsider.id)).status).toBe(404);
    const mate = await person('Mate');
    await t.request('POST', '/api/teams/join', { token: mate.token, body: { inviteCode: c.inviteCode } });
    expect((await invite(mate, c.id, looking.id)).status).toBe(403);
    expect(await count(t, 'join_requests', 'team_id = $1', [c.id])).toBe(0);
  });

  it('refuses a second pending one between a team and a person, whichever side sent it', async () => {
    const captain = await person('Pat', { lookingForTeam: false });
    const d = await team(captain);
    const fred = await person('Fred');
    const first = await ask(fred, d.id);
    const twice = await ask(fred, d.id);
    expect([twice.status, twice.body.code]).toEqual([409, 'REQUEST_PENDING']);
    expect(twice.body.details).toMatchObject({ id: first.body.id, kind: 'request' });
    const crossed = await invite(captain, d.id, fred.id);
    expect([crossed.status, crossed.body.code]).toEqual([409, 'REQUEST_PENDING']);
    // Once withdrawn, a new one may be sent.
    expect((await act(captain, first.body.id, 'withdraw')).status).toBe(403);
    expect((await act(fred, first.body.id, 'withdraw')).body.status).toBe('withdrawn');
    expect((await act(captain, first.body.id, 'accept')).body.code).toBe('NOT_PENDING');
    expect((await invite(captain, d.id, fred.id)).status).toBe(201);
  });

  it('validates the message (at most 500 characters) and refuses people who cannot join', async () => {
    const captain = await person('Vera', { lookingForTeam: false });
    const e = await team(captain);
    const gina = await person('Gina');
    const long = await ask(gina, e.id, 'x'.repeat(501));
    expect([long.status, long.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(long.body.message).toContain('message');
    expect((await ask(gina, e.id, 'y'.repeat(500))).status).toBe(201);
    // Already in a team (the captain of another), not registered, unknown team.
    const other = await team(await person('Hugo'));
    const own = await ask(captain, other.id);
    expect([own.status, own.body.code]).toEqual([409, 'ALREADY_IN_TEAM']);
    expect((await ask(await signUp(t), e.id)).status).toBe(403);
    expect((await ask(gina, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.request('POST', `/api/teams/${e.id}/join-requests`, { body: {} })).status).toBe(401);
  });

  it('closes a person’s other pending requests and invitations when they join a team, by any path', async () => {
    const [c1, c2, c3] = [await person('C1'), await person('C2'), await person('C3')];
    const [t1, t2, t3] = [await team(c1), await team(c2), await team(c3)];
    const ivy = await person('Ivy');
    const r1 = (await ask(ivy, t1.id)).body.id;
    const r2 = (await ask(ivy, t2.id)).body.id;
    const i3 = (await invite(c3, t3.id, ivy.id)).body.id;
    expect((await act(c1, r1, 'accept')).status).toBe(200);
    const status = async (id: string) =>
      ((await t.db.query('SELECT status FROM join_requests WHERE id = $1', [id])) as { status: string }[])[0]!
        .status;
    expect([await status(r1), await status(r2), await status(i3)]).toEqual(['accepted', 'closed', 'closed']);
    expect((await act(c2, r2, 'accept')).body.code).toBe('NOT_PENDING');
    expect((await act(ivy, i3, 'accept')).body.code).toBe('NOT_PENDING');

    // An invite-code join and creating a team close them too.
    const jon = await person('Jon');
    const rj = (await ask(jon, t2.id)).body.id;
    await t.request('POST', '/api/teams/join', { token: jon.token, body: { inviteCode: t3.inviteCode } });
    expect(await status(rj)).toBe('closed');
    const kim = await person('Kim');
    const rk = (await invite(c2, t2.id, kim.id)).body.id;
    await team(kim);
    expect(await status(rk)).toBe('closed');
    expect(await inbox(c2)).toEqual([]);
  });

  it('accepting into a team that filled up meanwhile is 409 TEAM_FULL and leaves the request pending', async () => {
    const captain = await person('Full Captain', { lookingForTeam: false });
    const f = await team(captain);
    const lia = await person('Lia');
    const request = (await ask(lia, f.id)).body.id;
    for (const name of ['M1', 'M2']) {
      const u = await person(name);
      await t.request('POST', '/api/teams/join', { token: u.token, body: { inviteCode: f.inviteCode } });
    }
    const res = await act(captain, request, 'accept');
    expect([res.status, res.body.code]).toEqual([409, 'TEAM_FULL']);
    expect((await inbox(captain)).map((r) => r.id)).toEqual([request]);
    // A full team takes no new requests or invitations either.
    const more = await ask(await person('Late'), f.id);
    expect([more.status, more.body.code]).toEqual([409, 'TEAM_FULL']);
  });

  it('gives the last place to exactly one of an accepted request and an invite-code join racing for it', async () => {
    for (let round = 0; round < 6; round++) {
      const e = await createEdition(t, org, { teamMaxSize: 2 });
      const track = await createTrack(t, org, e.id, 'Race');
      const reg = (name: string) => registered(t, e.id, { lookingForTeam: true }, name);
      const captain = await reg('Race Captain');
      const g = await team(captain, e.id, track.id);
      const asker = await reg('Asker');
      const coder = await reg('Coder');
      const req = await ask(asker, g.id);
      expect(req.status).toBe(201);
      const [accept, join] = await Promise.all([
        act(captain, req.body.id, 'accept'),
        t.request('POST', '/api/teams/join', { token: coder.token, body: { inviteCode: g.inviteCode } }),
      ]);
      const statuses = [accept.status, join.status].sort();
      expect(statuses).toEqual([200, 409]);
      expect([accept, join].find((r) => r.status === 409)!.body.code).toBe('TEAM_FULL');
      const inTeam = await members(g.id);
      expect(inTeam).toHaveLength(2);
      expect(inTeam).toContain(accept.status === 200 ? asker.id : coder.id);
      const [{ status }] = await t.db.query('SELECT status FROM join_requests WHERE id = $1', [req.body.id]);
      expect(status).toBe(accept.status === 200 ? 'accepted' : 'pending');
    }
  });

  it('shows the person’s email only when they share their contact', async () => {
    const captain = await person('Mail Captain', { lookingForTeam: false });
    const h = await team(captain);
    const open = await person('Open Olga', { shareContact: true });
    const shy = await person('Shy Sam');
    await ask(open, h.id);
    await ask(shy, h.id);
    const rows = (await inbox(captain)) as unknown as { userName: string; userEmail: string | null }[];
    expect(Object.fromEntries(rows.map((r) => [r.userName, r.userEmail]))).toEqual({
      'Open Olga': open.email,
      'Shy Sam': null,
    });
  });

  it('works only while teams can change (PHASE_CLOSED after the submission deadline)', async () => {
    const e = await createEdition(t, org, { teamMaxSize: 3 });
    const track = await createTrack(t, org, e.id, 'Closing');
    const captain = await registered(t, e.id, { lookingForTeam: false }, 'Closing Captain');
    const c = await team(captain, e.id, track.id);
    const nia = await registered(t, e.id, { lookingForTeam: true }, 'Nia');
    const omar = await registered(t, e.id, { lookingForTeam: true }, 'Omar');
    const pending = (await ask(nia, c.id)).body.id;
    await setTimeline(t, org, e.id, {
      opens: -3 * DAY,
      closes: -2 * DAY,
      hacking: -2 * DAY,
      deadline: -HOUR,
      judging: DAY,
    });
    const late = await ask(omar, c.id);
    expect([late.status, late.body.code]).toEqual([409, 'PHASE_CLOSED']);
    expect((await invite(captain, c.id, omar.id)).body.code).toBe('PHASE_CLOSED');
    const accept = await act(captain, pending, 'accept');
    expect([accept.status, accept.body.code]).toEqual([409, 'PHASE_CLOSED']);
    // Saying no stays possible.
    expect((await act(captain, pending, 'decline')).body.status).toBe('declined');
  });

  it('limits how many requests a person may have pending at once', async () => {
    const quinn = await person('Quinn');
    const teams = [];
    for (let i = 0; i < 11; i++) teams.push(await team(await person(`Limit captain ${i}`)));
    for (const tm of teams.slice(0, 10)) expect((await ask(quinn, tm.id)).status).toBe(201);
    const eleventh = await ask(quinn, teams[10]!.id);
    expect([eleventh.status, eleventh.body.code]).toEqual([429, 'RATE_LIMITED']);
  });

  it('refuses bad queries and unknown ids', async () => {
    const u = await person('Query');
    const bad = await t.request('GET', `/api/editions/${editionId}/join-requests?direction=sideways`, {
      token: u.token,
    });
    expect([bad.status, bad.body.message]).toEqual([400, expect.stringContaining('direction')]);
    expect((await act(u, '00000000-0000-4000-8000-000000000000', 'accept')).status).toBe(404);
    // A malformed id names nothing: 404, as everywhere in the API.
    expect((await t.request('POST', '/api/join-requests/not-a-uuid/accept', { token: u.token })).status).toBe(
      404,
    );
    const stranger = await signUp(t);
    expect(
      (await t.request('GET', `/api/editions/${editionId}/join-requests`, { token: stranger.token })).status,
    ).toBe(403);
  });
});
