import { SeedService } from '../src/modules/seed/seed.service';
import { EditionEntity } from '../src/modules/editions/entities/edition.entity';
import { DEMO_EDITION_SLUG } from '../src/modules/seed/demo-data';
import { createTestApp, type TestApp } from './helpers/app';

describe('the demo edition and the public edition endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedService).seedDemo();
  });
  afterAll(() => t.close());

  it('seeds the demo edition with its three tracks, their challenges and the default criteria', async () => {
    const res = await t.request('GET', `/api/editions/${DEMO_EDITION_SLUG}`);
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Challenge Accepted — VI edition');
    expect(res.body.tracks.map((tr: { name: string }) => tr.name)).toEqual([
      'Health',
      'Environment & Ecology',
      'Tourism',
    ]);
    for (const track of res.body.tracks) expect(track.challenges.length).toBeGreaterThan(0);
    expect(res.body.criteria.map((c: { name: string; weight: number }) => [c.name, c.weight])).toEqual([
      ['Innovation', 1],
      ['Impact', 1],
      ['Technical execution', 1],
      ['Presentation', 1],
    ]);
    expect(res.body.phase).toBe('hacking');
    expect(Math.abs(Date.parse(res.body.serverTime) - Date.now())).toBeLessThan(5000);
  });

  it('does not seed twice', async () => {
    expect(await t.app.get(SeedService).seedDemo()).toEqual({ created: false });
    expect(await t.db.getRepository(EditionEntity).countBy({ slug: DEMO_EDITION_SLUG })).toBe(1);
  });

  it('finds the edition by id as well as by slug', async () => {
    const list = await t.request('GET', '/api/editions');
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    const id = list.body.items[0].id;
    const byId = await t.request('GET', `/api/editions/${id}`);
    expect(byId.body.slug).toBe(DEMO_EDITION_SLUG);
  });

  it('hides an unpublished edition from anonymous visitors', async () => {
    await t.db.getRepository(EditionEntity).update({ slug: DEMO_EDITION_SLUG }, { published: false });
    try {
      expect((await t.request('GET', '/api/editions')).body.items).toEqual([]);
      const res = await t.request('GET', `/api/editions/${DEMO_EDITION_SLUG}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    } finally {
      await t.db.getRepository(EditionEntity).update({ slug: DEMO_EDITION_SLUG }, { published: true });
    }
  });
});
