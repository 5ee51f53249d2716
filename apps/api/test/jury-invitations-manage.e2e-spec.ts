import { JuryInvitationPreviewSchema, JuryInvitationSchema } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { createEdition, createTrack } from './helpers/editions';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

/**
 * Jury invitations for the organizer console (issue 9): the list shows each one's state; pending
 * ones can be resent (new token, mailed again, the old link stops) or revoked; the invitation page
 * reads an invitation before accepting it (the edition it names, whether Accept applies).
 */
describe('managing jury invitations', () => {
  let t: TestApp;
  let org: TestUser;
  let edition: { id: string; slug: string };
  let trackId: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await signUpOrganizer(t);
    edition = (await createEdition(t, org, {
      name: undefined,
      nameI18n: { en: 'Jury edition', ro: 'Ediția juriului' },
    })) as { id: string; slug: string };
    trackId = (await createTrack(t, org, edition.id, 'Health')).id;
  });
  afterAll(() => t.close());

  const email = () => `j-${Math.random().toString(36).slice(2, 9)}@example.test`;
  async function invite(to = email()) {
    const res = await t.request('POST', `/api/editions/${edition.id}/jury/invitations`, {
      token: org.token,
      body: { email: to, trackIds: [trackId] },
    });
    expect(res.status).toBe(201);
    const list = await t.request('GET', `/api/editions/${edition.id}/jury/invitations?limit=1`, {
      token: org.token,
    });
    return { token: res.body.token as string, id: list.body.items[0].id as string, email: to };
  }
  const manage = (id: string, action: 'resend' | 'revoke', token = org.token) =>
    t.request('POST', `/api/editions/${edition.id}/jury/invitations/${id}/${action}`, { token });
  const preview = (token: string, opts: { as?: TestUser; headers?: Record<string, string> } = {}) =>
    t.request('GET', `/api/jury/invitations/${encodeURIComponent(token)}`, {
      token: opts.as?.token,
      headers: opts.headers,
    });
  const accept = (token: string, as: TestUser) =>
    t.request('POST', `/api/jury/invitations/${encodeURIComponent(token)}/accept`, { token: as.token });
  const stateOf = async (id: string) => {
    const list = await t.request('GET', `/api/editions/${edition.id}/jury/invitations?limit=500`, {
      token: org.token,
    });
    return JuryInvitationSchema.parse(list.body.items.find((i: { id: string }) => i.id === id));
  };

  it('names the edition of a valid link to anyone, in their language, and says Accept applies', async () => {
    const inv = await invite();
    const res = await preview(inv.token);
    expect(res.status).toBe(200);
    expect(JuryInvitationPreviewSchema.parse(res.body)).toEqual({
      editionId: edition.id,
      editionSlug: edition.slug,
      editionName: 'Jury edition',
      editionNameI18n: { en: 'Jury edition', ro: 'Ediția juriului' },
      trackIds: [trackId],
      status: 'pending',
      expiresAt: expect.any(String),
      acceptable: true,
    });
    expect((await preview(inv.token, { headers: { 'accept-language': 'ro' } })).body.editionName).toBe(
      'Ediția juriului',
    );
    // Reading it changes nothing: it is still pending.
    expect((await stateOf(inv.id)).status).toBe('pending');
  });

  it('answers 410 INVALID_TOKEN for a link that names nothing', async () => {
    for (const token of ['not-a-real-token', 'x'.repeat(64)]) {
      const res = await preview(token);
      expect([res.status, res.body.code]).toEqual([410, 'INVALID_TOKEN']);
    }
  });

  it('says when a link was used, expired or revoked, so the page hides Accept', async () => {
    const used = await invite();
    const juror = await signUp(t, 'Juror Jo');
    expect((await accept(used.token, juror)).status).toBe(200);
    expect((await preview(used.token, { as: juror })).body).toMatchObject({
      status: 'accepted',
      acceptable: true,
    });
    const someoneElse = await signUp(t);
    expect((await preview(used.token, { as: someoneElse })).body).toMatchObject({
      status: 'accepted',
      acceptable: false,
    });
    expect((await preview(used.token)).body.acceptable).toBe(false);

    const old = await invite();
    await t.db.query(`UPDATE jury_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      old.id,
    ]);
    expect((await preview(old.token)).body).toMatchObject({
      status: 'expired',
      acceptable: false,
      editionName: 'Jury edition',
    });
  });

  it('resends: a new token, mailed again, 14 more days; the old link stops at once', async () => {
    const inv = await invite();
    await t.db.query(`UPDATE jury_invitations SET expires_at = now() - interval '1 day' WHERE id = $1`, [
      inv.id,
    ]);
    expect((await stateOf(inv.id)).status).toBe('expired');
    const res = await manage(inv.id, 'resend');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ token: expect.any(String), delivery: 'outbox' });
    expect(res.body.token).not.toBe(inv.token);
    const after = await stateOf(inv.id);
    expect(after.status).toBe('pending');
    expect(Date.parse(after.expiresAt) - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
    expect(Date.parse(after.lastSentAt)).toBeGreaterThan(Date.parse(after.createdAt));

    const juror = await signUp(t, 'Resent Juror');
    expect((await preview(inv.token)).status).toBe(410);
    const stale = await accept(inv.token, juror);
    expect([stale.status, stale.body.code]).toEqual([410, 'INVALID_TOKEN']);
    expect((await accept(res.body.token, juror)).status).toBe(200);

    const mails = await t.request('GET', `/api/mail/outbox?editionId=${edition.id}`, { token: org.token });
    const toJuror = mails.body.items.filter((m: { to: string }) => m.to === inv.email);
    expect(toJuror).toHaveLength(2);
    expect(toJuror[0].text).toContain(encodeURIComponent(res.body.token));
    const audit: { action: string }[] = await t.db.query(
      `SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY at`,
      [inv.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['jury.invited', 'jury.invitation_resent']);
    // Accepted: nothing to resend or revoke any more.
    expect((await manage(inv.id, 'resend')).body.code).toBe('NOT_PENDING');
    expect((await manage(inv.id, 'revoke')).body.code).toBe('NOT_PENDING');
  });

  it('revokes a pending invitation: its link stops, the list shows it revoked, it cannot be resent', async () => {
    const inv = await invite();
    const res = await manage(inv.id, 'revoke');
    expect(res.status).toBe(200);
    expect(JuryInvitationSchema.parse(res.body)).toMatchObject({ id: inv.id, status: 'revoked' });
    expect(res.body.revokedAt).not.toBeNull();
    expect((await stateOf(inv.id)).status).toBe('revoked');
    expect((await preview(inv.token)).body).toMatchObject({ status: 'revoked', acceptable: false });
    const juror = await signUp(t);
    expect((await accept(inv.token, juror)).status).toBe(410);
    expect((await t.request('GET', '/api/auth/me', { token: juror.token })).body.editions).toEqual([]);
    const again = await manage(inv.id, 'revoke');
    expect([again.status, again.body.code]).toEqual([409, 'NOT_PENDING']);
    expect((await manage(inv.id, 'resend')).body.code).toBe('NOT_PENDING');
  });

  it('manages only the edition’s own invitations, and only organizers do', async () => {
    const inv = await invite();
    const other = await createEdition(t, org);
    const wrong = await t.request('POST', `/api/editions/${other.id}/jury/invitations/${inv.id}/revoke`, {
      token: org.token,
    });
    expect(wrong.status).toBe(404);
    expect((await manage('00000000-0000-4000-8000-000000000000', 'resend')).status).toBe(404);
    expect((await manage(inv.id, 'revoke', (await signUp(t)).token)).status).toBe(403);
    expect((await stateOf(inv.id)).status).toBe('pending');
  });
});
