import type { LeaderboardExplanation } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { createJudgingWorld, must, openJudging, type JudgingWorld } from './helpers/judging';
import { patchEdition, score } from './helpers/ranking';

/**
 * GET /api/editions/:id/leaderboard/explain (organizers): per project the criterion means, every
 * juror's sheet score and z-score, the spread, and the reason of its rank — each tie-break of
 * rule 5 met on a real board — as data and as a sentence in English and Romanian.
 */
describe('leaderboard explanations', () => {
  let t: TestApp;
  let w: JudgingWorld;
  const sub = (i: number) => w.teams[i]!.submissionId;
  const title = (i: number) => `Project of Team ${String(i + 1).padStart(3, '0')}`;
  const explain = async (q = ''): Promise<LeaderboardExplanation> =>
    must(t, 'GET', `/api/editions/${w.editionId}/leaderboard/explain${q}`, { token: w.organizer.token });
  const project = (e: LeaderboardExplanation, i: number) =>
    e.projects.find((p) => p.submissionId === sub(i))!;
  const v = (...levels: number[]) => Object.fromEntries(w.criteria.map((c, i) => [c.id, levels[i]!]));

  beforeAll(async () => {
    t = await createTestApp();
    w = await createJudgingWorld(t, { teams: 8, jurors: 3, tracks: ['Health'] });
    await openJudging(t, w.editionId);
    await patchEdition(w, { normalization: 'none' });
    const [j0, j1, j2] = w.jurors as [any, any, any];
    await score(w, j0, sub(0), v(8, 8, 8, 8), 'Strong');
    await score(w, j1, sub(0), v(8, 8, 8, 8));
    await score(w, j2, sub(1), v(8, 8, 8, 8)); // same mean as team 1, one sheet fewer
    await score(w, j0, sub(2), v(5, 5, 5, 5));
    await score(w, j1, sub(4), v(9, 6, 6, 6)); // same mean as team 6, higher on the first criterion
    await score(w, j2, sub(5), v(6, 9, 6, 6));
    await score(w, j0, sub(6), v(3, 3, 3, 3)); // teams 7 and 8: equal but for when they submitted
    await score(w, j1, sub(7), v(3, 3, 3, 3));
  }, 60_000);
  afterAll(() => t?.close());

  it('gives each rank its reason: sheets, the tie-break criterion, submission time, or the ranking value alone', async () => {
    const e = await explain();
    expect(e).toMatchObject({ editionId: w.editionId, trackId: null, normalization: 'none' });
    expect(e.tieBreakCriterionId).toBe(w.criteria[0]!.id); // all weights 1: the first by order
    const ranks = e.projects.map((p) => [p.title, p.rank]);
    expect(ranks.slice(0, 4)).toEqual([
      [title(0), 1],
      [title(1), 2],
      [title(4), 3],
      [title(5), 4],
    ]);
    expect(ranks[4]).toEqual([title(2), 5]);
    expect(ranks.at(-1)).toEqual([title(3), null]);

    const first = project(e, 0);
    expect(first.reason).toMatchObject({ rank: 1, sheets: 2, decidedBy: 'sheets' });
    expect(first.reason.tiedWith).toEqual([
      expect.objectContaining({
        submissionId: sub(1),
        relation: 'ahead',
        decidedBy: 'sheets',
        sheets: 1,
        rank: 2,
      }),
    ]);
    expect(first.sentence.en).toBe(
      `1st place: mean score 77.78 from 2 sheets; level on that with one project: ahead of “${title(1)}” on more sheets (2 against 1).`,
    );
    expect(first.sentence.ro).toBe(
      `Locul 1: scor mediu 77,78 din 2 fișe; la egalitate la această valoare cu un proiect: înaintea proiectului „${title(1)}” datorită mai multor fișe (2 față de 1).`,
    );
    expect(project(e, 1).reason.tiedWith[0]).toMatchObject({ submissionId: sub(0), relation: 'behind' });

    const sixth = project(e, 5);
    expect(sixth.reason).toMatchObject({ rank: 4, decidedBy: 'tieCriterion', tieMean: 6 });
    expect(sixth.sentence.en).toContain(
      `behind “${title(4)}”, which has a higher mean for “${w.criteria[0]!.name}” (9.00 against 6.00)`,
    );
    expect(sixth.sentence.ro).toContain(
      `după proiectul „${title(4)}”, care are o medie mai mare la „${w.criteria[0]!.name}” (9,00 față de 6,00)`,
    );

    const alone = project(e, 2);
    expect(alone.reason).toMatchObject({ rank: 5, decidedBy: 'normalized', tiedWith: [] });
    expect(alone.sentence).toEqual({
      en: '5th place: mean score 44.44 from 1 sheet.',
      ro: 'Locul 5: scor mediu 44,44 din 1 fișă.',
    });

    // Teams 7 and 8 differ only in when they were submitted (to the millisecond).
    const rows: { id: string; at: Date }[] = await t.db.query(
      'SELECT id, submitted_at AS at FROM submissions WHERE id = ANY($1::uuid[])',
      [[sub(6), sub(7)]],
    );
    const at = new Map(rows.map((r) => [r.id, r.at.getTime()]));
    const seventh = project(e, 6);
    if (at.get(sub(6)) === at.get(sub(7))) {
      expect(seventh.reason).toMatchObject({ rank: 6, decidedBy: 'tied' });
    } else {
      const earlier = at.get(sub(6))! < at.get(sub(7))!;
      expect(seventh.reason).toMatchObject({ rank: earlier ? 6 : 7, decidedBy: 'submittedAt' });
      expect(seventh.reason.tiedWith[0]).toMatchObject({
        relation: earlier ? 'ahead' : 'behind',
        decidedBy: 'submittedAt',
      });
      expect(seventh.sentence.ro).toContain(
        earlier ? 'fiind trimis mai devreme' : 'care a fost trimis mai devreme',
      );
    }

    expect(project(e, 3).sentence).toEqual({
      en: 'Unranked: no sheet counts for this project yet.',
      ro: 'Neclasat: nicio fișă nu contează încă pentru acest proiect.',
    });
  });

  it('shows criterion means, each juror’s sheet with its z-score, the spread, and the jurors’ statistics', async () => {
    const e = await explain();
    const first = project(e, 0);
    expect(first.criteria).toEqual(Object.fromEntries(w.criteria.map((c) => [c.id, 8])));
    expect(first.spread!.sd).toBe(0);
    expect(first.spread!.min).toBe(first.spread!.max);
    expect(first.spread!.min).toBeCloseTo(100 * (7 / 9), 12);
    expect(first.jurorSheets.map((s) => s.jurorName)).toEqual(['Juror 01', 'Juror 02']);
    // Juror 1 scored teams 1, 3 and 7: 77.78, 44.44 and 22.22.
    const scores = [7, 4, 2].map((l) => (100 * l) / 9);
    const mean = scores.reduce((a, b) => a + b) / 3;
    const sd = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / 3);
    expect(first.jurorSheets[0]).toMatchObject({ counts: true, values: v(8, 8, 8, 8) });
    expect(first.jurorSheets[0]!.score).toBeCloseTo(scores[0]!, 12);
    expect(first.jurorSheets[0]!.zScore).toBeCloseTo((scores[0]! - mean) / sd, 12);
    const juror1 = e.jurors.find((j) => j.jurorId === w.jurors[0]!.id)!;
    expect(juror1).toMatchObject({ jurorName: 'Juror 01', sheets: 3 });
    expect(juror1.mean).toBeCloseTo(mean, 12);
    expect(juror1.sd).toBeCloseTo(sd, 12);
    expect(e.criteria.map((c) => c.name)).toEqual(w.criteria.map((c) => c.name));
  });

  it('after a conflict, the juror’s sheet is shown as not counting and the project falls to unranked', async () => {
    await must(t, 'POST', `/api/editions/${w.editionId}/conflicts`, {
      token: w.organizer.token,
      body: { teamId: w.teams[2]!.id, jurorId: w.jurors[0]!.id, reason: 'Family' },
    });
    const e = await explain(`?submissionId=${sub(2)}`);
    expect(e.projects).toHaveLength(1);
    expect(e.projects[0]).toMatchObject({ rank: null, sheets: 0, spread: null });
    expect(e.projects[0]!.jurorSheets).toEqual([
      expect.objectContaining({ jurorId: w.jurors[0]!.id, counts: false, zScore: null }),
    ]);
    // The juror's statistics leave that sheet out.
    expect((await explain()).jurors.find((j) => j.jurorId === w.jurors[0]!.id)!.sheets).toBe(2);
  });

  it('explains a track board, and refuses a project that is not on it (404)', async () => {
    const e = await explain(`?trackId=${w.trackIds[0]}`);
    expect(e.trackId).toBe(w.trackIds[0]);
    expect(e.projects).toHaveLength(8);
    const res = await t.request(
      'GET',
      `/api/editions/${w.editionId}/leaderboard/explain?submissionId=7f0c8d1e-3b1a-4c55-9a52-8d9e0f1a2b3c`,
      { token: w.organizer.token },
    );
    expect(res.status).toBe(404);
  });

  it('names the criteria in the reader’s language', async () => {
    const inRo = (
      await t.request('GET', `/api/editions/${w.editionId}/leaderboard/explain`, {
        token: w.organizer.token,
        headers: { 'accept-language': 'ro' },
      })
    ).body as LeaderboardExplanation;
    const en = await explain();
    expect(inRo.criteria.map((c) => c.name)).toEqual(w.criteria.map((c) => c.nameI18n.ro || c.nameI18n.en));
    expect(en.criteria.map((c) => c.name)).toEqual(w.criteria.map((c) => c.nameI18n.en));
    expect(inRo.criteria.map((c) => c.name)).toContain('Inovație');
  });
});
