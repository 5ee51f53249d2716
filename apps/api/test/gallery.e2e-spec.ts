import { createTestApp, type TestApp } from './helpers/app';
import {
  createTeam,
  createWorld,
  draft,
  setTimeline,
  type SubmissionWorld,
  type TestTeam,
} from './helpers/submission-fixtures';

/** The public gallery: closed until results are published, then every submitted, non-disqualified project. */
describe('the project gallery', () => {
  let t: TestApp;
  let w: SubmissionWorld;
  let other: SubmissionWorld;
  const sub: Record<string, string> = {};
  const teams: Record<string, TestTeam> = {};
  const description = '## How\n\n<script>alert(1)</script> <img src=x onerror=alert(2)>';

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    other = await createWorld(t);
    const plan: [string, string, 'health' | 'tourism', Record<string, unknown>, 'submit' | 'draft' | 'dq'][] =
      [
        ['Pill Pals', 'Pill Pal', 'health', { tagline: 'Never miss a dose', techTags: ['React'] }, 'submit'],
        [
          'Green Wave',
          'Air Map',
          'tourism',
          { tagline: 'Breathe easy on 100% clean routes', techTags: ['Rust', 'Maps'] },
          'submit',
        ],
        [
          'Triage Team',
          'ER Queue',
          'health',
          { tagline: 'Shorter waits', techTags: ['Kotlin'], description },
          'submit',
        ],
        ['Drafters', 'Unfinished', 'health', { tagline: 'Never submitted', techTags: ['React'] }, 'draft'],
        ['Copycats', 'Borrowed', 'health', { tagline: 'Never miss a thing', techTags: ['React'] }, 'dq'],
      ];
    for (const [name, title, track, extra, fate] of plan) {
      const team = await createTeam(t, w, { name, trackId: w.tracks[track] });
      const token = team.members[0]!.token;
      const saved = await t.request('PUT', `/api/teams/${team.id}/submission`, {
        token,
        body: draft(title, { ...extra, demoUrl: 'https://demo.example/app' }),
      });
      expect(saved.status).toBe(200);
      if (fate !== 'draft') await t.request('POST', `/api/teams/${team.id}/submission/submit`, { token });
      if (fate === 'dq') {
        await t.request('POST', `/api/submissions/${saved.body.id}/disqualify`, {
          token: w.organizer.token,
          body: { reason: 'copied' },
        });
      }
      sub[title] = saved.body.id;
      teams[name] = team;
    }
    const foreign = await createTeam(t, other, { name: 'Elsewhere' });
    const saved = await t.request('PUT', `/api/teams/${foreign.id}/submission`, {
      token: foreign.members[0]!.token,
      body: draft('Foreign'),
    });
    await t.request('POST', `/api/teams/${foreign.id}/submission/submit`, {
      token: foreign.members[0]!.token,
    });
    sub.Foreign = saved.body.id;
  });
  afterAll(() => t.close());

  const gallery = (query = '', editionId = w.editionId) =>
    t.request('GET', `/api/editions/${editionId}/gallery${query}`);
  const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((i) => i.title);
  const publish = (resultsPublished: string | null) =>
    setTimeline(t, w.editionId, { deadline: '-2 days', judging: '1 day', resultsPublished });

  it('is closed (409 PHASE_CLOSED) before the results are published, also to organizers', async () => {
    await publish(null);
    for (const path of ['', `/${sub['Pill Pal']}`]) {
      for (const token of [undefined, w.organizer.token, teams['Pill Pals']!.members[0]!.token]) {
        const res = await t.request('GET', `/api/editions/${w.editionId}/gallery${path}`, { token });
        expect([path, res.status, res.body.code]).toEqual([path, 409, 'PHASE_CLOSED']);
      }
    }
  });

  it('stays closed while the publication time is in the future (by the database clock), opens when it is reached', async () => {
    await publish('1 hour');
    expect((await gallery()).body.code).toBe('PHASE_CLOSED');
    await publish('-1 second');
    expect((await gallery()).status).toBe(200);
  });

  it('shows every submitted, non-disqualified project to anyone, with its track, team and a null rank', async () => {
    await publish('-1 second');
    const res = await gallery();
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(['Air Map', 'ER Queue', 'Pill Pal']);
    expect(res.body.items[0]).toEqual({
      submissionId: sub['Air Map'],
      editionId: w.editionId,
      teamId: teams['Green Wave']!.id,
      teamName: 'Green Wave',
      trackId: w.tracks.tourism,
      trackName: 'Tourism',
      trackNameI18n: { en: 'Tourism', ro: '' },
      title: 'Air Map',
      tagline: 'Breathe easy on 100% clean routes',
      techTags: ['Rust', 'Maps'],
      challengeIds: [],
      submittedAt: expect.any(String),
      rank: null,
      score: null,
    });
    expect(res.body.nextCursor).toBeNull();
  });

  it("names each project's track in the reader's language (Accept-Language), the other one where it is empty", async () => {
    await publish('-1 second');
    const renamed = await t.request('PATCH', `/api/tracks/${w.tracks.health}`, {
      token: w.organizer.token,
      body: { nameI18n: { ro: 'Sănătate' } },
    });
    expect(renamed.status).toBe(200);
    const ro = await t.request('GET', `/api/editions/${w.editionId}/gallery`, {
      headers: { 'accept-language': 'ro-RO,ro;q=0.9' },
    });
    const names = Object.fromEntries(
      ro.body.items.map((i: { title: string; trackName: string }) => [i.title, i.trackName]),
    );
    // Health has a Romanian name; Tourism has none and falls back to English.
    expect(names).toEqual({ 'Air Map': 'Tourism', 'ER Queue': 'Sănătate', 'Pill Pal': 'Sănătate' });
    const project = await t.request('GET', `/api/editions/${w.editionId}/gallery/${sub['Pill Pal']}`, {
      headers: { 'accept-language': 'ro' },
    });
    expect(project.body).toMatchObject({
      trackName: 'Sănătate',
      trackNameI18n: { en: 'Health', ro: 'Sănătate' },
    });
    const en = await gallery();
    expect(en.body.items.map((i: { trackName: string }) => i.trackName)).toEqual([
      'Tourism',
      'Health',
      'Health',
    ]);
  });

  it.each([
    ['a title', 'queue', ['ER Queue']],
    ['a tagline, ignoring case', 'NEVER MISS', ['Pill Pal']],
    ['a tech tag', 'rust', ['Air Map']],
    ['a team name', 'triage', ['ER Queue']],
    ['a literal % (no wildcard)', '%', ['Air Map']],
    ['a literal _ (no wildcard)', 'l_p', []],
  ])('finds projects by %s', async (_label, q, expected) => {
    await publish('-1 second');
    const res = await gallery(`?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(expected);
  });

  it('filters by track and pages with a cursor', async () => {
    await publish('-1 second');
    expect(titles(await gallery(`?trackId=${w.tracks.health}`))).toEqual(['ER Queue', 'Pill Pal']);
    const first = await gallery('?limit=2');
    expect(titles(first)).toEqual(['Air Map', 'ER Queue']);
    const second = await gallery(`?limit=2&cursor=${first.body.nextCursor}`);
    expect(titles(second)).toEqual(['Pill Pal']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('has a page per project with its description verbatim, links and members', async () => {
    await publish('-1 second');
    const res = await gallery(`/${sub['ER Queue']}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      submissionId: sub['ER Queue'],
      title: 'ER Queue',
      teamName: 'Triage Team',
      trackName: 'Health',
      description,
      repoUrl: 'https://github.com/example/pill-pal',
      demoUrl: 'https://demo.example/app',
      videoUrl: '',
      rank: null,
      score: null,
      members: teams['Triage Team']!.members.map((m, i) => ({ userId: m.id, name: `Member ${i + 1}` })),
    });
  });

  it('has no page for drafts, disqualified projects, other editions or unknown ids (404)', async () => {
    await publish('-1 second');
    for (const id of [
      sub.Unfinished,
      sub.Borrowed,
      sub.Foreign,
      '00000000-0000-4000-8000-000000000000',
      'nope',
    ]) {
      const res = await gallery(`/${id}`);
      expect([id, res.status]).toEqual([id, 404]);
    }
  });

  it('does not exist for an unpublished edition (404), and refuses bad queries (400 naming the field)', async () => {
    await publish('-1 second');
    for (const [query, field] of [
      ['?trackId=nope', 'trackId'],
      ['?limit=501', 'limit'],
      [`?q=${'x'.repeat(201)}`, 'q'],
      ['?sort=rank', 'body'],
    ]) {
      const res = await gallery(query);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.message).toMatch(new RegExp(`^${field}: `));
    }
    await t.db.query('UPDATE editions SET published = false WHERE id = $1', [w.editionId]);
    try {
      expect((await gallery()).status).toBe(404);
      expect((await gallery(`/${sub['Pill Pal']}`)).status).toBe(404);
    } finally {
      await t.db.query('UPDATE editions SET published = true WHERE id = $1', [w.editionId]);
    }
  });
});
