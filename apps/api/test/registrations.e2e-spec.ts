import { createTestApp, type TestApp } from './helpers/app';
import { DAY, HOUR, count, createEdition, setTimeline } from './helpers/editions';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

describe('registration for an edition', () => {
  let t: TestApp;
  let org: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    org = await signUpOrganizer(t);
  });
  afterAll(() => t.close());

  const register = (editionId: string, user: TestUser | null, body: unknown) =>
    t.request('POST', `/api/editions/${editionId}/registrations`, { token: user?.token, body });

  it('registers a signed-in user (201) with the Registration shape, and makes them a participant', async () => {
    const e = await createEdition(t, org);
    const u = await signUp(t);
    const res = await register(e.id, u, { skills: ['React', 'Go'], lookingForTeam: true });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      editionId: e.id,
      userId: u.id,
      skills: ['React', 'Go'],
      lookingForTeam: true,
      // No consent to show the email unless given.
      shareContact: false,
    });
    const me = await t.request('GET', '/api/auth/me', { token: u.token });
    expect(me.body.editions).toEqual([{ editionId: e.id, roles: ['participant'] }]);
    const mine = await t.request('GET', `/api/editions/${e.id}/registrations/me`, { token: u.token });
    expect(mine.body).toEqual(res.body);
  });

  it('trims skills, drops case-insensitive duplicates, keeps the first spelling', async () => {
    const e = await createEdition(t, org);
    const u = await signUp(t);
    const res = await register(e.id, u, {
      skills: ['  TypeScript ', 'typescript', 'UX', 'ux ', 'Go'],
      lookingForTeam: false,
    });
    expect(res.status).toBe(201);
    expect(res.body.skills).toEqual(['TypeScript', 'UX', 'Go']);
    // 30 different skills after deduplication are fine, even from more entries.
    const v = await signUp(t);
    const thirty = Array.from({ length: 30 }, (_, i) => `skill ${i}`);
    const ok = await register(e.id, v, { skills: [...thirty, 'SKILL 0'], lookingForTeam: false });
    expect(ok.status).toBe(201);
    expect(ok.body.skills).toHaveLength(30);
  });

  it.each([
    [
      '31 different skills',
      { skills: Array.from({ length: 31 }, (_, i) => `s${i}`), lookingForTeam: false },
      'skills',
    ],
    ['a skill of 51 characters', { skills: ['x'.repeat(51)], lookingForTeam: false }, 'skills.0'],
    ['an empty skill', { skills: ['ok', '   '], lookingForTeam: false }, 'skills.1'],
    ['a skill that is not a string', { skills: [42], lookingForTeam: false }, 'skills.0'],
    ['lookingForTeam not a boolean', { skills: [], lookingForTeam: 'yes' }, 'lookingForTeam'],
    ['an unknown field', { skills: [], lookingForTeam: false, role: 'juror' }, 'role'],
  ])('refuses %s with 400 naming the field, registering nobody', async (_w, body, field) => {
    const e = await createEdition(t, org);
    const u = await signUp(t);
    const res = await register(e.id, u, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain(field);
    expect(await count(t, 'registrations', 'edition_id = $1', [e.id])).toBe(0);
  });

  it('a second registration is 409 ALREADY_REGISTERED, also when both arrive at once', async () => {
    const e = await createEdition(t, org);
    const u = await signUp(t);
    expect((await register(e.id, u, { skills: ['A'], lookingForTeam: false })).status).toBe(201);
    const again = await register(e.id, u, { skills: ['B'], lookingForTeam: true });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_REGISTERED');
    expect(
      (await t.request('GET', `/api/editions/${e.id}/registrations/me`, { token: u.token })).body.skills,
    ).toEqual(['A']);

    const v = await signUp(t);
    const both = await Promise.all(
      Array.from({ length: 5 }, () => register(e.id, v, { skills: [], lookingForTeam: false })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await count(t, 'registrations', 'edition_id = $1 AND user_id = $2', [e.id, v.id])).toBe(1);
  });

  it('is open only in the register window: before it opens and once it closes, 409 PHASE_CLOSED', async () => {
    const e = await createEdition(t, org, { published: true });
    const u = await signUp(t);
    await setTimeline(t, org, e.id, {
      opens: HOUR,
      closes: 2 * HOUR,
      hacking: 2 * HOUR,
      deadline: DAY,
      judging: 2 * DAY,
    });
    const early = await register(e.id, u, { skills: [], lookingForTeam: false });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PHASE_CLOSED');

    // Registration may still be open in the hacking phase (windows, not labels, decide).
    const hacking = await setTimeline(t, org, e.id, {
      opens: -DAY,
      closes: HOUR,
      hacking: -HOUR,
      deadline: DAY,
      judging: 2 * DAY,
    });
    expect(hacking.phase).toBe('hacking');
    expect((await register(e.id, u, { skills: [], lookingForTeam: false })).status).toBe(201);

    await setTimeline(t, org, e.id, {
      opens: -DAY,
      closes: -1000,
      hacking: -HOUR,
      deadline: DAY,
      judging: 2 * DAY,
    });
    const late = await register(e.id, await signUp(t), { skills: [], lookingForTeam: false });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PHASE_CLOSED');
    expect(await count(t, 'registrations', 'edition_id = $1', [e.id])).toBe(1);
  });

  it('a draft edition does not exist for participants (404); anonymous callers get 401', async () => {
    const draft = await createEdition(t, org, { published: false });
    const u = await signUp(t);
    expect((await register(draft.id, u, { skills: [], lookingForTeam: false })).status).toBe(404);
    const asOrganizer = await register(draft.id, org, { skills: [], lookingForTeam: false });
    expect(asOrganizer.status).toBe(409);
    expect(asOrganizer.body.code).toBe('PHASE_CLOSED');
    const e = await createEdition(t, org);
    expect((await register(e.id, null, { skills: [], lookingForTeam: false })).status).toBe(401);
    expect((await register('00000000-0000-4000-8000-000000000000', u, {})).status).toBe(404);
  });

  it('PATCH /registrations/me updates skills and lookingForTeam (participants only)', async () => {
    const e = await createEdition(t, org);
    const u = await signUp(t);
    await register(e.id, u, { skills: ['A'], lookingForTeam: false });
    const path = `/api/editions/${e.id}/registrations/me`;
    const res = await t.request('PATCH', path, { token: u.token, body: { lookingForTeam: true } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      editionId: e.id,
      userId: u.id,
      skills: ['A'],
      lookingForTeam: true,
      shareContact: false,
    });
    const skills = await t.request('PATCH', path, { token: u.token, body: { skills: [' B ', 'b', 'C'] } });
    expect(skills.body).toMatchObject({ skills: ['B', 'C'], lookingForTeam: true });
    const bad = await t.request('PATCH', path, { token: u.token, body: { skills: ['y'.repeat(51)] } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('skills.0');
    expect((await t.request('GET', path, { token: u.token })).body.skills).toEqual(['B', 'C']);

    const stranger = await signUp(t);
    const forbidden = await t.request('PATCH', path, {
      token: stranger.token,
      body: { lookingForTeam: true },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    // Organizers pass the access rule but have no registration of their own.
    expect(
      (await t.request('PATCH', path, { token: org.token, body: { lookingForTeam: true } })).status,
    ).toBe(404);
  });
});
