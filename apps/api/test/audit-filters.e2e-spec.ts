import { createTestApp, type TestApp } from './helpers/app';
import { must } from './helpers/judging';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

describe('audit log filters', () => {
  let t: TestApp;
  let organizer: TestUser;
  let other: TestUser;
  let editionId: string;
  const list = async (path: string, token = organizer.token) => {
    const res = await t.request('GET', path, { token });
    if (res.status !== 200) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as {
      items: {
        id: string;
        action: string;
        entity: string;
        entityId: string;
        actorId: string | null;
        at: string;
      }[];
      nextCursor: string | null;
    };
  };
  /** Every page of `path` (a query string already there), following the cursor. */
  const all = async (path: string) => {
    const out: Awaited<ReturnType<typeof list>>['items'] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(
        `${path}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  };

  beforeAll(async () => {
    t = await createTestApp();
    organizer = await signUpOrganizer(t);
    other = await signUp(t, 'Second Actor');
    const now = Date.now();
    const at = (h: number) => new Date(now + h * 3_600_000).toISOString();
    editionId = (
      await must(t, 'POST', '/api/editions', {
        token: organizer.token,
        body: {
          slug: 'audit-filters',
          name: 'Audit filters',
          registrationOpensAt: at(-2),
          registrationClosesAt: at(1),
          hackingStartsAt: at(-1),
          submissionDeadline: at(2),
          judgingEndsAt: at(3),
        },
      })
    ).id;
    for (const name of ['Health', 'Tourism'])
      await must(t, 'POST', `/api/editions/${editionId}/tracks`, {
        token: organizer.token,
        body: { name, slug: name.toLowerCase() },
      });
    // Entries at known times by two actors (as other modules write them, through the table).
    await t.db.query(
      `INSERT INTO audit_entries (edition_id, actor_id, action, entity, entity_id, at) VALUES
         ($1, $2, 'test.a', 'thing', 'a10', '2026-01-01T10:00:00Z'),
         ($1, $3, 'test.a', 'thing', 'b11', '2026-01-01T11:00:00Z'),
         ($1, $2, 'test.b', 'other', 'a12', '2026-01-01T12:00:00Z'),
         ($1, $2, 'test.a', 'thing', 'a13', '2026-01-01T13:00:00Z')`,
      [editionId, organizer.id, other.id],
    );
    await must(t, 'POST', `/api/users/${other.id}/disable`, { token: organizer.token });
  });
  afterAll(() => t.close());

  it('filters by action, newest first, across pages', async () => {
    const items = await all(`/api/editions/${editionId}/audit?action=test.a`);
    expect(items.map((i) => i.entityId)).toEqual(['a13', 'b11', 'a10']);
    const tracks = await all(`/api/editions/${editionId}/audit?action=track.created`);
    expect(tracks).toHaveLength(2);
    expect(tracks.every((i) => i.action === 'track.created' && i.actorId === organizer.id)).toBe(true);
  });

  it('filters by actor and by entity', async () => {
    expect(
      (await all(`/api/editions/${editionId}/audit?actorId=${other.id}`)).map((i) => i.entityId),
    ).toEqual(['b11']);
    expect((await all(`/api/editions/${editionId}/audit?entity=other`)).map((i) => i.entityId)).toEqual([
      'a12',
    ]);
    const mine = await all(`/api/editions/${editionId}/audit?actorId=${organizer.id}&entity=thing`);
    expect(mine.map((i) => i.entityId)).toEqual(['a13', 'a10']);
  });

  it('filters by time: from inclusive, to exclusive', async () => {
    const q = (from: string, to: string) =>
      all(`/api/editions/${editionId}/audit?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect((await q('2026-01-01T11:00:00Z', '2026-01-01T13:00:00Z')).map((i) => i.entityId)).toEqual([
      'a12',
      'b11',
    ]);
    expect(
      (await q('2026-01-01T12:00:00+01:00', '2026-01-01T12:00:01+01:00')).map((i) => i.entityId),
    ).toEqual(['b11']);
    const since = await all(`/api/editions/${editionId}/audit?from=2026-01-01T12:30:00Z&action=test.a`);
    expect(since.map((i) => i.entityId)).toEqual(['a13']);
  });

  it('refuses bad filters with 400 VALIDATION_FAILED', async () => {
    for (const q of [
      'actorId=not-a-uuid',
      'from=2026-01-01T10:00:00',
      'from=2026-01-01T12:00:00Z&to=2026-01-01T12:00:00Z',
      'action=',
      'who=me',
    ]) {
      const res = await t.request('GET', `/api/editions/${editionId}/audit?${q}`, { token: organizer.token });
      expect([q, res.status, res.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
    }
  });

  it('GET /api/audit lists the entries without an edition, and only those', async () => {
    const global = await all(`/api/audit?entity=user`);
    expect(global.map((i) => [i.action, i.entityId, i.actorId])).toEqual([
      ['user.disabled', other.id, organizer.id],
    ]);
    const everything = await all('/api/audit?');
    const [{ count }] = await t.db.query(
      'SELECT count(*)::int AS count FROM audit_entries WHERE edition_id IS NULL',
    );
    expect(everything).toHaveLength(count);
    expect(everything.some((i) => i.action.startsWith('test.') || i.action === 'track.created')).toBe(false);
    const inEdition = await all(`/api/editions/${editionId}/audit?action=user.disabled`);
    expect(inEdition).toEqual([]);
    expect(await all(`/api/audit?action=user.disabled&to=2000-01-01T00:00:00Z`)).toEqual([]);
  });

  it('is for organizers only', async () => {
    const participant = await signUp(t, 'Curious');
    for (const path of [`/api/editions/${editionId}/audit?action=test.a`, '/api/audit']) {
      expect((await t.request('GET', path)).status).toBe(401);
      const res = await t.request('GET', path, { token: participant.token });
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    }
  });
});
