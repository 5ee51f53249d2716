import { JuryInvitationSchema, JurorSchema } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { createEdition, createTrack } from './helpers/editions';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

/**
 * The console's jury lists filter on the server (issue 9), like the participants list: invitations
 * by state and email, jurors by name or email and by track, both page by page with the filter kept.
 */
describe('jury lists: server-side filters and pages', () => {
  let t: TestApp;
  let org: TestUser;
  let edition: { id: string };
  let health: string;
  let tourism: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    org = await signUpOrganizer(t);
    edition = await createEdition(t, org);
    health = (await createTrack(t, org, edition.id, 'Health')).id;
    tourism = (await createTrack(t, org, edition.id, 'Tourism')).id;
    // One invitation in each state, plus a second pending one; sent in this order.
    const tokens: Record<string, string> = {};
    const plan: [string, string[]][] = [
      ['pending.ana@example.test', [health]],
      ['accepted.bob@example.test', [health]],
      ['expired.cid@example.test', []],
      ['revoked.dan@example.test', [tourism]],
      ['pending_eve@example.test', [tourism]],
      ['any.fay@example.test', []],
    ];
    for (const [email, trackIds] of plan) {
      const res = await t.request('POST', `/api/editions/${edition.id}/jury/invitations`, {
        token: org.token,
        body: { email, trackIds },
      });
      expect(res.status).toBe(201);
      tokens[email] = res.body.token;
      const [row] = await t.db.query(`SELECT id FROM jury_invitations WHERE email = $1`, [email]);
      ids[email] = row.id;
    }
    const bob = await signUp(t, 'Bob Marin');
    const fay = await signUp(t, 'Fay Ionescu');
    for (const [token, user] of [
      [tokens['accepted.bob@example.test']!, bob],
      [tokens['any.fay@example.test']!, fay],
    ] as const) {
      expect(
        (await t.request('POST', `/api/jury/invitations/${token}/accept`, { token: user.token })).status,
      ).toBe(200);
    }
    // Expiry is the clock's business: the fixture moves this invitation's expiry into the past.
    await t.db.query(`UPDATE jury_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      ids['expired.cid@example.test'],
    ]);
    const revoked = await t.request(
      'POST',
      `/api/editions/${edition.id}/jury/invitations/${ids['revoked.dan@example.test']}/revoke`,
      { token: org.token },
    );
    expect(revoked.status).toBe(200);
    // A third juror, with a track, straight from an invitation made for the purpose.
    const inv = await t.request('POST', `/api/editions/${edition.id}/jury/invitations`, {
      token: org.token,
      body: { email: 'gia.tourism@example.test', trackIds: [tourism] },
    });
    const gia = await signUp(t, 'Gia Tudor');
    await t.request('POST', `/api/jury/invitations/${inv.body.token}/accept`, { token: gia.token });
  });
  afterAll(() => t.close());

  const get = (path: string, token = org.token) => t.request('GET', path, { token });
  const invitations = async (query: string) => {
    const res = await get(`/api/editions/${edition.id}/jury/invitations?${query}`);
    expect(res.status).toBe(200);
    return res.body.items.map((i: unknown) => JuryInvitationSchema.parse(i)) as {
      email: string;
      status: string;
    }[];
  };

  it('keeps one state with ?status=, as the list itself tells it', async () => {
    const emails = async (status: string) => (await invitations(`status=${status}`)).map((i) => i.email);
    expect(await emails('pending')).toEqual(['pending_eve@example.test', 'pending.ana@example.test']);
    expect(await emails('accepted')).toEqual([
      'gia.tourism@example.test',
      'any.fay@example.test',
      'accepted.bob@example.test',
    ]);
    expect(await emails('expired')).toEqual(['expired.cid@example.test']);
    expect(await emails('revoked')).toEqual(['revoked.dan@example.test']);
    for (const status of ['pending', 'accepted', 'expired', 'revoked']) {
      expect((await invitations(`status=${status}`)).every((i) => i.status === status)).toBe(true);
    }
    expect((await invitations('')).length).toBe(7);
  });

  it('searches the email with ?q= (case-insensitive, % and _ taken literally), with the state', async () => {
    expect((await invitations('q=ANA')).map((i) => i.email)).toEqual(['pending.ana@example.test']);
    expect((await invitations('q=pending&status=pending')).length).toBe(2);
    expect((await invitations('q=pending&status=accepted')).length).toBe(0);
    // `_` is not a wildcard: only the address that has one.
    expect((await invitations('q=pending_')).map((i) => i.email)).toEqual(['pending_eve@example.test']);
    expect((await invitations(`q=${encodeURIComponent('%')}`)).length).toBe(0);
  });

  it('pages a filtered list with the cursor, the filter kept on every page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await get(
        `/api/editions/${edition.id}/jury/invitations?status=accepted&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      seen.push(res.body.items[0].email);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['gia.tourism@example.test', 'any.fay@example.test', 'accepted.bob@example.test']);
  });

  it('searches jurors by name or email and keeps those who may judge a track', async () => {
    const jurors = async (query: string) => {
      const res = await get(`/api/editions/${edition.id}/jurors?${query}`);
      expect(res.status).toBe(200);
      return res.body.items.map((j: unknown) => JurorSchema.parse(j).name) as string[];
    };
    expect(await jurors('')).toEqual(['Bob Marin', 'Fay Ionescu', 'Gia Tudor']);
    expect(await jurors('q=ionescu')).toEqual(['Fay Ionescu']);
    // The email is searched too (the juror's account email, signed up by the helper).
    const [fay] = await t.db.query(`SELECT email FROM users WHERE name = 'Fay Ionescu'`);
    expect(await jurors(`q=${encodeURIComponent(fay.email.toUpperCase())}`)).toEqual(['Fay Ionescu']);
    // By track: Fay chose none, so she may judge any.
    expect(await jurors(`trackId=${tourism}`)).toEqual(['Fay Ionescu', 'Gia Tudor']);
    expect(await jurors(`trackId=${health}`)).toEqual(['Bob Marin', 'Fay Ionescu']);
    expect(await jurors(`trackId=${health}&q=bob`)).toEqual(['Bob Marin']);
    // A page of one, the filter kept.
    const first = await get(`/api/editions/${edition.id}/jurors?trackId=${tourism}&limit=1`);
    expect(first.body.items.map((j: any) => j.name)).toEqual(['Fay Ionescu']);
    const second = await get(
      `/api/editions/${edition.id}/jurors?trackId=${tourism}&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body).toMatchObject({ items: [{ name: 'Gia Tudor' }], nextCursor: null });
  });

  it('names a bad filter (400) and stays for organizers only', async () => {
    for (const path of [
      `/api/editions/${edition.id}/jury/invitations?status=lost`,
      `/api/editions/${edition.id}/jury/invitations?q=`,
      `/api/editions/${edition.id}/jury/invitations?nope=1`,
      `/api/editions/${edition.id}/jurors?trackId=not-a-uuid`,
      `/api/editions/${edition.id}/jurors?q=${'x'.repeat(201)}`,
    ]) {
      const res = await get(path);
      expect([path, res.status, res.body.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
    }
    const someone = await signUp(t);
    expect((await get(`/api/editions/${edition.id}/jurors?q=bob`, someone.token)).status).toBe(403);
    expect(
      (await get(`/api/editions/${edition.id}/jury/invitations?status=pending`, someone.token)).status,
    ).toBe(403);
  });
});
