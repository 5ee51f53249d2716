import { EditionsService } from '../src/modules/editions/editions.service';
import { createTestApp, type TestApp } from './helpers/app';
import { signUpOrganizer } from './helpers/users';

describe('GET /api/editions/:id/audit', () => {
  let t: TestApp;
  let editionId: string;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = (await signUpOrganizer(t)).token;
    const now = Date.now();
    const at = (h: number) => new Date(now + h * 3_600_000).toISOString();
    editionId = (
      await t.app.get(EditionsService).create({
        slug: 'audit-ed',
        name: 'Audit',
        description: '',
        published: true,
        registrationOpensAt: at(-2),
        registrationClosesAt: at(1),
        hackingStartsAt: at(-1),
        submissionDeadline: at(2),
        judgingEndsAt: at(3),
        leaderboardFreezeAt: null,
        resultsPublishedAt: null,
        teamMinSize: 1,
        teamMaxSize: 4,
        reviewsPerSubmission: 3,
        normalization: 'zscore',
        leaderboardVisibility: 'public',
        shareJurorComments: false,
        personalDataRetentionUntil: null,
      })
    ).id;
  });
  afterAll(() => t.close());

  it('pages newest first without skipping or repeating entries written in the same millisecond', async () => {
    // Five entries at one instant (microseconds apart), and one earlier.
    await t.db.query(
      `INSERT INTO audit_entries (edition_id, action, entity, entity_id, at)
       SELECT $1::uuid, 'test.same-ms', 'thing', 'e' || g, timestamptz '2026-01-01 10:00:00.123' + g * interval '1 microsecond'
         FROM generate_series(1, 5) g
       UNION ALL SELECT $1::uuid, 'test.earlier', 'thing', 'e0', timestamptz '2026-01-01 09:00:00'`,
      [editionId],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await t.request(
        'GET',
        `/api/editions/${editionId}/audit?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token },
      );
      expect(res.status).toBe(200);
      seen.push(
        ...res.body.items
          .filter((i: { action: string }) => i.action.startsWith('test.'))
          .map((i: { entityId: string }) => i.entityId),
      );
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['e5', 'e4', 'e3', 'e2', 'e1', 'e0']);
  });

  it('refuses a cursor it did not give out', async () => {
    const res = await t.request('GET', `/api/editions/${editionId}/audit?cursor=garbage`, { token });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});
