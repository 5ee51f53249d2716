import { createTestApp, type TestApp } from './helpers/app';
import {
  assignmentsOf,
  createJudgingWorld,
  createSubmittedTeam,
  inBatches,
  must,
  openJudging,
  scoreSheet,
  valuesFor,
  type JudgingWorld,
} from './helpers/judging';
import { setTimeline } from './helpers/submission-fixtures';
import { signUp } from './helpers/users';

/**
 * Balanced assignment on 60 projects × 12 jurors (issue 10's "done when"): loads within one,
 * never a conflict, a re-run keeps what has sheets, a late submission joins; by hand too.
 */
describe('judging: assignments', () => {
  let t: TestApp;
  let w: JudgingWorld;
  /** A 13th juror who is a member of team 0 (implicitly conflicted with it). */
  let memberJuror: JudgingWorld['teams'][number]['captain'];
  const declared: { jurorIndex: number; teamIndex: number }[] = [];

  const conflictPairs = async () => {
    const rows: { juror_id: string; team_id: string }[] = await t.db.query(
      `SELECT juror_id, team_id FROM conflicts WHERE edition_id = $1
       UNION SELECT tm.user_id, tm.team_id FROM team_members tm
         JOIN jurors j ON j.user_id = tm.user_id AND j.edition_id = tm.edition_id WHERE tm.edition_id = $1`,
      [w.editionId],
    );
    return new Set(rows.map((r) => `${r.juror_id}|${r.team_id}`));
  };
  const teamOfSubmission = () => new Map(w.teams.map((x) => [x.submissionId, x.id]));

  /** Every rule of the balanced assignment, checked on the stored rows. */
  async function expectBalanced(jurorIds: string[], projects: string[]) {
    const rows = await assignmentsOf(t, w.editionId);
    const conflicts = await conflictPairs();
    const teams = teamOfSubmission();
    for (const r of rows) expect(conflicts.has(`${r.juror_id}|${teams.get(r.submission_id)}`)).toBe(false);
    const loads = jurorIds.map((id) => rows.filter((r) => r.juror_id === id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    for (const p of projects) expect(rows.filter((r) => r.submission_id === p)).toHaveLength(3);
    return rows;
  }

  beforeAll(async () => {
    t = await createTestApp();
    // Jurors 0–3 prefer Health, 4–7 Tourism, 8–11 no track.
    w = await createJudgingWorld(t, {
      teams: 60,
      jurors: 12,
      jurorTracks: (i) => (i < 4 ? [0] : i < 8 ? [1] : []),
    });
    // A juror who is also the captain of team 0: conflicted with it without declaring it.
    memberJuror = w.teams[0]!.captain;
    const { token } = await must(t, 'POST', `/api/editions/${w.editionId}/jury/invitations`, {
      token: w.organizer.token,
      body: { email: 'member-juror@example.test' },
    });
    await must(t, 'POST', `/api/jury/invitations/${token}/accept`, { token: memberJuror.token });
    // Declared conflicts: each of the 12 jurors with two teams (some by the juror, some by an organizer).
    for (let j = 0; j < 12; j++) {
      for (const teamIndex of [(j * 5 + 1) % 60, (j * 7 + 3) % 60]) {
        declared.push({ jurorIndex: j, teamIndex });
        const byOrganizer = j % 2 === 0;
        await must(
          t,
          'POST',
          `/api/editions/${w.editionId}/conflicts`,
          {
            token: byOrganizer ? w.organizer.token : w.jurors[j]!.token,
            body: {
              teamId: w.teams[teamIndex]!.id,
              reason: 'Worked with them',
              ...(byOrganizer ? { jurorId: w.jurors[j]!.id } : {}),
            },
          },
          201,
        );
      }
    }
    await openJudging(t, w.editionId);
  }, 240_000);
  afterAll(() => t?.close());

  const allJurors = () => [...w.jurors.map((j) => j.id), memberJuror.id];

  it('gives every project 3 jurors, loads within one, never a conflicted juror (declared or member)', async () => {
    const res = await t.request('POST', `/api/editions/${w.editionId}/assignments/auto`, {
      token: w.organizer.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      projects: 60,
      jurors: 13,
      reviewsPerSubmission: 3,
      kept: 0,
      removed: [],
      short: [],
    });
    expect(res.body.added).toHaveLength(180);
    const rows = await expectBalanced(
      allJurors(),
      w.teams.map((x) => x.submissionId),
    );
    expect(rows).toHaveLength(180);
    // 180 over 13 jurors: 13 or 14 each.
    expect(res.body.loads.map((l: { assigned: number }) => l.assigned).sort()).toEqual(
      [...Array(2).fill(13), ...Array(11).fill(14)].sort(),
    );
    expect(
      rows.some((r) => r.juror_id === memberJuror.id && r.submission_id === w.teams[0]!.submissionId),
    ).toBe(false);
    for (const d of declared) {
      expect(
        rows.some(
          (r) =>
            r.juror_id === w.jurors[d.jurorIndex]!.id &&
            r.submission_id === w.teams[d.teamIndex]!.submissionId,
        ),
      ).toBe(false);
    }
  });

  it('gives jurors their own track first', async () => {
    const rows = await assignmentsOf(t, w.editionId);
    const trackOf = new Map(w.teams.map((x) => [x.submissionId, x.trackId]));
    const ownShare = (jurorIndexes: number[], trackId: string) => {
      const mine = rows.filter((r) => jurorIndexes.some((j) => w.jurors[j]!.id === r.juror_id));
      return mine.filter((r) => trackOf.get(r.submission_id) === trackId).length / mine.length;
    };
    // Balanced loads leave room for preferences: the track jurors' lists are (nearly) all their track.
    expect(ownShare([0, 1, 2, 3], w.trackIds[0]!)).toBeGreaterThan(0.9);
    expect(ownShare([4, 5, 6, 7], w.trackIds[1]!)).toBeGreaterThan(0.9);
  });

  it('on a re-run keeps the assignments with sheets and changes nothing else', async () => {
    // Each juror scores their first two projects.
    const mine = await inBatches(w.jurors, 4, async (juror) => {
      const list = await must(t, 'GET', `/api/editions/${w.editionId}/assignments/me`, {
        token: juror.token,
      });
      for (const item of list.items.slice(0, 2)) {
        const res = await scoreSheet(t, juror, item.submissionId, valuesFor(w.criteria));
        expect(res.status).toBe(200);
      }
      return list.items.slice(0, 2).map((i: { submissionId: string }) => `${juror.id}|${i.submissionId}`);
    });
    const scored = new Set(mine.flat());
    const before = await assignmentsOf(t, w.editionId);
    const res = await t.request('POST', `/api/editions/${w.editionId}/assignments/auto`, {
      token: w.organizer.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ added: [], removed: [], short: [], kept: 180 });
    const after = await assignmentsOf(t, w.editionId);
    const key = (r: { juror_id: string; submission_id: string }) => `${r.juror_id}|${r.submission_id}`;
    expect(new Set(after.map(key))).toEqual(new Set(before.map(key)));
    for (const s of scored) expect(after.some((r) => key(r) === s)).toBe(true);
  });

  it('a project submitted later (under an extension) joins on a re-run; loads stay within one', async () => {
    // A team that saved a draft before the deadline, then submits under an extension.
    await setTimeline(t, w.editionId, { deadline: '1 hour' });
    const late = await createSubmittedTeam(t, w.editionId, w.trackIds[0]!, 'Late Team', false);
    await openJudging(t, w.editionId);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    await must(t, 'POST', `/api/teams/${late.id}/extension`, { token: w.organizer.token, body: { until } });
    await must(t, 'POST', `/api/teams/${late.id}/submission/submit`, { token: late.captain.token });
    w.teams.push(late);

    const res = await t.request('POST', `/api/editions/${w.editionId}/assignments/auto`, {
      token: w.organizer.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.projects).toBe(61);
    expect(res.body.added).toHaveLength(3);
    expect(res.body.added.every((a: { submissionId: string }) => a.submissionId === late.submissionId)).toBe(
      true,
    );
    await expectBalanced(
      allJurors(),
      w.teams.map((x) => x.submissionId),
    );
    // The juror sees it, with the team's running extension.
    const juror = w.jurors.find((j) => res.body.added.some((a: { jurorId: string }) => a.jurorId === j.id))!;
    const list = await must(t, 'GET', `/api/editions/${w.editionId}/assignments/me`, { token: juror.token });
    const item = list.items.find((i: { submissionId: string }) => i.submissionId === late.submissionId);
    expect(item).toMatchObject({ canScore: true, latest: { extensionRunning: true, version: 2 } });
    // …and can score it while the extension runs.
    expect((await scoreSheet(t, juror, late.submissionId, valuesFor(w.criteria))).status).toBe(200);
  });

  it('drops a disqualified project’s assignments without sheets on a re-run, and keeps its sheets', async () => {
    const target = w.teams[10]!;
    const withSheet: { juror_id: string }[] = await t.db.query(
      'SELECT juror_id FROM score_sheets WHERE submission_id = $1',
      [target.submissionId],
    );
    await must(t, 'POST', `/api/submissions/${target.submissionId}/disqualify`, {
      token: w.organizer.token,
      body: { reason: 'Plagiarism' },
    });
    const res = await t.request('POST', `/api/editions/${w.editionId}/assignments/auto`, {
      token: w.organizer.token,
    });
    expect(res.status).toBe(200);
    const removed = res.body.removed.filter(
      (r: { submissionId: string }) => r.submissionId === target.submissionId,
    );
    expect(removed).toHaveLength(3 - withSheet.length);
    expect(removed.every((r: { reason: string }) => r.reason === 'not_eligible')).toBe(true);
    const left = (await assignmentsOf(t, w.editionId)).filter((r) => r.submission_id === target.submissionId);
    expect(left.map((r) => r.juror_id).sort()).toEqual(withSheet.map((r) => r.juror_id).sort());
    expect(res.body.projects).toBe(60);
  });

  it('assigns and unassigns by hand; refuses a conflicted juror and removing a scored assignment', async () => {
    const d = declared[0]!;
    const conflicted = await t.request('POST', `/api/editions/${w.editionId}/assignments`, {
      token: w.organizer.token,
      body: { jurorId: w.jurors[d.jurorIndex]!.id, submissionId: w.teams[d.teamIndex]!.submissionId },
    });
    expect(conflicted.status).toBe(403);
    expect(conflicted.body.code).toBe('CONFLICT_OF_INTEREST');
    const member = await t.request('POST', `/api/editions/${w.editionId}/assignments`, {
      token: w.organizer.token,
      body: { jurorId: memberJuror.id, submissionId: w.teams[0]!.submissionId },
    });
    expect(member.body.code).toBe('CONFLICT_OF_INTEREST');
    const stranger = await signUp(t, 'Not a juror');
    const notJuror = await t.request('POST', `/api/editions/${w.editionId}/assignments`, {
      token: w.organizer.token,
      body: { jurorId: stranger.id, submissionId: w.teams[5]!.submissionId },
    });
    expect(notJuror.status).toBe(400);
    expect(notJuror.body.message).toMatch(/^jurorId:/);

    // A free pair: a juror not on project 20 and not conflicted with it.
    const rows = await assignmentsOf(t, w.editionId);
    const conflicts = await conflictPairs();
    const project = w.teams[20]!;
    const juror = w.jurors.find(
      (j) =>
        !rows.some((r) => r.juror_id === j.id && r.submission_id === project.submissionId) &&
        !conflicts.has(`${j.id}|${project.id}`),
    )!;
    const created = await t.request('POST', `/api/editions/${w.editionId}/assignments`, {
      token: w.organizer.token,
      body: { jurorId: juror.id, submissionId: project.submissionId },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      jurorId: juror.id,
      submissionId: project.submissionId,
      source: 'manual',
      sheet: null,
    });
    // A manual assignment survives a re-run (which does not take it as a surplus to rebalance).
    await must(t, 'POST', `/api/editions/${w.editionId}/assignments/auto`, { token: w.organizer.token });
    expect(
      (await assignmentsOf(t, w.editionId)).some(
        (r) => r.juror_id === juror.id && r.submission_id === project.submissionId,
      ),
    ).toBe(true);

    const audit: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'assignment.created' AND edition_id = $1`,
      [w.editionId],
    );
    expect(audit[0]!.n).toBe(1);
    const del = await t.request(
      'DELETE',
      `/api/editions/${w.editionId}/assignments/${juror.id}/${project.submissionId}`,
      {
        token: w.organizer.token,
      },
    );
    expect(del.status).toBe(204);
    expect(
      (await assignmentsOf(t, w.editionId)).some(
        (r) => r.juror_id === juror.id && r.submission_id === project.submissionId,
      ),
    ).toBe(false);

    const [scored]: { juror_id: string; submission_id: string }[] = await t.db.query(
      'SELECT juror_id, submission_id FROM score_sheets WHERE edition_id = $1 LIMIT 1',
      [w.editionId],
    );
    const refused = await t.request(
      'DELETE',
      `/api/editions/${w.editionId}/assignments/${scored!.juror_id}/${scored!.submission_id}`,
      {
        token: w.organizer.token,
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SHEET_EXISTS');
  });

  it('lists assignments for organizers in pages, filtered by juror', async () => {
    const first = await must(t, 'GET', `/api/editions/${w.editionId}/assignments?limit=100`, {
      token: w.organizer.token,
    });
    expect(first.items).toHaveLength(100);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await must(
      t,
      'GET',
      `/api/editions/${w.editionId}/assignments?limit=500&cursor=${first.nextCursor}`,
      {
        token: w.organizer.token,
      },
    );
    const total = (await assignmentsOf(t, w.editionId)).length;
    expect(first.items.length + second.items.length).toBe(total);
    expect(second.nextCursor).toBeNull();
    const ids = new Set(
      [...first.items, ...second.items].map(
        (a: { jurorId: string; submissionId: string }) => `${a.jurorId}|${a.submissionId}`,
      ),
    );
    expect(ids.size).toBe(total);
    const byJuror = await must(
      t,
      'GET',
      `/api/editions/${w.editionId}/assignments?jurorId=${w.jurors[0]!.id}`,
      {
        token: w.organizer.token,
      },
    );
    expect(byJuror.items.every((a: { jurorId: string }) => a.jurorId === w.jurors[0]!.id)).toBe(true);
    expect(byJuror.items.filter((a: { sheet: unknown }) => a.sheet !== null).length).toBeGreaterThanOrEqual(
      2,
    );
  });
});
