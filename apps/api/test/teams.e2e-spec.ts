import { INVITE_CODE_ALPHABET, TeamSchema } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { DAY, HOUR, count, createEdition, createTrack, registered, setTimeline } from './helpers/editions';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

describe('teams', () => {
  let t: TestApp;
  let org: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    org = await signUpOrganizer(t);
  });
  afterAll(() => t.close());

  /** A published edition in its registration phase with one track (or more). */
  async function setup(opts: { teamMaxSize?: number; tracks?: number } = {}) {
    const e = await createEdition(t, org, { teamMaxSize: opts.teamMaxSize ?? 3 });
    const tracks = [];
    for (let i = 0; i < (opts.tracks ?? 1); i++) tracks.push(await createTrack(t, org, e.id));
    return { editionId: e.id, trackId: tracks[0]!.id as string, tracks };
  }
  const createTeam = (editionId: string, user: TestUser, body: unknown) =>
    t.request('POST', `/api/editions/${editionId}/teams`, { token: user.token, body });
  const join = (user: TestUser, inviteCode: string) =>
    t.request('POST', '/api/teams/join', { token: user.token, body: { inviteCode } });

  describe('POST /api/editions/:id/teams', () => {
    it('creates a team (201): the creator is captain and first member, with an invite code', async () => {
      const { editionId, trackId } = await setup();
      const u = await registered(t, editionId, {}, 'Cap Tain');
      const res = await createTeam(editionId, u, { name: '  The Fixers ', trackId });
      expect(res.status).toBe(201);
      const team = TeamSchema.parse(res.body);
      expect(team).toMatchObject({
        editionId,
        trackId,
        name: 'The Fixers',
        captainId: u.id,
        members: [{ userId: u.id, name: 'Cap Tain' }],
        freePlaces: 2,
      });
      expect(team.inviteCode).toMatch(new RegExp(`^[${INVITE_CODE_ALPHABET}]{10}$`));
      expect(res.body.members[0].email).toBeUndefined();
    });

    it('draws invite codes from a 31-symbol alphabet without look-alikes, all different', async () => {
      expect(INVITE_CODE_ALPHABET).toHaveLength(31);
      expect(INVITE_CODE_ALPHABET).not.toMatch(/[01ILO]/);
      const { editionId, trackId } = await setup();
      const codes = new Set<string>();
      for (let i = 0; i < 8; i++) {
        const u = await registered(t, editionId);
        codes.add((await createTeam(editionId, u, { name: `Team ${i}`, trackId })).body.inviteCode);
      }
      expect(codes.size).toBe(8);
    });

    it('team names are unique per edition, case-insensitively: 409 NAME_TAKEN', async () => {
      const { editionId, trackId } = await setup();
      const other = await setup();
      const a = await registered(t, editionId);
      const b = await registered(t, editionId);
      expect((await createTeam(editionId, a, { name: 'Byte Me', trackId })).status).toBe(201);
      const res = await createTeam(editionId, b, { name: 'bYTE   me', trackId });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('NAME_TAKEN');
      expect(res.body.message).toContain('name');
      // Another edition may use it.
      const c = await registered(t, other.editionId);
      expect((await createTeam(other.editionId, c, { name: 'Byte Me', trackId: other.trackId })).status).toBe(
        201,
      );
      expect(await count(t, 'teams', 'edition_id = $1', [editionId])).toBe(1);
      expect(await count(t, 'team_members', 'user_id = $1', [b.id])).toBe(0);
    });

    it('a user in a team cannot create another: 409 ALREADY_IN_TEAM', async () => {
      const { editionId, trackId } = await setup();
      const u = await registered(t, editionId);
      await createTeam(editionId, u, { name: 'One', trackId });
      const res = await createTeam(editionId, u, { name: 'Two', trackId });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('ALREADY_IN_TEAM');
      expect(await count(t, 'teams', 'edition_id = $1', [editionId])).toBe(1);
    });

    it.each([
      ['an unknown track', (_: string) => '00000000-0000-4000-8000-000000000000', 'trackId'],
      ['a track of another edition', (other: string) => other, 'trackId'],
      ['a track id that is not a UUID', (_: string) => 'health', 'trackId'],
    ])('refuses %s with 400 naming trackId, writing nothing', async (_w, track, field) => {
      const { editionId } = await setup();
      const other = await setup();
      const u = await registered(t, editionId);
      const res = await createTeam(editionId, u, { name: 'Lost', trackId: track(other.trackId) });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain(field);
      expect(await count(t, 'teams', 'edition_id = $1', [editionId])).toBe(0);
      expect(await count(t, 'team_members', 'edition_id = $1', [editionId])).toBe(0);
    });

    it.each([
      ['an empty name', { name: '  ' }, 'name'],
      ['a name of 10,000 characters', { name: 'n'.repeat(10_000) }, 'name'],
      ['no name', { name: undefined }, 'name'],
      ['an unknown field', { captainId: '00000000-0000-4000-8000-000000000000' }, 'captainId'],
    ])('refuses %s with 400 naming the field, writing nothing', async (_w, overrides, field) => {
      const { editionId, trackId } = await setup();
      const u = await registered(t, editionId);
      const res = await createTeam(editionId, u, { name: 'Fine', trackId, ...overrides });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(field);
      expect(await count(t, 'teams', 'edition_id = $1', [editionId])).toBe(0);
    });

    it('only registered participants: 403 FORBIDDEN with a clear message, 401 when anonymous', async () => {
      const { editionId, trackId } = await setup();
      const stranger = await signUp(t);
      const res = await createTeam(editionId, stranger, { name: 'Gatecrashers', trackId });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(res.body.message).toMatch(/participant/i);
      // Organizers pass the route's rule, but a team needs a registered participant.
      const asOrg = await createTeam(editionId, org, { name: 'Organizers', trackId });
      expect(asOrg.status).toBe(403);
      expect(asOrg.body.message).toMatch(/register/i);
      const anon = await t.request('POST', `/api/editions/${editionId}/teams`, {
        body: { name: 'x', trackId },
      });
      expect(anon.status).toBe(401);
      expect(await count(t, 'teams', 'edition_id = $1', [editionId])).toBe(0);
    });

    it('only in the teams window (registration opens → submission deadline): 409 PHASE_CLOSED', async () => {
      const { editionId, trackId } = await setup();
      const u = await registered(t, editionId);
      // After the deadline teams are locked.
      await setTimeline(t, org, editionId, {
        opens: -3 * DAY,
        closes: -2 * DAY,
        hacking: -2 * DAY,
        deadline: -1000,
        judging: DAY,
      });
      const late = await createTeam(editionId, u, { name: 'Too late', trackId });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('PHASE_CLOSED');
      // During hacking (registration closed) teams still form.
      await setTimeline(t, org, editionId, {
        opens: -3 * DAY,
        closes: -2 * DAY,
        hacking: -HOUR,
        deadline: DAY,
        judging: 2 * DAY,
      });
      expect((await createTeam(editionId, u, { name: 'Just in time', trackId })).status).toBe(201);
    });
  });

  describe('POST /api/teams/join', () => {
    it('joins by invite code (200, any case, with dashes), members then see the code', async () => {
      const { editionId, trackId } = await setup();
      const cap = await registered(t, editionId, {}, 'Cap');
      const team = (await createTeam(editionId, cap, { name: 'Joiners', trackId })).body;
      const u = await registered(t, editionId, {}, 'Newbie');
      const typed = `${team.inviteCode.slice(0, 5).toLowerCase()}-${team.inviteCode.slice(5)}`;
      const res = await join(u, typed);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: team.id,
        inviteCode: team.inviteCode,
        freePlaces: 1,
        members: [
          { userId: cap.id, name: 'Cap' },
          { userId: u.id, name: 'Newbie' },
        ],
      });
    });

    it('TEAM_FULL at teamMaxSize, ALREADY_IN_TEAM for members of any team, 404 for unknown codes', async () => {
      const { editionId, trackId } = await setup({ teamMaxSize: 2 });
      const cap = await registered(t, editionId);
      const team = (await createTeam(editionId, cap, { name: 'Duo', trackId })).body;
      const second = await registered(t, editionId);
      expect((await join(second, team.inviteCode)).status).toBe(200);
      const third = await registered(t, editionId);
      const full = await join(third, team.inviteCode);
      expect(full.status).toBe(409);
      expect(full.body.code).toBe('TEAM_FULL');

      const again = await join(second, team.inviteCode);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ALREADY_IN_TEAM');
      const otherCap = await registered(t, editionId);
      const other = (await createTeam(editionId, otherCap, { name: 'Other', trackId })).body;
      const switching = await join(second, other.inviteCode);
      expect(switching.status).toBe(409);
      expect(switching.body.code).toBe('ALREADY_IN_TEAM');

      const unknown = await join(third, 'ABCDEFGHJK');
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toContain('inviteCode');
      const malformed = await join(third, 'nope');
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toContain('inviteCode');
      expect(await count(t, 'team_members', 'team_id = $1', [team.id])).toBe(2);
    });

    it('needs a registration for that edition (403) and the teams window (409 PHASE_CLOSED)', async () => {
      const { editionId, trackId } = await setup();
      const cap = await registered(t, editionId);
      const team = (await createTeam(editionId, cap, { name: 'Locked', trackId })).body;
      const stranger = await signUp(t);
      const res = await join(stranger, team.inviteCode);
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/register/i);
      const u = await registered(t, editionId);
      await setTimeline(t, org, editionId, {
        opens: -3 * DAY,
        closes: -2 * DAY,
        hacking: -2 * DAY,
        deadline: -1000,
        judging: DAY,
      });
      const closed = await join(u, team.inviteCode);
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('PHASE_CLOSED');
      expect(await count(t, 'team_members', 'team_id = $1', [team.id])).toBe(1);
    });

    it('GET /api/teams/invite/:code shows the team behind an invite link to a signed-in user', async () => {
      const { editionId, trackId } = await setup();
      const cap = await registered(t, editionId);
      const team = (await createTeam(editionId, cap, { name: 'Linked', trackId })).body;
      const u = await signUp(t);
      const res = await t.request('GET', `/api/teams/invite/${team.inviteCode.toLowerCase()}`, {
        token: u.token,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: team.id, name: 'Linked', inviteCode: null });
      expect((await t.request('GET', '/api/teams/invite/ZZZZZZZZZZ', { token: u.token })).status).toBe(404);
      expect((await t.request('GET', `/api/teams/invite/${team.inviteCode}`)).status).toBe(401);
    });
  });

  describe('GET /api/teams/:id and /api/editions/:id/teams/me', () => {
    it('anyone reads the public part; members and organizers also get the invite code, organizers emails', async () => {
      const { editionId, trackId } = await setup();
      const cap = await registered(t, editionId, {}, 'Cap');
      const team = (await createTeam(editionId, cap, { name: 'Visible', trackId })).body;
      const anon = await t.request('GET', `/api/teams/${team.id}`);
      expect(anon.status).toBe(200);
      expect(anon.body).toMatchObject({
        id: team.id,
        name: 'Visible',
        inviteCode: null,
        members: [{ userId: cap.id, name: 'Cap' }],
      });
      expect(anon.body.members[0].email).toBeUndefined();
      const outsider = await registered(t, editionId);
      expect(
        (await t.request('GET', `/api/teams/${team.id}`, { token: outsider.token })).body.inviteCode,
      ).toBeNull();
      expect((await t.request('GET', `/api/teams/${team.id}`, { token: cap.token })).body.inviteCode).toBe(
        team.inviteCode,
      );
      const asOrg = await t.request('GET', `/api/teams/${team.id}`, { token: org.token });
      expect(asOrg.body.inviteCode).toBe(team.inviteCode);
      expect(asOrg.body.members[0].email).toBe(cap.email);

      const mine = await t.request('GET', `/api/editions/${editionId}/teams/me`, { token: cap.token });
      expect(mine.body).toMatchObject({ id: team.id, inviteCode: team.inviteCode });
      // No team yet is an expected state: 200 with null (issue 9), not 404.
      const none = await t.request('GET', `/api/editions/${editionId}/teams/me`, { token: outsider.token });
      expect([none.status, none.body]).toEqual([200, null]);
      expect((await t.request('GET', '/api/teams/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });

    it('a team of an unpublished edition exists for organizers only', async () => {
      const { editionId, trackId } = await setup();
      const cap = await registered(t, editionId);
      const team = (await createTeam(editionId, cap, { name: 'Hidden', trackId })).body;
      await t.request('PATCH', `/api/editions/${editionId}`, {
        token: org.token,
        body: { published: false },
      });
      expect((await t.request('GET', `/api/teams/${team.id}`, { token: cap.token })).status).toBe(404);
      expect((await t.request('GET', `/api/teams/${team.id}`, { token: org.token })).status).toBe(200);
    });
  });

  describe('PATCH /api/teams/:id (captain)', () => {
    it('renames, moves track and hands captaincy to a member', async () => {
      const { editionId, tracks } = await setup({ tracks: 2 });
      const cap = await registered(t, editionId);
      const team = (await createTeam(editionId, cap, { name: 'Before', trackId: tracks[0]!.id })).body;
      const mate = await registered(t, editionId);
      await join(mate, team.inviteCode);

      const res = await t.request('PATCH', `/api/teams/${team.id}`, {
        token: cap.token,
        body: { name: 'After', trackId: tracks[1]!.id },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'After', trackId: tracks[1]!.id, captainId: cap.id });
      // Re-casing its own name is no clash.
      expect(
        (await t.request('PATCH', `/api/teams/${team.id}`, { token: cap.token, body: { name: 'AFTER' } }))
          .status,
      ).toBe(200);

      const nonMember = await registered(t, editionId);
      const bad = await t.request('PATCH', `/api/teams/${team.id}`, {
        token: cap.token,
        body: { captainId: nonMember.id },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('captainId');
      const handed = await t.request('PATCH', `/api/teams/${team.id}`, {
        token: cap.token,
        body: { captainId: mate.id },
      });
      expect(handed.body.captainId).toBe(mate.id);
      const formerCaptain = await t.request('PATCH', `/api/teams/${team.id}`, {
        token: cap.token,
        body: { name: 'Coup' },
      });
      expect(formerCaptain.status).toBe(403);
      expect(formerCaptain.body.code).toBe('FORBIDDEN');
    });

    it('refuses a taken name (409), a foreign track (400), bad input (400), non-captains (403)', async () => {
      const { editionId, trackId } = await setup();
      const other = await setup();
      const cap = await registered(t, editionId);
      const team = (await createTeam(editionId, cap, { name: 'Mine', trackId })).body;
      const otherCap = await registered(t, editionId);
      await createTeam(editionId, otherCap, { name: 'Theirs', trackId });
      const patch = (user: TestUser, body: unknown) =>
        t.request('PATCH', `/api/teams/${team.id}`, { token: user.token, body });

      const taken = await patch(cap, { name: 'THEIRS' });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('NAME_TAKEN');
      const foreign = await patch(cap, { trackId: other.trackId });
      expect(foreign.status).toBe(400);
      expect(foreign.body.message).toContain('trackId');
      expect((await patch(cap, { name: 'x'.repeat(10_000) })).body.message).toContain('name');
      expect((await patch(cap, {})).status).toBe(400);
      expect((await patch(otherCap, { name: 'Hijack' })).status).toBe(403);
      const now = (await t.request('GET', `/api/teams/${team.id}`)).body;
      expect(now).toMatchObject({ name: 'Mine', trackId });
    });

    it('renaming and moving track close at the submission deadline (409 PHASE_CLOSED)', async () => {
      const { editionId, tracks } = await setup({ tracks: 2 });
      const cap = await registered(t, editionId);
      const team = (await createTeam(editionId, cap, { name: 'Late', trackId: tracks[0]!.id })).body;
      await setTimeline(t, org, editionId, {
        opens: -3 * DAY,
        closes: -2 * DAY,
        hacking: -2 * DAY,
        deadline: -1000,
        judging: DAY,
      });
      for (const body of [{ name: 'Later' }, { trackId: tracks[1]!.id }]) {
        const res = await t.request('PATCH', `/api/teams/${team.id}`, { token: cap.token, body });
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('PHASE_CLOSED');
      }
    });
  });

  describe('POST /api/teams/:id/leave', () => {
    it('a member leaves; the captain leaving hands over to the longest-standing member; the last deletes the team', async () => {
      const { editionId, trackId } = await setup({ teamMaxSize: 4 });
      const cap = await registered(t, editionId);
      const team = (await createTeam(editionId, cap, { name: 'Leavers', trackId })).body;
      const first = await registered(t, editionId);
      const second = await registered(t, editionId);
      const third = await registered(t, editionId);
      for (const u of [first, second, third]) expect((await join(u, team.inviteCode)).status).toBe(200);
      const leave = (u: TestUser) => t.request('POST', `/api/teams/${team.id}/leave`, { token: u.token });

      const a = await leave(second);
      expect(a.status).toBe(200);
      expect(a.body).toEqual({ teamDeleted: false });
      expect(await count(t, 'team_members', 'team_id = $1', [team.id])).toBe(3);

      await leave(cap);
      const afterCaptain = (await t.request('GET', `/api/teams/${team.id}`)).body;
      expect(afterCaptain.captainId).toBe(first.id);
      expect(afterCaptain.members.map((m: { userId: string }) => m.userId)).toEqual([first.id, third.id]);

      const outsider = await registered(t, editionId);
      expect((await leave(outsider)).status).toBe(403);
      // A member who left may join a team again.
      expect((await join(cap, team.inviteCode)).status).toBe(200);

      await leave(first);
      await leave(third);
      const last = await leave(cap);
      expect(last.body).toEqual({ teamDeleted: true });
      expect(await count(t, 'teams', 'id = $1', [team.id])).toBe(0);
      expect((await t.request('GET', `/api/teams/${team.id}`)).status).toBe(404);
    });

    it('leaving closes at the submission deadline (409 PHASE_CLOSED): teams are locked', async () => {
      const { editionId, trackId } = await setup();
      const cap = await registered(t, editionId);
      const team = (await createTeam(editionId, cap, { name: 'Stuck', trackId })).body;
      await setTimeline(t, org, editionId, {
        opens: -3 * DAY,
        closes: -2 * DAY,
        hacking: -2 * DAY,
        deadline: -1000,
        judging: DAY,
      });
      const res = await t.request('POST', `/api/teams/${team.id}/leave`, { token: cap.token });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('PHASE_CLOSED');
      expect(await count(t, 'team_members', 'team_id = $1', [team.id])).toBe(1);
    });
  });

  describe('POST /api/teams/:id/invite-code (captain)', () => {
    it('regenerates the code; the old one stops working', async () => {
      const { editionId, trackId } = await setup();
      const cap = await registered(t, editionId);
      const team = (await createTeam(editionId, cap, { name: 'Rotators', trackId })).body;
      const mate = await registered(t, editionId);
      await join(mate, team.inviteCode);
      expect(
        (await t.request('POST', `/api/teams/${team.id}/invite-code`, { token: mate.token })).status,
      ).toBe(403);

      const res = await t.request('POST', `/api/teams/${team.id}/invite-code`, { token: cap.token });
      expect(res.status).toBe(200);
      expect(res.body.inviteCode).toMatch(/^[A-Z2-9]{10}$/);
      expect(res.body.inviteCode).not.toBe(team.inviteCode);
      const u = await registered(t, editionId);
      expect((await join(u, team.inviteCode)).status).toBe(404);
      expect((await join(u, res.body.inviteCode)).status).toBe(200);
    });
  });

  describe('under concurrency', () => {
    it('ten users joining a team with one free place at the same instant: exactly one gets in', async () => {
      const { editionId, trackId } = await setup({ teamMaxSize: 3 });
      const cap = await registered(t, editionId);
      const team = (await createTeam(editionId, cap, { name: 'Almost full', trackId })).body;
      expect((await join(await registered(t, editionId), team.inviteCode)).status).toBe(200);
      const users = await Promise.all(Array.from({ length: 10 }, () => registered(t, editionId)));

      const results = await Promise.all(users.map((u) => join(u, team.inviteCode)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'TEAM_FULL')).toBe(true);
      expect(await count(t, 'team_members', 'team_id = $1', [team.id])).toBe(3);
    });

    it('one user creating two teams at once: exactly one succeeds', async () => {
      const { editionId, trackId } = await setup();
      const u = await registered(t, editionId);
      const results = await Promise.all(
        ['Alpha', 'Beta', 'Gamma', 'Delta'].map((name) => createTeam(editionId, u, { name, trackId })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'ALREADY_IN_TEAM')).toBe(
        true,
      );
      expect(await count(t, 'teams', 'edition_id = $1', [editionId])).toBe(1);
      expect(await count(t, 'team_members', 'user_id = $1', [u.id])).toBe(1);
    });

    it('two users creating teams of the same name at once: one 201, one NAME_TAKEN', async () => {
      const { editionId, trackId } = await setup();
      const a = await registered(t, editionId);
      const b = await registered(t, editionId);
      const results = await Promise.all([
        createTeam(editionId, a, { name: 'Same', trackId }),
        createTeam(editionId, b, { name: 'same', trackId }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('NAME_TAKEN');
      expect(await count(t, 'teams', 'edition_id = $1', [editionId])).toBe(1);
    });

    it('one user joining two teams at once ends up in exactly one', async () => {
      const { editionId, trackId } = await setup();
      const teams = [];
      for (const name of ['P', 'Q', 'R']) {
        const cap = await registered(t, editionId);
        teams.push((await createTeam(editionId, cap, { name, trackId })).body);
      }
      const u = await registered(t, editionId);
      const results = await Promise.all(teams.map((team) => join(u, team.inviteCode)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'ALREADY_IN_TEAM')).toBe(
        true,
      );
      expect(await count(t, 'team_members', 'user_id = $1', [u.id])).toBe(1);
    });
  });
});
