import { passwordHashGate } from '../src/common/auth/passwords';
import { createTestApp, type TestApp } from './helpers/app';

/**
 * Registering and asking for a reset are public and cost an Argon2 hash (or a mail): both are
 * limited per IP address (generously: a whole venue may share one), and the hashes that run at
 * once are bounded for the whole process.
 */

const register = (t: TestApp, email: string, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/auth/register', {
    body: { email, password: 'long enough pw', name: 'Limit Test', acceptTerms: true },
    headers,
  });
const resetRequest = (t: TestApp, email: string, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/auth/password-reset/request', { body: { email }, headers });
const unique = (p: string) => `${p}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

describe('per-IP limit on register and reset requests (REGISTER_RESET_MAX_PER_IP=3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      // TRUST_PROXY: the tests' requests come from 127.0.0.1 and name their client address.
      env: { REGISTER_RESET_MAX_PER_IP: '3', REGISTER_RESET_WINDOW_SECONDS: '60', TRUST_PROXY: 'loopback' },
    });
  });
  afterAll(() => t.close());

  it('answers the 4th registration from one address with 429 RATE_LIMITED and creates no account', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.10' };
    for (let i = 0; i < 3; i++) expect((await register(t, unique('reg'), ip)).status).toBe(201);
    const email = unique('reg-4th');
    const res = await register(t, email, ip);
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(await t.db.query(`SELECT 1 FROM users WHERE email = $1`, [email])).toEqual([]);
    // other addresses have their own count, and resets their own too
    expect((await register(t, unique('reg'), { 'x-forwarded-for': '203.0.113.11' })).status).toBe(201);
    expect((await resetRequest(t, unique('nobody'), ip)).status).toBe(202);
  });

  it('counts registrations sent at once exactly', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.20' };
    const results = await Promise.all(Array.from({ length: 8 }, () => register(t, unique('burst'), ip)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
  });

  it('answers the 4th reset request from one address with 429, whether or not the account exists', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.30' };
    for (let i = 0; i < 3; i++) expect((await resetRequest(t, unique('nobody'), ip)).status).toBe(202);
    const res = await resetRequest(t, unique('nobody'), ip);
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('RATE_LIMITED');
  });
});

describe('the default per-IP limit is generous', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lets 30 registrations from one address through at once', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => register(t, unique('venue'))));
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
  });
});

describe('how many Argon2 hashes run at once (PASSWORD_HASH_CONCURRENCY=2)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { PASSWORD_HASH_CONCURRENCY: '2' } });
  });
  afterAll(() => t.close());

  it('runs at most 2 of 12 simultaneous registrations and sign-ins, and all of them complete', async () => {
    passwordHashGate.resetPeak();
    const emails = Array.from({ length: 6 }, () => unique('gate'));
    const regs = await Promise.all(emails.map((e) => register(t, e)));
    expect(regs.map((r) => r.status)).toEqual(Array(6).fill(201));
    const logins = await Promise.all(
      emails.map((email) =>
        t.request('POST', '/api/auth/login', { body: { email, password: 'long enough pw' } }),
      ),
    );
    expect(logins.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(passwordHashGate.peak).toBe(2);
    expect(passwordHashGate.running).toBe(0);
  });
});

describe('reset confirmation with a made-up token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('costs no Argon2 hash: the token is checked first', async () => {
    passwordHashGate.resetPeak();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        t.request('POST', '/api/auth/password-reset/confirm', {
          body: { token: `made-up-token-${i}`, password: 'long enough pw' },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(5).fill(410));
    expect(passwordHashGate.peak).toBe(0);
  });
});

// With REDIS_URL, the counts live in Redis, so that every instance sees them.
const withRedis = process.env.REDIS_URL ? describe : describe.skip;
if (!process.env.REDIS_URL)
  console.log('[auth-limits] REDIS_URL unset: the shared per-IP register limit test is skipped');

withRedis('per-IP register limit across two API instances (Redis)', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const env = {
      REDIS_URL: process.env.REDIS_URL!,
      REDIS_KEY_PREFIX: `ca-test-${process.pid}-${Date.now()}:`,
      REGISTER_RESET_MAX_PER_IP: '3',
    };
    a = await createTestApp({ env });
    b = await createTestApp({ env });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('counts registrations made on one instance when another is asked', async () => {
    expect((await register(a, unique('r'))).status).toBe(201);
    expect((await register(a, unique('r'))).status).toBe(201);
    expect((await register(b, unique('r'))).status).toBe(201);
    expect((await register(b, unique('r'))).status).toBe(429);
    expect((await register(a, unique('r'))).status).toBe(429);
  });
});
