import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LIVE_NAMESPACE } from '@ca/shared';
import { io } from 'socket.io-client';
import { describeOrganizer } from '../src/modules/users/organizer';
import { UsersService } from '../src/modules/users/users.service';
import { createTestApp, type TestApp } from './helpers/app';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

/**
 * Making an account organizer (ORGANIZER_EMAIL at start-up, `npm run organizer`) ends the sessions
 * it had before, and never enables a disabled account unless asked to in so many words.
 */

const NEW_PASSWORD = 'the organizer passphrase';

const me = (t: TestApp, token: string) => t.request('GET', '/api/auth/me', { token });
const login = (t: TestApp, email: string, password: string) =>
  t.request('POST', '/api/auth/login', { body: { email, password } });

async function userRow(t: TestApp, id: string) {
  const rows = await t.db.query(`SELECT is_organizer, disabled_at, password_hash FROM users WHERE id = $1`, [
    id,
  ]);
  return rows[0] as { is_organizer: boolean; disabled_at: Date | null; password_hash: string };
}

async function disable(t: TestApp, organizer: TestUser, user: TestUser) {
  const res = await t.request('POST', `/api/users/${user.id}/disable`, { token: organizer.token });
  expect(res.status).toBe(200);
}

describe('promotion to organizer at start-up (UsersService.ensureOrganizer)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    admin = await signUpOrganizer(t);
  });
  afterAll(() => t.close());

  it('ends every session the account had before, on HTTP and on open sockets', async () => {
    const u = await signUp(t);
    const second = (await login(t, u.email, u.password)).body.token as string;
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

    const r = await t.app.get(UsersService).ensureOrganizer({ email: u.email, password: NEW_PASSWORD });
    expect(r).toMatchObject({ id: u.id, created: false, promoted: true, leftDisabled: false });
    await expect(closed).resolves.toBe('io server disconnect');
    expect((await me(t, u.token)).status).toBe(401);
    expect((await me(t, second)).status).toBe(401);
    const fresh = await login(t, u.email, NEW_PASSWORD);
    expect(fresh.status).toBe(200);
    expect(fresh.body.user.isOrganizer).toBe(true);
    expect(describeOrganizer(u.email, r)).toEqual({
      level: 'log',
      message: expect.stringMatching(/made organizer.*2 earlier sessions ended/),
    });
  });

  it('keeps the sessions of an organizer when nothing changes (a restart with the same ORGANIZER_*)', async () => {
    const o = await signUpOrganizer(t);
    const r = await t.app.get(UsersService).ensureOrganizer({ email: o.email, password: o.password });
    expect(r).toMatchObject({ promoted: false, passwordChanged: false, revokedSessionIds: [] });
    expect((await me(t, o.token)).status).toBe(200);
  });

  it('ends them when the password changes', async () => {
    const o = await signUpOrganizer(t);
    const r = await t.app.get(UsersService).ensureOrganizer({ email: o.email, password: NEW_PASSWORD });
    expect(r).toMatchObject({ promoted: false, passwordChanged: true });
    expect((await me(t, o.token)).status).toBe(401);
    expect((await login(t, o.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('leaves a disabled account disabled and untouched, and says so in a warning', async () => {
    const u = await signUp(t);
    await disable(t, admin, u);
    const before = await userRow(t, u.id);
    const r = await t.app.get(UsersService).ensureOrganizer({ email: u.email, password: NEW_PASSWORD });
    expect(r).toMatchObject({ id: u.id, leftDisabled: true, promoted: false, reenabled: false });
    expect(await userRow(t, u.id)).toEqual(before);
    expect((await login(t, u.email, NEW_PASSWORD)).status).toBe(401);
    expect(describeOrganizer(u.email, r)).toEqual({
      level: 'warn',
      message: expect.stringMatching(/is disabled.*left disabled.*--enable/),
    });
  });

  it('re-enables a disabled account only when asked to, and says so', async () => {
    const u = await signUp(t);
    await disable(t, admin, u);
    const r = await t.app
      .get(UsersService)
      .ensureOrganizer({ email: u.email, password: NEW_PASSWORD }, { enableDisabled: true });
    expect(r).toMatchObject({ reenabled: true, promoted: true, leftDisabled: false });
    expect(await userRow(t, u.id)).toMatchObject({ is_organizer: true, disabled_at: null });
    expect((await login(t, u.email, NEW_PASSWORD)).status).toBe(200);
    expect(describeOrganizer(u.email, r).message).toMatch(/re-enabled/);
  });
});

const CLI = path.resolve(__dirname, '..', 'dist', 'cli', 'organizer.js');

/** Runs the compiled `npm run organizer` against the test app's database. */
function runCli(t: TestApp, args: string[]): Promise<{ code: number | null; output: string }> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build -w @ca/api\` first`);
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: t.config.databaseUrl, LOG_LEVEL: 'warn' };
  delete env.REDIS_URL;
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('npm run organizer', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signUpOrganizer(t);
  });
  afterAll(() => t.close());

  it('makes an existing account organizer and ends its earlier sessions', async () => {
    const u = await signUp(t);
    const r = await runCli(t, ['--email', u.email, '--password', NEW_PASSWORD]);
    expect(r).toMatchObject({
      code: 0,
      output: expect.stringMatching(/made organizer.*1 earlier session ended/),
    });
    expect((await me(t, u.token)).status).toBe(401);
    expect((await userRow(t, u.id)).is_organizer).toBe(true);
  });

  it('refuses a disabled account without --enable, changing nothing, and re-enables it with --enable', async () => {
    const u = await signUp(t);
    await disable(t, admin, u);
    const before = await userRow(t, u.id);
    const refused = await runCli(t, ['--email', u.email, '--password', NEW_PASSWORD]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/disabled.*--enable/);
    expect(await userRow(t, u.id)).toEqual(before);

    const enabled = await runCli(t, ['--email', u.email, '--password', NEW_PASSWORD, '--enable']);
    expect(enabled).toMatchObject({ code: 0, output: expect.stringMatching(/re-enabled/) });
    expect(await userRow(t, u.id)).toMatchObject({ is_organizer: true, disabled_at: null });
    expect((await login(t, u.email, NEW_PASSWORD)).status).toBe(200);
  });
});
