import { DEMO_EDITION_SLUG, DEMO_PROJECTS } from '../src/modules/seed/demo-data';
import { DEMO_JURORS, DEMO_ORGANIZER, SeedService } from '../src/modules/seed/seed.service';
import { createTestApp, type TestApp } from './helpers/app';

/** `npm start` on a fresh folder shows judging in progress (issue 10): what the demo seed leaves. */
describe('the demo edition: judging in progress', () => {
  let t: TestApp;
  let editionId: string;
  const login = async (email: string, password: string) =>
    (await t.request('POST', '/api/auth/login', { body: { email, password } })).body.token as string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedService).seedDemo();
    editionId = (await t.request('GET', `/api/editions/${DEMO_EDITION_SLUG}`)).body.id;
  }, 60_000);
  afterAll(() => t?.close());

  it('is in judging, with criteria guidance in both languages', async () => {
    const edition = (
      await t.request('GET', `/api/editions/${DEMO_EDITION_SLUG}`, { headers: { 'accept-language': 'ro' } })
    ).body;
    expect(edition.phase).toBe('judging');
    for (const c of edition.criteria) {
      expect(c.levels).toHaveLength(3);
      expect(c.levels[0].descriptionI18n.ro).not.toBe('');
      expect(c.levels[0].descriptionI18n.en).not.toBe('');
    }
  });

  it('gives every demo juror a list in walking order, with tables, and some sheets saved', async () => {
    let sheets = 0;
    for (const j of DEMO_JURORS) {
      const token = await login(j.email, j.password);
      const list = await t.request('GET', `/api/editions/${editionId}/assignments/me`, { token });
      expect(list.status).toBe(200);
      expect(list.body.items.length).toBeGreaterThan(0);
      expect(list.body.items.every((i: { tableLabel: string | null }) => i.tableLabel !== null)).toBe(true);
      expect(
        list.body.items.every(
          (i: { canScore: boolean; status: string }) => i.canScore || i.status === 'conflicted',
        ),
      ).toBe(true);
      sheets += list.body.items.filter((i: { sheet: unknown }) => i.sheet !== null).length;
    }
    expect(sheets).toBeGreaterThan(3);
  });

  it('shows organizers a coverage with progress, a flag and a conflict', async () => {
    const token = await login(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    const coverage = (await t.request('GET', `/api/editions/${editionId}/coverage`, { token })).body;
    const submitted = Object.values(DEMO_PROJECTS).filter((p) => p.submitted).length;
    expect(coverage.totals.submissions).toBe(submitted);
    expect(coverage.totals.done).toBeGreaterThan(0);
    expect(coverage.totals.done).toBeLessThan(coverage.totals.required);
    expect(coverage.flags).toHaveLength(1);
    expect(coverage.submissions.every((s: { assigned: number }) => s.assigned === 3)).toBe(true);
    const conflicts = (await t.request('GET', `/api/editions/${editionId}/conflicts`, { token })).body;
    expect(conflicts.items.some((c: { teamName: string }) => c.teamName === 'River Keepers')).toBe(true);
  });
});
