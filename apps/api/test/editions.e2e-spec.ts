import { createTestApp, type TestApp } from './helpers/app';
import { DAY, HOUR, count, createEdition, createTrack, editionBody, iso, timeline } from './helpers/editions';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

describe('editions: organizers create and edit them', () => {
  let t: TestApp;
  let org: TestUser;
  let someone: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    org = await signUpOrganizer(t);
    someone = await signUp(t);
  });
  afterAll(() => t.close());

  const audit = (editionId: string, action: string) =>
    t.db.query(`SELECT * FROM audit_entries WHERE edition_id = $1 AND action = $2 ORDER BY at`, [
      editionId,
      action,
    ]) as Promise<{ actor_id: string; before: any; after: any; entity_id: string }[]>;

  describe('POST /api/editions', () => {
    it('creates an edition with the defaults of docs/domain.md, the default criteria, and an audit entry', async () => {
      const body = editionBody({ published: false });
      const res = await t.request('POST', '/api/editions', { token: org.token, body });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        slug: body.slug,
        published: false,
        phase: 'draft',
        teamMinSize: 1,
        teamMaxSize: 5,
        reviewsPerSubmission: 3,
        normalization: 'model',
        leaderboardVisibility: 'public',
        shareJurorComments: false,
        leaderboardFreezeAt: null,
        resultsPublishedAt: null,
        tracks: [],
      });
      expect(res.body.criteria.map((c: any) => [c.name, c.weight, c.min, c.max, c.order])).toEqual([
        ['Innovation', 1, 1, 10, 0],
        ['Impact', 1, 1, 10, 1],
        ['Technical execution', 1, 1, 10, 2],
        ['Presentation', 1, 1, 10, 3],
      ]);
      const entries = await audit(res.body.id, 'edition.created');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actor_id: org.id, entity_id: res.body.id });
      expect(entries[0]!.after.slug).toBe(body.slug);
    });

    it.each([
      ['dates out of order', { registrationClosesAt: iso(Date.now() - 2 * HOUR) }, 'registrationClosesAt'],
      ['hacking after the deadline', { hackingStartsAt: iso(Date.now() + 5 * DAY) }, 'submissionDeadline'],
      ['an empty name', { name: '   ' }, 'name'],
      ['a name of 10,000 characters', { name: 'x'.repeat(10_000) }, 'name'],
      ['a bad slug', { slug: 'Not A Slug' }, 'slug'],
      ['a min team size above the max', { teamMinSize: 4, teamMaxSize: 2 }, 'teamMaxSize'],
      [
        'a freeze after judging ends',
        { leaderboardFreezeAt: iso(Date.now() + 10 * DAY) },
        'leaderboardFreezeAt',
      ],
      ['an unknown field', { colour: 'blue' }, 'colour'],
      ['a time without offset', { judgingEndsAt: '2030-01-01T10:00:00' }, 'judgingEndsAt'],
    ])('refuses %s with 400 naming the field, and writes nothing', async (_what, overrides, field) => {
      const before = await count(t, 'editions');
      const auditBefore = await count(t, 'audit_entries');
      const criteriaBefore = await count(t, 'criteria');
      const res = await t.request('POST', '/api/editions', {
        token: org.token,
        body: editionBody(overrides as never),
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain(field);
      expect(await count(t, 'editions')).toBe(before);
      expect(await count(t, 'criteria')).toBe(criteriaBefore);
      expect(await count(t, 'audit_entries')).toBe(auditBefore);
    });

    it('refuses a slug already in use with 409 NAME_TAKEN', async () => {
      const e = await createEdition(t, org);
      const res = await t.request('POST', '/api/editions', {
        token: org.token,
        body: editionBody({ slug: e.slug }),
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'NAME_TAKEN' });
      expect(res.body.message).toContain('slug');
    });

    it('is for organizers only', async () => {
      expect((await t.request('POST', '/api/editions', { body: editionBody() })).status).toBe(401);
      const res = await t.request('POST', '/api/editions', { token: someone.token, body: editionBody() });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });
  });

  describe('GET /api/editions and /api/editions/:id', () => {
    it('shows drafts to organizers only', async () => {
      const draft = await createEdition(t, org, { published: false });
      const pub = await createEdition(t, org);
      const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((e) => e.id);

      const anon = await t.request('GET', '/api/editions');
      expect(ids(anon)).toContain(pub.id);
      expect(ids(anon)).not.toContain(draft.id);
      const user = await t.request('GET', '/api/editions', { token: someone.token });
      expect(ids(user)).not.toContain(draft.id);
      const organizer = await t.request('GET', '/api/editions', { token: org.token });
      expect(ids(organizer)).toEqual(expect.arrayContaining([draft.id, pub.id]));

      expect((await t.request('GET', `/api/editions/${draft.id}`)).status).toBe(404);
      expect((await t.request('GET', `/api/editions/${draft.slug}`, { token: someone.token })).status).toBe(
        404,
      );
      const own = await t.request('GET', `/api/editions/${draft.slug}`, { token: org.token });
      expect(own.status).toBe(200);
      expect(own.body.phase).toBe('draft');
    });
  });

  describe('PATCH /api/editions/:id', () => {
    it('changes any subset and audits the changed fields only, before and after', async () => {
      const e = await createEdition(t, org);
      const res = await t.request('PATCH', `/api/editions/${e.id}`, {
        token: org.token,
        body: { name: 'Renamed', teamMaxSize: 4, description: e.description },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: e.id, name: 'Renamed', teamMaxSize: 4, slug: e.slug });
      const entries = await audit(e.id, 'edition.updated');
      expect(entries).toHaveLength(1);
      // Texts are audited in both languages (a plain field is the request's language, English here).
      expect(entries[0]!.before).toEqual({ nameI18n: { en: 'Test edition', ro: '' }, teamMaxSize: 5 });
      expect(entries[0]!.after).toEqual({ nameI18n: { en: 'Renamed', ro: '' }, teamMaxSize: 4 });
      expect(entries[0]!.actor_id).toBe(org.id);
    });

    it('re-checks the merged result: a field valid alone but not against the stored timeline is 400', async () => {
      const e = await createEdition(t, org);
      // Alone the body is fine; merged, the deadline falls before hacking starts.
      const res = await t.request('PATCH', `/api/editions/${e.id}`, {
        token: org.token,
        body: { submissionDeadline: iso(Date.now() + 12 * HOUR) },
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain('submissionDeadline');
      const row = (await t.request('GET', `/api/editions/${e.id}`)).body;
      expect(row.submissionDeadline).toBe(e.submissionDeadline);
      expect(await audit(e.id, 'edition.updated')).toHaveLength(0);

      const size = await t.request('PATCH', `/api/editions/${e.id}`, {
        token: org.token,
        body: { teamMinSize: 6 },
      });
      expect(size.status).toBe(400);
      expect(size.body.message).toContain('teamMaxSize');
    });

    it('refuses bad fields, unknown fields and a taken slug', async () => {
      const a = await createEdition(t, org);
      const b = await createEdition(t, org);
      for (const [body, field] of [
        [{ name: '' }, 'name'],
        [{ name: 'y'.repeat(10_000) }, 'name'],
        [{ normalization: 'median' }, 'normalization'],
        [{ id: a.id }, 'id'],
      ] as const) {
        const res = await t.request('PATCH', `/api/editions/${a.id}`, { token: org.token, body });
        expect(res.status).toBe(400);
        expect(res.body.message).toContain(field);
      }
      const taken = await t.request('PATCH', `/api/editions/${a.id}`, {
        token: org.token,
        body: { slug: b.slug },
      });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('NAME_TAKEN');
      expect(await audit(a.id, 'edition.updated')).toHaveLength(0);
    });

    it('moves the phase with the timeline (server time decides)', async () => {
      const e = await createEdition(t, org);
      expect(e.phase).toBe('registration');
      const res = await t.request('PATCH', `/api/editions/${e.id}`, {
        token: org.token,
        body: timeline({ opens: -3 * DAY, closes: -DAY, hacking: -2 * DAY, deadline: -HOUR, judging: DAY }),
      });
      expect(res.status).toBe(200);
      expect(res.body.phase).toBe('judging');
      const unpublished = await t.request('PATCH', `/api/editions/${e.id}`, {
        token: org.token,
        body: { published: false },
      });
      expect(unpublished.body.phase).toBe('draft');
    });

    it('has the timeline check constraint as a backstop behind the API', async () => {
      const e = await createEdition(t, org);
      await expect(
        t.db.query(`UPDATE editions SET judging_ends_at = submission_deadline WHERE id = $1`, [e.id]),
      ).rejects.toMatchObject({ code: '23514' });
    });

    it('answers 404 for an unknown edition and 403 to non-organizers', async () => {
      const e = await createEdition(t, org);
      const missing = await t.request('PATCH', '/api/editions/00000000-0000-4000-8000-000000000000', {
        token: org.token,
        body: { name: 'x' },
      });
      expect(missing.status).toBe(404);
      const res = await t.request('PATCH', `/api/editions/${e.id}`, {
        token: someone.token,
        body: { name: 'x' },
      });
      expect(res.status).toBe(403);
    });
  });

  describe('tracks and challenges', () => {
    it('adds a track (201), refuses a slug or name used in the same edition (409) but not in another', async () => {
      const e = await createEdition(t, org);
      const other = await createEdition(t, org);
      const res = await t.request('POST', `/api/editions/${e.id}/tracks`, {
        token: org.token,
        body: { name: 'Health', slug: 'health', description: 'Medical' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ editionId: e.id, name: 'Health', slug: 'health', challenges: [] });

      const slug = await t.request('POST', `/api/editions/${e.id}/tracks`, {
        token: org.token,
        body: { name: 'Health 2', slug: 'health' },
      });
      expect(slug.status).toBe(409);
      expect(slug.body).toMatchObject({ code: 'NAME_TAKEN' });
      expect(slug.body.message).toContain('slug');
      const name = await t.request('POST', `/api/editions/${e.id}/tracks`, {
        token: org.token,
        body: { name: '  HEALTH ', slug: 'health-2' },
      });
      expect(name.status).toBe(409);
      expect(name.body.message).toContain('name');
      expect(await count(t, 'tracks', 'edition_id = $1', [e.id])).toBe(1);

      const elsewhere = await t.request('POST', `/api/editions/${other.id}/tracks`, {
        token: org.token,
        body: { name: 'Health', slug: 'health' },
      });
      expect(elsewhere.status).toBe(201);
      const entries = await audit(e.id, 'track.created');
      expect(entries).toHaveLength(1);
    });

    it('refuses bad track input with 400 naming the field, writing nothing', async () => {
      const e = await createEdition(t, org);
      for (const [body, field] of [
        [{ name: '', slug: 'a' }, 'name'],
        [{ name: 'z'.repeat(10_000), slug: 'a' }, 'name'],
        [{ name: 'A', slug: 'A B' }, 'slug'],
        [{ name: 'A' }, 'slug'],
      ] as const) {
        const res = await t.request('POST', `/api/editions/${e.id}/tracks`, { token: org.token, body });
        expect(res.status).toBe(400);
        expect(res.body.message).toContain(field);
      }
      expect(await count(t, 'tracks', 'edition_id = $1', [e.id])).toBe(0);
      const unknown = await t.request('POST', '/api/editions/00000000-0000-4000-8000-000000000000/tracks', {
        token: org.token,
        body: { name: 'A', slug: 'a' },
      });
      expect(unknown.status).toBe(404);
    });

    it('edits a track (PATCH /api/tracks/:id) with the same uniqueness rules, audited', async () => {
      const e = await createEdition(t, org);
      const a = await createTrack(t, org, e.id, 'Tourism');
      await createTrack(t, org, e.id, 'Ecology');
      const ok = await t.request('PATCH', `/api/tracks/${a.id}`, {
        token: org.token,
        body: { name: 'Tourism & Heritage', description: 'Visitors' },
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        id: a.id,
        name: 'Tourism & Heritage',
        slug: 'tourism',
        description: 'Visitors',
      });
      const dup = await t.request('PATCH', `/api/tracks/${a.id}`, {
        token: org.token,
        body: { slug: 'ecology' },
      });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('NAME_TAKEN');
      const dupName = await t.request('PATCH', `/api/tracks/${a.id}`, {
        token: org.token,
        body: { name: 'ecology' },
      });
      expect(dupName.status).toBe(409);
      // Changing only the case of its own name is not a clash.
      const recase = await t.request('PATCH', `/api/tracks/${a.id}`, {
        token: org.token,
        body: { name: 'TOURISM & HERITAGE' },
      });
      expect(recase.status).toBe(200);
      const bad = await t.request('PATCH', `/api/tracks/${a.id}`, { token: org.token, body: { name: ' ' } });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('name');
      const entries = await audit(e.id, 'track.updated');
      const en = (text: string) => ({ en: text, ro: '' });
      expect(entries.map((x) => x.after)).toEqual([
        { nameI18n: en('Tourism & Heritage'), descriptionI18n: en('Visitors') },
        { nameI18n: en('TOURISM & HERITAGE') },
      ]);
      expect(entries[0]!.before).toEqual({ nameI18n: en('Tourism'), descriptionI18n: en('') });
      expect(
        (await t.request('PATCH', `/api/tracks/${a.id}`, { token: someone.token, body: {} })).status,
      ).toBe(403);
    });

    it('adds, edits and deletes challenges, audited; they show in the edition', async () => {
      const e = await createEdition(t, org);
      const tr = await createTrack(t, org, e.id, 'Health');
      const created = await t.request('POST', `/api/tracks/${tr.id}/challenges`, {
        token: org.token,
        body: { title: 'Triage', description: 'Faster ER', sponsor: 'Hospital', prize: '1,000 EUR' },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        trackId: tr.id,
        title: 'Triage',
        sponsor: 'Hospital',
        prize: '1,000 EUR',
      });
      const second = await t.request('POST', `/api/tracks/${tr.id}/challenges`, {
        token: org.token,
        body: { title: 'Adherence' },
      });
      expect(second.body).toMatchObject({ description: '', sponsor: null, prize: null });

      const edited = await t.request('PATCH', `/api/challenges/${created.body.id}`, {
        token: org.token,
        body: { prize: null, title: 'ER triage' },
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ title: 'ER triage', prize: null, sponsor: 'Hospital' });
      const edition = (await t.request('GET', `/api/editions/${e.id}`)).body;
      expect(edition.tracks[0].challenges.map((c: any) => c.title)).toEqual(['ER triage', 'Adherence']);

      const bad = await t.request('PATCH', `/api/challenges/${created.body.id}`, {
        token: org.token,
        body: { title: 'q'.repeat(10_000) },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('title');
      const badCreate = await t.request('POST', `/api/tracks/${tr.id}/challenges`, {
        token: org.token,
        body: { title: '' },
      });
      expect(badCreate.status).toBe(400);
      expect(await count(t, 'challenges', 'track_id = $1', [tr.id])).toBe(2);

      const del = await t.request('DELETE', `/api/challenges/${second.body.id}`, { token: org.token });
      expect(del.status).toBe(204);
      expect(
        (await t.request('DELETE', `/api/challenges/${second.body.id}`, { token: org.token })).status,
      ).toBe(404);
      expect(await count(t, 'challenges', 'track_id = $1', [tr.id])).toBe(1);
      expect((await audit(e.id, 'challenge.created')).length).toBe(2);
      expect((await audit(e.id, 'challenge.updated'))[0]!.before).toEqual({
        titleI18n: { en: 'Triage', ro: '' },
        prizeI18n: { en: '1,000 EUR', ro: '' },
      });
      expect((await audit(e.id, 'challenge.deleted'))[0]!.before).toMatchObject({ title: 'Adherence' });

      const unknown = await t.request('POST', '/api/tracks/00000000-0000-4000-8000-000000000000/challenges', {
        token: org.token,
        body: { title: 'x' },
      });
      expect(unknown.status).toBe(404);
      const forbidden = await t.request('DELETE', `/api/challenges/${created.body.id}`, {
        token: someone.token,
      });
      expect(forbidden.status).toBe(403);
    });
  });

  describe('PUT /api/editions/:id/criteria', () => {
    const criteria = [
      { name: 'Impact', description: 'Good done', weight: 2, min: 0, max: 5 },
      { name: 'Craft', description: '', weight: 1, min: 1, max: 10 },
    ];

    it('replaces the list (200, order = index), keeps ids by position, and audits it', async () => {
      const e = await createEdition(t, org);
      const firstId = e.criteria[0].id;
      const res = await t.request('PUT', `/api/editions/${e.id}/criteria`, {
        token: org.token,
        body: criteria,
      });
      expect(res.status).toBe(200);
      expect(res.body.map((c: any) => [c.name, c.weight, c.min, c.max, c.order])).toEqual([
        ['Impact', 2, 0, 5, 0],
        ['Craft', 1, 1, 10, 1],
      ]);
      expect(res.body[0].id).toBe(firstId);
      expect(await count(t, 'criteria', 'edition_id = $1', [e.id])).toBe(2);
      const edition = (await t.request('GET', `/api/editions/${e.id}`)).body;
      expect(edition.criteria).toEqual(res.body);
      const entries = await audit(e.id, 'criteria.updated');
      expect(entries).toHaveLength(1);
      expect(entries[0]!.before).toHaveLength(4);
      expect(entries[0]!.after).toHaveLength(2);
    });

    it.each([
      ['min not below max', [{ name: 'A', weight: 1, min: 5, max: 5 }], '0.max'],
      ['a zero weight', [{ name: 'A', weight: 0, min: 0, max: 5 }], '0.weight'],
      ['an empty name', [{ name: '', weight: 1, min: 0, max: 5 }], '0.name'],
      ['an empty list', [], 'body'],
      ['not a list', { name: 'A' }, 'body'],
    ])('refuses %s with 400 and leaves the criteria as they were', async (_w, body, field) => {
      const e = await createEdition(t, org);
      const res = await t.request('PUT', `/api/editions/${e.id}/criteria`, { token: org.token, body });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(field);
      const edition = (await t.request('GET', `/api/editions/${e.id}`)).body;
      expect(edition.criteria).toEqual(e.criteria);
    });

    it('is for organizers only', async () => {
      const e = await createEdition(t, org);
      const res = await t.request('PUT', `/api/editions/${e.id}/criteria`, {
        token: someone.token,
        body: criteria,
      });
      expect(res.status).toBe(403);
    });
  });
});
