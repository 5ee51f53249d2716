import { Client } from 'pg';
import { createTestApp, type TestApp } from './helpers/app';
import { signUp, type TestUser } from './helpers/users';
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

/**
 * The teams window (registration opens → submission deadline) and the registration window are
 * decided by the same clock as submissions: the database's `now()` in the writing transaction.
 * Node's clock is pushed a day the wrong way in every case, so only the database's can decide.
 */
describe("the teams and registration windows, by the database's clock", () => {
  let t: TestApp;
  let w: SubmissionWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());
  afterEach(() => jest.useRealTimers());

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
  /** Node's clock `days` off the real time (until jest.useRealTimers()). */
  const nodeClockOff = (days: number) =>
    jest.useFakeTimers({ now: Date.now() + days * 86_400_000, doNotFake: [...keepRealTimers] });

  /** Sets the submission deadline (and so the end of the teams window) from the database's now(). */
  const deadlineIn = (interval: string) => setTimeline(t, w.editionId, { deadline: interval });

  const registerIn = async (editionId: string) => {
    const user = await signUp(t);
    const res = await t.request('POST', `/api/editions/${editionId}/registrations`, {
      token: user.token,
      body: { skills: [], lookingForTeam: true },
    });
    return { user, res };
  };

  /** Every team change, each 1 second before the deadline (re-set before each request). */
  async function teamChanges(trackId: string) {
    const registered: TestUser[] = [];
    for (let i = 0; i < 2; i++) registered.push((await registerIn(w.editionId)).user);
    const team = await createTeam(t, w, { size: 2 });
    const [newcomer, founder] = registered as [TestUser, TestUser];
    return {
      create: () =>
        t.request('POST', `/api/editions/${w.editionId}/teams`, {
          token: founder.token,
          body: { name: `Late ${founder.id.slice(0, 8)}`, trackId },
        }),
      join: async () => {
        const code = (await t.request('GET', `/api/teams/${team.id}`, { token: team.members[0]!.token })).body
          .inviteCode;
        return t.request('POST', '/api/teams/join', { token: newcomer.token, body: { inviteCode: code } });
      },
      rename: () =>
        t.request('PATCH', `/api/teams/${team.id}`, {
          token: team.members[0]!.token,
          body: { name: `Renamed ${team.id.slice(0, 8)}` },
        }),
      leave: () => t.request('POST', `/api/teams/${team.id}/leave`, { token: team.members[1]!.token }),
    };
  }

  it('teams can be created, joined, renamed and left 1 second before the deadline, though Node says it passed a day ago', async () => {
    await deadlineIn('1 day');
    const changes = await teamChanges(w.tracks.health);
    for (const [name, change, status] of [
      ['create', changes.create, 201],
      ['join', changes.join, 200],
      ['rename', changes.rename, 200],
      ['leave', changes.leave, 200],
    ] as const) {
      await deadlineIn('1 second');
      nodeClockOff(+1);
      const res = await change();
      jest.useRealTimers();
      expect([name, res.status]).toEqual([name, status]);
    }
  });

  it('refuses every team change 1 second after the deadline with 409 PHASE_CLOSED, though Node says a day to go', async () => {
    await deadlineIn('1 day');
    const changes = await teamChanges(w.tracks.health);
    const teams = await t.db.query('SELECT count(*)::int AS n FROM team_members');
    for (const [name, change] of Object.entries(changes)) {
      await deadlineIn('-1 second');
      nodeClockOff(-1);
      const res = await change();
      jest.useRealTimers();
      expect([name, res.status, res.body.code]).toEqual([name, 409, 'PHASE_CLOSED']);
    }
    expect(await t.db.query('SELECT count(*)::int AS n FROM team_members')).toEqual(teams);
  });

  /** Registration from `opens` to `closes` (intervals from the database's now()), the rest after it. */
  async function registrationWindow(opens: string, closes: string) {
    await t.db.query(
      `UPDATE editions SET
         registration_opens_at = now() + $2::interval,
         registration_closes_at = now() + $3::interval,
         hacking_starts_at = now() + interval '2 days',
         submission_deadline = now() + interval '3 days',
         judging_ends_at = now() + interval '4 days',
         leaderboard_freeze_at = NULL,
         results_published_at = NULL
       WHERE id = $1`,
      [w.editionId, opens, closes],
    );
  }

  it('registration closes to the second: 1 second before is 201 though Node says it closed a day ago, 1 second after is 409', async () => {
    await registrationWindow('-1 day', '1 second');
    nodeClockOff(+1);
    expect((await registerIn(w.editionId)).res.status).toBe(201);
    jest.useRealTimers();

    await registrationWindow('-1 day', '-1 second');
    nodeClockOff(-1);
    const late = (await registerIn(w.editionId)).res;
    jest.useRealTimers();
    expect([late.status, late.body.code]).toEqual([409, 'PHASE_CLOSED']);
  });

  it('registration opens to the second: 1 second before is 409 though Node says it opened a day ago, 1 second after is 201', async () => {
    await registrationWindow('1 second', '1 day');
    nodeClockOff(+1);
    const early = (await registerIn(w.editionId)).res;
    jest.useRealTimers();
    expect([early.status, early.body.code]).toEqual([409, 'PHASE_CLOSED']);

    await registrationWindow('-1 second', '1 day');
    nodeClockOff(-1);
    expect((await registerIn(w.editionId)).res.status).toBe(201);
  });
});
