import { NotificationScanner } from '../src/modules/mail/notification-scanner';
import { createTestApp, type TestApp } from './helpers/app';
import { createEdition, createTrack, registered } from './helpers/editions';
import { createJudgingWorld, must, openJudging } from './helpers/judging';
import { assign, score, valuesAt } from './helpers/ranking';
import { createTeam, createWorld, draft, setTimeline } from './helpers/submission-fixtures';
import { signUpOrganizer, type TestUser } from './helpers/users';

/**
 * Notifications by mail (issue 13), without SMTP so that every mail lands in the outbox: each is
 * sent once, in its reader's language, and not to someone who turned it off. The scans run on two
 * API instances side by side (one database), which must still mail each team once per reminder.
 */
describe('notifications by mail', () => {
  let a: TestApp;
  let b: TestApp;
  let organizer: TestUser;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({ databaseUrl: a.config.databaseUrl });
    organizer = await signUpOrganizer(a);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  interface Mail {
    to_address: string;
    subject: string;
    body: string;
    kind: string;
  }
  const outbox = (editionId: string, kind?: string): Promise<Mail[]> =>
    a.db.query(
      `SELECT to_address, subject, body, kind FROM outbox
        WHERE edition_id = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY to_address, kind`,
      [editionId, kind ?? null],
    );
  const settings = (u: TestUser, body: Record<string, unknown>) =>
    must(a, 'PUT', '/api/auth/me/notifications', { token: u.token, body });
  /** Both instances scan at the same time, twice each. */
  const scanBoth = () => Promise.all([a, b, a, b].map((t) => t.app.get(NotificationScanner).scan()));

  it('keeps the language and the optional notifications of each person, and refuses bad settings', async () => {
    const u = await registered(a, (await createEdition(a, organizer)).id);
    expect(await must(a, 'GET', '/api/auth/me/notifications', { token: u.token })).toEqual({
      language: 'en',
      joinRequests: true,
      deadlineReminders: true,
      results: true,
    });
    expect(await settings(u, { language: 'ro', results: false })).toEqual({
      language: 'ro',
      joinRequests: true,
      deadlineReminders: true,
      results: false,
    });
    for (const body of [{}, { language: 'de' }, { results: 'no' }, { passwordReset: false }]) {
      const res = await a.request('PUT', '/api/auth/me/notifications', { token: u.token, body });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await must(a, 'GET', '/api/auth/me/notifications', { token: u.token })).results).toBe(false);
  });

  it('mails a join request to the captain and its answer to the person, each once, in their language; none to who turned them off', async () => {
    const editionId = (await createEdition(a, organizer, { name: 'Hack Iași' })).id;
    const trackId = (await createTrack(a, organizer, editionId, 'Health')).id;
    const captain = await registered(a, editionId, {}, 'Ioana Căpitan');
    await settings(captain, { language: 'ro' });
    const quiet = await registered(a, editionId, {}, 'Quiet Captain');
    await settings(quiet, { joinRequests: false });
    const team = async (c: TestUser, name: string) =>
      must(a, 'POST', `/api/editions/${editionId}/teams`, { token: c.token, body: { name, trackId } });
    const loud = await team(captain, 'Nordul');
    const muted = await team(quiet, 'Southside');
    const asker = await registered(a, editionId, { lookingForTeam: true }, 'Ana Asker');
    const other = await registered(a, editionId, { lookingForTeam: true }, 'Otto Other');

    const toLoud = await must(a, 'POST', `/api/teams/${loud.id}/join-requests`, {
      token: asker.token,
      body: { message: 'Let me in' },
    });
    const toMuted = await must(a, 'POST', `/api/teams/${muted.id}/join-requests`, {
      token: other.token,
      body: { message: 'Me too' },
    });
    // the request: in Romanian to the Romanian captain; nothing to the captain who turned it off
    expect(await outbox(editionId)).toEqual([
      expect.objectContaining({
        to_address: captain.email,
        kind: 'join_request',
        subject: 'Ana Asker cere să se alăture echipei Nordul (Hack Iași)',
      }),
    ]);
    expect((await outbox(editionId))[0]!.body).toContain('Bună ziua, Ioana Căpitan,');
    await must(b, 'POST', `/api/join-requests/${toLoud.id}/accept`, { token: captain.token });
    await must(a, 'POST', `/api/join-requests/${toMuted.id}/decline`, { token: quiet.token });
    // the answers, in English, to each person who asked (the muted captain's answer too: Otto did not turn it off)
    const answers = await outbox(editionId, 'join_request_answer');
    expect(answers.map((m) => [m.to_address, m.subject])).toEqual(
      [
        [asker.email, 'Your request to join Nordul was accepted'],
        [other.email, 'Your request to join Southside was declined'],
      ].sort((x, y) => x[0]!.localeCompare(y[0]!)),
    );
    for (const m of answers) expect(m.body).toContain('account settings');
    // an answer repeated (refused: no longer pending) mails nothing more
    expect(
      (await a.request('POST', `/api/join-requests/${toLoud.id}/accept`, { token: captain.token })).status,
    ).toBe(409);
    expect(await outbox(editionId)).toHaveLength(3);
  }, 60_000);

  it('mails a team invitation to the person invited and their answer to the captain', async () => {
    const editionId = (await createEdition(a, organizer, { name: 'Hack Cluj' })).id;
    const trackId = (await createTrack(a, organizer, editionId, 'Tourism')).id;
    const captain = await registered(a, editionId, {}, 'Cora Captain');
    const team = await must(a, 'POST', `/api/editions/${editionId}/teams`, {
      token: captain.token,
      body: { name: 'Munții', trackId },
    });
    const invited = await registered(a, editionId, { lookingForTeam: true }, 'Ilie Invitat');
    await settings(invited, { language: 'ro' });
    const invitation = await must(a, 'POST', `/api/teams/${team.id}/invitations`, {
      token: captain.token,
      body: { userId: invited.id, message: 'Join us' },
    });
    expect((await outbox(editionId)).map((m) => [m.to_address, m.kind, m.subject])).toEqual([
      [invited.email, 'join_request', 'Echipa Munții vă invită în echipă (Hack Cluj)'],
    ]);
    await must(a, 'POST', `/api/join-requests/${invitation.id}/decline`, { token: invited.token });
    expect((await outbox(editionId, 'join_request_answer')).map((m) => [m.to_address, m.subject])).toEqual([
      [captain.email, 'Ilie Invitat declined the invitation to Munții'],
    ]);
  });

  it('tells each juror once that their projects to judge are ready, however often an automatic run finds nothing new', async () => {
    const w = await createJudgingWorld(a, { teams: 3, jurors: 2, reviewsPerSubmission: 1 });
    await settings(w.jurors[1]!, {
      language: 'ro',
      joinRequests: false,
      deadlineReminders: false,
      results: false,
    });
    await openJudging(a, w.editionId);
    await Promise.all(
      [a, b].map((t) =>
        t.request('POST', `/api/editions/${w.editionId}/assignments/auto`, { token: w.organizer.token }),
      ),
    );
    await must(a, 'POST', `/api/editions/${w.editionId}/assignments/auto`, { token: w.organizer.token });
    const jurorEmails: Mail[] = await outbox(w.editionId, 'assignments_ready');
    // essential: sent even to the juror who turned every optional notification off
    expect(jurorEmails.map((m) => [m.to_address, m.subject]).sort()).toEqual(
      [
        [w.jurors[0]!.email, 'Your projects to judge in Judging test edition are ready'],
        [w.jurors[1]!.email, 'Proiectele pe care le jurizați la Judging test edition sunt gata'],
      ].sort(),
    );
    expect(jurorEmails.every((m) => m.body.includes('/jury/judging-'))).toBe(true);
  }, 120_000);

  it('tells a juror again when a later run gives them new projects (by hand, a second round), never for nothing new', async () => {
    const w = await createJudgingWorld(a, { teams: 2, jurors: 5, normalization: 'none' });
    const sub = (i: number) => w.teams[i]!.submissionId;
    const [j0, j1] = w.jurors as [TestUser, TestUser];
    await openJudging(a, w.editionId);
    /** The "projects ready" mails of each juror (0 included), in the jurors' order. */
    const mailsPerJuror = async () => {
      const mails = await outbox(w.editionId, 'assignments_ready');
      return w.jurors.map((j) => mails.filter((m) => m.to_address === j.email).length);
    };

    // by hand: a new assignment is a run of its own; the same one again is nothing new
    await assign(w, j0, sub(0));
    expect(await mailsPerJuror()).toEqual([1, 0, 0, 0, 0]);
    await assign(w, j0, sub(0));
    expect(await mailsPerJuror()).toEqual([1, 0, 0, 0, 0]);
    await assign(w, j0, sub(1));
    expect(await mailsPerJuror()).toEqual([2, 0, 0, 0, 0]);
    const [mail] = await outbox(w.editionId, 'assignments_ready');
    expect(mail!.subject).toBe('Your projects to judge in Judging test edition are ready');

    // Sheets: team 0 (8, 6), team 1 (7, 7); juror 1 is assigned by hand to each on the way (two
    // runs, two mails). Both projects straddle the top-1 cut-off.
    for (const [i, x, y] of [
      [0, 8, 6],
      [1, 7, 7],
    ] as const) {
      await score(w, j0, sub(i), valuesAt(w.criteria, x));
      await score(w, j1, sub(i), valuesAt(w.criteria, y));
    }
    expect(await mailsPerJuror()).toEqual([2, 2, 0, 0, 0]);

    // a second round: 2 more jurors on each project, among jurors 2–4; each juror given projects
    // gets one mail for the run (however many projects), the others none
    const round = await must(a, 'POST', `/api/editions/${w.editionId}/assignments/second-round`, {
      token: w.organizer.token,
      body: { k: 2, top: 1 },
    });
    const added = round.added as { jurorId: string; submissionId: string }[];
    expect(added).toHaveLength(4);
    const given = new Set(added.map((x) => x.jurorId));
    expect(await mailsPerJuror()).toEqual(w.jurors.map((j, i) => (i < 2 ? 2 : given.has(j.id) ? 1 : 0)));

    // an automatic assignment made by hand is not a new one: no mail
    const moved = added[0]!;
    const before = await mailsPerJuror();
    await must(a, 'POST', `/api/editions/${w.editionId}/assignments`, {
      token: w.organizer.token,
      body: moved,
    });
    expect(await mailsPerJuror()).toEqual(before);
    // one key per juror and run in notifications_sent, each for one person
    const keys: { recipients: number }[] = await a.db.query(
      `SELECT recipients FROM notifications_sent WHERE edition_id = $1 AND kind = 'assignments_ready'`,
      [w.editionId],
    );
    expect(keys.map((k) => k.recipients)).toEqual(Array(4 + given.size).fill(1));
  }, 120_000);

  it('reminds each team with a draft 24 h and then 1 h before its deadline, once per team and kind across two instances', async () => {
    const world = await createWorld(a);
    const editionId = world.editionId;
    const drafting = await createTeam(a, world, { size: 2, name: 'Drafters' });
    const alone = await createTeam(a, world, { size: 1, name: 'Solo' });
    const done = await createTeam(a, world, { size: 1, name: 'Finished' });
    for (const team of [drafting, alone, done])
      await must(a, 'PUT', `/api/teams/${team.id}/submission`, {
        token: team.members[0]!.token,
        body: draft(),
      });
    await must(a, 'POST', `/api/teams/${done.id}/submission/submit`, { token: done.members[0]!.token });
    const [ro, muted] = drafting.members as [TestUser, TestUser];
    await settings(ro, { language: 'ro' });
    await settings(muted, { deadlineReminders: false });

    // 25 h before the deadline (the database's clock): nothing due yet
    await setTimeline(a, editionId, { deadline: '25 hours' });
    await scanBoth();
    expect(await outbox(editionId)).toEqual([]);

    await setTimeline(a, editionId, { deadline: '23 hours' });
    await scanBoth();
    await scanBoth();
    const day = await outbox(editionId);
    expect(day.map((m) => [m.to_address, m.kind]).sort()).toEqual(
      [
        [ro.email, 'deadline_reminder_24h'],
        [alone.members[0]!.email, 'deadline_reminder_24h'],
      ].sort(),
    );
    expect(day.find((m) => m.to_address === ro.email)!.subject).toBe(
      'Mai sunt 24 de ore pentru a trimite proiectul echipei Drafters (Submissions test edition)',
    );
    expect(day.find((m) => m.to_address === ro.email)!.body).toMatch(/ora Europei de Est|EET|EEST|GMT\+2/);
    const keys: { subject_id: string; kind: string; recipients: number }[] = await a.db.query(
      `SELECT subject_id, kind, recipients FROM notifications_sent WHERE edition_id = $1 ORDER BY subject_id, kind`,
      [editionId],
    );
    expect(keys).toEqual(
      [
        { subject_id: drafting.id, kind: 'deadline_reminder_24h', recipients: 1 },
        { subject_id: alone.id, kind: 'deadline_reminder_24h', recipients: 1 },
      ].sort((x, y) => x.subject_id.localeCompare(y.subject_id)),
    );

    // Solo submits meanwhile: only the draft still gets the last reminder
    await must(a, 'POST', `/api/teams/${alone.id}/submission/submit`, { token: alone.members[0]!.token });
    await setTimeline(a, editionId, { deadline: '30 minutes' });
    await scanBoth();
    await scanBoth();
    const hour = await outbox(editionId, 'deadline_reminder_1h');
    expect(hour.map((m) => [m.to_address, m.subject])).toEqual([
      [ro.email, 'Mai este o oră pentru a trimite proiectul echipei Drafters (Submissions test edition)'],
    ]);
    expect(await outbox(editionId)).toHaveLength(3);

    // past the deadline: no reminder any more
    await setTimeline(a, editionId, { deadline: '-1 minute' });
    await scanBoth();
    expect(await outbox(editionId)).toHaveLength(3);
  }, 120_000);

  it('a team first seen within the last hour gets only the 1 h reminder', async () => {
    const world = await createWorld(a);
    const late = await createTeam(a, world, { size: 1, name: 'Late' });
    await must(a, 'PUT', `/api/teams/${late.id}/submission`, {
      token: late.members[0]!.token,
      body: draft(),
    });
    await setTimeline(a, world.editionId, { deadline: '10 minutes' });
    await scanBoth();
    expect((await outbox(world.editionId)).map((m) => m.kind)).toEqual(['deadline_reminder_1h']);
  }, 60_000);

  it('mails every participant once when the results are published, in their language, except who turned it off', async () => {
    const world = await createWorld(a);
    const editionId = world.editionId;
    const team = await createTeam(a, world, { size: 2, name: 'Winners' });
    const [ro, off] = team.members as [TestUser, TestUser];
    const loner = await registered(a, editionId, {}, 'Lone Participant');
    await settings(ro, { language: 'ro' });
    await settings(off, { results: false });
    // judging over, results to be published in an hour: not yet
    await setTimeline(a, editionId, { deadline: '-2 days', judging: '1 day', resultsPublished: '1 hour' });
    await scanBoth();
    expect(await outbox(editionId)).toEqual([]);
    await setTimeline(a, editionId, { deadline: '-2 days', judging: '1 day', resultsPublished: '-1 second' });
    await scanBoth();
    await scanBoth();
    const mails = await outbox(editionId);
    expect(mails.map((m) => [m.to_address, m.kind, m.subject]).sort()).toEqual(
      [
        [ro.email, 'results_published', 'Rezultatele Submissions test edition au fost publicate'],
        [loner.email, 'results_published', 'The results of Submissions test edition are published'],
      ].sort(),
    );
    expect(mails.every((m) => m.body.includes(`/gallery`))).toBe(true);
  }, 60_000);

  it('scans by itself on every instance (NOTIFICATION_SCAN_SECONDS) and still sends once', async () => {
    const c = await createTestApp({
      databaseUrl: a.config.databaseUrl,
      env: { NOTIFICATION_SCAN_SECONDS: '1' },
    });
    const d = await createTestApp({
      databaseUrl: a.config.databaseUrl,
      env: { NOTIFICATION_SCAN_SECONDS: '1' },
    });
    try {
      const world = await createWorld(a);
      const t1 = await createTeam(a, world, { size: 1, name: 'Auto' });
      await must(a, 'PUT', `/api/teams/${t1.id}/submission`, { token: t1.members[0]!.token, body: draft() });
      await setTimeline(a, world.editionId, { deadline: '20 hours' });
      const deadline = Date.now() + 30_000;
      while ((await outbox(world.editionId)).length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      // a few more scans on both
      const until = Date.now() + 2_500;
      while (Date.now() < until) await new Promise((r) => setTimeout(r, 250));
      expect((await outbox(world.editionId)).map((m) => m.to_address)).toEqual([t1.members[0]!.email]);
    } finally {
      await d.close();
      await c.close();
    }
  }, 90_000);
});
