import { LIVE_NAMESPACE } from '@ca/shared';
import { io } from 'socket.io-client';
import { createTestApp, type TestApp } from './helpers/app';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

describe('organizers: find, disable and enable users', () => {
  let t: TestApp;
  let organizer: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    organizer = await signUpOrganizer(t);
  });
  afterAll(() => t.close());

  const disable = (id: string, token = organizer.token) =>
    t.request('POST', `/api/users/${id}/disable`, { token });
  const enable = (id: string, token = organizer.token) =>
    t.request('POST', `/api/users/${id}/enable`, { token });
  const auditOf = (id: string) =>
    t.db.query(
      `SELECT action, actor_id, edition_id, before, after FROM audit_entries WHERE entity_id = $1 ORDER BY at`,
      [id],
    );

  it('disables a user: every session ends at once on HTTP and on open sockets, login fails, and it is audited', async () => {
    const u = await signUp(t, 'Dora Disabled');
    const second = (
      await t.request('POST', '/api/auth/login', { body: { email: u.email, password: u.password } })
    ).body.token as string;
    const socket = io(`${t.url}${LIVE_NAMESPACE}`, {
      transports: ['websocket'],
      auth: { token: u.token },
      forceNew: true,
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (r) => resolve(r)));

    const res = await disable(u.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: u.id,
      email: u.email,
      name: 'Dora Disabled',
      isOrganizer: false,
      disabledAt: expect.any(String),
      createdAt: expect.any(String),
    });
    await expect(closed).resolves.toBe('io server disconnect');
    for (const token of [u.token, second]) {
      expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(401);
    }
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: u.email, password: u.password },
    });
    expect(login.status).toBe(401);
    const refused = io(`${t.url}${LIVE_NAMESPACE}`, {
      transports: ['websocket'],
      auth: { token: u.token },
      forceNew: true,
      reconnection: false,
    });
    await expect(
      new Promise<Error>((resolve) => refused.once('connect_error', resolve)),
    ).resolves.toMatchObject({
      message: 'UNAUTHENTICATED',
    });
    refused.close();

    expect(await auditOf(u.id)).toEqual([
      {
        action: 'user.disabled',
        actor_id: organizer.id,
        edition_id: null,
        before: { disabledAt: null },
        after: { disabledAt: res.body.disabledAt },
      },
    ]);
  });

  it('records nothing more when a disabled user is disabled again, and enabling lets them sign in anew', async () => {
    const u = await signUp(t);
    await disable(u.id);
    const again = await disable(u.id);
    expect(again.status).toBe(200);
    expect((await auditOf(u.id)).map((a: { action: string }) => a.action)).toEqual(['user.disabled']);

    const res = await enable(u.id);
    expect(res.status).toBe(200);
    expect(res.body.disabledAt).toBeNull();
    expect((await auditOf(u.id)).map((a: { action: string }) => a.action)).toEqual([
      'user.disabled',
      'user.enabled',
    ]);
    // The sessions that were ended stay ended; a new sign-in works.
    expect((await t.request('GET', '/api/auth/me', { token: u.token })).status).toBe(401);
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: u.email, password: u.password },
    });
    expect(login.status).toBe(200);
  });

  it('does not let an organizer disable themself (403 FORBIDDEN), and changes nothing', async () => {
    const res = await disable(organizer.id);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('your own account'),
    });
    expect((await t.request('GET', '/api/auth/me', { token: organizer.token })).status).toBe(200);
    expect(await auditOf(organizer.id)).toEqual([]);
  });

  it('lets an organizer disable another organizer', async () => {
    const other = await signUpOrganizer(t);
    expect((await disable(other.id)).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { token: other.token })).status).toBe(401);
  });

  it('answers 404 for an unknown user and keeps the routes to organizers', async () => {
    expect((await disable('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await disable('not-a-uuid')).status).toBe(404);
    const u = await signUp(t);
    const victim = await signUp(t);
    expect((await disable(victim.id, u.token)).status).toBe(403);
    expect((await enable(victim.id, u.token)).status).toBe(403);
    expect((await t.request('POST', `/api/users/${victim.id}/disable`)).status).toBe(401);
    expect((await t.request('GET', '/api/users', { token: u.token })).status).toBe(403);
    expect((await t.request('GET', '/api/auth/me', { token: victim.token })).status).toBe(200);
  });

  it('finds users by part of the name or email, case-insensitively, by name and paginated', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const names = [`Zed ${tag}`, `Ana ${tag}`, `Mara ${tag}`];
    for (const n of names) await signUp(t, n);
    const byName = await t.request('GET', `/api/users?query=${tag.toUpperCase()}`, {
      token: organizer.token,
    });
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((u: { name: string }) => u.name)).toEqual([
      `Ana ${tag}`,
      `Mara ${tag}`,
      `Zed ${tag}`,
    ]);
    expect(byName.body.items[0]).toEqual({
      id: expect.any(String),
      email: expect.any(String),
      name: `Ana ${tag}`,
      isOrganizer: false,
      disabledAt: null,
      createdAt: expect.any(String),
    });

    const email = byName.body.items[1].email as string;
    const byEmail = await t.request(
      'GET',
      `/api/users?query=${encodeURIComponent(email.slice(2, 10).toUpperCase())}`,
      {
        token: organizer.token,
      },
    );
    expect(byEmail.body.items.map((u: { email: string }) => u.email)).toEqual([email]);

    const page1 = await t.request('GET', `/api/users?query=${tag}&limit=2`, { token: organizer.token });
    expect(page1.body.items).toHaveLength(2);
    const page2 = await t.request('GET', `/api/users?query=${tag}&limit=2&cursor=${page1.body.nextCursor}`, {
      token: organizer.token,
    });
    expect(page2.body.items.map((u: { name: string }) => u.name)).toEqual([`Zed ${tag}`]);
    expect(page2.body.nextCursor).toBeNull();
  });

  it('takes % and _ in the query literally, and refuses unknown query fields', async () => {
    const res = await t.request('GET', '/api/users?query=%25', { token: organizer.token });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    const all = await t.request('GET', '/api/users?limit=500', { token: organizer.token });
    expect(all.body.items.length).toBeGreaterThan(5);
    const bad = await t.request('GET', '/api/users?role=admin', { token: organizer.token });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('role');
  });
});
