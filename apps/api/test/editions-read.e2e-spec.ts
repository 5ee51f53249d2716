import { Logger } from '@nestjs/common';
import { DEMO_JURORS, DEMO_ORGANIZER, SeedService } from '../src/modules/seed/seed.service';
import { EditionEntity } from '../src/modules/editions/entities/edition.entity';
import { DEMO_EDITION_SLUG, DEMO_PARTICIPANTS, DEMO_TEAMS } from '../src/modules/seed/demo-data';
import { createTestApp, type TestApp } from './helpers/app';

describe('the demo edition and the public edition endpoints', () => {
  let t: TestApp;
  let logged: string[];
  beforeAll(async () => {
    t = await createTestApp();
    const spy = jest.spyOn(Logger.prototype, 'log');
    await t.app.get(SeedService).seedDemo();
    logged = spy.mock.calls.map((c) => String(c[0]));
    spy.mockRestore();
  });
  afterAll(() => t.close());

  const counts = async () => {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM registrations)::int AS registrations,
              (SELECT count(*) FROM teams)::int AS teams, (SELECT count(*) FROM team_members)::int AS members`,
    );
    return row as { users: number; registrations: number; teams: number; members: number };
  };

  it('seeds demo participants, their registrations and two or three teams per track', async () => {
    expect(await counts()).toEqual({
      users: DEMO_PARTICIPANTS.length + 1 + DEMO_JURORS.length, // participants, the organizer, jurors
      registrations: DEMO_PARTICIPANTS.length,
      teams: DEMO_TEAMS.length,
      members: DEMO_TEAMS.reduce((n, team) => n + team.members.length, 0),
    });
    const edition = (await t.request('GET', `/api/editions/${DEMO_EDITION_SLUG}`)).body;
    const teams = (await t.request('GET', `/api/editions/${edition.id}/teams`)).body.items;
    for (const track of edition.tracks) {
      const n = teams.filter((team: { trackId: string }) => team.trackId === track.id).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(3);
    }
    // The accounts work and are printed (demo mode only: seedDemo runs only then).
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: 'participant1@demo.challenge-accepted.ro', password: 'demo-participant-1' },
    });
    expect(login.status).toBe(200);
    const mine = await t.request('GET', `/api/editions/${edition.id}/teams/me`, { token: login.body.token });
    expect(mine.body.name).toBe('Pill Pals');
    expect(logged).toContain(
      `Demo participant account: participant1@demo.challenge-accepted.ro / demo-participant-1 (${DEMO_PARTICIPANTS[0]!.name})`,
    );
    // A demo organizer, and jurors who joined through invitations.
    const org = await t.request('POST', '/api/auth/login', {
      body: { email: DEMO_ORGANIZER.email, password: DEMO_ORGANIZER.password },
    });
    expect(org.status).toBe(200);
    expect(org.body.user.isOrganizer).toBe(true);
    expect(logged).toContain(`Demo organizer account: ${DEMO_ORGANIZER.email} / ${DEMO_ORGANIZER.password}`);
    for (const j of DEMO_JURORS) {
      const juror = await t.request('POST', '/api/auth/login', {
        body: { email: j.email, password: j.password },
      });
      expect(juror.status).toBe(200);
      const me = await t.request('GET', '/api/auth/me', { token: juror.body.token });
      expect(me.body.editions).toEqual([{ editionId: edition.id, roles: ['juror'] }]);
    }
    const jurors = await t.request('GET', `/api/editions/${edition.id}/jurors`, { token: org.body.token });
    const byName = [...DEMO_JURORS].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(jurors.body.items.map((j: { trackIds: string[] }) => j.trackIds.length)).toEqual(
      byName.map((j) => (j.track ? 1 : 0)),
    );
    const lonely = await t.request('GET', `/api/editions/${edition.id}/participants?lookingForTeam=true`, {
      token: login.body.token,
    });
    expect(lonely.body.items.length).toBeGreaterThan(0);
    expect(lonely.body.items.every((p: { teamId: string | null }) => p.teamId === null)).toBe(true);
  });

  it('seeds the demo edition with its three tracks, their challenges and the default criteria', async () => {
    const res = await t.request('GET', `/api/editions/${DEMO_EDITION_SLUG}`);
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Challenge Accepted — VI edition');
    expect(res.body.tracks.map((tr: { name: string }) => tr.name)).toEqual([
      'Health',
      'Environment & Ecology',
      'Tourism',
    ]);
    for (const track of res.body.tracks) expect(track.challenges.length).toBeGreaterThan(0);
    expect(res.body.criteria.map((c: { name: string; weight: number }) => [c.name, c.weight])).toEqual([
      ['Innovation', 1],
      ['Impact', 1],
      ['Technical execution', 1],
      ['Presentation', 1],
    ]);
    // The seed moves the demo edition into judging once its teams have submitted.
    expect(res.body.phase).toBe('judging');
    expect(Math.abs(Date.parse(res.body.serverTime) - Date.now())).toBeLessThan(5000);
  });

  it('does not seed twice', async () => {
    const before = await counts();
    expect(await t.app.get(SeedService).seedDemo()).toEqual({ created: false });
    expect(await counts()).toEqual(before);
    expect(await t.db.getRepository(EditionEntity).countBy({ slug: DEMO_EDITION_SLUG })).toBe(1);
  });

  it('finds the edition by id as well as by slug', async () => {
    const list = await t.request('GET', '/api/editions');
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    const id = list.body.items[0].id;
    const byId = await t.request('GET', `/api/editions/${id}`);
    expect(byId.body.slug).toBe(DEMO_EDITION_SLUG);
  });

  it('hides an unpublished edition from anonymous visitors', async () => {
    await t.db.getRepository(EditionEntity).update({ slug: DEMO_EDITION_SLUG }, { published: false });
    try {
      expect((await t.request('GET', '/api/editions')).body.items).toEqual([]);
      const res = await t.request('GET', `/api/editions/${DEMO_EDITION_SLUG}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    } finally {
      await t.db.getRepository(EditionEntity).update({ slug: DEMO_EDITION_SLUG }, { published: true });
    }
  });
});
