import { createTestApp, type TestApp } from './helpers/app';
import { fakeSmtp, subjectOf, unQuote } from './helpers/smtp';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

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

describe('mail through SMTP (SMTP_URL set)', () => {
  let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
  let t: TestApp;
  let organizer: TestUser;
  let editionId: string;
  beforeAll(async () => {
    smtp = await fakeSmtp();
    t = await createTestApp({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: 'Jury Desk <jury@ca.example.test>',
        PUBLIC_URL: 'https://ca.example.test',
      },
    });
    organizer = await signUpOrganizer(t);
    editionId = await makeEdition(t, organizer);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('hands the invitation to the SMTP server, with the link, and keeps nothing in the outbox', async () => {
    const res = await t.request('POST', `/api/editions/${editionId}/jury/invitations`, {
      token: organizer.token,
      body: { email: 'Judge.Smtp@Example.test' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ token: expect.any(String), delivery: 'smtp' });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['judge.smtp@example.test']);
    expect(mail.from).toContain('jury@ca.example.test');
    expect(unQuote(mail.data)).toContain(`https://ca.example.test/jury/accept?token=${res.body.token}`);
    expect(subjectOf(mail.data)).toBe(
      'You are invited to the jury of Mail Test Edition · Vă invităm în juriul Mail Test Edition',
    );
    const outbox = await t.request('GET', '/api/mail/outbox', { token: organizer.token });
    expect(outbox.body.items).toEqual([]);
  });

  it('sends the reset link through SMTP too', async () => {
    const u = await signUp(t);
    const before = smtp.received.length;
    expect(
      (await t.request('POST', '/api/auth/password-reset/request', { body: { email: u.email } })).status,
    ).toBe(202);
    const deadline = Date.now() + 5000;
    while (smtp.received.length === before && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const mail = smtp.received[before]!;
    expect(mail.to).toEqual([u.email]);
    expect(unQuote(mail.data)).toMatch(/https:\/\/ca\.example\.test\/reset-password\?token=[A-Za-z0-9_-]+/);
  });
});

describe('mail when the SMTP server is unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    const closed = await fakeSmtp();
    await closed.close(); // nothing listens on this port any more
    t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${closed.port}` } });
  });
  afterAll(() => t.close());

  it('keeps the mail in the outbox instead of losing it', async () => {
    const organizer = await signUpOrganizer(t);
    const editionId = await makeEdition(t, organizer);
    const res = await t.request('POST', `/api/editions/${editionId}/jury/invitations`, {
      token: organizer.token,
      body: { email: 'judge@example.test' },
    });
    expect(res.status).toBe(201);
    expect(res.body.delivery).toBe('outbox');
    const outbox = await t.request('GET', '/api/mail/outbox', { token: organizer.token });
    expect(outbox.body.items).toHaveLength(1);
    expect(outbox.body.items[0].text).toContain(res.body.token);
    // The invitee has no account the API could read a language from: the mail says it in both.
    expect(outbox.body.items[0].text).toContain('invites you to judge the projects of');
    expect(outbox.body.items[0].text).toContain('vă invită să jurizați proiectele ediției');
  });
});

describe('outbox (no SMTP_URL)', () => {
  let t: TestApp;
  let organizer: TestUser;
  let editionId: string;
  beforeAll(async () => {
    t = await createTestApp();
    organizer = await signUpOrganizer(t);
    editionId = await makeEdition(t, organizer);
  });
  afterAll(() => t.close());

  it('keeps every mail for organizers, newest first, paginated and filterable by kind and edition', async () => {
    const tokens: string[] = [];
    for (const email of ['a@example.test', 'b@example.test', 'c@example.test']) {
      const res = await t.request('POST', `/api/editions/${editionId}/jury/invitations`, {
        token: organizer.token,
        body: { email },
      });
      expect(res.body.delivery).toBe('outbox');
      tokens.push(res.body.token);
    }
    const first = await t.request('GET', '/api/mail/outbox?limit=2', { token: organizer.token });
    expect(first.status).toBe(200);
    expect(first.body.items.map((m: { to: string }) => m.to)).toEqual(['c@example.test', 'b@example.test']);
    expect(first.body.items[0]).toEqual({
      id: expect.any(String),
      to: 'c@example.test',
      subject: 'You are invited to the jury of Mail Test Edition · Vă invităm în juriul Mail Test Edition',
      text: expect.stringContaining(`http://localhost:3000/jury/accept?token=${tokens[2]}`),
      kind: 'jury_invitation',
      editionId,
      createdAt: expect.any(String),
    });
    const second = await t.request('GET', `/api/mail/outbox?limit=2&cursor=${first.body.nextCursor}`, {
      token: organizer.token,
    });
    expect(second.body.items.map((m: { to: string }) => m.to)).toEqual(['a@example.test']);
    expect(second.body.nextCursor).toBeNull();

    const resets = await t.request('GET', '/api/mail/outbox?kind=password_reset', { token: organizer.token });
    expect(resets.body.items).toEqual([]);
    const other = await t.request('GET', `/api/mail/outbox?editionId=${organizer.id}`, {
      token: organizer.token,
    });
    expect(other.body.items).toEqual([]);
  });

  it('is for organizers only, and refuses unknown query fields', async () => {
    const u = await signUp(t);
    expect((await t.request('GET', '/api/mail/outbox')).status).toBe(401);
    expect((await t.request('GET', '/api/mail/outbox', { token: u.token })).status).toBe(403);
    const bad = await t.request('GET', '/api/mail/outbox?kind=spam', { token: organizer.token });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('kind');
  });
});
