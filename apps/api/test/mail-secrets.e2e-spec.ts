import { createTestApp, type TestApp } from './helpers/app';
import { captureLogs } from './helpers/logs';
import { fakeSmtp } from './helpers/smtp';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

/**
 * Reset links give the account to whoever reads them: they go to the account's address through
 * SMTP or nowhere, never to the outbox (which organizers read) nor to the log.
 */

// Captured from before the first app of this file is made: the logger may be built only once
// per process, by the first app.
const logs = captureLogs();
afterAll(() => logs.stop());

async function makeEdition(t: TestApp, organizer: TestUser): Promise<string> {
  const now = Date.now();
  const day = 86_400_000;
  const iso = (ms: number) => new Date(now + ms).toISOString();
  const res = await t.request('POST', '/api/editions', {
    token: organizer.token,
    body: {
      slug: `mail-${now.toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
      name: 'Mail Test Edition',
      description: '',
      published: true,
      registrationOpensAt: iso(-2 * day),
      registrationClosesAt: iso(day),
      hackingStartsAt: iso(-day),
      submissionDeadline: iso(2 * day),
      judgingEndsAt: iso(3 * day),
      teamMinSize: 1,
      teamMaxSize: 5,
    },
  });
  if (res.status !== 201) throw new Error(`edition: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Polls until `check` holds, failing after 5 s. */
async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Jury invitations are meant for organizers and may be kept and logged: their tokens are known.
const juryTokens = new Set<string>();

/** Reset links, and tokens in the text that are not a known jury invitation's. */
function secretsIn(text: string): string[] {
  const links = text.match(/reset-password[^\s"]*/g) ?? [];
  const tokens = [...text.matchAll(/token=([A-Za-z0-9_-]+)/g)].map((m) => m[1]!);
  return [...links, ...tokens.filter((tok) => !juryTokens.has(tok))];
}

describe.each([
  ['without SMTP_URL', false],
  ['when the SMTP server is unreachable', true],
])('password reset links are never kept nor logged (%s)', (_name, withSmtp) => {
  let t: TestApp;
  let organizer: TestUser;
  beforeAll(async () => {
    const env: Record<string, string> = { LOG_LEVEL: 'debug' };
    if (withSmtp) {
      const closed = await fakeSmtp();
      await closed.close();
      env.SMTP_URL = `smtp://127.0.0.1:${closed.port}`;
    }
    t = await createTestApp({ env });
    organizer = await signUpOrganizer(t);
  });
  afterAll(() => t.close());

  it('keeps no reset mail in the outbox, no token in the log and no reset that was not mailed', async () => {
    const u = await signUp(t);
    const res = await t.request('POST', '/api/auth/password-reset/request', { body: { email: u.email } });
    expect(res.status).toBe(202);
    // The operator is told, by address, that no link went out (and the capture works).
    await until(() => logs.text().includes(u.email), 'the log line about the reset');
    await until(
      async () => (await t.db.query(`SELECT 1 FROM password_resets WHERE user_id = $1`, [u.id])).length === 0,
      'the unmailed reset to be dropped',
    );
    const outbox = await t.request('GET', '/api/mail/outbox', { token: organizer.token });
    expect(outbox.status).toBe(200);
    expect(secretsIn(JSON.stringify(outbox.body.items))).toEqual([]);
    expect(outbox.body.items.filter((m: { kind: string }) => m.kind === 'password_reset')).toEqual([]);
    const kept = await t.db.query(
      `SELECT body FROM outbox WHERE kind = 'password_reset' OR body LIKE '%token=%'`,
    );
    expect(kept).toEqual([]);
    expect(secretsIn(logs.text())).toEqual([]);
    expect(logs.text()).toMatch(/SMTP/);
  });

  it('still keeps jury invitations in the outbox for organizers', async () => {
    const editionId = await makeEdition(t, organizer);
    const res = await t.request('POST', `/api/editions/${editionId}/jury/invitations`, {
      token: organizer.token,
      body: { email: `judge-${Date.now()}@example.test` },
    });
    expect(res.body.delivery).toBe('outbox');
    juryTokens.add(res.body.token);
    const outbox = await t.request('GET', '/api/mail/outbox?kind=jury_invitation', {
      token: organizer.token,
    });
    expect(JSON.stringify(outbox.body.items)).toContain(res.body.token);
  });
});
