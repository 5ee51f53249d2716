import { SAVE_MERGE_GAP_MS, SAVE_MERGE_SPAN_MS } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import {
  createTeam,
  createWorld,
  draft,
  type SubmissionWorld,
  type TestTeam,
} from './helpers/submission-fixtures';

/**
 * The version history (issue 9): the `version` number rises with every save, but one person's
 * saves close together (autosave) are one entry; submits and unsubmits are entries of their own.
 */
describe('submission history: coalesced saves', () => {
  let t: TestApp;
  let w: SubmissionWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const path = (team: TestTeam, rest = '') => `/api/teams/${team.id}/submission${rest}`;
  const save = (team: TestTeam, member: number, title: string, extra: Record<string, unknown> = {}) =>
    t.request('PUT', path(team), { token: team.members[member]!.token, body: draft(title, extra) });
  const history = async (team: TestTeam) => {
    const res = await t.request('GET', path(team, '/versions'), { token: team.members[0]!.token });
    expect(res.status).toBe(200);
    return res.body.items as {
      version: number;
      firstVersion: number;
      saves: number;
      action: string;
      authorId: string;
      createdAt: string;
      startedAt: string;
      snapshot: { title: string; status: string };
    }[];
  };
  /** Moves the latest entry's times back, as if its saves had happened `ago` milliseconds earlier. */
  const age = (team: TestTeam, lastAgoMs: number, firstAgoMs = lastAgoMs) =>
    t.db.query(
      `UPDATE submission_versions v
          SET created_at = now() - make_interval(secs => $2::double precision / 1000),
              started_at = now() - make_interval(secs => $3::double precision / 1000)
         FROM submissions s
        WHERE s.id = v.submission_id AND s.team_id = $1
          AND v.version = (SELECT max(version) FROM submission_versions WHERE submission_id = s.id)`,
      [team.id, lastAgoMs, firstAgoMs],
    );

  it('merges one person’s saves seconds apart into one entry; the version still rises with each', async () => {
    const team = await createTeam(t, w, { size: 2 });
    const versions: number[] = [];
    for (const title of ['Draft 1', 'Draft 2', 'Draft 3'])
      versions.push((await save(team, 0, title)).body.version);
    expect(versions).toEqual([1, 2, 3]);
    const items = await history(team);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      version: 3,
      firstVersion: 1,
      saves: 3,
      action: 'save',
      authorId: team.members[0]!.id,
      snapshot: { title: 'Draft 3' },
    });
    expect(Date.parse(items[0]!.startedAt)).toBeLessThanOrEqual(Date.parse(items[0]!.createdAt));
    // STALE_VERSION still compares the per-save number, not the entries.
    const stale = await save(team, 1, 'Based on 2', { baseVersion: 2 });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    expect((await save(team, 1, 'Based on 3', { baseVersion: 3 })).body.version).toBe(4);
  });

  it('keeps another person’s save between them as an entry of its own', async () => {
    const team = await createTeam(t, w, { size: 2 });
    await save(team, 0, 'A1');
    await save(team, 0, 'A2');
    await save(team, 1, 'B1');
    await save(team, 0, 'A3');
    const items = await history(team);
    expect(items.map((i) => [i.version, i.firstVersion, i.saves, i.snapshot.title])).toEqual([
      [4, 4, 1, 'A3'],
      [3, 3, 1, 'B1'],
      [2, 1, 2, 'A2'],
    ]);
  });

  it('keeps submits and unsubmits as entries of their own, and a save after them starts a new entry', async () => {
    const team = await createTeam(t, w, { size: 1 });
    const token = team.members[0]!.token;
    await save(team, 0, 'One');
    await save(team, 0, 'Two');
    expect((await t.request('POST', path(team, '/submit'), { token })).body.version).toBe(3);
    await save(team, 0, 'Three');
    await save(team, 0, 'Four');
    expect((await t.request('POST', path(team, '/unsubmit'), { token })).body.version).toBe(6);
    expect((await t.request('POST', path(team, '/submit'), { token })).body.version).toBe(7);
    const items = await history(team);
    expect(items.map((i) => [i.action, i.version, i.saves, i.snapshot.status])).toEqual([
      ['submit', 7, 1, 'submitted'],
      ['unsubmit', 6, 1, 'draft'],
      ['save', 5, 2, 'submitted'],
      ['submit', 3, 1, 'submitted'],
      ['save', 2, 2, 'draft'],
    ]);
  });

  it(`starts a new entry after a pause of ${SAVE_MERGE_GAP_MS / 60_000} minutes, or once an entry spans ${SAVE_MERGE_SPAN_MS / 60_000}`, async () => {
    const team = await createTeam(t, w, { size: 1 });
    await save(team, 0, 'Morning');
    await age(team, SAVE_MERGE_GAP_MS + 1000);
    await save(team, 0, 'After the break');
    expect((await history(team)).map((i) => i.version)).toEqual([2, 1]);
    // Within the pause limit it merges…
    await age(team, SAVE_MERGE_GAP_MS - 30_000);
    await save(team, 0, 'Right after');
    expect((await history(team)).map((i) => [i.version, i.saves])).toEqual([
      [3, 2],
      [1, 1],
    ]);
    // …unless the entry already spans the limit, however steady the saves.
    await age(team, 10_000, SAVE_MERGE_SPAN_MS + 1000);
    await save(team, 0, 'Long session');
    expect((await history(team)).map((i) => [i.version, i.firstVersion, i.saves])).toEqual([
      [4, 4, 1],
      [3, 2, 2],
      [1, 1, 1],
    ]);
  });

  it('pages the merged entries by version, newest first', async () => {
    const team = await createTeam(t, w, { size: 2 });
    for (let i = 0; i < 6; i++) await save(team, i % 2, `Turn ${i}`);
    const first = await t.request('GET', path(team, '/versions?limit=4'), { token: team.members[0]!.token });
    expect(first.body.items.map((i: { version: number }) => i.version)).toEqual([6, 5, 4, 3]);
    const second = await t.request('GET', path(team, `/versions?limit=4&cursor=${first.body.nextCursor}`), {
      token: team.members[0]!.token,
    });
    expect(second.body.items.map((i: { version: number }) => i.version)).toEqual([2, 1]);
    expect(second.body.nextCursor).toBeNull();
  });
});
