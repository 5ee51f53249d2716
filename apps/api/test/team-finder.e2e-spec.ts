import { ParticipantSchema, TeamSchema } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { createEdition, createTrack, registered } from './helpers/editions';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

describe('team-finder', () => {
  let t: TestApp;
  let org: TestUser;
  let editionId: string;
  let health: string;
  let tourism: string;
  /** People in registration order. */
  let ana: TestUser;
  let bob: TestUser;
  let cleo: TestUser;
  let dan: TestUser;
  let eve: TestUser;
  let teamA: { id: string; inviteCode: string };
  let teamB: { id: string; inviteCode: string };

  beforeAll(async () => {
    t = await createTestApp();
    org = await signUpOrganizer(t);
    editionId = (await createEdition(t, org, { teamMaxSize: 2 })).id;
    health = (await createTrack(t, org, editionId, 'Health')).id;
    tourism = (await createTrack(t, org, editionId, 'Tourism')).id;
    ana = await registered(t, editionId, { skills: ['React', 'UX design'], lookingForTeam: true }, 'Ana');
    bob = await registered(t, editionId, { skills: ['Go', 'PostgreSQL'], lookingForTeam: false }, 'Bob');
    cleo = await registered(
      t,
      editionId,
      { skills: ['react native', '100%_sure'], lookingForTeam: true },
      'Cleo',
    );
    dan = await registered(t, editionId, { skills: ['Python'], lookingForTeam: true }, 'Dan');
    eve = await registered(t, editionId, { skills: [], lookingForTeam: false }, 'Eve');
    const mk = async (u: TestUser, name: string, trackId: string) =>
      (
        await t.request('POST', `/api/editions/${editionId}/teams`, {
          token: u.token,
          body: { name, trackId },
        })
      ).body;
    teamA = await mk(bob, 'Alpha', health); // Bob + Eve: full
    await t.request('POST', '/api/teams/join', { token: eve.token, body: { inviteCode: teamA.inviteCode } });
    teamB = await mk(dan, 'beta', tourism); // Dan alone: one free place
    await mk(cleo, 'Gamma', health); // Cleo alone
  });
  afterAll(() => t.close());

  describe('GET /api/editions/:id/participants', () => {
    const list = (user: TestUser, query = '') =>
      t.request('GET', `/api/editions/${editionId}/participants${query}`, { token: user.token });

    it('lists registered participants with skills, lookingForTeam and their team', async () => {
      const res = await list(ana);
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items.map((p: unknown) => ParticipantSchema.parse(p))).toEqual([
        {
          userId: ana.id,
          name: 'Ana',
          skills: ['React', 'UX design'],
          lookingForTeam: true,
          teamId: null,
          teamName: null,
          email: null,
          registeredAt: expect.any(String),
        },
        {
          userId: bob.id,
          name: 'Bob',
          skills: ['Go', 'PostgreSQL'],
          lookingForTeam: false,
          teamId: teamA.id,
          teamName: 'Alpha',
          email: null,
          registeredAt: expect.any(String),
        },
        expect.objectContaining({ userId: cleo.id, teamId: expect.any(String) }),
        expect.objectContaining({ userId: dan.id, teamId: teamB.id }),
        expect.objectContaining({ userId: eve.id, teamId: teamA.id }),
      ]);
      // Nobody here consented to share their email.
      expect(res.body.items.map((p: { email: string | null }) => p.email)).toEqual(Array(5).fill(null));
    });

    it('filters by lookingForTeam and by skill (case-insensitive, part of a skill, literal % and _)', async () => {
      const names = (r: { body: { items: { name: string }[] } }) => r.body.items.map((p) => p.name);
      // Cleo and Dan registered as looking but have found a team since: they are not listed.
      expect(names(await list(ana, '?lookingForTeam=true'))).toEqual(['Ana']);
      expect(names(await list(ana, '?lookingForTeam=false'))).toEqual(['Bob', 'Cleo', 'Dan', 'Eve']);
      expect(names(await list(ana, '?skill=REACT'))).toEqual(['Ana', 'Cleo']);
      expect(names(await list(ana, '?skill=react&lookingForTeam=true'))).toEqual(['Ana']);
      expect(names(await list(ana, '?skill=postgres'))).toEqual(['Bob']);
      expect(names(await list(ana, '?skill=%25_'))).toEqual(['Cleo']);
      expect(names(await list(ana, '?skill=_'))).toEqual(['Cleo']);
      expect(names(await list(ana, '?skill=cobol'))).toEqual([]);
    });

    it('pages with a cursor, in registration order', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const q: string = `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const res = await list(ana, q);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((p: { name: string }) => p.name));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['Ana', 'Bob', 'Cleo', 'Dan', 'Eve']);
    });

    it('refuses bad queries with 400 naming the parameter', async () => {
      for (const [q, field] of [
        ['?lookingForTeam=maybe', 'lookingForTeam'],
        ['?limit=501', 'limit'],
        ['?skill=' + 'x'.repeat(51), 'skill'],
        ['?cursor=garbage', 'cursor'],
        ['?sort=name', 'sort'],
      ]) {
        const res = await list(ana, q);
        expect(res.status).toBe(400);
        expect(res.body.message).toContain(field);
      }
    });

    it('lists as looking for a team only people without one: whoever joins a team leaves the list', async () => {
      const names = async () =>
        (await list(ana, '?lookingForTeam=true')).body.items.map((p: { name: string }) => p.name);
      const fay = await registered(t, editionId, { skills: ['Design'], lookingForTeam: true }, 'Fay');
      expect(await names()).toEqual(['Ana', 'Fay']);
      const joined = await t.request('POST', '/api/teams/join', {
        token: fay.token,
        body: { inviteCode: teamB.inviteCode },
      });
      expect(joined.status).toBe(200);
      expect(await names()).toEqual(['Ana']);
      // Leaving the team puts her back (her registration still says she is looking).
      await t.request('POST', `/api/teams/${teamB.id}/leave`, { token: fay.token });
      expect(await names()).toEqual(['Ana', 'Fay']);
    });

    it('filters on having a team and searches names; organizers also search emails and see them', async () => {
      const names = (r: { body: { items: { name: string }[] } }) => r.body.items.map((p) => p.name);
      expect(names(await list(ana, '?inTeam=false'))).toEqual(['Ana', 'Fay']);
      expect(names(await list(ana, '?inTeam=true'))).toEqual(['Bob', 'Cleo', 'Dan', 'Eve']);
      expect(names(await list(ana, '?q=LE'))).toEqual(['Cleo']);
      // A participant cannot find people by their email…
      const bobEmail = bob.email.split('@')[0]!;
      expect(names(await list(ana, `?q=${bobEmail}`))).toEqual([]);
      // …organizers can, and see every email.
      const byEmail = await list(org, `?q=${bobEmail}`);
      expect(byEmail.body.items).toEqual([expect.objectContaining({ name: 'Bob', email: bob.email })]);
      expect(names(await list(ana, '?inTeam=true&lookingForTeam=false&q=e'))).toEqual(['Cleo', 'Eve']);
    });

    it('shows a participant’s email to other participants only with their consent (shareContact)', async () => {
      const email = async (who: TestUser) =>
        (await list(ana)).body.items.find((p: { userId: string }) => p.userId === who.id).email;
      expect(await email(dan)).toBeNull();
      const consent = await t.request('PATCH', `/api/editions/${editionId}/registrations/me`, {
        token: dan.token,
        body: { shareContact: true },
      });
      expect(consent.body).toMatchObject({ shareContact: true, lookingForTeam: true });
      expect(await email(dan)).toBe(dan.email);
      await t.request('PATCH', `/api/editions/${editionId}/registrations/me`, {
        token: dan.token,
        body: { shareContact: false },
      });
      expect(await email(dan)).toBeNull();
      const gus = await registered(t, editionId, { shareContact: true }, 'Gus');
      expect(await email(gus)).toBe(gus.email);
      const mine = await t.request('GET', `/api/editions/${editionId}/registrations/me`, {
        token: gus.token,
      });
      expect(mine.body).toMatchObject({ shareContact: true });
    });

    it('is for participants of the edition and organizers', async () => {
      expect((await list(org)).status).toBe(200);
      const stranger = await signUp(t);
      const res = await list(stranger);
      expect(res.status).toBe(403);
      expect((await t.request('GET', `/api/editions/${editionId}/participants`)).status).toBe(401);
    });
  });

  describe('GET /api/editions/:id/teams', () => {
    const list = (user: TestUser | null, query = '') =>
      t.request('GET', `/api/editions/${editionId}/teams${query}`, { token: user?.token });
    const names = (r: { body: { items: { name: string }[] } }) => r.body.items.map((x) => x.name);

    it('lists teams by name for anyone, without invite codes or contacts', async () => {
      const res = await list(null);
      expect(res.status).toBe(200);
      expect(names(res)).toEqual(['Alpha', 'beta', 'Gamma']);
      for (const team of res.body.items) {
        TeamSchema.parse(team);
        expect(team.inviteCode).toBeNull();
        for (const m of team.members) expect(m.email).toBeUndefined();
      }
      expect(res.body.items[0]).toMatchObject({
        captainId: bob.id,
        freePlaces: 0,
        members: [
          { userId: bob.id, name: 'Bob' },
          { userId: eve.id, name: 'Eve' },
        ],
      });
    });

    it('filters by track and by free places', async () => {
      expect(names(await list(null, `?trackId=${health}`))).toEqual(['Alpha', 'Gamma']);
      expect(names(await list(null, '?hasFreePlaces=true'))).toEqual(['beta', 'Gamma']);
      expect(names(await list(null, `?hasFreePlaces=true&trackId=${health}`))).toEqual(['Gamma']);
      expect(names(await list(null, '?hasFreePlaces=false'))).toEqual(['Alpha']);
      const bad = await list(null, '?trackId=health');
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('trackId');
    });

    it('shows members their own invite code, organizers every code and the members emails', async () => {
      const asBob = await list(bob);
      expect(asBob.body.items.map((x: { inviteCode: string | null }) => x.inviteCode)).toEqual([
        teamA.inviteCode,
        null,
        null,
      ]);
      const asOrg = await list(org);
      expect(asOrg.body.items.every((x: { inviteCode: string | null }) => !!x.inviteCode)).toBe(true);
      expect(asOrg.body.items[0].members).toEqual([
        { userId: bob.id, name: 'Bob', email: bob.email },
        { userId: eve.id, name: 'Eve', email: eve.email },
      ]);
    });

    it('pages with a cursor', async () => {
      const first = await list(null, '?limit=2');
      expect(names(first)).toEqual(['Alpha', 'beta']);
      const second = await list(null, `?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      expect(names(second)).toEqual(['Gamma']);
      expect(second.body.nextCursor).toBeNull();
    });

    it('teams of an unpublished edition are the organizers alone', async () => {
      const draft = await createEdition(t, org, { published: false });
      expect((await t.request('GET', `/api/editions/${draft.id}/teams`)).status).toBe(404);
      expect((await t.request('GET', `/api/editions/${draft.id}/teams`, { token: org.token })).status).toBe(
        200,
      );
    });
  });
});
