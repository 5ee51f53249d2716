import { createHash } from 'node:crypto';
import { LIVE_NAMESPACE } from '@ca/shared';
import { io, type Socket } from 'socket.io-client';
import { createTestApp, type TestApp } from './helpers/app';
import { fakeSmtp, unQuote } from './helpers/smtp';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

const NEW_PASSWORD = 'a brand new passphrase';

async function login(t: TestApp, email: string, password: string) {
  return t.request('POST', '/api/auth/login', { body: { email, password } });
}

async function openSocket(t: TestApp, token: string): Promise<Socket> {
  const socket = io(`${t.url}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    auth: { token },
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Polls until `fn` gives a value (the reset mail leaves in the background), failing after 5 s. */
async function eventually<T>(fn: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Resets need SMTP: the reset tests read their mail from a fake SMTP server.
let smtp: Awaited<ReturnType<typeof fakeSmtp>>;

/** The texts of the mails the SMTP server took for `email`, oldest first. */
const mailsTo = (email: string) =>
  smtp.received.filter((m) => m.to.includes(email)).map((m) => ({ text: unQuote(m.data) }));

async function resetMailTo(_t: TestApp, email: string, count = 1): Promise<{ text: string }> {
  return eventually(async () => {
    const mails = mailsTo(email);
    return mails.length >= count ? mails[mails.length - 1] : undefined;
  });
}

const tokenIn = (text: string) => /reset-password\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('password change', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ listen: true });
  });
  afterAll(() => t.close());

  it('changes the password (204), keeps this session and ends every other one at once, sockets included', async () => {
    const u = await signUp(t);
    const other = (await login(t, u.email, u.password)).body.token as string;
    const socket = await openSocket(t, other);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (r) => resolve(r)));

    const res = await t.request('POST', '/api/auth/password', {
      token: u.token,
      body: { currentPassword: u.password, newPassword: NEW_PASSWORD },
    });
    expect(res.status).toBe(204);
    await expect(closed).resolves.toBe('io server disconnect');
    expect((await t.request('GET', '/api/auth/me', { token: u.token })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { token: other })).status).toBe(401);
    expect((await login(t, u.email, u.password)).status).toBe(401);
    expect((await login(t, u.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('answers 403 WRONG_PASSWORD for a wrong current password and changes nothing', async () => {
    const u = await signUp(t);
    const other = (await login(t, u.email, u.password)).body.token as string;
    const res = await t.request('POST', '/api/auth/password', {
      token: u.token,
      body: { currentPassword: 'not my password', newPassword: NEW_PASSWORD },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      code: 'WRONG_PASSWORD',
      message: expect.stringContaining('currentPassword'),
    });
    expect((await t.request('GET', '/api/auth/me', { token: other })).status).toBe(200);
    expect((await login(t, u.email, u.password)).status).toBe(200);
    expect((await login(t, u.email, NEW_PASSWORD)).status).toBe(401);
  });

  it.each([
    [{ currentPassword: 'correct horse battery', newPassword: 'short' }, 'newPassword'],
    [{ newPassword: NEW_PASSWORD }, 'currentPassword'],
    [{ currentPassword: 'correct horse battery', newPassword: NEW_PASSWORD, userId: 'x' }, 'userId'],
  ])('refuses %o with 400 naming %s', async (body, field) => {
    const u = await signUp(t);
    const res = await t.request('POST', '/api/auth/password', { token: u.token, body });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
    expect((await login(t, u.email, u.password)).status).toBe(200);
  });

  it('needs a session', async () => {
    const res = await t.request('POST', '/api/auth/password', {
      body: { currentPassword: 'whatever123', newPassword: NEW_PASSWORD },
    });
    expect(res.status).toBe(401);
  });
});

describe('password change: guesses count as failed logins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '2' } });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED once the account has too many failures, even to the right password', async () => {
    const u = await signUp(t);
    const hashOf = async () =>
      (await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [u.id]))[0].password_hash;
    const before = await hashOf();
    for (let i = 0; i < 2; i++) {
      const res = await t.request('POST', '/api/auth/password', {
        token: u.token,
        body: { currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD },
      });
      expect(res.status).toBe(403);
    }
    const blocked = await t.request('POST', '/api/auth/password', {
      token: u.token,
      body: { currentPassword: u.password, newPassword: NEW_PASSWORD },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(await hashOf()).toBe(before);
    // The same counter guards the login form.
    expect((await login(t, u.email, u.password)).status).toBe(429);
  });
});

describe('password reset by mailed token', () => {
  let t: TestApp;
  beforeAll(async () => {
    smtp = await fakeSmtp();
    t = await createTestApp({
      listen: true,
      env: { PUBLIC_URL: 'https://ca.example.test', SMTP_URL: `smtp://127.0.0.1:${smtp.port}` },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function requestReset(email: string) {
    return t.request('POST', '/api/auth/password-reset/request', { body: { email } });
  }

  it('mails a single-use link to an account (202), stores only the hash, and the link sets the password and ends every session', async () => {
    const u = await signUp(t);
    const second = (await login(t, u.email, u.password)).body.token as string;
    const socket = await openSocket(t, u.token);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (r) => resolve(r)));

    const res = await requestReset(u.email.toUpperCase());
    expect(res.status).toBe(202);
    const mail = await resetMailTo(t, u.email);
    expect(mail.text).toContain('https://ca.example.test/reset-password?token=');
    const token = tokenIn(mail.text)!;
    const stored = await t.db.query(
      `SELECT token_hash, expires_at - created_at AS ttl FROM password_resets WHERE user_id = $1`,
      [u.id],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0].ttl).toMatchObject({ hours: 1 });

    const done = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token, password: NEW_PASSWORD },
    });
    expect(done.status).toBe(204);
    await expect(closed).resolves.toBe('io server disconnect');
    expect((await t.request('GET', '/api/auth/me', { token: u.token })).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { token: second })).status).toBe(401);
    expect((await login(t, u.email, u.password)).status).toBe(401);
    expect((await login(t, u.email, NEW_PASSWORD)).status).toBe(200);

    const again = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token, password: 'yet another passphrase' },
    });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('INVALID_TOKEN');
    expect((await login(t, u.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const known = await signUp(t);
    const a = await requestReset(known.email);
    const b = await requestReset('nobody-here@example.test');
    expect(b.status).toBe(202);
    expect(b.body).toEqual(a.body);
    expect(b.headers['content-length']).toEqual(a.headers['content-length']);
    await resetMailTo(t, known.email);
    expect(mailsTo('nobody-here@example.test')).toEqual([]);
  });

  it('refuses an expired token with 410 and leaves the password alone', async () => {
    const u = await signUp(t);
    await requestReset(u.email);
    const token = tokenIn((await resetMailTo(t, u.email)).text)!;
    await t.db.query(
      `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [u.id],
    );
    const res = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token, password: NEW_PASSWORD },
    });
    expect(res.status).toBe(410);
    expect(res.body.code).toBe('INVALID_TOKEN');
    expect((await login(t, u.email, u.password)).status).toBe(200);
  });

  it('refuses unknown tokens with 410, and a short password with 400 without using the token up', async () => {
    const unknown = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token: 'made-up-token', password: NEW_PASSWORD },
    });
    expect(unknown.status).toBe(410);
    const u = await signUp(t);
    await requestReset(u.email);
    const token = tokenIn((await resetMailTo(t, u.email)).text)!;
    const short = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token, password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('password');
    const ok = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token, password: NEW_PASSWORD },
    });
    expect(ok.status).toBe(204);
  });

  it('voids the other pending links once one is used, and a password change voids them too', async () => {
    const u = await signUp(t);
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      await requestReset(u.email);
      await resetMailTo(t, u.email, i + 1);
    }
    for (const m of mailsTo(u.email)) tokens.push(tokenIn(m.text)!);
    expect(new Set(tokens).size).toBe(2);
    expect(
      (
        await t.request('POST', '/api/auth/password-reset/confirm', {
          body: { token: tokens[0], password: NEW_PASSWORD },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await t.request('POST', '/api/auth/password-reset/confirm', {
          body: { token: tokens[1], password: 'other passphrase' },
        })
      ).status,
    ).toBe(410);

    const v = await signUp(t);
    await requestReset(v.email);
    const pending = tokenIn((await resetMailTo(t, v.email)).text)!;
    await t.request('POST', '/api/auth/password', {
      token: v.token,
      body: { currentPassword: v.password, newPassword: NEW_PASSWORD },
    });
    expect(
      (
        await t.request('POST', '/api/auth/password-reset/confirm', {
          body: { token: pending, password: 'other passphrase' },
        })
      ).status,
    ).toBe(410);
  });

  it('lets exactly one of two simultaneous uses of a token through', async () => {
    const u = await signUp(t);
    await requestReset(u.email);
    const token = tokenIn((await resetMailTo(t, u.email)).text)!;
    const results = await Promise.all(
      ['first passphrase!', 'second passphrase'].map((password) =>
        t.request('POST', '/api/auth/password-reset/confirm', { body: { token, password } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([204, 410]);
  });

  it('sends at most 5 reset mails per account per hour, and none to a disabled account', async () => {
    const u = await signUp(t);
    for (let i = 0; i < 7; i++) expect((await requestReset(u.email)).status).toBe(202);
    const made = await t.db.query(`SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1`, [
      u.id,
    ]);
    expect(made[0].n).toBe(5);

    const organizer = await signUpOrganizer(t);
    const d: TestUser = await signUp(t);
    expect((await t.request('POST', `/api/users/${d.id}/disable`, { token: organizer.token })).status).toBe(
      200,
    );
    expect((await requestReset(d.email)).status).toBe(202);
    const none = await t.db.query(`SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1`, [
      d.id,
    ]);
    expect(none[0].n).toBe(0);
  });

  it('refuses a malformed address with 400 naming email', async () => {
    const res = await requestReset('not an email');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('email');
  });
});
