import { createTestApp, type TestApp } from './helpers/app';
import {
  createJudgingWorld,
  endJudging,
  must,
  openJudging,
  scoreSheet,
  valuesFor,
  type JudgingWorld,
} from './helpers/judging';

/**
 * Corrections after judgingEndsAt, without moving the timeline: reopening one juror's sheet for a
 * stated reason (until closed, or for a set time), and an audited override.
 */
describe('judging: corrections after judging ended', () => {
  let t: TestApp;
  let w: JudgingWorld;
  let timeline: { submission_deadline: Date; judging_ends_at: Date };
  const sub = () => w.teams[0]!.submissionId;
  const juror = () => w.jurors[0]!;
  const path = (suffix: string) => `/api/submissions/${sub()}/scores/${juror().id}${suffix}`;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createJudgingWorld(t, { teams: 2, jurors: 2 });
    for (const j of w.jurors)
      await must(t, 'POST', `/api/editions/${w.editionId}/assignments`, {
        token: w.organizer.token,
        body: { jurorId: j.id, submissionId: sub() },
      });
    await openJudging(t, w.editionId);
    expect(
      (
        await scoreSheet(
          t,
          juror(),
          sub(),
          valuesFor(w.criteria, () => 5),
          { comment: 'Fine' },
        )
      ).status,
    ).toBe(200);
  }, 60_000);
  afterAll(() => t?.close());

  it('refuses a reopening or an override while judging still runs (the juror fixes it themselves)', async () => {
    const reopen = await t.request('POST', path('/reopen'), {
      token: w.organizer.token,
      body: { reason: 'Typo' },
    });
    expect(reopen.status).toBe(409);
    expect(reopen.body.code).toBe('PHASE_CLOSED');
    const override = await t.request('PUT', path(''), {
      token: w.organizer.token,
      body: { values: valuesFor(w.criteria), reason: 'Typo' },
    });
    expect(override.body.code).toBe('PHASE_CLOSED');
    await endJudging(t, w.editionId);
    [timeline] = await t.db.query('SELECT submission_deadline, judging_ends_at FROM editions WHERE id = $1', [
      w.editionId,
    ]);
  });

  it('reopens one juror’s sheet for a reason: that juror may save it again, nobody else', async () => {
    expect(
      (
        await scoreSheet(
          t,
          juror(),
          sub(),
          valuesFor(w.criteria, () => 9),
        )
      ).body.code,
    ).toBe('PHASE_CLOSED');
    const res = await t.request('POST', path('/reopen'), {
      token: w.organizer.token,
      body: { reason: 'The juror swapped two criteria' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      jurorId: juror().id,
      submissionId: sub(),
      until: null,
      closedAt: null,
      open: true,
    });
    const list = await must(t, 'GET', `/api/editions/${w.editionId}/assignments/me`, {
      token: juror().token,
    });
    expect(list.items[0]).toMatchObject({
      canScore: true,
      reopening: { reason: 'The juror swapped two criteria' },
    });

    const saved = await scoreSheet(
      t,
      juror(),
      sub(),
      valuesFor(w.criteria, () => 9),
      { comment: 'Corrected' },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.values).toEqual(valuesFor(w.criteria, () => 9));
    // The other juror's sheet stays closed.
    expect((await scoreSheet(t, w.jurors[1]!, sub(), valuesFor(w.criteria))).body.code).toBe('PHASE_CLOSED');

    const closed = await t.request('POST', path('/close'), { token: w.organizer.token });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ open: false, closedAt: expect.any(String) });
    expect(
      (
        await scoreSheet(
          t,
          juror(),
          sub(),
          valuesFor(w.criteria, () => 2),
        )
      ).body.code,
    ).toBe('PHASE_CLOSED');
    expect((await t.request('POST', path('/close'), { token: w.organizer.token })).status).toBe(404);

    const actions: { action: string }[] = await t.db.query(
      `SELECT action FROM audit_entries WHERE edition_id = $1 AND action LIKE 'score.%' ORDER BY at`,
      [w.editionId],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'score.saved',
      'score.reopened',
      'score.saved',
      'score.reopen_closed',
    ]);
  });

  it('a reopening for a set time lapses by itself', async () => {
    const res = await must(t, 'POST', path('/reopen'), {
      token: w.organizer.token,
      body: { reason: 'Ten minutes to fix', minutes: 10 },
    });
    expect(Date.parse(res.until) - Date.now()).toBeGreaterThan(9 * 60_000);
    const again = await scoreSheet(
      t,
      juror(),
      sub(),
      valuesFor(w.criteria, () => 8),
      { comment: 'Corrected' },
    );
    expect(again.status).toBe(200);
    // Ten minutes later (by the database's clock).
    await t.db.query(`UPDATE sheet_reopenings SET until = now() - interval '1 second' WHERE juror_id = $1`, [
      juror().id,
    ]);
    expect(
      (
        await scoreSheet(
          t,
          juror(),
          sub(),
          valuesFor(w.criteria, () => 7),
        )
      ).body.code,
    ).toBe('PHASE_CLOSED');
    const sheets = await must(t, 'GET', `/api/submissions/${sub()}/scores`, { token: w.organizer.token });
    expect(sheets.items.find((s: { jurorId: string }) => s.jurorId === juror().id)).toMatchObject({
      values: valuesFor(w.criteria, () => 8),
      reopening: { open: false },
    });
    await must(t, 'POST', path('/close'), { token: w.organizer.token });
  });

  it('overrides a sheet with audited values and a reason; the juror’s comment stays', async () => {
    const bad = await t.request('PUT', path(''), {
      token: w.organizer.token,
      body: { values: { ...valuesFor(w.criteria), [w.criteria[0]!.id]: 42 }, reason: 'Fix' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain(`values.${w.criteria[0]!.id}`);
    const noReason = await t.request('PUT', path(''), {
      token: w.organizer.token,
      body: { values: valuesFor(w.criteria) },
    });
    expect(noReason.status).toBe(400);

    const values = valuesFor(w.criteria, (_, i) => (i === 0 ? 10 : 8));
    const res = await t.request('PUT', path(''), {
      token: w.organizer.token,
      body: { values, reason: 'The juror told us the first value was a slip' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ jurorId: juror().id, values, counts: true });
    const [entry]: {
      actor_id: string;
      before: { values: unknown };
      after: { values: unknown; comment: string; correction: unknown };
    }[] = await t.db.query(
      `SELECT actor_id, before, after FROM audit_entries WHERE action = 'score.saved' AND edition_id = $1 ORDER BY at DESC LIMIT 1`,
      [w.editionId],
    );
    expect(entry).toMatchObject({
      actor_id: w.organizer.id,
      before: { values: valuesFor(w.criteria, () => 8) },
      after: {
        values,
        correction: { kind: 'override', reason: 'The juror told us the first value was a slip' },
      },
    });
    expect(entry!.after.comment).toBe('Corrected');
    // A juror without a sheet has nothing to override; a participant may not.
    const none = await t.request('PUT', `/api/submissions/${sub()}/scores/${w.jurors[1]!.id}`, {
      token: w.organizer.token,
      body: { values, reason: 'x' },
    });
    expect(none.status).toBe(404);
    const byJuror = await t.request('PUT', path(''), { token: juror().token, body: { values, reason: 'x' } });
    expect(byJuror.status).toBe(403);
  });

  it('never moved the timeline', async () => {
    const [now]: { submission_deadline: Date; judging_ends_at: Date }[] = await t.db.query(
      'SELECT submission_deadline, judging_ends_at FROM editions WHERE id = $1',
      [w.editionId],
    );
    expect(now).toEqual(timeline);
  });
});
