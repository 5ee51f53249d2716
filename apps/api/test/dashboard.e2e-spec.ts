import { EditionDashboardSchema, type EditionDashboard } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import {
  createJudgingWorld,
  createSubmittedTeam,
  must,
  openJudging,
  scoreSheet,
  valuesFor,
  type JudgingWorld,
} from './helpers/judging';
import { signUp } from './helpers/users';

/**
 * `GET /api/editions/:id/dashboard` (issue 13): the console dashboard's figures, checked against a
 * world made through the API (registrations moved to known days in the database).
 */
describe('organizer dashboard figures', () => {
  let t: TestApp;
  let w: JudgingWorld;
  let dashboard: EditionDashboard;
  const ids: Record<string, string> = {};

  const read = async (editionId = w.editionId): Promise<EditionDashboard> => {
    const res = await t.request('GET', `/api/editions/${editionId}/dashboard`, { token: w.organizer.token });
    expect(res.status).toBe(200);
    return EditionDashboardSchema.parse(res.body);
  };

  beforeAll(async () => {
    t = await createTestApp();
    // Three submitted teams of one: Health, Tourism, Health; two jurors; two reviews each.
    w = await createJudgingWorld(t, { teams: 3, jurors: 2, reviewsPerSubmission: 2 });
    const [health, tourism] = w.trackIds as [string, string];
    // A draft (Tourism), a team that has not started (Health, two members), a late one (Health).
    const drafting = await createSubmittedTeam(t, w.editionId, tourism, 'Drafting', false);
    const late = await createSubmittedTeam(t, w.editionId, health, 'Late', false);
    const captain = await signUp(t, 'Idle captain');
    const mate = await signUp(t, 'Idle mate');
    const loner = await signUp(t, 'Loner');
    for (const u of [captain, mate, loner])
      await must(t, 'POST', `/api/editions/${w.editionId}/registrations`, {
        token: u.token,
        body: { skills: [], lookingForTeam: true },
      });
    const idle = await must(t, 'POST', `/api/editions/${w.editionId}/teams`, {
      token: captain.token,
      body: { name: 'Idle', trackId: health },
    });
    await must(t, 'POST', '/api/teams/join', { token: mate.token, body: { inviteCode: idle.inviteCode } });
    ids.drafting = drafting.id;

    // The deadline passes; the late team gets an extension and submits after the deadline.
    await openJudging(t, w.editionId);
    const [{ until }] = await t.db.query(`SELECT now() + interval '1 hour' AS until`);
    await must(t, 'POST', `/api/teams/${late.id}/extension`, {
      token: w.organizer.token,
      body: { until: (until as Date).toISOString() },
    });
    await must(t, 'POST', `/api/teams/${late.id}/submission/submit`, { token: late.captain.token });
    // Team 3 is disqualified (it stays "submitted", and leaves judging).
    await must(t, 'POST', `/api/submissions/${w.teams[2]!.submissionId}/disqualify`, {
      token: w.organizer.token,
      body: { reason: 'Plagiarism' },
    });

    // Judging: the projects taking part (teams 1, 2 and Late) get two jurors each; juror 1
    // scores one of theirs and flags another.
    await must(t, 'POST', `/api/editions/${w.editionId}/assignments/auto`, { token: w.organizer.token });
    const mine: { submissionId: string }[] = (
      await must(t, 'GET', `/api/editions/${w.editionId}/assignments/me`, { token: w.jurors[0]!.token })
    ).items;
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const scored = await scoreSheet(t, w.jurors[0]!, mine[0]!.submissionId, valuesFor(w.criteria));
    expect(scored.status).toBe(200);
    await must(t, 'POST', `/api/submissions/${mine[1]!.submissionId}/flags`, {
      token: w.jurors[0]!.token,
      body: { kind: 'absent', reason: 'Nobody at the table' },
    });

    // Registrations on known instants: the three first teams' captains on 1 March at 23:30 UTC
    // (2 March in Bucharest, UTC+2), nobody on 3 March, the rest on 4 March.
    await t.db.query(
      `UPDATE registrations SET created_at = CASE
         WHEN user_id = ANY($2::uuid[]) THEN timestamptz '2026-03-01T23:30:00Z'
         ELSE timestamptz '2026-03-04T10:00:00Z' END
       WHERE edition_id = $1`,
      [w.editionId, w.teams.map((tm) => tm.captain.id)],
    );
    dashboard = await read();
  });
  afterAll(() => t.close());

  it('counts registrations per day of the Romanian calendar, empty days included, with a running total', () => {
    expect(dashboard.registrations).toEqual({
      total: 8,
      perDay: [
        { day: '2026-03-02', count: 3, cumulative: 3 },
        { day: '2026-03-03', count: 0, cumulative: 3 },
        { day: '2026-03-04', count: 5, cumulative: 8 },
      ],
    });
  });

  it('counts teams and their members per track, in track order', () => {
    const [health, tourism] = w.trackIds;
    expect(dashboard.teams).toEqual({
      total: 6,
      perTrack: [
        { trackId: health, teams: 4, members: 5 },
        { trackId: tourism, teams: 2, members: 2 },
      ],
    });
  });

  it('puts every team in one project state: none, draft, submitted, late (after the deadline, by a team with an extension)', () => {
    expect(dashboard.submissions).toEqual({
      none: 1,
      draft: 1,
      submitted: 3,
      late: 1,
      disqualified: 1,
      extensions: 1,
    });
  });

  it('reports judging coverage, the jurors behind (most behind first) and the open flags', async () => {
    const assigned: { juror_id: string; n: number }[] = await t.db.query(
      `SELECT a.juror_id, count(*)::int AS n FROM assignments a
         JOIN submissions s ON s.id = a.submission_id
        WHERE a.edition_id = $1 AND s.disqualified_at IS NULL GROUP BY a.juror_id`,
      [w.editionId],
    );
    const of = (i: number) => assigned.find((a) => a.juror_id === w.jurors[i]!.id)?.n ?? 0;
    expect(of(0) + of(1)).toBe(6);
    expect(dashboard.judging).toEqual({
      reviewsPerSubmission: 2,
      required: 6,
      assigned: 6,
      done: 1,
      jurors: 2,
      jurorsBehind: [
        { jurorId: w.jurors[1]!.id, name: 'Juror 02', assigned: of(1), done: 0, left: of(1) },
        { jurorId: w.jurors[0]!.id, name: 'Juror 01', assigned: of(0), done: 1, left: of(0) - 1 },
      ].sort((a, b) => b.left - a.left || a.name.localeCompare(b.name)),
      flagsOpen: 1,
    });
  });

  it('follows a change: a sheet scored counts at once, the juror is less behind', async () => {
    const theirs: { submissionId: string }[] = (
      await must(t, 'GET', `/api/editions/${w.editionId}/assignments/me`, { token: w.jurors[1]!.token })
    ).items;
    const res = await scoreSheet(t, w.jurors[1]!, theirs[0]!.submissionId, valuesFor(w.criteria));
    expect(res.status).toBe(200);
    const after = await read();
    expect(after.judging.done).toBe(2);
    const juror2 = after.judging.jurorsBehind.find((j) => j.jurorId === w.jurors[1]!.id);
    const before = dashboard.judging.jurorsBehind.find((j) => j.jurorId === w.jurors[1]!.id)!;
    if (before.left === 1) expect(juror2).toBeUndefined();
    else expect(juror2).toMatchObject({ done: 1, left: before.left - 1 });
    expect(after.submissions).toEqual(dashboard.submissions);
    expect(after.registrations).toEqual(dashboard.registrations);
  });

  it('answers an edition with nothing yet with zeros and every track', async () => {
    const empty = await must(t, 'POST', '/api/editions', {
      token: w.organizer.token,
      body: {
        slug: `empty-${Date.now()}`,
        name: 'Empty edition',
        registrationOpensAt: '2031-01-01T08:00:00Z',
        registrationClosesAt: '2031-02-01T08:00:00Z',
        hackingStartsAt: '2031-02-01T08:00:00Z',
        submissionDeadline: '2031-02-02T08:00:00Z',
        judgingEndsAt: '2031-02-03T08:00:00Z',
      },
    });
    const track = await must(t, 'POST', `/api/editions/${empty.id}/tracks`, {
      token: w.organizer.token,
      body: { name: 'Only', slug: 'only' },
    });
    const d = await read(empty.id);
    expect(d.registrations).toEqual({ total: 0, perDay: [] });
    expect(d.teams).toEqual({ total: 0, perTrack: [{ trackId: track.id, teams: 0, members: 0 }] });
    expect(d.submissions).toEqual({
      none: 0,
      draft: 0,
      submitted: 0,
      late: 0,
      disqualified: 0,
      extensions: 0,
    });
    expect(d.judging).toMatchObject({
      required: 0,
      assigned: 0,
      done: 0,
      jurors: 0,
      jurorsBehind: [],
      flagsOpen: 0,
    });
  });

  it('answers 404 for an unknown edition', async () => {
    const res = await t.request('GET', '/api/editions/00000000-0000-4000-8000-000000000000/dashboard', {
      token: w.organizer.token,
    });
    expect(res.status).toBe(404);
  });
});
