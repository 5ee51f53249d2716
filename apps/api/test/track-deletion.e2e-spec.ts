import { createTestApp, type TestApp } from './helpers/app';
import { DAY, HOUR, count, createEdition, createTrack, registered, setTimeline } from './helpers/editions';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

/** DELETE /api/tracks/:id (issue 9): a track nothing names goes with its challenges; otherwise 409. */
describe('deleting a track', () => {
  let t: TestApp;
  let org: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    org = await signUpOrganizer(t);
  });
  afterAll(() => t.close());

  const del = (trackId: string, token: string | null = org.token) =>
    t.request('DELETE', `/api/tracks/${trackId}`, { token: token ?? undefined });
  const audits = (editionId: string, action: string) =>
    t.db.query(`SELECT * FROM audit_entries WHERE edition_id = $1 AND action = $2 ORDER BY at`, [
      editionId,
      action,
    ]) as Promise<{ actor_id: string; entity_id: string; before: any; after: any }[]>;
  const addChallenge = async (trackId: string, title: string) => {
    const res = await t.request('POST', `/api/tracks/${trackId}/challenges`, {
      token: org.token,
      body: { title },
    });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  /** What a refused deletion must leave as it was. */
  const snapshot = async (editionId: string, trackId: string) => ({
    tracks: await count(t, 'tracks', 'edition_id = $1', [editionId]),
    challenges: await count(t, 'challenges', 'track_id = $1', [trackId]),
    audits: await count(t, 'audit_entries', 'edition_id = $1', [editionId]),
  });

  it('deletes a track without teams with its challenges (204), renumbers the others and audits it', async () => {
    const e = await createEdition(t, org);
    const first = await createTrack(t, org, e.id, 'Health');
    const doomed = await createTrack(t, org, e.id, 'Tourism');
    const last = await createTrack(t, org, e.id, 'Environment');
    const c1 = await addChallenge(doomed.id, 'Hotels');
    await addChallenge(doomed.id, 'Museums');

    const res = await del(doomed.id);
    expect(res.status).toBe(204);
    expect(await count(t, 'tracks', 'id = $1', [doomed.id])).toBe(0);
    expect(await count(t, 'challenges', 'track_id = $1', [doomed.id])).toBe(0);
    expect(await count(t, 'challenges', 'id = $1', [c1.id])).toBe(0);
    const edition = (await t.request('GET', `/api/editions/${e.id}`)).body;
    expect(edition.tracks.map((x: any) => x.id)).toEqual([first.id, last.id]);
    const positions: { id: string; position: number }[] = await t.db.query(
      `SELECT id, position FROM tracks WHERE edition_id = $1 ORDER BY position`,
      [e.id],
    );
    expect(positions).toEqual([
      { id: first.id, position: 0 },
      { id: last.id, position: 1 },
    ]);
    const [entry, ...more] = await audits(e.id, 'track.deleted');
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ actor_id: org.id, entity_id: doomed.id, after: null });
    expect(entry!.before).toMatchObject({ slug: 'tourism', nameI18n: { en: 'Tourism', ro: '' } });
    expect(entry!.before.challenges.map((c: any) => c.title)).toEqual(['Hotels', 'Museums']);
    // A new track goes after the others, at the next free position.
    const next = await createTrack(t, org, e.id, 'Culture');
    expect((await t.db.query(`SELECT position FROM tracks WHERE id = $1`, [next.id]))[0].position).toBe(2);

    expect((await del(doomed.id)).status).toBe(404);
    expect((await del('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await del('not-a-uuid')).status).toBe(404);
  });

  it('refuses (409 TRACK_IN_USE, nothing written) while a team or its project is on the track', async () => {
    const e = await createEdition(t, org);
    await setTimeline(t, org, e.id, {
      opens: -DAY,
      closes: DAY,
      hacking: -HOUR,
      deadline: 2 * DAY,
      judging: 3 * DAY,
    });
    const track = await createTrack(t, org, e.id, 'Health');
    const challenge = await addChallenge(track.id, 'Triage');
    const pat = await registered(t, e.id, {}, 'Pat');
    const team = await t.request('POST', `/api/editions/${e.id}/teams`, {
      token: pat.token,
      body: { name: 'Pill Pals', trackId: track.id },
    });
    expect(team.status).toBe(201);

    // A team without a project still names the track.
    let before = await snapshot(e.id, track.id);
    let res = await del(track.id);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'TRACK_IN_USE',
      details: { teams: 1, submissions: 0, jurors: 0, invitations: 0 },
    });
    expect(res.body.message).toMatch(/teams: 1/);
    expect(await snapshot(e.id, track.id)).toEqual(before);

    // Its project, naming one of the track's challenges.
    const saved = await t.request('PUT', `/api/teams/${team.body.id}/submission`, {
      token: pat.token,
      body: { title: 'Pill Pal', challengeIds: [challenge.id] },
    });
    expect(saved.status).toBe(200);
    before = await snapshot(e.id, track.id);
    res = await del(track.id);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'TRACK_IN_USE', details: { teams: 1, submissions: 1 } });
    expect(await snapshot(e.id, track.id)).toEqual(before);
    expect(
      (await t.request('GET', `/api/teams/${team.body.id}/submission`, { token: pat.token })).body,
    ).toMatchObject({ version: 1, challengeIds: [challenge.id] });
    expect(await audits(e.id, 'track.deleted')).toEqual([]);
  });

  it('refuses while a juror is limited to the track or a pending invitation names it', async () => {
    const e = await createEdition(t, org);
    const track = await createTrack(t, org, e.id, 'Health');
    const invite = (email: string) =>
      t.request('POST', `/api/editions/${e.id}/jury/invitations`, {
        token: org.token,
        body: { email, trackIds: [track.id] },
      });

    const pending = await invite('pending@example.test');
    expect(pending.status).toBe(201);
    let res = await del(track.id);
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual({ teams: 0, submissions: 0, jurors: 0, invitations: 1 });

    // Accepted: the juror is limited to the track (and the invitation no longer pending).
    const juror = await signUp(t, 'Jana Juror');
    expect(
      (await t.request('POST', `/api/jury/invitations/${pending.body.token}/accept`, { token: juror.token }))
        .status,
    ).toBe(200);
    res = await del(track.id);
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual({ teams: 0, submissions: 0, jurors: 1, invitations: 0 });
    expect(await count(t, 'tracks', 'id = $1', [track.id])).toBe(1);
  });

  it('ignores revoked invitations, and lets only organizers delete (401, 403)', async () => {
    const e = await createEdition(t, org);
    const track = await createTrack(t, org, e.id, 'Health');
    await t.request('POST', `/api/editions/${e.id}/jury/invitations`, {
      token: org.token,
      body: { email: 'revoked@example.test', trackIds: [track.id] },
    });
    const list = await t.request('GET', `/api/editions/${e.id}/jury/invitations`, { token: org.token });
    const invitationId = list.body.items[0].id as string;
    expect(
      (
        await t.request('POST', `/api/editions/${e.id}/jury/invitations/${invitationId}/revoke`, {
          token: org.token,
        })
      ).status,
    ).toBe(200);

    expect((await del(track.id, null)).status).toBe(401);
    const someone = await signUp(t);
    const forbidden = await del(track.id, someone.token);
    expect([forbidden.status, forbidden.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await count(t, 'tracks', 'id = $1', [track.id])).toBe(1);
    expect((await del(track.id)).status).toBe(204);
  });
});
