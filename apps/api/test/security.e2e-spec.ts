import { createTestApp, type TestApp } from './helpers/app';
import { signUp, signUpOrganizer } from './helpers/users';

describe('security headers and closed CORS (default configuration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends helmet security headers on API answers', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sends them on errors too', async () => {
    const res = await t.request('GET', '/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
  });

  it('gives a foreign origin no access-control-allow-origin, on requests and preflights', async () => {
    const get = await t.request('GET', '/api/editions', { headers: { origin: 'https://evil.example' } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    expect(get.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await t.request('OPTIONS', '/api/auth/login', {
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a body over 1 MiB with 413 PAYLOAD_TOO_LARGE, before any account is made', async () => {
    const res = await t.request('POST', '/api/auth/register', {
      body: { email: 'big@example.test', password: 'long enough pw', name: 'x'.repeat(1024 * 1024 + 1) },
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    const n = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'big@example.test'`);
    expect(n[0].n).toBe(0);
  });

  it('accepts a body just under 1 MiB as far as the size goes (the schema then judges it)', async () => {
    const res = await t.request('POST', '/api/auth/register', {
      body: {
        email: 'big@example.test',
        password: 'long enough pw',
        name: 'x'.repeat(1000 * 1000),
        acceptTerms: true,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('name');
  });

  it.each([
    [
      'POST',
      '/api/auth/register',
      { email: 'n@example.test', password: 'long enough pw', name: 'N', acceptTerms: true, admin: true },
      'admin',
    ],
    [
      'POST',
      '/api/auth/login',
      { email: 'n@example.test', password: 'long enough pw', remember: true },
      'remember',
    ],
    ['POST', '/api/auth/password-reset/request', { email: 'n@example.test', userId: 'x' }, 'userId'],
    [
      'POST',
      '/api/auth/password-reset/confirm',
      { token: 'x', password: 'long enough pw', email: 'x' },
      'email',
    ],
  ])('refuses unknown fields: %s %s → 400 naming the field', async (method, path, body, field) => {
    const res = await t.request(method, path, { body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain(field);
  });

  it('refuses unknown fields on signed-in routes too', async () => {
    const u = await signUp(t);
    const change = await t.request('POST', '/api/auth/password', {
      token: u.token,
      body: { currentPassword: u.password, newPassword: 'another long one', isOrganizer: true },
    });
    expect(change.status).toBe(400);
    expect(change.body.message).toContain('isOrganizer');
    const organizer = await signUpOrganizer(t);
    const search = await t.request('GET', '/api/users?query=a&isOrganizer=true', { token: organizer.token });
    expect(search.status).toBe(400);
    expect(search.body.message).toContain('isOrganizer');
  });
});

describe('CORS with CORS_ORIGINS set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: 'https://ok.example' } });
  });
  afterAll(() => t.close());

  it('allows the listed origin, with credentials, on requests and preflights', async () => {
    const get = await t.request('GET', '/api/editions', { headers: { origin: 'https://ok.example' } });
    expect(get.headers['access-control-allow-origin']).toBe('https://ok.example');
    expect(get.headers['access-control-allow-credentials']).toBe('true');
    const preflight = await t.request('OPTIONS', '/api/auth/login', {
      headers: {
        origin: 'https://ok.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://ok.example');
  });

  it('still gives any other origin nothing', async () => {
    const get = await t.request('GET', '/api/editions', { headers: { origin: 'https://evil.example' } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });
});

/** Failed logins for new addresses, each from the given X-Forwarded-For (none when undefined). */
async function failedLogins(t: TestApp, forwardedFor: (i: number) => string | undefined, n: number) {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const ff = forwardedFor(i);
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: `ff-${Date.now()}-${i}@example.test`, password: 'wrong password' },
      headers: ff ? { 'x-forwarded-for': ff } : {},
    });
    statuses.push(res.status);
  }
  return statuses;
}

const LIMITS = { LOGIN_MAX_FAILURES_PER_IP: '3', LOGIN_WINDOW_SECONDS: '60' };

describe('client address: no proxy trusted by default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: LIMITS });
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For: rotating it does not escape the per-IP limit', async () => {
    const statuses = await failedLogins(t, (i) => `203.0.113.${i + 1}`, 5);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});

describe.each([
  ['a named range', 'loopback'],
  ['the proxy address', '127.0.0.1'],
  ['a CIDR with the proxy in it', '10.0.0.0/8, 127.0.0.0/8'],
])('client address with TRUST_PROXY set to %s', (_what, trustProxy) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { ...LIMITS, TRUST_PROXY: trustProxy } });
  });
  afterAll(() => t.close());

  it('takes the client address from X-Forwarded-For, so each client has its own limit', async () => {
    expect(await failedLogins(t, (i) => `203.0.113.${i + 1}`, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(await failedLogins(t, () => '198.51.100.7', 4)).toEqual([401, 401, 401, 429]);
  });
});

describe('client address with TRUST_PROXY naming another proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { ...LIMITS, TRUST_PROXY: '10.1.2.3' } });
  });
  afterAll(() => t.close());

  it('does not believe X-Forwarded-For from a peer that is not that proxy', async () => {
    expect(await failedLogins(t, (i) => `203.0.113.${i + 1}`, 4)).toEqual([401, 401, 401, 429]);
  });
});

describe('JSON bodies only, and no state change from a foreign Origin (cross-site requests)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { PUBLIC_URL: 'https://ca.example.test', CORS_ORIGINS: 'https://partner.example' },
    });
  });
  afterAll(() => t.close());

  const formHeaders = (u: { token: string }, extra: Record<string, string> = {}) => ({
    cookie: `ca_session=${u.token}`,
    'content-type': 'application/x-www-form-urlencoded',
    ...extra,
  });
  const passwordWorks = async (email: string, password: string) =>
    (await t.request('POST', '/api/auth/login', { body: { email, password } })).status === 200;

  it('refuses a cross-site HTML form posted with the session cookie, and changes nothing', async () => {
    const u = await signUp(t);
    const raw = `currentPassword=${encodeURIComponent(u.password)}&newPassword=taken+over+by+a+form`;
    const res = await t.request('POST', '/api/auth/password', {
      raw,
      headers: formHeaders(u, { origin: 'https://evil.example' }),
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ statusCode: 403, code: 'ORIGIN_REFUSED' });
    expect(await passwordWorks(u.email, u.password)).toBe(true);
  });

  it.each([
    [
      'application/x-www-form-urlencoded',
      (p: string) => `currentPassword=${encodeURIComponent(p)}&newPassword=taken+over+by+a+form`,
    ],
    [
      'text/plain',
      (p: string) => JSON.stringify({ currentPassword: p, newPassword: 'taken over by a form' }),
    ],
    [
      'multipart/form-data; boundary=x',
      (p: string) => `--x\r\nContent-Disposition: form-data; name="currentPassword"\r\n\r\n${p}\r\n--x--\r\n`,
    ],
  ])(
    'answers a %s body with 415 UNSUPPORTED_MEDIA_TYPE even without Origin, and changes nothing',
    async (type, body) => {
      const u = await signUp(t);
      const res = await t.request('POST', '/api/auth/password', {
        raw: body(u.password),
        headers: { cookie: `ca_session=${u.token}`, 'content-type': type },
      });
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(await passwordWorks(u.email, u.password)).toBe(true);
    },
  );

  it('answers a body without a content type with 415, and creates nothing', async () => {
    const res = await t.request('POST', '/api/auth/register', {
      raw: JSON.stringify({
        email: 'no-type@example.test',
        password: 'long enough pw',
        name: 'N',
        acceptTerms: true,
      }),
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const n = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'no-type@example.test'`);
    expect(n[0].n).toBe(0);
  });

  it('refuses JSON from a foreign Origin (and from Origin: null) with 403 ORIGIN_REFUSED', async () => {
    for (const origin of ['https://evil.example', 'null', 'https://ca.example.test.evil.example']) {
      const res = await t.request('POST', '/api/auth/register', {
        body: { email: 'foreign@example.test', password: 'long enough pw', name: 'F', acceptTerms: true },
        headers: { origin },
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('ORIGIN_REFUSED');
    }
    const n = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'foreign@example.test'`);
    expect(n[0].n).toBe(0);
  });

  it('accepts JSON from the app origin, from CORS_ORIGINS, from its own host, and with no Origin at all', async () => {
    const cases: Record<string, string>[] = [
      { origin: 'https://ca.example.test' },
      { origin: 'https://partner.example' },
      { origin: 'http://10.0.0.5:8080', host: '10.0.0.5:8080' },
      {},
    ];
    for (const [i, headers] of cases.entries()) {
      const res = await t.request('POST', '/api/auth/register', {
        body: {
          email: `ok-${i}-${Date.now()}@example.test`,
          password: 'long enough pw',
          name: 'Ok',
          acceptTerms: true,
        },
        headers,
      });
      expect(res.status).toBe(201);
    }
    const json = await t.request('POST', '/api/auth/login', {
      body: { email: 'nobody@example.test', password: 'whatever1234' },
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(json.status).toBe(401);
  });

  it('lets reads from anywhere through, and a POST without a body needs no content type', async () => {
    const read = await t.request('GET', '/api/editions', { headers: { origin: 'https://evil.example' } });
    expect(read.status).toBe(200);
    const u = await signUp(t);
    const out = await t.request('POST', '/api/auth/logout', { token: u.token });
    expect(out.status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { token: u.token })).status).toBe(401);
  });

  it('refuses a foreign Origin on a signed-in state change without a body too', async () => {
    const u = await signUp(t);
    const out = await t.request('POST', '/api/auth/logout', {
      headers: { cookie: `ca_session=${u.token}`, origin: 'https://evil.example' },
    });
    expect(out.status).toBe(403);
    expect((await t.request('GET', '/api/auth/me', { token: u.token })).status).toBe(200);
  });
});
