import type { DashboardChanged } from '@ca/shared';
import { DashboardSignal } from '../src/modules/live/dashboard-signal';
import { createTestApp, type TestApp } from './helpers/app';
import { createJudgingWorld, must, type JudgingWorld } from './helpers/judging';
import { connect, sleep, waitFor, type Client } from './helpers/live';
import { signUp, type TestUser } from './helpers/users';

/**
 * `dashboard:changed` (issue 13): after a registration, a team change or a submission change has
 * committed, the edition's organizers room gets a hint to refetch the dashboard, coalesced per
 * edition; participants never get it.
 */
describe('dashboard:changed on /live', () => {
  let t: TestApp;
  let w: JudgingWorld;
  let windowMs: number;
  let organizer: Client;
  let participant: Client;
  const seen: DashboardChanged[] = [];
  const leaked: DashboardChanged[] = [];

  const register = (user: TestUser) =>
    must(t, 'POST', `/api/editions/${w.editionId}/registrations`, {
      token: user.token,
      body: { skills: [], lookingForTeam: true },
    });
  /** The events seen from now on, and a wait for one that names `area`. */
  const watch = () => {
    const from = seen.length;
    const since = () => seen.slice(from);
    return {
      since,
      until: (area: DashboardChanged['what'][number]) =>
        waitFor(() => since().find((e) => e.what.includes(area)), `dashboard:changed (${area})`, 15_000),
    };
  };

  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    w = await createJudgingWorld(t, { teams: 0, jurors: 0 });
    windowMs = t.app.get(DashboardSignal).windowMs;

    organizer = await connect(t.url, w.organizer.token);
    const ack = await organizer.timeout(10_000).emitWithAck('coverage:subscribe', { editionId: w.editionId });
    expect(ack).toEqual({ ok: true });
    organizer.on('dashboard:changed', (e) => seen.push(e));

    // A registered participant, in the edition's room (the screen's): refused the organizers room.
    const person = await signUp(t, 'Curious participant');
    await register(person);
    participant = await connect(t.url, person.token);
    const refused = await participant
      .timeout(10_000)
      .emitWithAck('coverage:subscribe', { editionId: w.editionId });
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const screen = await participant
      .timeout(10_000)
      .emitWithAck('screen:subscribe', { editionId: w.editionId });
    expect(screen.ok).toBe(true);
    participant.on('dashboard:changed', (e) => leaked.push(e));
  });

  afterAll(async () => {
    organizer?.disconnect();
    participant?.disconnect();
    await t.close();
  });

  afterEach(() => {
    // Whatever happened in the test, the participant's socket got none of it.
    expect(leaked).toEqual([]);
  });

  it('tells the organizers after a registration', async () => {
    const w1 = watch();
    await register(await signUp(t, 'Newcomer'));
    await expect(w1.until('registrations')).resolves.toEqual({
      editionId: w.editionId,
      what: ['registrations'],
    });
  });

  it('tells the organizers after a team is made, a project first saved, submitted and disqualified', async () => {
    const captain = await signUp(t, 'Captain');
    await register(captain);
    const created = watch();
    const team = await must(t, 'POST', `/api/editions/${w.editionId}/teams`, {
      token: captain.token,
      body: { name: 'Live ones', trackId: w.trackIds[0] },
    });
    await created.until('teams');

    const saved = watch();
    const submission = await must(t, 'PUT', `/api/teams/${team.id}/submission`, {
      token: captain.token,
      body: { title: 'Project', tagline: 'A tagline', repoUrl: 'https://example.com/repo' },
    });
    await saved.until('submissions');

    const submitted = watch();
    await must(t, 'POST', `/api/teams/${team.id}/submission/submit`, { token: captain.token });
    await expect(submitted.until('submissions')).resolves.toEqual({
      editionId: w.editionId,
      what: ['submissions'],
    });

    const disqualified = watch();
    await must(t, 'POST', `/api/submissions/${submission.id}/disqualify`, {
      token: w.organizer.token,
      body: { reason: 'Plagiarism' },
    });
    await disqualified.until('submissions');
  });

  it('tells the organizers after a team is joined and left, and deleted with its draft', async () => {
    const [captain, mate] = await Promise.all([signUp(t, 'Captain two'), signUp(t, 'Mate')]);
    await Promise.all([register(captain), register(mate)]);
    const created = watch();
    const team = await must(t, 'POST', `/api/editions/${w.editionId}/teams`, {
      token: captain.token,
      body: { name: 'Comings and goings', trackId: w.trackIds[0] },
    });
    await must(t, 'PUT', `/api/teams/${team.id}/submission`, {
      token: captain.token,
      body: { title: 'Draft', tagline: 'A tagline', repoUrl: 'https://example.com/repo' },
    });
    await created.until('submissions');

    const joined = watch();
    await must(t, 'POST', '/api/teams/join', { token: mate.token, body: { inviteCode: team.inviteCode } });
    await expect(joined.until('teams')).resolves.toEqual({ editionId: w.editionId, what: ['teams'] });

    const left = watch();
    await must(t, 'POST', `/api/teams/${team.id}/leave`, { token: mate.token });
    await expect(left.until('teams')).resolves.toEqual({ editionId: w.editionId, what: ['teams'] });

    // The last member leaving deletes the team and its draft: both areas, in one event.
    const deleted = watch();
    const res = await must(t, 'POST', `/api/teams/${team.id}/leave`, { token: captain.token });
    expect(res).toEqual({ teamDeleted: true });
    await expect(deleted.until('teams')).resolves.toEqual({
      editionId: w.editionId,
      what: ['teams', 'submissions'],
    });
  });

  it('coalesces a burst of five registrations', async () => {
    const people = await Promise.all([1, 2, 3, 4, 5].map((i) => signUp(t, `Burst ${i}`)));
    const burst = watch();
    const started = Date.now();
    await Promise.all(people.map(register));
    const span = Date.now() - started;
    await burst.until('registrations');
    // Events of this burst could still be waiting for their window to end.
    await sleep(windowMs * 3);
    const events = burst.since();
    expect(events.every((e) => e.editionId === w.editionId && e.what.join() === 'registrations')).toBe(true);
    // One window holds the whole burst unless the loaded machine spread the five answers over
    // longer than a window; then one event per window at most.
    const bound = Math.max(2, Math.ceil(span / windowMs) + 1);
    if (span > windowMs) console.log(`[live-dashboard] the burst took ${span} ms`);
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.length).toBeLessThanOrEqual(bound);
  });

  it('names every area that changed within one window, once', async () => {
    const signal = t.app.get(DashboardSignal);
    const w1 = watch();
    for (let i = 0; i < 10; i++) {
      signal.changed(w.editionId, 'teams');
      signal.changed(w.editionId, 'registrations');
    }
    await w1.until('teams');
    await sleep(windowMs * 3);
    expect(w1.since()).toEqual([{ editionId: w.editionId, what: ['registrations', 'teams'] }]);
  });
});

// Several API instances share rooms through Redis; this needs a Redis server (CI sets REDIS_URL).
const withRedis = process.env.REDIS_URL ? describe : describe.skip;

withRedis('dashboard:changed across two API instances (Redis adapter)', () => {
  let a: TestApp;
  let b: TestApp;
  let client: Client | undefined;
  beforeAll(async () => {
    a = await createTestApp({ listen: true, env: { REDIS_URL: process.env.REDIS_URL! } });
    // A second instance on the same database.
    b = await createTestApp({
      listen: true,
      env: { REDIS_URL: process.env.REDIS_URL! },
      databaseUrl: a.config.databaseUrl,
    });
  });
  afterAll(async () => {
    client?.disconnect();
    await b.close(); // before a, which drops the database
    await a.close();
  });

  it('reaches an organizer connected to the other instance, once', async () => {
    const w = await createJudgingWorld(a, { teams: 0, jurors: 0 });
    client = await connect(b.url, w.organizer.token);
    const events: DashboardChanged[] = [];
    client.on('dashboard:changed', (e) => events.push(e));
    const ack = await client.timeout(10_000).emitWithAck('coverage:subscribe', { editionId: w.editionId });
    expect(ack).toEqual({ ok: true });
    const person = await signUp(a, 'Across instances');
    await must(a, 'POST', `/api/editions/${w.editionId}/registrations`, {
      token: person.token,
      body: { skills: [], lookingForTeam: false },
    });
    await waitFor(() => events.length > 0, 'dashboard:changed on the other instance', 15_000);
    await sleep(a.app.get(DashboardSignal).windowMs * 3);
    expect(events).toEqual([{ editionId: w.editionId, what: ['registrations'] }]);
  });
});
