import { createTestApp, type TestApp } from './helpers/app';
import { signUp, type TestUser } from './helpers/users';
import {
  createTeam,
  createWorld,
  draft,
  rowCount,
  type SubmissionWorld,
  type TestTeam,
} from './helpers/submission-fixtures';

describe('a team submission: drafts, versions, optimistic concurrency, submit', () => {
  let t: TestApp;
  let w: SubmissionWorld;
  let outsider: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    outsider = await signUp(t, 'Outsider');
  });
  afterAll(() => t.close());

  const path = (team: TestTeam, rest = '') => `/api/teams/${team.id}/submission${rest}`;

  it('does not exist before the first save (404), then the first save is version 1 with the contract shape', async () => {
    const team = await createTeam(t, w);
    const [alice] = team.members;
    const before = await t.request('GET', path(team), { token: alice!.token });
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('NOT_FOUND');

    const res = await t.request('PUT', path(team), {
      token: alice!.token,
      body: draft('Pill Pal', { challengeIds: [w.challenges.health[0]] }),
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'id',
        'teamId',
        'trackId',
        'title',
        'tagline',
        'description',
        'repoUrl',
        'demoUrl',
        'videoUrl',
        'techTags',
        'challengeIds',
        'status',
        'submittedAt',
        'version',
        'updatedAt',
        'deadline',
        'disqualified',
        'disqualifiedReason',
      ].sort(),
    );
    expect(res.body).toMatchObject({
      teamId: team.id,
      trackId: w.tracks.health,
      title: 'Pill Pal',
      tagline: 'Never miss a dose',
      repoUrl: 'https://github.com/example/pill-pal',
      demoUrl: '',
      videoUrl: '',
      techTags: ['React', 'PostgreSQL'],
      challengeIds: [w.challenges.health[0]],
      status: 'draft',
      submittedAt: null,
      version: 1,
      disqualified: false,
      disqualifiedReason: null,
    });
    const [{ deadline }] = await t.db.query(
      'SELECT submission_deadline AS deadline FROM editions WHERE id = $1',
      [w.editionId],
    );
    expect(res.body.deadline).toBe(deadline.toISOString());

    const again = await t.request('GET', path(team), { token: team.members[1]!.token });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
  });

  it('replaces the whole draft on every save: omitted fields become empty', async () => {
    const team = await createTeam(t, w);
    const token = team.members[0]!.token;
    await t.request('PUT', path(team), { token, body: draft('Full', { demoUrl: 'http://demo.example' }) });
    const res = await t.request('PUT', path(team), { token, body: { title: 'Bare' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Bare',
      tagline: '',
      description: '',
      repoUrl: '',
      demoUrl: '',
      videoUrl: '',
      techTags: [],
      challengeIds: [],
      version: 2,
    });
  });

  it('keeps every save as a version with its author and time, newest first, paginated', async () => {
    const team = await createTeam(t, w);
    const [alice, bob] = team.members;
    await t.request('PUT', path(team), { token: alice!.token, body: draft('One') });
    await t.request('PUT', path(team), { token: bob!.token, body: draft('Two') });
    await t.request('PUT', path(team), { token: alice!.token, body: draft('Three') });

    const page1 = await t.request('GET', path(team, '/versions?limit=2'), { token: bob!.token });
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((v: { version: number }) => v.version)).toEqual([3, 2]);
    expect(page1.body.items.map((v: { authorId: string }) => v.authorId)).toEqual([alice!.id, bob!.id]);
    expect(page1.body.items[1]).toMatchObject({
      action: 'save',
      authorName: 'Member 2',
      snapshot: {
        title: 'Two',
        trackId: w.tracks.health,
        status: 'draft',
        techTags: ['React', 'PostgreSQL'],
      },
    });
    expect(Date.parse(page1.body.items[0].createdAt)).toBeGreaterThanOrEqual(
      Date.parse(page1.body.items[1].createdAt),
    );
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await t.request('GET', path(team, `/versions?limit=2&cursor=${page1.body.nextCursor}`), {
      token: bob!.token,
    });
    expect(
      page2.body.items.map((v: { version: number; snapshot: { title: string } }) => [
        v.version,
        v.snapshot.title,
      ]),
    ).toEqual([[1, 'One']]);
    expect(page2.body.nextCursor).toBeNull();
  });

  it('refuses a save on top of an older version with 409 STALE_VERSION and the current submission, never overwriting', async () => {
    const team = await createTeam(t, w);
    const [alice, bob] = team.members;
    const v1 = await t.request('PUT', path(team), { token: alice!.token, body: draft('Start') });
    // Both edit version 1; Bob saves first.
    const bobs = await t.request('PUT', path(team), {
      token: bob!.token,
      body: draft("Bob's title", { baseVersion: v1.body.version }),
    });
    expect(bobs.status).toBe(200);
    expect(bobs.body.version).toBe(2);
    const versionsBefore = await rowCount(t, 'submission_versions');

    const alices = await t.request('PUT', path(team), {
      token: alice!.token,
      body: draft("Alice's title", { baseVersion: v1.body.version }),
    });
    expect(alices.status).toBe(409);
    expect(alices.body.code).toBe('STALE_VERSION');
    expect(alices.body.message).toMatch(/^baseVersion: /);
    expect(alices.body.details).toEqual(bobs.body);
    expect(await rowCount(t, 'submission_versions')).toBe(versionsBefore);
    expect((await t.request('GET', path(team), { token: alice!.token })).body.title).toBe("Bob's title");

    // With the current version as base, Alice's merge goes through.
    const merged = await t.request('PUT', path(team), {
      token: alice!.token,
      body: draft('Merged', { baseVersion: alices.body.details.version }),
    });
    expect(merged.status).toBe(200);
    expect(merged.body.version).toBe(3);
  });

  it('refuses a baseVersion for a submission that does not exist yet (only 0 means "none")', async () => {
    const team = await createTeam(t, w);
    const token = team.members[0]!.token;
    const res = await t.request('PUT', path(team), { token, body: draft('X', { baseVersion: 4 }) });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STALE_VERSION');
    expect(res.body.details).toBeNull();
    expect((await t.request('GET', path(team), { token })).status).toBe(404);
    const first = await t.request('PUT', path(team), { token, body: draft('X', { baseVersion: 0 }) });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
  });

  it('answers a retried save (same content, answer lost) with the stored submission instead of 409', async () => {
    const team = await createTeam(t, w);
    const token = team.members[0]!.token;
    await t.request('PUT', path(team), { token, body: draft('A') });
    const body = draft('B', { baseVersion: 1 });
    const first = await t.request('PUT', path(team), { token, body });
    const retry = await t.request('PUT', path(team), { token, body });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.body.version).toBe(2);
  });

  it('stores the Markdown description verbatim, script tags and event handlers included (the web app renders it safely)', async () => {
    const team = await createTeam(t, w);
    const token = team.members[0]!.token;
    const description =
      '  # Title\n\n<script>alert("x")</script>\n<img src=x onerror=alert(1)>\n[link](javascript:alert(1))\n\n  ';
    const saved = await t.request('PUT', path(team), { token, body: draft('Markdown', { description }) });
    expect(saved.status).toBe(200);
    expect(saved.body.description).toBe(description);
    expect((await t.request('GET', path(team), { token })).body.description).toBe(description);
    const [row] = await t.db.query('SELECT description FROM submissions WHERE team_id = $1', [team.id]);
    expect(row.description).toBe(description);
    const versions = await t.request('GET', path(team, '/versions'), { token });
    expect(versions.body.items[0].snapshot.description).toBe(description);
  });

  it.each([
    ['no title', { tagline: 'no title' }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
    ['a javascript: repo URL', { title: 'T', repoUrl: 'javascript:alert(1)' }, 'repoUrl'],
    ['an ftp: demo URL', { title: 'T', demoUrl: 'ftp://files.example/x' }, 'demoUrl'],
    ['a data: video URL', { title: 'T', videoUrl: 'data:text/html,<script>alert(1)</script>' }, 'videoUrl'],
    ['an empty tech tag', { title: 'T', techTags: ['ok', ''] }, 'techTags.1'],
    ['a challenge id that is no UUID', { title: 'T', challengeIds: ['not-a-uuid'] }, 'challengeIds.0'],
    ['a negative baseVersion', { title: 'T', baseVersion: -1 }, 'baseVersion'],
    ['an unknown field', { title: 'T', status: 'submitted' }, 'body'],
    ['a description over 20,000 characters', { title: 'T', description: 'x'.repeat(20_001) }, 'description'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_label, body, field) => {
    const team = await createTeam(t, w);
    const before = [await rowCount(t, 'submissions'), await rowCount(t, 'submission_versions')];
    const res = await t.request('PUT', path(team), { token: team.members[0]!.token, body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
    expect([await rowCount(t, 'submissions'), await rowCount(t, 'submission_versions')]).toEqual(before);
  });

  it("refuses challengeIds that are not challenges of the team's track (400 naming challengeIds), writing nothing", async () => {
    const team = await createTeam(t, w, { trackId: w.tracks.health });
    const token = team.members[0]!.token;
    await t.request('PUT', path(team), { token, body: draft('Kept') });
    const before = await rowCount(t, 'submission_versions');
    for (const challengeIds of [
      [w.challenges.health[0], w.challenges.tourism[0]],
      ['00000000-0000-4000-8000-000000000000'],
    ]) {
      const res = await t.request('PUT', path(team), { token, body: draft('Changed', { challengeIds }) });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^challengeIds: /);
      expect(res.body.message).toContain(challengeIds[challengeIds.length - 1]);
    }
    expect(await rowCount(t, 'submission_versions')).toBe(before);
    expect((await t.request('GET', path(team), { token })).body.title).toBe('Kept');
  });

  it('lets only members write; members and organizers read; others get 403, anonymous 401, unknown teams 404', async () => {
    const team = await createTeam(t, w);
    const other = await createTeam(t, w);
    await t.request('PUT', path(team), { token: team.members[0]!.token, body: draft('Mine') });
    const before = await rowCount(t, 'submission_versions');

    for (const who of [outsider, other.members[0]!]) {
      for (const [method, rest, body] of [
        ['GET', '', undefined],
        ['PUT', '', draft('Hijack')],
        ['POST', '/submit', undefined],
        ['POST', '/unsubmit', undefined],
        ['GET', '/versions', undefined],
      ] as const) {
        const res = await t.request(method, path(team, rest), { token: who.token, body });
        expect([method, rest, res.status, res.body.code]).toEqual([method, rest, 403, 'FORBIDDEN']);
      }
    }
    // Organizers read everything but do not write a team's project.
    expect((await t.request('GET', path(team), { token: w.organizer.token })).status).toBe(200);
    expect((await t.request('GET', path(team, '/versions'), { token: w.organizer.token })).status).toBe(200);
    const orgPut = await t.request('PUT', path(team), { token: w.organizer.token, body: draft('Org') });
    expect(orgPut.status).toBe(403);
    expect((await t.request('POST', path(team, '/submit'), { token: w.organizer.token })).status).toBe(403);

    expect((await t.request('GET', path(team))).status).toBe(401);
    expect((await t.request('PUT', path(team), { body: draft('Anon') })).status).toBe(401);
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const p of [`/api/teams/${unknown}/submission`, '/api/teams/not-a-uuid/submission']) {
      expect((await t.request('GET', p, { token: outsider.token })).status).toBe(404);
      expect((await t.request('PUT', p, { token: outsider.token, body: draft('X') })).status).toBe(404);
    }
    expect(await rowCount(t, 'submission_versions')).toBe(before);
    expect((await t.request('GET', path(team), { token: team.members[1]!.token })).body.title).toBe('Mine');
  });

  it('submits and unsubmits (200 with the submission), each a version with who and when', async () => {
    const team = await createTeam(t, w);
    const [alice, bob] = team.members;
    expect((await t.request('POST', path(team, '/submit'), { token: alice!.token })).status).toBe(404);
    await t.request('PUT', path(team), { token: alice!.token, body: draft('Ship it') });

    const submitted = await t.request('POST', path(team, '/submit'), { token: bob!.token });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 2, title: 'Ship it' });
    expect(submitted.body.submittedAt).toEqual(expect.any(String));
    const [{ now }] = await t.db.query('SELECT now() AS now');
    expect(Math.abs(Date.parse(submitted.body.submittedAt) - now.getTime())).toBeLessThan(10_000);

    // Submitting again changes nothing.
    const again = await t.request('POST', path(team, '/submit'), { token: alice!.token });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(submitted.body);

    // Editing a submitted project keeps it submitted (jurors see the latest version).
    const edited = await t.request('PUT', path(team), { token: alice!.token, body: draft('Ship it v2') });
    expect(edited.body).toMatchObject({
      status: 'submitted',
      version: 3,
      submittedAt: submitted.body.submittedAt,
    });

    const back = await t.request('POST', path(team, '/unsubmit'), { token: alice!.token });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'draft', submittedAt: null, version: 4 });

    const history = await t.request('GET', path(team, '/versions'), { token: alice!.token });
    expect(
      history.body.items.map(
        (v: { version: number; action: string; authorId: string; snapshot: { status: string } }) => [
          v.version,
          v.action,
          v.authorId,
          v.snapshot.status,
        ],
      ),
    ).toEqual([
      [4, 'unsubmit', alice!.id, 'draft'],
      [3, 'save', alice!.id, 'submitted'],
      [2, 'submit', bob!.id, 'submitted'],
      [1, 'save', alice!.id, 'draft'],
    ]);
  });

  it("takes the team's current track at submit, and refuses to submit challenges of its former track", async () => {
    const team = await createTeam(t, w, { trackId: w.tracks.health });
    const token = team.members[0]!.token;
    await t.request('PUT', path(team), {
      token,
      body: draft('Mover', { challengeIds: [w.challenges.health[1]] }),
    });
    const moved = await t.request('PATCH', `/api/teams/${team.id}`, {
      token,
      body: { trackId: w.tracks.tourism },
    });
    expect(moved.status).toBe(200);

    const refused = await t.request('POST', path(team, '/submit'), { token });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^challengeIds: /);
    expect((await t.request('GET', path(team), { token })).body).toMatchObject({
      status: 'draft',
      version: 1,
    });

    const resaved = await t.request('PUT', path(team), {
      token,
      body: draft('Mover', { challengeIds: [w.challenges.tourism[0]] }),
    });
    expect(resaved.body.trackId).toBe(w.tracks.tourism);
    const ok = await t.request('POST', path(team, '/submit'), { token });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'submitted', trackId: w.tracks.tourism });
  });

  it('serialises concurrent saves of one team: each gets its own version, none is lost', async () => {
    const team = await createTeam(t, w, { size: 3 });
    await t.request('PUT', path(team), { token: team.members[0]!.token, body: draft('Base') });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.request('PUT', path(team), { token: team.members[i % 3]!.token, body: draft(`Edit ${i}`) }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(results.map((r) => r.body.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    // Every save is counted in the history (one person's consecutive saves share an entry).
    const [{ saves, latest }] = await t.db.query(
      `SELECT sum(v.saves)::int AS saves, max(v.version)::int AS latest
         FROM submission_versions v JOIN submissions s ON s.id = v.submission_id WHERE s.team_id = $1`,
      [team.id],
    );
    expect([saves, latest]).toEqual([9, 9]);
    // Of concurrent saves on the same base version, exactly one wins.
    const racers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        t.request('PUT', path(team), {
          token: team.members[i % 3]!.token,
          body: draft(`Race ${i}`, { baseVersion: 9 }),
        }),
      ),
    );
    expect(racers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
  });

  it('keeps one submission per team in the database (unique team_id)', async () => {
    const team = await createTeam(t, w);
    await t.request('PUT', path(team), { token: team.members[0]!.token, body: draft('Only') });
    await expect(
      t.db.query(
        `INSERT INTO submissions (team_id, edition_id, track_id, title) VALUES ($1, $2, $3, 'Second')`,
        [team.id, w.editionId, w.tracks.health],
      ),
    ).rejects.toThrow(/unique|duplicate/i);
    await expect(
      t.db.query(`UPDATE submissions SET status = 'final' WHERE team_id = $1`, [team.id]),
    ).rejects.toThrow(/ck_submissions_status/);
  });
});
