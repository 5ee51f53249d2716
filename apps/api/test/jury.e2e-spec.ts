import { createHash } from 'node:crypto';
import { createTestApp, type TestApp } from './helpers/app';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

const day = 86_400_000;

async function makeEdition(t: TestApp, organizer: TestUser, tracks: string[]) {
  const now = Date.now();
  const iso = (ms: number) => new Date(now + ms).toISOString();
  const slug = `jury-${now.toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const res = await t.request('POST', '/api/editions', {
    token: organizer.token,
    body: {
      slug,
      name: `Edition ${slug}`,
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
  const trackIds: string[] = [];
  for (const name of tracks) {
    const tr = await t.request('POST', `/api/editions/${res.body.id}/tracks`, {
      token: organizer.token,
      body: { name, slug: name.toLowerCase(), description: '' },
    });
    if (tr.status !== 201) throw new Error(`track: ${tr.status} ${JSON.stringify(tr.body)}`);
    trackIds.push(tr.body.id);
  }
  return { id: res.body.id as string, trackIds };
}

describe('jury invitations', () => {
  let t: TestApp;
  let organizer: TestUser;
  let edition: { id: string; trackIds: string[] };
  let otherEdition: { id: string; trackIds: string[] };

  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_URL: 'https://ca.example.test/' } });
    organizer = await signUpOrganizer(t);
    edition = await makeEdition(t, organizer, ['Health', 'Tourism']);
    otherEdition = await makeEdition(t, organizer, ['Environment']);
  });
  afterAll(() => t.close());

  const invite = (body: unknown, editionId = edition.id, token = organizer.token) =>
    t.request('POST', `/api/editions/${editionId}/jury/invitations`, { token, body });
  const accept = (token: string, as?: TestUser) =>
    t.request('POST', `/api/jury/invitations/${token}/accept`, { token: as?.token });
  const invitationCount = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM jury_invitations`))[0].n as number;

  it('invites by mail (201 { token }), stores the token hashed with a 14-day expiry, and audits it', async () => {
    const res = await invite({ email: 'Dr.Judge@Example.test', trackIds: [edition.trackIds[0]] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ token: expect.any(String), delivery: 'outbox' });
    const { token } = res.body;

    const [row] = await t.db.query(
      `SELECT email, track_ids, token_hash, invited_by, accepted_at,
              extract(epoch FROM expires_at - created_at) / 86400 AS days
         FROM jury_invitations WHERE token_hash = $1`,
      [createHash('sha256').update(token).digest('hex')],
    );
    expect(row).toMatchObject({
      email: 'dr.judge@example.test',
      track_ids: [edition.trackIds[0]],
      invited_by: organizer.id,
      accepted_at: null,
    });
    expect(Number(row.days)).toBeCloseTo(14, 5);
    expect(JSON.stringify(await t.db.query(`SELECT * FROM jury_invitations`))).not.toContain(token);

    const mails = await t.request('GET', `/api/mail/outbox?editionId=${edition.id}`, {
      token: organizer.token,
    });
    expect(mails.body.items[0]).toMatchObject({ to: 'dr.judge@example.test', kind: 'jury_invitation' });
    expect(mails.body.items[0].text).toContain(`https://ca.example.test/jury/accept?token=${token}`);

    const audit = await t.request('GET', `/api/editions/${edition.id}/audit`, { token: organizer.token });
    expect(audit.body.items.find((a: { action: string }) => a.action === 'jury.invited')).toMatchObject({
      actorId: organizer.id,
      after: { email: 'dr.judge@example.test', trackIds: [edition.trackIds[0]] },
    });
  });

  it.each([
    [
      'a track of another edition',
      () => ({ email: 'j@example.test', trackIds: [otherEdition.trackIds[0]] }),
      'trackIds',
    ],
    [
      'a repeated track',
      () => ({ email: 'j@example.test', trackIds: [edition.trackIds[0], edition.trackIds[0]] }),
      'trackIds',
    ],
    ['a track id that is no UUID', () => ({ email: 'j@example.test', trackIds: ['health'] }), 'trackIds'],
    ['no email', () => ({ trackIds: [] }), 'email'],
    ['an unknown field', () => ({ email: 'j@example.test', role: 'organizer' }), 'role'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_, body, field) => {
    const before = await invitationCount();
    const res = await invite(body());
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain(field);
    expect(await invitationCount()).toBe(before);
  });

  it('answers 404 for an unknown edition', async () => {
    const res = await invite({ email: 'j@example.test' }, '00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
  });

  it('makes the signed-in user a juror of the edition with the tracks; a repeat by the same user is harmless', async () => {
    const { token } = (await invite({ email: 'juror1@example.test', trackIds: [edition.trackIds[1]] })).body;
    const juror = await signUp(t, 'Jana Juror');
    const res = await accept(token, juror);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ editionId: edition.id, roles: ['juror'] });
    const again = await accept(token, juror);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);

    const me = await t.request('GET', '/api/auth/me', { token: juror.token });
    expect(me.body.editions).toEqual([{ editionId: edition.id, roles: ['juror'] }]);
    const jurors = await t.request('GET', `/api/editions/${edition.id}/jurors`, { token: organizer.token });
    expect(jurors.status).toBe(200);
    expect(jurors.body.items).toContainEqual({
      userId: juror.id,
      name: 'Jana Juror',
      email: juror.email,
      trackIds: [edition.trackIds[1]],
      since: expect.any(String),
    });
    const joined = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'juror.joined' AND entity_id = $1`,
      [juror.id],
    );
    expect(joined[0].n).toBe(1);
  });

  it('adds the tracks of a second invitation to those the juror has', async () => {
    const juror = await signUp(t, 'Two Invites');
    const a = (await invite({ email: 'two@example.test', trackIds: [edition.trackIds[0]] })).body.token;
    const b = (await invite({ email: 'two@example.test', trackIds: edition.trackIds })).body.token;
    expect((await accept(a, juror)).status).toBe(200);
    expect((await accept(b, juror)).status).toBe(200);
    const [row] = await t.db.query(`SELECT track_ids FROM jurors WHERE user_id = $1`, [juror.id]);
    expect([...row.track_ids].sort()).toEqual([...edition.trackIds].sort());
  });

  it('refuses a token used by someone else, an expired one and an unknown one with 410 INVALID_TOKEN', async () => {
    const { token } = (await invite({ email: 'once@example.test' })).body;
    const first = await signUp(t);
    const second = await signUp(t);
    expect((await accept(token, first)).status).toBe(200);
    const used = await accept(token, second);
    expect(used.status).toBe(410);
    expect(used.body.code).toBe('INVALID_TOKEN');

    const late = (await invite({ email: 'late@example.test' })).body.token;
    await t.db.query(
      `UPDATE jury_invitations SET expires_at = now() - interval '1 second' WHERE accepted_at IS NULL`,
    );
    expect((await accept(late, second)).status).toBe(410);
    expect((await accept('no-such-token', second)).status).toBe(410);

    const roles = await t.db.query(`SELECT count(*)::int AS n FROM jurors WHERE user_id = $1`, [second.id]);
    expect(roles[0].n).toBe(0);
  });

  it('needs a signed-in user to accept', async () => {
    const { token } = (await invite({ email: 'anon@example.test' })).body;
    const res = await accept(token);
    expect(res.status).toBe(401);
    const [row] = await t.db.query(
      `SELECT accepted_at FROM jury_invitations WHERE email = 'anon@example.test'`,
    );
    expect(row.accepted_at).toBeNull();
  });

  it('lets exactly one of two users accepting the same token at once in', async () => {
    const { token } = (await invite({ email: 'race@example.test' })).body;
    const [a, b] = [await signUp(t), await signUp(t)];
    const results = await Promise.all([accept(token, a), accept(token, b)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    const n = await t.db.query(`SELECT count(*)::int AS n FROM jurors WHERE user_id = ANY($1)`, [
      [a.id, b.id],
    ]);
    expect(n[0].n).toBe(1);
  });

  it('lists invitations for organizers, newest first, with status and without tokens', async () => {
    const e = await makeEdition(t, organizer, ['Health']);
    const pending = (await invite({ email: 'p@example.test' }, e.id)).body.token;
    const taken = (await invite({ email: 'a@example.test', trackIds: e.trackIds }, e.id)).body.token;
    const u = await signUp(t);
    await accept(taken, u);
    const res = await t.request('GET', `/api/editions/${e.id}/jury/invitations`, { token: organizer.token });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        id: expect.any(String),
        editionId: e.id,
        email: 'a@example.test',
        trackIds: e.trackIds,
        status: 'accepted',
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        acceptedAt: expect.any(String),
        acceptedBy: u.id,
        lastSentAt: expect.any(String),
        revokedAt: null,
      },
      expect.objectContaining({
        email: 'p@example.test',
        status: 'pending',
        acceptedAt: null,
        acceptedBy: null,
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain(pending);
    const page = await t.request('GET', `/api/editions/${e.id}/jury/invitations?limit=1`, {
      token: organizer.token,
    });
    expect(page.body.items).toHaveLength(1);
    const next = await t.request(
      'GET',
      `/api/editions/${e.id}/jury/invitations?limit=1&cursor=${page.body.nextCursor}`,
      {
        token: organizer.token,
      },
    );
    expect(next.body.items.map((i: { email: string }) => i.email)).toEqual(['p@example.test']);
    expect(next.body.nextCursor).toBeNull();

    await t.db.query(
      `UPDATE jury_invitations SET expires_at = now() - interval '1 second' WHERE edition_id = $1`,
      [e.id],
    );
    const later = await t.request('GET', `/api/editions/${e.id}/jury/invitations`, {
      token: organizer.token,
    });
    expect(later.body.items.map((i: { status: string }) => i.status)).toEqual(['accepted', 'expired']);
  });

  it('keeps invitations and jurors to organizers', async () => {
    const juror = await signUp(t);
    const { token } = (await invite({ email: 'x@example.test' })).body;
    await accept(token, juror);
    for (const path of [
      `/api/editions/${edition.id}/jury/invitations`,
      `/api/editions/${edition.id}/jurors`,
    ]) {
      expect((await t.request('GET', path)).status).toBe(401);
      expect((await t.request('GET', path, { token: juror.token })).status).toBe(403);
    }
    expect((await invite({ email: 'y@example.test' }, edition.id, juror.token)).status).toBe(403);
  });
});
