import { RankingStore } from '../src/modules/ranking/ranking-store';
import { createTestApp, type TestApp } from './helpers/app';
import { createJudgingWorld, openJudging, type JudgingWorld } from './helpers/judging';
import { board, eventually, patchEdition, score, valuesAt } from './helpers/ranking';

/**
 * Leaderboard reads come from memory: with no change in flight a read sends no query to the change
 * log (nor any other query, for an anonymous reader). Read-your-writes holds without the NOTIFY:
 * a write committed through this instance makes the next read sync first.
 */
describe('leaderboard reads from memory', () => {
  let t: TestApp;
  let w: JudgingWorld;
  let queries: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    w = await createJudgingWorld(t, { teams: 3, jurors: 2 });
    await openJudging(t, w.editionId);
    await patchEdition(w, { normalization: 'none' });
    const query = t.db.query.bind(t.db);
    jest.spyOn(t.db, 'query').mockImplementation((...args: Parameters<typeof query>) => {
      queries.push(args[0]);
      return query(...args);
    });
  }, 60_000);
  afterAll(() => t?.close());

  const logReads = () => queries.filter((q) => /FROM ranking_changes/.test(q)).length;

  it('with no change in flight, twenty reads read nothing from the database', async () => {
    await score(w, w.jurors[0]!, w.teams[0]!.submissionId, valuesAt(w.criteria, 6));
    // Wait for this instance's own notification of the write to be applied, then count.
    const counted = await eventually(
      async () => {
        queries = [];
        for (let i = 0; i < 20; i++) await board(t, w.editionId, null);
        return { all: queries.length, log: logReads() };
      },
      (c) => c.all === 0,
      10_000,
    );
    expect(counted).toEqual({ all: 0, log: 0 });
  });

  it('a write is in the writer’s next read even when no notification arrives', async () => {
    // Deafen the store's LISTEN connection: only the local commit tells it the state is behind.
    const store = t.app.get(RankingStore);
    const listener = (store as unknown as { listener: { removeAllListeners(e: string): void } }).listener;
    listener.removeAllListeners('notification');
    const project = w.teams[1]!.submissionId;
    for (const level of [3, 9, 4, 10, 7]) {
      await score(w, w.jurors[1]!, project, valuesAt(w.criteria, level));
      const b = await board(t, w.editionId, null, w.jurors[1]!.token);
      const row = b.rows.find((r) => r.submissionId === project)!;
      expect(row.sheets).toBe(1);
      expect(row.score).toBeCloseTo(((level - 1) / 9) * 100, 6); // the sheet's score on a 0–100 scale
    }
    // …and once applied, reads are from memory again.
    queries = [];
    for (let i = 0; i < 5; i++) await board(t, w.editionId, null);
    expect(logReads()).toBe(0);
  });
});
