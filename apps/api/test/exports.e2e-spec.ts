import { get } from 'node:http';
import { parse } from 'csv-parse/sync';
import { EXPORT_COLUMNS, EXPORT_KINDS } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { createJudgingWorld, must, openJudging, type JudgingWorld } from './helpers/judging';
import { score, valuesAt } from './helpers/ranking';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

const BOM = '\uFEFF';

/** The file's records (header first), after checking the BOM and the CRLF record ends. */
function records(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  return parse(text.slice(1), { relax_column_count: false }) as string[][];
}

/** Rows as objects keyed by the header, checking the header is the kind's shared column list. */
function rowsOf(text: string, kind: keyof typeof EXPORT_COLUMNS): Record<string, string>[] {
  const [header, ...rows] = records(text);
  expect(header).toEqual([...EXPORT_COLUMNS[kind]]);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('CSV exports', () => {
  let t: TestApp;
  let w: JudgingWorld;
  let slug: string;
  let loner: TestUser;
  const comment = 'Foarte "bun", clar\nrândul doi';
  const csv = async (kind: string, token = w.organizer.token) =>
    t.request('GET', `/api/editions/${w.editionId}/exports/${kind}.csv`, { token });

  beforeAll(async () => {
    t = await createTestApp();
    w = await createJudgingWorld(t, { teams: 2, jurors: 2, normalization: 'zscore' });
    slug = (await must(t, 'GET', `/api/editions/${w.editionId}`)).slug;
    // A participant without a team whose name tries a formula and whose skills need quoting.
    loner = await signUp(t, '=HYPERLINK("http://evil.test")Știință');
    await must(t, 'POST', `/api/editions/${w.editionId}/registrations`, {
      token: loner.token,
      body: { skills: ['design', 'ș,ț'], lookingForTeam: true },
    });
    await openJudging(t, w.editionId);
    await score(w, w.jurors[0]!, w.teams[0]!.submissionId, valuesAt(w.criteria, 10), comment);
    await score(w, w.jurors[0]!, w.teams[1]!.submissionId, valuesAt(w.criteria, 1));
    await score(w, w.jurors[1]!, w.teams[0]!.submissionId, valuesAt(w.criteria, 7));
  });
  afterAll(() => t.close());

  it('answers a UTF-8 CSV attachment named after the edition, the kind and the date', async () => {
    const res = await csv('participants');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Bucharest' }).format(new Date());
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${slug}-participants-${today}.csv"`,
    );
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('participants: one row per registration, with team, track, and injection neutralised', async () => {
    const rows = rowsOf((await csv('participants')).body, 'participants');
    expect(rows).toHaveLength(3);
    const l = rows.find((r) => r.userId === loner.id)!;
    expect(l).toMatchObject({
      name: `'=HYPERLINK("http://evil.test")Știință`,
      email: loner.email,
      skills: 'design; ș,ț',
      lookingForTeam: 'true',
      teamId: '',
      teamName: '',
    });
    expect(l.registeredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const captain = rows.find((r) => r.userId === w.teams[0]!.captain.id)!;
    expect(captain).toMatchObject({
      name: 'Captain of Team 001',
      teamId: w.teams[0]!.id,
      teamName: 'Team 001',
      trackSlug: 'health',
      lookingForTeam: 'false',
    });
  });

  it('teams: one row per team with captain and members', async () => {
    const rows = rowsOf((await csv('teams')).body, 'teams');
    expect(rows.map((r) => [r.teamId, r.name, r.trackSlug, r.captainName, r.memberCount, r.members])).toEqual(
      [
        [w.teams[0]!.id, 'Team 001', 'health', 'Captain of Team 001', '1', 'Captain of Team 001'],
        [w.teams[1]!.id, 'Team 002', 'tourism', 'Captain of Team 002', '1', 'Captain of Team 002'],
      ],
    );
  });

  it('submissions: one row per project with its status', async () => {
    const rows = rowsOf((await csv('submissions')).body, 'submissions');
    expect(
      rows.map((r) => [r.submissionId, r.teamName, r.title, r.status, r.repoUrl, r.disqualified]),
    ).toEqual([
      [
        w.teams[0]!.submissionId,
        'Team 001',
        'Project of Team 001',
        'submitted',
        'https://example.com/repo',
        'false',
      ],
      [
        w.teams[1]!.submissionId,
        'Team 002',
        'Project of Team 002',
        'submitted',
        'https://example.com/repo',
        'false',
      ],
    ]);
    expect(rows.every((r) => r.submittedAt !== '')).toBe(true);
  });

  it('scores: one row per sheet and criterion, with values, sheet score and the comment intact', async () => {
    const rows = rowsOf((await csv('scores')).body, 'scores');
    expect(rows).toHaveLength(3 * w.criteria.length);
    const [{ count }] = await t.db.query(
      'SELECT count(*)::int AS count FROM score_sheets WHERE edition_id = $1',
      [w.editionId],
    );
    expect(new Set(rows.map((r) => r.sheetId)).size).toBe(count);
    const first = rows.filter(
      (r) => r.submissionId === w.teams[0]!.submissionId && r.jurorId === w.jurors[0]!.id,
    );
    expect(first.map((r) => r.criterionId)).toEqual(w.criteria.map((c) => c.id));
    expect(first.map((r) => r.criterion)).toEqual(w.criteria.map((c) => c.name));
    expect(first.every((r) => r.value === '10' && r.sheetScore === '100' && r.comment === comment)).toBe(
      true,
    );
    const low = rows.filter((r) => r.submissionId === w.teams[1]!.submissionId);
    expect(low.map((r) => [r.value, r.sheetScore, r.min, r.max, r.weight])).toEqual(
      w.criteria.map((c) => ['1', '0', String(c.min), String(c.max), String(c.weight)]),
    );
  });

  it('results: the whole edition first, then each track, with ranks and the method', async () => {
    const rows = rowsOf((await csv('results')).body, 'results');
    expect(rows.map((r) => [r.board, r.rank, r.teamName, r.trackSlug, r.sheets, r.normalization])).toEqual([
      ['overall', '1', 'Team 001', 'health', '2', 'zscore'],
      ['overall', '2', 'Team 002', 'tourism', '1', 'zscore'],
      ['health', '1', 'Team 001', 'health', '2', 'zscore'],
      ['tourism', '1', 'Team 002', 'tourism', '1', 'zscore'],
    ]);
    expect(Number(rows[0]!.score)).toBeCloseTo((100 + (6 / 9) * 100) / 2, 9);
  });

  it.each(EXPORT_KINDS)('%s is for organizers only', async (kind) => {
    const anonymous = await t.request('GET', `/api/editions/${w.editionId}/exports/${kind}.csv`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    for (const who of [w.teams[0]!.captain, w.jurors[0]!, loner]) {
      const res = await csv(kind, who.token);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });

  it('answers 404 for an unknown kind, an unknown edition, or no .csv', async () => {
    const unknown = await csv('passwords');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const none = await t.request(
      'GET',
      `/api/editions/00000000-0000-4000-8000-000000000000/exports/teams.csv`,
      {
        token: w.organizer.token,
      },
    );
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('NOT_FOUND');
    const bare = await t.request('GET', `/api/editions/${w.editionId}/exports/teams`, {
      token: w.organizer.token,
    });
    expect(bare.status).toBe(404);
  });
});

describe('a 100,000-row export', () => {
  const ROWS = 100_000;
  let t: TestApp;
  let organizer: TestUser;
  let editionId: string;
  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    organizer = await signUpOrganizer(t);
    const now = Date.now();
    const at = (h: number) => new Date(now + h * 3_600_000).toISOString();
    editionId = (
      await must(t, 'POST', '/api/editions', {
        token: organizer.token,
        body: {
          slug: 'big-export',
          name: 'Big',
          registrationOpensAt: at(-2),
          registrationClosesAt: at(1),
          hackingStartsAt: at(-1),
          submissionDeadline: at(2),
          judgingEndsAt: at(3),
        },
      })
    ).id;
    // One statement: 100,000 people and their registrations, each row about 600 bytes of CSV, so
    // that the whole file (~60 MB) would not fit under the bound if it were ever held in memory.
    await t.db.query(
      `WITH u AS (
         INSERT INTO users (email, name, password_hash)
         SELECT 'bulk-' || g || '@example.test', 'Participant ' || g || ' ' || repeat('ș', 100), 'x'
           FROM generate_series(1, $2::int) g
         RETURNING id)
       INSERT INTO registrations (edition_id, user_id, skills, looking_for_team)
       SELECT $1::uuid, id, ARRAY[repeat('skill-', 50), 'design'], true FROM u`,
      [editionId, ROWS],
    );
  }, 120_000);
  afterAll(() => t.close());

  it('streams every row while the server heap grows by less than 50 MB', async () => {
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    let bytes = 0;
    let newlines = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 5);
    await new Promise<void>((resolve, reject) => {
      const req = get(
        `${t.url}/api/editions/${editionId}/exports/participants.csv`,
        { headers: { authorization: `Bearer ${organizer.token}` } },
        (res) => {
          if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
            peak = Math.max(peak, process.memoryUsage().heapUsed);
          });
          res.on('end', resolve);
          res.on('error', reject);
        },
      );
      req.on('error', reject);
    });
    clearInterval(sampler);
    const growthMb = (peak - base) / 2 ** 20;
    console.log(
      `100,000-row export: ${(bytes / 2 ** 20).toFixed(1)} MB, heap growth at most ${growthMb.toFixed(1)} MB`,
    );
    expect(newlines).toBe(ROWS + 1);
    expect(bytes).toBeGreaterThan(55 * 2 ** 20);
    expect(growthMb).toBeLessThan(50);
  }, 120_000);
});
