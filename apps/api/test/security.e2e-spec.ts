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
      body: { email: 'big@example.test', password: 'long enough pw', name: 'x'.repeat(1000 * 1000) },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('name');
  });

  it.each([
    [
      'POST',
      '/api/auth/register',
      { email: 'n@example.test', password: 'long enough pw', name: 'N', admin: true },
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
