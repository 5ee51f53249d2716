import { MeSchema } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { DAY, HOUR, createEdition, createTrack, registered, setTimeline } from './helpers/editions';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

/**
 * Expected states answered without an error status (issue 9), so that pages need not treat them
 * as failures: who is signed in (nobody), my team (none yet), whether results are published.
 */
describe('expected states without an error status', () => {
  let t: TestApp;
  let org: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    org = await signUpOrganizer(t);
  });
  afterAll(() => t.close());

  it('GET /api/auth/session answers { user: null } to anonymous callers and the user to signed-in ones', async () => {
    const anonymous = await t.request('GET', '/api/auth/session');
    expect([anonymous.status, anonymous.body]).toEqual([200, { user: null }]);
    const forged = await t.request('GET', '/api/auth/session', { token: 'not-a-session' });
    expect([forged.status, forged.body]).toEqual([200, { user: null }]);
    const u = await signUp(t, 'Session Sara');
    const signedIn = await t.request('GET', '/api/auth/session', { token: u.token });
    expect(signedIn.status).toBe(200);
    expect(MeSchema.parse(signedIn.body.user)).toMatchObject({
      id: u.id,
      name: 'Session Sara',
      editions: [],
    });
    // A logged-out session is nobody again.
    await t.request('POST', '/api/auth/logout', { token: u.token });
    expect((await t.request('GET', '/api/auth/session', { token: u.token })).body).toEqual({ user: null });
    // The contract's /auth/me is unchanged.
    expect((await t.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('GET /api/editions/:id/teams/me answers 200 with null until the caller has a team', async () => {
    const e = await createEdition(t, org);
    const track = await createTrack(t, org, e.id, 'Health');
    const pat = await registered(t, e.id, {}, 'Pat');
    const none = await t.request('GET', `/api/editions/${e.id}/teams/me`, { token: pat.token });
    expect(none.status).toBe(200);
    expect(none.body).toBeNull();
    expect(none.headers['content-type']).toMatch(/application\/json/);
    // Not registered (a juror, an organizer, anyone signed in): no team either.
    for (const token of [(await signUp(t)).token, org.token]) {
      const res = await t.request('GET', `/api/editions/${e.id}/teams/me`, { token });
      expect([res.status, res.body]).toEqual([200, null]);
    }
    const created = await t.request('POST', `/api/editions/${e.id}/teams`, {
      token: pat.token,
      body: { name: 'Mine', trackId: track.id },
    });
    const mine = await t.request('GET', `/api/editions/${e.id}/teams/me`, { token: pat.token });
    expect(mine.body).toMatchObject({ id: created.body.id, name: 'Mine' });
    expect((await t.request('GET', `/api/editions/${e.id}/teams/me`)).status).toBe(401);
    const unknown = await t.request('GET', '/api/editions/00000000-0000-4000-8000-000000000000/teams/me', {
      token: pat.token,
    });
    expect(unknown.status).toBe(404);
    const draft = await createEdition(t, org, { published: false });
    expect((await t.request('GET', `/api/editions/${draft.id}/teams/me`, { token: pat.token })).status).toBe(
      404,
    );
  });

  it('says on the edition whether results are published, so the closed gallery needs no 409', async () => {
    const e = await createEdition(t, org);
    expect((await t.request('GET', `/api/editions/${e.id}`)).body.resultsPublished).toBe(false);
    await setTimeline(t, org, e.id, {
      opens: -6 * DAY,
      closes: -5 * DAY,
      hacking: -5 * DAY,
      deadline: -3 * DAY,
      judging: -DAY,
    });
    const later = await t.request('PATCH', `/api/editions/${e.id}`, {
      token: org.token,
      body: { resultsPublishedAt: new Date(Date.now() + HOUR).toISOString() },
    });
    expect(later.body.resultsPublished).toBe(false);
    const published = await t.request('PATCH', `/api/editions/${e.id}`, {
      token: org.token,
      body: { resultsPublishedAt: new Date(Date.now() - 1000).toISOString() },
    });
    expect(published.body.resultsPublished).toBe(true);
    expect((await t.request('GET', `/api/editions/${e.id}/gallery`)).status).toBe(200);
  });
});
