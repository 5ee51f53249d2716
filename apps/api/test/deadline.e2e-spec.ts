import { Client } from 'pg';
import { createTestApp, type TestApp } from './helpers/app';
import {
  createTeam,
  createWorld,
  draft,
  rowCount,
  setTimeline,
  timelineUpdate,
  type SubmissionWorld,
  type TestTeam,
} from './helpers/submission-fixtures';

/**
 * The submission window: from hackingStartsAt to the team's deadline, decided by the database's
 * clock inside the transaction that writes. Deadlines are set relative to the database's now().
 */
describe('the submission deadline', () => {
  let t: TestApp;
  let w: SubmissionWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());
  afterEach(() => jest.useRealTimers());

  const path = (team: TestTeam, rest = '') => `/api/teams/${team.id}/submission${rest}`;
  const open = () => setTimeline(t, w.editionId, { deadline: '1 day' });

  /** A team with a saved draft, while the window is open. */
  async function teamWithDraft(): Promise<TestTeam> {
    await open();
    const team = await createTeam(t, w);
    const res = await t.request('PUT', path(team), { token: team.members[0]!.token, body: draft() });
    expect(res.status).toBe(200);
    return team;
  }

  it('accepts a submit 1 second before the deadline', async () => {
    const team = await teamWithDraft();
    await setTimeline(t, w.editionId, { deadline: '1 second' });
    const res = await t.request('POST', path(team, '/submit'), { token: team.members[0]!.token });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('submitted');
    const [{ deadline }] = await t.db.query(
      'SELECT submission_deadline AS deadline FROM editions WHERE id = $1',
      [w.editionId],
    );
    expect(res.body.deadline).toBe(deadline.toISOString());
    expect(Date.parse(res.body.submittedAt)).toBeLessThan(deadline.getTime());
  });

  it('refuses a submit 1 second after the deadline with 409 DEADLINE_PASSED, changing nothing', async () => {
    const team = await teamWithDraft();
    await setTimeline(t, w.editionId, { deadline: '-1 second' });
    const versions = await rowCount(t, 'submission_versions');
    const res = await t.request('POST', path(team, '/submit'), { token: team.members[0]!.token });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DEADLINE_PASSED');
    expect(await rowCount(t, 'submission_versions')).toBe(versions);
    const [row] = await t.db.query('SELECT status, version FROM submissions WHERE team_id = $1', [team.id]);
    expect(row).toEqual({ status: 'draft', version: 1 });
  });

  it('accepts a save 1 second before the deadline and refuses one 1 second after', async () => {
    const team = await teamWithDraft();
    const token = team.members[0]!.token;
    await setTimeline(t, w.editionId, { deadline: '1 second' });
    expect((await t.request('PUT', path(team), { token, body: draft('Just in time') })).status).toBe(200);
    await setTimeline(t, w.editionId, { deadline: '-1 second' });
    const late = await t.request('PUT', path(team), { token, body: draft('Too late') });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('DEADLINE_PASSED');
    expect((await t.request('GET', path(team), { token })).body.title).toBe('Just in time');
  });

  it('makes the submission read-only after the deadline: save, submit and unsubmit are refused, reading still works', async () => {
    const drafted = await teamWithDraft();
    const submitted = await teamWithDraft();
    expect(
      (await t.request('POST', path(submitted, '/submit'), { token: submitted.members[0]!.token })).status,
    ).toBe(200);
    const fresh = await createTeam(t, w);
    await setTimeline(t, w.editionId, { deadline: '-1 second' });
    const counts = [await rowCount(t, 'submissions'), await rowCount(t, 'submission_versions')];

    for (const team of [drafted, submitted, fresh]) {
      const token = team.members[1]!.token;
      for (const [method, rest, body] of [
        ['PUT', '', draft('Late edit')],
        ['PUT', '', draft('Late edit', { baseVersion: 2 })],
        ['POST', '/submit', undefined],
        ['POST', '/unsubmit', undefined],
      ] as const) {
        const res = await t.request(method, path(team, rest), { token, body });
        expect([method, rest, res.status, res.body.code]).toEqual([method, rest, 409, 'DEADLINE_PASSED']);
        expect(res.body.message).toMatch(/read-only/);
      }
    }
    expect([await rowCount(t, 'submissions'), await rowCount(t, 'submission_versions')]).toEqual(counts);
    const read = await t.request('GET', path(submitted), { token: submitted.members[0]!.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'submitted', title: 'Pill Pal' });
    expect(Date.parse(read.body.deadline)).toBeLessThan(Date.parse(read.body.updatedAt) + 86_400_000);
  });

  it('refuses saving and submitting before hacking starts with 409 PHASE_CLOSED', async () => {
    const team = await teamWithDraft();
    const fresh = await createTeam(t, w);
    await setTimeline(t, w.editionId, { deadline: '2 days', hacking: '1 hour' });
    const counts = [await rowCount(t, 'submissions'), await rowCount(t, 'submission_versions')];
    for (const [who, method, rest, body] of [
      [fresh, 'PUT', '', draft('Early')],
      [team, 'PUT', '', draft('Early')],
      [team, 'POST', '/submit', undefined],
      [team, 'POST', '/unsubmit', undefined],
    ] as const) {
      const res = await t.request(method, path(who, rest), { token: who.members[0]!.token, body });
      expect([method, rest, res.status, res.body.code]).toEqual([method, rest, 409, 'PHASE_CLOSED']);
    }
    expect([await rowCount(t, 'submissions'), await rowCount(t, 'submission_versions')]).toEqual(counts);
    await setTimeline(t, w.editionId, { deadline: '2 days', hacking: '-1 second' });
    expect(
      (await t.request('PUT', path(fresh), { token: fresh.members[0]!.token, body: draft() })).status,
    ).toBe(200);
  });

  it("never asks Node's clock: a server clock a day off does not change the decision", async () => {
    const team = await teamWithDraft();
    const token = team.members[0]!.token;
    const keepRealTimers = [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ] as const;

    // Node thinks the deadline passed a day ago; the database says 30 seconds to go.
    await setTimeline(t, w.editionId, { deadline: '30 seconds' });
    jest.useFakeTimers({ now: Date.now() + 86_400_000, doNotFake: [...keepRealTimers] });
    expect((await t.request('PUT', path(team), { token, body: draft('Node is wrong') })).status).toBe(200);
    expect((await t.request('POST', path(team, '/submit'), { token })).status).toBe(200);
    jest.useRealTimers();

    // Node thinks the deadline is a day away; the database says it passed.
    await setTimeline(t, w.editionId, { deadline: '-1 second' });
    jest.useFakeTimers({ now: Date.now() - 86_400_000, doNotFake: [...keepRealTimers] });
    const res = await t.request('POST', path(team, '/unsubmit'), { token });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DEADLINE_PASSED');
  });

  describe('decided inside the write transaction, after waiting for the locks', () => {
    let client: Client;
    beforeEach(async () => {
      client = new Client({ connectionString: t.config.databaseUrl });
      await client.connect();
    });
    afterEach(async () => {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    });

    /** Waits until a backend of this database is blocked on a lock (polling, with a deadline). */
    async function waitForLockWait(): Promise<void> {
      const until = Date.now() + 10_000;
      for (;;) {
        const { rows } = await client.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        if (rows[0].n > 0) return;
        if (Date.now() > until) throw new Error('the request never waited for the lock');
        await new Promise((r) => setTimeout(r, 20));
      }
    }

    it.each([
      ['moves the deadline 1 second into the past', '-1 second', 409],
      ['grants one more day', '1 day', 200],
    ])(
      'a submit that waits while an organizer %s is decided by the deadline it then reads',
      async (_label, deadline, status) => {
        const team = await teamWithDraft();
        // Open when the request arrives if the change makes it late, closed if the change makes it timely.
        await setTimeline(t, w.editionId, { deadline: status === 409 ? '1 day' : '-1 second' });
        await client.query('BEGIN');
        await client.query('SELECT id FROM teams WHERE id = $1 FOR UPDATE', [team.id]);
        await client.query(...timelineUpdate(w.editionId, { deadline }));
        const pending = t.request('POST', path(team, '/submit'), { token: team.members[0]!.token });
        await waitForLockWait();
        await client.query('COMMIT');
        const res = await pending;
        expect(res.status).toBe(status);
        if (status === 409) expect(res.body.code).toBe('DEADLINE_PASSED');
      },
    );
  });
});
