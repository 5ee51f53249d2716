import { createTestApp, type TestApp } from './helpers/app';
import { createEdition } from './helpers/editions';
import { signUpOrganizer, type TestUser } from './helpers/users';

/**
 * The public edition page under a burst: concurrent reads of one edition share a query (a burst of
 * 40 costs a few, not 40), and an organizer's change is in their next read even while a burst of
 * other readers is in flight (a read never answers with a query that began before it arrived).
 */
describe('edition page reads under a burst', () => {
  let t: TestApp;
  let organizer: TestUser;
  let slug: string;
  let id: string;

  beforeAll(async () => {
    t = await createTestApp();
    organizer = await signUpOrganizer(t);
    const e = await createEdition(t, organizer);
    slug = e.slug as string;
    id = e.id;
  });
  afterAll(() => t?.close());

  const page = async () => {
    const res = await t.request('GET', `/api/editions/${slug}`);
    expect(res.status).toBe(200);
    return res.body as { id: string; name: string; serverTime: string };
  };

  it('a burst of 40 concurrent reads runs a few queries and answers the same page to all', async () => {
    const { serverTime: _, ...expected } = await page(); // serverTime is the answer's own clock
    const spy = jest.spyOn(t.db, 'createQueryRunner');
    try {
      const all = await Promise.all(Array.from({ length: 40 }, () => page()));
      for (const p of all)
        expect({ ...p, serverTime: undefined }).toEqual({ ...expected, serverTime: undefined });
      expect(spy.mock.calls.length).toBeGreaterThan(0);
      expect(spy.mock.calls.length).toBeLessThanOrEqual(10);
    } finally {
      spy.mockRestore();
    }
  });

  it('the organizer’s change is in their next read while other reads are in flight', async () => {
    for (let i = 0; i < 5; i++) {
      const burst = Promise.all(Array.from({ length: 20 }, () => page()));
      const name = `Renamed edition ${i}`;
      const res = await t.request('PATCH', `/api/editions/${id}`, { token: organizer.token, body: { name } });
      expect(res.status).toBe(200);
      expect((await page()).name).toBe(name);
      await burst;
    }
  });
});
