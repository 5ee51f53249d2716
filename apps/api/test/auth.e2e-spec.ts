import { LIVE_NAMESPACE, TERMS_VERSION } from '@ca/shared';
import { io } from 'socket.io-client';
import { createTestApp, type TestApp } from './helpers/app';
import { signUp } from './helpers/users';

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ listen: true });
  });
  afterAll(() => t.close());

  it('registers, returns { user, token } and sets an httpOnly SameSite=Lax session cookie', async () => {
    const res = await t.request('POST', '/api/auth/register', {
      body: { email: 'Ana.Pop@Example.test', password: 'ten chars!!', name: 'Ana Pop', acceptTerms: true },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toEqual({
      id: expect.any(String),
      email: 'ana.pop@example.test',
      name: 'Ana Pop',
      isOrganizer: false,
    });
    expect(res.body.token).toEqual(expect.any(String));
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^ca_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/); // PUBLIC_URL is http in tests
  });

  it('compares emails case-insensitively: a second account for the same address is refused', async () => {
    const res = await t.request('POST', '/api/auth/register', {
      body: {
        email: 'ANA.POP@example.TEST',
        password: 'another password',
        name: 'Impostor',
        acceptTerms: true,
      },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: 'ANA.pop@EXAMPLE.test', password: 'ten chars!!' },
    });
    expect(login.status).toBe(200);
  });

  it.each([
    [{ email: 'x@example.test', password: 'short', name: 'X' }, 'password'],
    [{ email: 'not-an-email', password: 'long enough pw', name: 'X' }, 'email'],
    [{ email: 'y@example.test', password: 'long enough pw', name: '' }, 'name'],
    [{ email: 'z@example.test', password: 'long enough pw', name: 'Z', isOrganizer: true }, 'isOrganizer'],
  ])('refuses %o with 400 naming %s, creating nothing', async (body, field) => {
    const res = await t.request('POST', '/api/auth/register', { body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain(field);
    const count = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [
      String(body.email).toLowerCase(),
    ]);
    expect(count[0].n).toBe(0);
  });

  it('refuses a sign-up with acceptTerms: false with 400 TERMS_NOT_ACCEPTED, creating nothing', async () => {
    const body = { email: 't2@example.test', password: 'long enough pw', name: 'T', acceptTerms: false };
    const res = await t.request('POST', '/api/auth/register', { body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'TERMS_NOT_ACCEPTED' });
    expect(res.body.message).toContain('acceptTerms');
    expect(await t.db.query(`SELECT 1 FROM users WHERE email = $1`, [body.email])).toEqual([]);
  });

  it('signs up with the contract’s { email, password, name } alone, recording no consent', async () => {
    const res = await t.request('POST', '/api/auth/register', {
      body: { email: 't1@example.test', password: 'long enough pw', name: 'T' },
    });
    expect(res.status).toBe(201);
    expect(res.body.token).toEqual(expect.any(String));
    const rows: { terms_version: string | null; terms_accepted_at: Date | null }[] = await t.db.query(
      `SELECT terms_version, terms_accepted_at FROM users WHERE email = 't1@example.test'`,
    );
    expect(rows).toEqual([{ terms_version: null, terms_accepted_at: null }]);
  });

  it('records the terms accepted (version, database time) and the language of the mail', async () => {
    const before: { now: Date }[] = await t.db.query('SELECT now() AS now');
    const ro = await t.request('POST', '/api/auth/register', {
      body: { email: 'terms-ro@example.test', password: 'long enough pw', name: 'Ro', acceptTerms: true },
      headers: { 'accept-language': 'ro-RO,ro;q=0.9,en;q=0.5' },
    });
    const chosen = await t.request('POST', '/api/auth/register', {
      body: {
        email: 'terms-en@example.test',
        password: 'long enough pw',
        name: 'En',
        acceptTerms: true,
        language: 'en',
      },
      headers: { 'accept-language': 'ro' },
    });
    expect([ro.status, chosen.status]).toEqual([201, 201]);
    const rows: { email: string; language: string; terms_version: string; terms_accepted_at: Date }[] =
      await t.db.query(
        `SELECT email, language, terms_version, terms_accepted_at FROM users
          WHERE email IN ('terms-ro@example.test', 'terms-en@example.test') ORDER BY email`,
      );
    expect(rows.map((r) => [r.email, r.language, r.terms_version])).toEqual([
      ['terms-en@example.test', 'en', TERMS_VERSION],
      ['terms-ro@example.test', 'ro', TERMS_VERSION],
    ]);
    for (const r of rows)
      expect(r.terms_accepted_at.getTime()).toBeGreaterThanOrEqual(before[0]!.now.getTime());
    const settings = await t.request('GET', '/api/auth/me/notifications', { token: ro.body.token });
    expect(settings.body).toEqual({
      language: 'ro',
      joinRequests: true,
      deadlineReminders: true,
      results: true,
    });
  });

  it('answers a wrong password and an unknown email alike with 401', async () => {
    const u = await signUp(t);
    const wrong = await t.request('POST', '/api/auth/login', {
      body: { email: u.email, password: 'wrong password' },
    });
    const unknown = await t.request('POST', '/api/auth/login', {
      body: { email: 'nobody@example.test', password: 'whatever1234' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('accepts the Bearer token and the cookie alike on /me', async () => {
    const u = await signUp(t, 'Mihai');
    const bearer = await t.request('GET', '/api/auth/me', { token: u.token });
    expect(bearer.status).toBe(200);
    expect(bearer.body).toMatchObject({ id: u.id, name: 'Mihai', isOrganizer: false, editions: [] });
    const cookie = await t.request('GET', '/api/auth/me', { headers: { cookie: `ca_session=${u.token}` } });
    expect(cookie.status).toBe(200);
    expect(cookie.body.id).toBe(u.id);
  });

  it('answers 401 with no token, a forged token and an expired one', async () => {
    expect((await t.request('GET', '/api/auth/me')).status).toBe(401);
    const forged = await t.request('GET', '/api/auth/me', { token: 'forged-token-value' });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('UNAUTHENTICATED');
    const u = await signUp(t);
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      u.id,
    ]);
    expect((await t.request('GET', '/api/auth/me', { token: u.token })).status).toBe(401);
  });

  it('treats a stale token on a public endpoint as anonymous rather than failing the page', async () => {
    const res = await t.request('GET', '/api/editions', { token: 'stale' });
    expect(res.status).toBe(200);
  });

  it('logout revokes the session on HTTP and closes its open socket', async () => {
    const u = await signUp(t);
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
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    const out = await t.request('POST', '/api/auth/logout', { token: u.token });
    expect(out.status).toBe(204);
    await expect(closed).resolves.toBe('io server disconnect');
    expect((await t.request('GET', '/api/auth/me', { token: u.token })).status).toBe(401);
  });

  it('refuses a socket handshake with a forged token, and admits an anonymous one', async () => {
    const forged = io(`${t.url}${LIVE_NAMESPACE}`, {
      transports: ['websocket'],
      auth: { token: 'forged' },
      forceNew: true,
      reconnection: false,
    });
    const err = await new Promise<Error>((resolve) => forged.once('connect_error', resolve));
    expect(err.message).toBe('UNAUTHENTICATED');
    forged.close();
    const anon = io(`${t.url}${LIVE_NAMESPACE}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    await new Promise<void>((resolve) => anon.once('connect', () => resolve()));
    anon.close();
  });
});

describe('failed-login rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '5', LOGIN_WINDOW_SECONDS: '2' },
    });
  });
  afterAll(() => t.close());

  it('answers 429 after repeated failures on one account, even to the right password, and clears after the window', async () => {
    const u = await signUp(t);
    for (let i = 0; i < 3; i++) {
      expect(
        (await t.request('POST', '/api/auth/login', { body: { email: u.email, password: 'wrong password' } }))
          .status,
      ).toBe(401);
    }
    const blocked = await t.request('POST', '/api/auth/login', {
      body: { email: u.email, password: u.password },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    await new Promise((r) => setTimeout(r, 2100));
    expect(
      (await t.request('POST', '/api/auth/login', { body: { email: u.email, password: u.password } })).status,
    ).toBe(200);
  });

  it('never counts a good login', async () => {
    const u = await signUp(t);
    for (let i = 0; i < 6; i++) {
      expect(
        (await t.request('POST', '/api/auth/login', { body: { email: u.email, password: u.password } }))
          .status,
      ).toBe(200);
    }
  });

  it('limits failures per IP across accounts', async () => {
    await new Promise((r) => setTimeout(r, 2100)); // a fresh window for this IP
    for (let i = 0; i < 5; i++) {
      const res = await t.request('POST', '/api/auth/login', {
        body: { email: `ip-${i}@example.test`, password: 'wrong password' },
      });
      expect(res.status).toBe(401);
    }
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: 'ip-fresh@example.test', password: 'wrong password' },
    });
    expect(res.status).toBe(429);
  });
});

/** 30 wrong passwords for one account at once: the statuses, sorted. */
async function parallelWrongPasswords(t: TestApp, email: string, n = 30): Promise<number[]> {
  const results = await Promise.all(
    Array.from({ length: n }, () =>
      t.request('POST', '/api/auth/login', { body: { email, password: 'wrong password' } }),
    ),
  );
  return results.map((r) => r.status).sort();
}

describe('failed-login limit under parallel guesses (default limits: 10 per account)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('tries at most 10 of 30 simultaneous wrong passwords for one account; the rest are 429', async () => {
    const u = await signUp(t);
    const statuses = await parallelWrongPasswords(t, u.email);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    const right = await t.request('POST', '/api/auth/login', {
      body: { email: u.email, password: u.password },
    });
    expect(right.status).toBe(429);
  });

  it('gives the slot back after a good login, also when good logins run side by side', async () => {
    const u = await signUp(t);
    const good = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.request('POST', '/api/auth/login', { body: { email: u.email, password: u.password } }),
      ),
    );
    expect(good.map((r) => r.status)).toEqual(Array(8).fill(200));
    // none of the 8 was kept: all 10 failures are still available
    const statuses = await parallelWrongPasswords(t, u.email, 12);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
  });
});

// With REDIS_URL, the failed-login counters live in Redis, so that every instance sees them.
const withRedis = process.env.REDIS_URL ? describe : describe.skip;
if (!process.env.REDIS_URL)
  console.log('[auth] REDIS_URL unset: the shared failed-login counter test is skipped');

withRedis('failed-login limits across two API instances (Redis)', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    // A prefix of this run's own, so that counters of other runs on the same Redis do not count.
    const env = {
      REDIS_URL: process.env.REDIS_URL!,
      REDIS_KEY_PREFIX: `ca-test-${process.pid}-${Date.now()}:`,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_WINDOW_SECONDS: '2',
    };
    a = await createTestApp({ env });
    b = await createTestApp({ env });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('tries at most 3 of 30 wrong passwords sent at once to two instances; the rest are 429', async () => {
    const email = `parallel-${Date.now()}@example.test`;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? a : b).request('POST', '/api/auth/login', { body: { email, password: 'wrong password' } }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(27);
  });

  it('gives the slot back after a good login (Redis)', async () => {
    const u = await signUp(a);
    // (each instance has its own database: the account exists on `a` only)
    for (let i = 0; i < 5; i++) {
      const res = await a.request('POST', '/api/auth/login', {
        body: { email: u.email, password: u.password },
      });
      expect(res.status).toBe(200);
    }
    const statuses = await parallelWrongPasswords(a, u.email, 5);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
  });

  it('counts failures made on one instance when another is asked, and forgets them after the window', async () => {
    const email = `shared-${Date.now()}@example.test`;
    for (let i = 0; i < 3; i++) {
      const res = await a.request('POST', '/api/auth/login', { body: { email, password: 'wrong password' } });
      expect(res.status).toBe(401);
    }
    const blocked = await b.request('POST', '/api/auth/login', {
      body: { email, password: 'wrong password' },
    });
    expect(blocked.status).toBe(429);
    await new Promise((r) => setTimeout(r, 2100));
    expect(
      (await b.request('POST', '/api/auth/login', { body: { email, password: 'wrong password' } })).status,
    ).toBe(401);
  });
});
