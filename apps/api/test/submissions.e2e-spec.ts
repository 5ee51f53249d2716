import { Client } from 'pg';
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

  it('is null before the first save (200, an expected state), then the first save is version 1 with the contract shape', async () => {
    const team = await createTeam(t, w);
    const [alice] = team.members;
    const before = await t.request('GET', path(team), { token: alice!.token });
    expect([before.status, before.body]).toEqual([200, null]);
    expect(before.headers['content-type']).toMatch(/application\/json/);
    // Organizers read it too; outsiders still get 403 (the team exists, its project is not theirs).
    expect((await t.request('GET', path(team), { token: w.organizer.token })).body).toBeNull();
    expect((await t.request('GET', path(team), { token: outsider.token })).status).toBe(403);

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
    expect((await t.request('GET', path(team), { token })).body).toBeNull();
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

/**
 * A project follows what happens to its team and its edition: a move to another track, the last
 * member leaving, a deleted challenge, the team's size at submit. Each change of the project is a
 * version (with who made it) and an audit entry, written in the transaction of the change.
 */
describe('a project when its team or edition changes', () => {
  let t: TestApp;
  let w: SubmissionWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const path = (team: TestTeam, rest = '') => `/api/teams/${team.id}/submission${rest}`;
  const stored = async (team: TestTeam) =>
    (
      await t.db.query(
        'SELECT track_id, challenge_ids, status, version FROM submissions WHERE team_id = $1',
        [team.id],
      )
    )[0] as { track_id: string; challenge_ids: string[]; status: string; version: number } | undefined;
  const lastAudit = async (action: string) =>
    (
      await t.db.query(
        `SELECT actor_id, entity, entity_id, before, after FROM audit_entries
          WHERE edition_id = $1 AND action = $2 ORDER BY at DESC, id DESC LIMIT 1`,
        [w.editionId, action],
      )
    )[0];
  const historyOf = async (team: TestTeam) =>
    (await t.request('GET', path(team, '/versions'), { token: w.organizer.token })).body.items as {
      version: number;
      action: string;
      authorId: string;
      snapshot: { trackId: string; challengeIds: string[]; status: string };
    }[];

  /** A team with a project saved with `challengeIds` and, if `submit`, submitted. */
  async function teamWithProject(opts: { challengeIds?: string[]; submit?: boolean; size?: number } = {}) {
    const team = await createTeam(t, w, { size: opts.size ?? 2 });
    const token = team.members[0]!.token;
    const saved = await t.request('PUT', path(team), {
      token,
      body: draft('Follower', { challengeIds: opts.challengeIds ?? [] }),
    });
    expect(saved.status).toBe(200);
    if (opts.submit) expect((await t.request('POST', path(team, '/submit'), { token })).status).toBe(200);
    return team;
  }
  const leave = (team: TestTeam, member: number) =>
    t.request('POST', `/api/teams/${team.id}/leave`, { token: team.members[member]!.token });

  describe('the last member leaving', () => {
    it('is refused while the project is submitted (409 TEAM_HAS_SUBMISSION), keeping team, project and history', async () => {
      const team = await teamWithProject({ submit: true });
      expect((await leave(team, 1)).body).toEqual({ teamDeleted: false });
      const counts = [await rowCount(t, 'submission_versions'), await rowCount(t, 'audit_entries')];
      const res = await leave(team, 0);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('TEAM_HAS_SUBMISSION');
      expect(res.body.message).toMatch(/unsubmit|withdraw/i);
      expect(await stored(team)).toMatchObject({ status: 'submitted', version: 2 });
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM team_members WHERE team_id = $1', [
        team.id,
      ]);
      expect(n).toBe(1);
      expect([await rowCount(t, 'submission_versions'), await rowCount(t, 'audit_entries')]).toEqual(counts);
    });

    it('is refused while the project is disqualified, even as a draft (the organizers decided on it)', async () => {
      const team = await teamWithProject({ size: 1 });
      const sub = (await t.request('GET', path(team), { token: w.organizer.token })).body;
      const dq = await t.request('POST', `/api/submissions/${sub.id}/disqualify`, {
        token: w.organizer.token,
        body: { reason: 'Plagiarism' },
      });
      expect(dq.status).toBe(200);
      const res = await leave(team, 0);
      expect([res.status, res.body.code]).toEqual([409, 'TEAM_HAS_SUBMISSION']);
      expect(await stored(team)).toMatchObject({ status: 'draft' });
    });

    it('deletes a team whose project is a draft, with the draft, audited as team.deleted with what went', async () => {
      const team = await teamWithProject({ size: 1, challengeIds: [w.challenges.health[0]] });
      const sub = (await t.request('GET', path(team), { token: team.members[0]!.token })).body;
      const res = await leave(team, 0);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ teamDeleted: true });
      expect(await stored(team)).toBeUndefined();
      expect(await t.db.query('SELECT id FROM teams WHERE id = $1', [team.id])).toEqual([]);
      expect(await lastAudit('team.deleted')).toEqual({
        actor_id: team.members[0]!.id,
        entity: 'team',
        entity_id: team.id,
        before: {
          name: team.name,
          trackId: w.tracks.health,
          captainId: team.members[0]!.id,
          submission: { id: sub.id, title: 'Follower', status: 'draft', version: 1 },
        },
        after: null,
      });
    });

    it('after an unsubmit the team can go, and a team without a project is deleted and audited too', async () => {
      const submitted = await teamWithProject({ size: 1, submit: true });
      const token = submitted.members[0]!.token;
      expect((await t.request('POST', path(submitted, '/unsubmit'), { token })).status).toBe(200);
      expect((await leave(submitted, 0)).body).toEqual({ teamDeleted: true });

      const empty = await createTeam(t, w, { size: 1 });
      expect((await leave(empty, 0)).body).toEqual({ teamDeleted: true });
      expect(await lastAudit('team.deleted')).toMatchObject({
        entity_id: empty.id,
        before: { name: empty.name, submission: null },
      });
    });
  });

  describe('a move to another track', () => {
    it("takes a submitted project along in the same request: new track, the old track's challenges dropped, still submitted, a version and an audit entry", async () => {
      const team = await teamWithProject({ challengeIds: [...w.challenges.health], submit: true });
      const captain = team.members[0]!;
      const moved = await t.request('PATCH', `/api/teams/${team.id}`, {
        token: captain.token,
        body: { trackId: w.tracks.tourism },
      });
      expect(moved.status).toBe(200);
      expect(moved.body.trackId).toBe(w.tracks.tourism);
      expect(await stored(team)).toEqual({
        track_id: w.tracks.tourism,
        challenge_ids: [],
        status: 'submitted',
        version: 3,
      });
      const read = await t.request('GET', path(team), { token: captain.token });
      expect(read.body).toMatchObject({ trackId: w.tracks.tourism, challengeIds: [], version: 3 });
      expect((await historyOf(team))[0]).toMatchObject({
        version: 3,
        action: 'save',
        authorId: captain.id,
        snapshot: { trackId: w.tracks.tourism, challengeIds: [], status: 'submitted' },
      });
      expect(await lastAudit('submission.track_changed')).toEqual({
        actor_id: captain.id,
        entity: 'submission',
        entity_id: read.body.id,
        before: { trackId: w.tracks.health, challengeIds: [...w.challenges.health] },
        after: { trackId: w.tracks.tourism, challengeIds: [] },
      });
      // The gallery and the organizers' list filter by the project's track.
      const list = await t.request(
        'GET',
        `/api/editions/${w.editionId}/submissions?trackId=${w.tracks.tourism}`,
        {
          token: w.organizer.token,
        },
      );
      expect(list.body.items.map((i: { teamId: string }) => i.teamId)).toContain(team.id);
    });

    it('takes a draft along too, so that it can then be submitted in the new track', async () => {
      const team = await teamWithProject({ challengeIds: [w.challenges.health[1]] });
      const token = team.members[0]!.token;
      expect(
        (await t.request('PATCH', `/api/teams/${team.id}`, { token, body: { trackId: w.tracks.tourism } }))
          .status,
      ).toBe(200);
      expect(await stored(team)).toMatchObject({ track_id: w.tracks.tourism, challenge_ids: [], version: 2 });
      const submitted = await t.request('POST', path(team, '/submit'), { token });
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', trackId: w.tracks.tourism });
      const resaved = await t.request('PUT', path(team), {
        token,
        body: draft('Follower', { challengeIds: [w.challenges.tourism[0]] }),
      });
      expect(resaved.body.challengeIds).toEqual([w.challenges.tourism[0]]);
    });

    it('of a team whose project is disqualified is refused (403), changing neither the team nor the project', async () => {
      const team = await teamWithProject({ challengeIds: [w.challenges.health[0]], submit: true });
      const sub = (await t.request('GET', path(team), { token: w.organizer.token })).body;
      await t.request('POST', `/api/submissions/${sub.id}/disqualify`, {
        token: w.organizer.token,
        body: { reason: 'Late' },
      });
      const res = await t.request('PATCH', `/api/teams/${team.id}`, {
        token: team.members[0]!.token,
        body: { trackId: w.tracks.tourism },
      });
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
      const [row] = await t.db.query('SELECT track_id FROM teams WHERE id = $1', [team.id]);
      expect(row.track_id).toBe(w.tracks.health);
      expect(await stored(team)).toMatchObject({ track_id: w.tracks.health, version: 2 });
    });

    it('of a team without a project, or to the same track, touches no project', async () => {
      const team = await createTeam(t, w);
      const token = team.members[0]!.token;
      const versions = await rowCount(t, 'submission_versions');
      for (const trackId of [w.tracks.tourism, w.tracks.tourism, w.tracks.health]) {
        expect((await t.request('PATCH', `/api/teams/${team.id}`, { token, body: { trackId } })).status).toBe(
          200,
        );
      }
      expect(await stored(team)).toBeUndefined();
      expect(await rowCount(t, 'submission_versions')).toBe(versions);
    });
  });

  describe("the edition's teamMinSize", () => {
    afterEach(() =>
      t.request('PATCH', `/api/editions/${w.editionId}`, {
        token: w.organizer.token,
        body: { teamMinSize: 1 },
      }),
    );

    it('refuses to submit with fewer members (409 TEAM_TOO_SMALL), writing nothing; drafts may be saved meanwhile', async () => {
      const team = await teamWithProject({ size: 2 });
      const patched = await t.request('PATCH', `/api/editions/${w.editionId}`, {
        token: w.organizer.token,
        body: { teamMinSize: 3 },
      });
      expect(patched.status).toBe(200);
      const token = team.members[0]!.token;
      expect((await t.request('PUT', path(team), { token, body: draft('Still a draft') })).status).toBe(200);
      const versions = await rowCount(t, 'submission_versions');
      const res = await t.request('POST', path(team, '/submit'), { token });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('TEAM_TOO_SMALL');
      expect(res.body.message).toMatch(/3/);
      expect(await stored(team)).toMatchObject({ status: 'draft', version: 2 });
      expect(await rowCount(t, 'submission_versions')).toBe(versions);

      // A third member joins: now it may be submitted.
      const third = await signUp(t, 'Third');
      await t.request('POST', `/api/editions/${w.editionId}/registrations`, {
        token: third.token,
        body: { skills: [], lookingForTeam: true },
      });
      const code = (await t.request('GET', `/api/teams/${team.id}`, { token })).body.inviteCode;
      expect(
        (await t.request('POST', '/api/teams/join', { token: third.token, body: { inviteCode: code } }))
          .status,
      ).toBe(200);
      expect((await t.request('POST', path(team, '/submit'), { token })).status).toBe(200);
    });
  });

  describe('a deleted challenge', () => {
    const newChallenge = async (title: string) => {
      const res = await t.request('POST', `/api/tracks/${w.tracks.health}/challenges`, {
        token: w.organizer.token,
        body: { title },
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };

    it("leaves every project that named it, in the deletion's transaction: a version and an audit entry each, other projects untouched", async () => {
      const doomed = await newChallenge('Doomed');
      const [kept] = w.challenges.health;
      const both = await teamWithProject({ challengeIds: [kept, doomed] });
      const only = await teamWithProject({ challengeIds: [doomed], submit: true });
      const other = await teamWithProject({ challengeIds: [kept] });

      const res = await t.request('DELETE', `/api/challenges/${doomed}`, { token: w.organizer.token });
      expect(res.status).toBe(204);

      expect(await stored(both)).toMatchObject({ challenge_ids: [kept], version: 2, status: 'draft' });
      expect(await stored(only)).toMatchObject({ challenge_ids: [], version: 3, status: 'submitted' });
      expect(await stored(other)).toMatchObject({ challenge_ids: [kept], version: 1 });
      expect((await historyOf(only))[0]).toMatchObject({
        version: 3,
        action: 'save',
        authorId: w.organizer.id,
        snapshot: { challengeIds: [], status: 'submitted' },
      });
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM submissions WHERE $1 = ANY(challenge_ids)`,
        [doomed],
      );
      expect(n).toBe(0);
      const audits = await t.db.query(
        `SELECT entity_id, before, after FROM audit_entries
          WHERE edition_id = $1 AND action = 'submission.challenge_removed' ORDER BY entity_id`,
        [w.editionId],
      );
      const ids = async (team: TestTeam) =>
        (await t.request('GET', path(team), { token: w.organizer.token })).body.id as string;
      expect(audits).toEqual(
        [
          {
            entity_id: await ids(both),
            before: { challengeIds: [kept, doomed] },
            after: { challengeIds: [kept] },
          },
          { entity_id: await ids(only), before: { challengeIds: [doomed] }, after: { challengeIds: [] } },
        ].sort((a, b) => a.entity_id.localeCompare(b.entity_id)),
      );
      expect(await lastAudit('challenge.deleted')).toMatchObject({ entity_id: doomed });
    });

    it('cannot be added by a save that runs while the deletion is being committed: the save waits and is refused', async () => {
      const doomed = await newChallenge('Doomed too');
      const team = await createTeam(t, w);
      const client = new Client({ connectionString: t.config.databaseUrl });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query('DELETE FROM challenges WHERE id = $1', [doomed]);
        const pending = t.request('PUT', path(team), {
          token: team.members[0]!.token,
          body: draft('Racer', { challengeIds: [doomed] }),
        });
        const until = Date.now() + 10_000;
        for (;;) {
          const { rows } = await client.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
          );
          if (rows[0].n > 0) break;
          if (Date.now() > until) throw new Error('the save never waited for the deletion');
          await new Promise((r) => setTimeout(r, 20));
        }
        await client.query('COMMIT');
        const res = await pending;
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/^challengeIds: /);
        expect(await stored(team)).toBeUndefined();
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end();
      }
    });
  });
});
