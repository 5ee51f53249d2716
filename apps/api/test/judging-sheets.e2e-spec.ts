import { randomUUID } from 'node:crypto';
import { sheetScore, type JudgingChange } from '@ca/shared';
import { JudgingEvents } from '../src/modules/judging/judging-events';
import { JudgingReadService } from '../src/modules/judging/judging-read.service';
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
import { signUp } from './helpers/users';

/**
 * Score sheets (`PUT /api/submissions/:id/scores/me`): the rules, every refusal with its code,
 * replacement, idempotency (also five copies at once over real HTTP), the audit trail, the change
 * sequence and its event, and the criteria lock.
 */
describe('judging: score sheets', () => {
  let t: TestApp;
  let w: JudgingWorld;
  const changes: JudgingChange[] = [];

  const auditCount = async (action = 'score.saved') => {
    const [{ n }]: { n: number }[] = await t.db.query(
      'SELECT count(*)::int AS n FROM audit_entries WHERE edition_id = $1 AND action = $2',
      [w.editionId, action],
    );
    return n;
  };
  const currentSeq = async () => {
    const rows: { seq: string }[] = await t.db.query(
      'SELECT seq FROM judging_sequences WHERE edition_id = $1',
      [w.editionId],
    );
    return Number(rows[0]?.seq ?? 0);
  };
  const sheetRows = (submissionId: string) =>
    t.db.query('SELECT juror_id, values, comment, score, seq FROM score_sheets WHERE submission_id = $1', [
      submissionId,
    ]) as Promise<
      { juror_id: string; values: Record<string, number>; comment: string; score: number; seq: string }[]
    >;
  const assign = (jurorIndex: number, teamIndex: number) =>
    must(
      t,
      'POST',
      `/api/editions/${w.editionId}/assignments`,
      {
        token: w.organizer.token,
        body: { jurorId: w.jurors[jurorIndex]!.id, submissionId: w.teams[teamIndex]!.submissionId },
      },
      201,
    );

  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    t.app.get(JudgingEvents).changes$.subscribe((c) => changes.push(c));
    w = await createJudgingWorld(t, { teams: 4, jurors: 3, normalization: 'zscore' });
    // Juror 0 on teams 0–2, juror 1 on teams 0 and 3; juror 2 on nothing.
    for (const [j, p] of [
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 3],
    ] as const)
      await assign(j, p);
  }, 120_000);
  afterAll(() => t?.close());

  it('takes criteria with level descriptions in two languages, checked against the scale', async () => {
    const criteria = w.criteria.map((c) => ({
      name: c.name,
      description: c.description,
      weight: c.weight,
      min: c.min,
      max: c.max,
    }));
    const overlapping = await t.request('PUT', `/api/editions/${w.editionId}/criteria`, {
      token: w.organizer.token,
      body: [
        {
          ...criteria[0],
          levels: [
            { from: 1, to: 4, descriptionI18n: { en: 'Idea only' } },
            { from: 4, to: 10, descriptionI18n: { en: 'Working' } },
          ],
        },
        ...criteria.slice(1),
      ],
    });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.code).toBe('VALIDATION_FAILED');
    expect(overlapping.body.message).toMatch(/^0\.levels\.1\.from: overlaps level 0/);
    const outside = await t.request('PUT', `/api/editions/${w.editionId}/criteria`, {
      token: w.organizer.token,
      body: [
        { ...criteria[0], levels: [{ from: 8, to: 11, descriptionI18n: { en: 'Too high' } }] },
        ...criteria.slice(1),
      ],
    });
    expect(outside.body.message).toMatch(/^0\.levels\.0\.to: must be within 1–10/);

    const levels = [
      { from: 1, to: 3, descriptionI18n: { en: 'Idea only', ro: 'Doar o idee' } },
      { from: 4, to: 7, descriptionI18n: { en: 'Working prototype', ro: '' } },
      { from: 8, to: 10, descriptionI18n: { ro: 'Gata pentru utilizatori' } },
    ];
    const ok = await t.request('PUT', `/api/editions/${w.editionId}/criteria`, {
      token: w.organizer.token,
      body: [{ ...criteria[0], levels }, ...criteria.slice(1)],
    });
    expect(ok.status).toBe(200);
    expect(ok.body[0].levels).toEqual([
      { from: 1, to: 3, description: 'Idea only', descriptionI18n: { en: 'Idea only', ro: 'Doar o idee' } },
      {
        from: 4,
        to: 7,
        description: 'Working prototype',
        descriptionI18n: { en: 'Working prototype', ro: '' },
      },
      // No English text: the reader gets the Romanian one.
      {
        from: 8,
        to: 10,
        description: 'Gata pentru utilizatori',
        descriptionI18n: { en: '', ro: 'Gata pentru utilizatori' },
      },
    ]);
    expect(ok.body[1].levels).toEqual([]);
    const edition = await must(t, 'GET', `/api/editions/${w.editionId}`);
    expect(edition.criteria[0].levels).toHaveLength(3);
    // A client that does not know levels (no `levels`) keeps them, as far as they fit the scale.
    const unaware = await must(t, 'PUT', `/api/editions/${w.editionId}/criteria`, {
      token: w.organizer.token,
      body: criteria,
    });
    expect(unaware[0].levels).toHaveLength(3);
    const narrower = await must(t, 'PUT', `/api/editions/${w.editionId}/criteria`, {
      token: w.organizer.token,
      body: [{ ...criteria[0], max: 5 }, ...criteria.slice(1)],
    });
    expect(narrower[0].levels.map((l: { from: number; to: number }) => [l.from, l.to])).toEqual([[1, 3]]);
    const cleared = await must(t, 'PUT', `/api/editions/${w.editionId}/criteria`, {
      token: w.organizer.token,
      body: [{ ...criteria[0], levels: [] }, ...criteria.slice(1)],
    });
    expect(cleared[0]).toMatchObject({ max: 10, levels: [] });
    await must(t, 'PUT', `/api/editions/${w.editionId}/criteria`, {
      token: w.organizer.token,
      body: [{ ...criteria[0], levels }, ...criteria.slice(1)],
    });
    // Ids are kept by position, so sheets below use the same criteria.
    expect(edition.criteria.map((c: { id: string }) => c.id)).toEqual(w.criteria.map((c) => c.id));
  });

  it('refuses a sheet before the submission deadline (PHASE_CLOSED), writing nothing', async () => {
    const res = await scoreSheet(t, w.jurors[0]!, w.teams[0]!.submissionId, valuesFor(w.criteria));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('PHASE_CLOSED');
    expect(await sheetRows(w.teams[0]!.submissionId)).toEqual([]);
    expect(await auditCount()).toBe(0);
    await openJudging(t, w.editionId);
  });

  it('saves a sheet: every criterion, its rule-1 score, one audit entry, the change sequence and its event', async () => {
    const values = valuesFor(w.criteria, (c, i) => [10, 7, 3, 1][i]!);
    const seqBefore = await currentSeq();
    const res = await scoreSheet(t, w.jurors[0]!, w.teams[0]!.submissionId, values, {
      comment: 'Great pitch',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      jurorId: w.jurors[0]!.id,
      submissionId: w.teams[0]!.submissionId,
      values,
      comment: 'Great pitch',
      score: sheetScore(w.criteria, values),
      updatedAt: expect.any(String),
      submissionVersion: 2,
      counts: true,
    });
    // Weights 1, scale 1–10: 100 · (9 + 6 + 2 + 0) / 9 / 4.
    expect(res.body.score).toBeCloseTo((100 * 17) / 36, 10);
    const [row] = await sheetRows(w.teams[0]!.submissionId);
    expect(row).toMatchObject({ values, comment: 'Great pitch', seq: String(seqBefore + 1) });
    const audit: { before: unknown; after: { values: unknown; score: number }; actor_id: string }[] =
      await t.db.query(
        `SELECT before, after, actor_id FROM audit_entries WHERE action = 'score.saved' AND edition_id = $1`,
        [w.editionId],
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      before: null,
      after: { values, score: res.body.score },
      actor_id: w.jurors[0]!.id,
    });
    const sheetChange = changes.find((c) => c.kind === 'sheet' && c.editionId === w.editionId);
    expect(sheetChange).toEqual({
      editionId: w.editionId,
      seq: seqBefore + 1,
      kind: 'sheet',
      submissionIds: [w.teams[0]!.submissionId],
      jurorId: w.jurors[0]!.id,
    });
  });

  it('replaces the sheet on a new save, auditing before and after; an identical save changes nothing', async () => {
    const values = valuesFor(w.criteria, () => 6);
    const seqBefore = await currentSeq();
    const res = await scoreSheet(t, w.jurors[0]!, w.teams[0]!.submissionId, values, {
      comment: 'Second look',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ values, comment: 'Second look' });
    const rows = await sheetRows(w.teams[0]!.submissionId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ values, seq: String(seqBefore + 1) });
    const [last]: { before: { comment: string }; after: { comment: string } }[] = await t.db.query(
      `SELECT before, after FROM audit_entries WHERE action = 'score.saved' AND edition_id = $1 ORDER BY at DESC LIMIT 1`,
      [w.editionId],
    );
    expect(last).toMatchObject({
      before: { comment: 'Great pitch' },
      after: { comment: 'Second look', values },
    });
    expect(await auditCount()).toBe(2);

    const same = await scoreSheet(t, w.jurors[0]!, w.teams[0]!.submissionId, values, {
      comment: 'Second look',
    });
    expect(same.status).toBe(200);
    expect(await auditCount()).toBe(2);
    expect((await sheetRows(w.teams[0]!.submissionId))[0]!.seq).toBe(String(seqBefore + 1));
    expect(await currentSeq()).toBe(seqBefore + 1);
  });

  it('answers a replay of a key with the stored sheet and changes nothing, whatever the body', async () => {
    const key = randomUUID();
    const first = await scoreSheet(
      t,
      w.jurors[0]!,
      w.teams[1]!.submissionId,
      valuesFor(w.criteria, () => 8),
      {
        idempotencyKey: key,
      },
    );
    expect(first.status).toBe(200);
    const audits = await auditCount();
    // Other values, even invalid ones: the key says it is the same request.
    for (const values of [valuesFor(w.criteria, () => 2), { nonsense: 99 }]) {
      const replay = await scoreSheet(t, w.jurors[0]!, w.teams[1]!.submissionId, values, {
        idempotencyKey: key,
      });
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual(first.body);
    }
    expect(await auditCount()).toBe(audits);
    expect((await sheetRows(w.teams[1]!.submissionId))[0]!.values).toEqual(valuesFor(w.criteria, () => 8));
    // The same key for another project is a client mistake, not a replay.
    const elsewhere = await scoreSheet(t, w.jurors[0]!, w.teams[2]!.submissionId, valuesFor(w.criteria), {
      idempotencyKey: key,
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.message).toMatch(/^idempotencyKey:/);
  });

  it('stores one sheet and one audit entry when five copies arrive at once (real parallel HTTP)', async () => {
    const send = (key: string, submissionId: string, values: Record<string, number>) =>
      fetch(`${t.url}/api/submissions/${submissionId}/scores/me`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${w.jurors[1]!.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ values, comment: 'From the queue', idempotencyKey: key }),
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { values: Record<string, number> },
      }));

    // A first sheet (no row yet), then a change of it: five copies each.
    for (const pick of [() => 9, () => 4]) {
      const before = await auditCount();
      const key = randomUUID();
      const values = valuesFor(w.criteria, pick);
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => send(key, w.teams[3]!.submissionId, values)),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
      expect(answers[0]!.body.values).toEqual(values);
      const rows = await sheetRows(w.teams[3]!.submissionId);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.values).toEqual(values);
      expect(await auditCount()).toBe(before + 1);
      const [{ n }]: { n: number }[] = await t.db.query(
        'SELECT count(*)::int AS n FROM score_sheet_keys WHERE juror_id = $1 AND idempotency_key = $2',
        [w.jurors[1]!.id, key],
      );
      expect(n).toBe(1);
    }
  });

  describe('refusals, each with its code and nothing written', () => {
    let before: { audits: number; keys: number };
    beforeEach(async () => {
      const [{ n }]: { n: number }[] = await t.db.query('SELECT count(*)::int AS n FROM score_sheet_keys');
      before = { audits: await auditCount(), keys: n };
    });
    afterEach(async () => {
      const [{ n }]: { n: number }[] = await t.db.query('SELECT count(*)::int AS n FROM score_sheet_keys');
      expect({ audits: await auditCount(), keys: n }).toEqual(before);
    });

    it('NOT_ASSIGNED for a juror not assigned, and for a participant', async () => {
      const res = await scoreSheet(t, w.jurors[2]!, w.teams[0]!.submissionId, valuesFor(w.criteria));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('NOT_ASSIGNED');
      const participant = await scoreSheet(
        t,
        w.teams[1]!.captain,
        w.teams[0]!.submissionId,
        valuesFor(w.criteria),
      );
      expect(participant.body.code).toBe('NOT_ASSIGNED');
    });

    it('VALIDATION_FAILED naming the field: out of scale, missing criterion, unknown criterion, long comment', async () => {
      const [a, b] = w.criteria;
      const outOfScale = await scoreSheet(t, w.jurors[0]!, w.teams[2]!.submissionId, {
        ...valuesFor(w.criteria),
        [a!.id]: 11,
      });
      expect(outOfScale.status).toBe(400);
      expect(outOfScale.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(outOfScale.body.message).toContain(`values.${a!.id}: must be within 1–10`);
      const below = await scoreSheet(t, w.jurors[0]!, w.teams[2]!.submissionId, {
        ...valuesFor(w.criteria),
        [a!.id]: 0,
      });
      expect(below.body.message).toContain(`values.${a!.id}: must be within 1–10`);

      const { [b!.id]: _omitted, ...missing } = valuesFor(w.criteria);
      const missingRes = await scoreSheet(t, w.jurors[0]!, w.teams[2]!.submissionId, missing);
      expect(missingRes.status).toBe(400);
      expect(missingRes.body.message).toContain(`values.${b!.id}: required`);

      const unknownId = randomUUID();
      const unknown = await scoreSheet(t, w.jurors[0]!, w.teams[2]!.submissionId, {
        ...valuesFor(w.criteria),
        [unknownId]: 5,
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toContain(`values.${unknownId}: not a criterion of this edition`);

      const long = await scoreSheet(t, w.jurors[0]!, w.teams[2]!.submissionId, valuesFor(w.criteria), {
        comment: 'x'.repeat(5001),
      });
      expect(long.status).toBe(400);
      expect(long.body.message).toMatch(/^comment:/);
      const noKey = await t.request('PUT', `/api/submissions/${w.teams[2]!.submissionId}/scores/me`, {
        token: w.jurors[0]!.token,
        body: { values: valuesFor(w.criteria) },
      });
      expect(noKey.body.message).toMatch(/^idempotencyKey:/);
      expect(await sheetRows(w.teams[2]!.submissionId)).toEqual([]);
    });

    it('a refused request leaves its key unused: the corrected retry with the same key saves', async () => {
      const key = randomUUID();
      const bad = await scoreSheet(
        t,
        w.jurors[0]!,
        w.teams[2]!.submissionId,
        { [w.criteria[0]!.id]: 5 },
        { idempotencyKey: key },
      );
      expect(bad.status).toBe(400);
      const good = await scoreSheet(t, w.jurors[0]!, w.teams[2]!.submissionId, valuesFor(w.criteria), {
        idempotencyKey: key,
      });
      expect(good.status).toBe(200);
      before.audits += 1; // the good one
      before.keys += 1;
    });

    it('404 for an unknown submission', async () => {
      const res = await scoreSheet(t, w.jurors[0]!, randomUUID(), valuesFor(w.criteria));
      expect(res.status).toBe(404);
    });

    it('CONFLICT_OF_INTEREST once the juror declared a conflict; the earlier sheet stays and stops counting', async () => {
      const declared = await t.request('POST', `/api/editions/${w.editionId}/conflicts`, {
        token: w.jurors[0]!.token,
        body: { teamId: w.teams[1]!.id, reason: 'My cousin is in the team' },
      });
      expect(declared.status).toBe(201);
      expect(declared.body).toMatchObject({
        droppedAssignment: false,
        sheetNoLongerCounts: true,
        implicit: false,
      });
      const res = await scoreSheet(t, w.jurors[0]!, w.teams[1]!.submissionId, valuesFor(w.criteria));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('CONFLICT_OF_INTEREST');
      const snapshot = await t.app.get(JudgingReadService).snapshot(w.editionId);
      const sheet = snapshot.sheets.find(
        (s) => s.submissionId === w.teams[1]!.submissionId && s.jurorId === w.jurors[0]!.id,
      );
      expect(sheet).toMatchObject({ counts: false });
      // The conflict raised the sequence too.
      expect(snapshot.seq).toBe(
        Math.max(...changes.filter((c) => c.editionId === w.editionId).map((c) => c.seq)),
      );
      expect(changes.at(-1)).toMatchObject({ kind: 'conflict', jurorId: w.jurors[0]!.id });
    });

    it('FORBIDDEN for a disqualified project', async () => {
      await must(t, 'POST', `/api/submissions/${w.teams[3]!.submissionId}/disqualify`, {
        token: w.organizer.token,
        body: { reason: 'Not original work' },
      });
      before.audits = await auditCount();
      const res = await scoreSheet(t, w.jurors[1]!, w.teams[3]!.submissionId, valuesFor(w.criteria));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(changes.at(-1)).toMatchObject({
        kind: 'disqualification',
        submissionIds: [w.teams[3]!.submissionId],
      });
      await must(t, 'POST', `/api/submissions/${w.teams[3]!.submissionId}/reinstate`, {
        token: w.organizer.token,
      });
    });

    it('PHASE_CLOSED after judgingEndsAt (by the database clock)', async () => {
      await endJudging(t, w.editionId);
      const res = await scoreSheet(t, w.jurors[1]!, w.teams[0]!.submissionId, valuesFor(w.criteria));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('PHASE_CLOSED');
      expect(res.body.message).toMatch(/^Judging ended at/);
      await openJudging(t, w.editionId);
    });
  });

  it('gives the ranking one consistent snapshot: criteria, projects and sheets with counts and seq', async () => {
    const snap = await t.app.get(JudgingReadService).snapshot(w.editionId);
    expect(snap).toMatchObject({ editionId: w.editionId, normalization: 'zscore', reviewsPerSubmission: 3 });
    expect(snap.criteria.map((c) => c.id)).toEqual(w.criteria.map((c) => c.id));
    expect(snap.projects).toHaveLength(4);
    expect(snap.projects.every((p) => p.submittedAt && p.teamName && !p.disqualified)).toBe(true);
    const [{ n }]: { n: number }[] = await t.db.query(
      'SELECT count(*)::int AS n FROM score_sheets WHERE edition_id = $1',
      [w.editionId],
    );
    expect(snap.sheets).toHaveLength(n);
    for (const s of snap.sheets) expect(s.score).toBeCloseTo(sheetScore(snap.criteria, s.values), 10);
    expect(Math.max(...snap.sheets.map((s) => s.seq))).toBeLessThanOrEqual(snap.seq);
  });

  it('refuses to change the criteria once any sheet exists (409 PHASE_CLOSED)', async () => {
    const res = await t.request('PUT', `/api/editions/${w.editionId}/criteria`, {
      token: w.organizer.token,
      body: [{ name: 'Only one', description: '', weight: 1, min: 0, max: 5 }],
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('PHASE_CLOSED');
    const edition = await must(t, 'GET', `/api/editions/${w.editionId}`);
    expect(edition.criteria).toHaveLength(4);
  });

  it('a non-juror cannot read a juror list, and a signed-out caller cannot score', async () => {
    const stranger = await signUp(t, 'Stranger');
    expect(
      (await t.request('GET', `/api/editions/${w.editionId}/assignments/me`, { token: stranger.token }))
        .status,
    ).toBe(403);
    const anon = await t.request('PUT', `/api/submissions/${w.teams[0]!.submissionId}/scores/me`, {
      body: { values: {}, idempotencyKey: 'k' },
    });
    expect(anon.status).toBe(401);
  });
});
