import { DEMO_EDITION_SLUG } from '../src/modules/seed/demo-data';
import { SeedService } from '../src/modules/seed/seed.service';
import { createTestApp, type TestApp } from './helpers/app';
import { board } from './helpers/ranking';

/** `npm start` on a fresh folder: the demo edition's boards have content, the same after a restart. */
describe('the demo edition’s leaderboard', () => {
  let t: TestApp;
  let editionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedService).seedDemo();
    editionId = (await t.request('GET', `/api/editions/${DEMO_EDITION_SLUG}`)).body.id;
  }, 90_000);
  afterAll(() => t?.close());

  it('ranks the seeded sheets on the whole edition’s board and on each track’s, for anyone', async () => {
    const edition = (await t.request('GET', `/api/editions/${editionId}`)).body;
    const overall = await board(t, editionId, null);
    expect(overall.publicMode).toBe('live');
    expect(overall.version).toBeGreaterThan(0);
    const ranked = overall.rows.filter((r) => r.rank !== null);
    expect(ranked.length).toBeGreaterThanOrEqual(3);
    expect(ranked[0]!.rank).toBe(1);
    expect(ranked.every((r) => r.score !== null && r.sheets > 0)).toBe(true);
    let onTracks = 0;
    for (const track of edition.tracks) onTracks += (await board(t, editionId, track.id)).rows.length;
    expect(onTracks).toBe(overall.rows.length);
  });

  it('loads the same boards and versions in a restarted instance', async () => {
    const again = await createTestApp({ databaseUrl: t.config.databaseUrl });
    try {
      const edition = (await t.request('GET', `/api/editions/${editionId}`)).body;
      for (const trackId of [null, ...edition.tracks.map((x: { id: string }) => x.id)]) {
        expect(await board(again, editionId, trackId)).toEqual(await board(t, editionId, trackId));
      }
    } finally {
      await again.close();
    }
  });
});
