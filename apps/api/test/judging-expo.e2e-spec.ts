import {
  LIVE_NAMESPACE,
  rooms,
  type ClientToServerEvents,
  type CoverageRow,
  type ServerToClientEvents,
} from '@ca/shared';
import { io, type Socket } from 'socket.io-client';
import { LiveGateway } from '../src/modules/live/live.gateway';
import { createTestApp, type TestApp } from './helpers/app';
import {
  createJudgingWorld,
  must,
  openJudging,
  scoreSheet,
  valuesFor,
  type JudgingWorld,
} from './helpers/judging';

/**
 * Expo judging as it happens in a hall: table labels, the juror's walking route, flags ("team
 * absent", "cannot judge") resolved by reassigning or dismissing; conflicts declared and listed;
 * the coverage organizers watch, also live over Socket.IO.
 */
describe('judging: expo tables, flags, conflicts and coverage', () => {
  let t: TestApp;
  let w: JudgingWorld;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  const coverageEvents: CoverageRow[] = [];

  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    // Three tracks; juror 0 prefers the first; R = 2.
    w = await createJudgingWorld(t, {
      teams: 12,
      jurors: 4,
      tracks: ['Health', 'Environment', 'Heritage'],
      reviewsPerSubmission: 2,
      jurorTracks: (i) => (i === 0 ? [0] : []),
    });
    socket = io(`${t.url}${LIVE_NAMESPACE}`, {
      transports: ['websocket'],
      forceNew: true,
      auth: { token: w.organizer.token },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.on('coverage:update', (row) => coverageEvents.push(row));
    // Joining the organizers room is the live module's (a later issue); here the server joins it.
    t.app.get(LiveGateway).server.in(socket.id!).socketsJoin(rooms.organizers(w.editionId));
  }, 120_000);
  afterAll(async () => {
    socket?.disconnect();
    await t?.close();
  });

  describe('tables', () => {
    it('numbers every team by track in one action (H-01…, E-01…, HE…); the team’s page shows its table', async () => {
      const res = await t.request('POST', `/api/editions/${w.editionId}/tables/number`, {
        token: w.organizer.token,
        body: {},
      });
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(12);
      const labels = res.body.items.map((i: { tableLabel: string }) => i.tableLabel);
      // Health and Heritage share the H: they get HEA and HER; Environment keeps E.
      expect(labels.filter((l: string) => l.startsWith('HEA-'))).toEqual([
        'HEA-01',
        'HEA-02',
        'HEA-03',
        'HEA-04',
      ]);
      expect(labels.filter((l: string) => l.startsWith('E-'))).toEqual(['E-01', 'E-02', 'E-03', 'E-04']);
      expect(labels.filter((l: string) => l.startsWith('HER-'))).toHaveLength(4);
      const team = await must(t, 'GET', `/api/teams/${w.teams[0]!.id}`, { token: w.teams[0]!.captain.token });
      expect(team.tableLabel).toBe('HEA-01');

      const custom = await t.request('POST', `/api/editions/${w.editionId}/tables/number`, {
        token: w.organizer.token,
        body: { prefixes: { [w.trackIds[0]!]: 'H' }, digits: 1, separator: '', startAt: 1 },
      });
      expect(
        custom.body.items
          .filter((i: { trackId: string }) => i.trackId === w.trackIds[0])
          .map((i: { tableLabel: string }) => i.tableLabel),
      ).toEqual(['H1', 'H2', 'H3', 'H4']);
      const audit: { n: number }[] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'tables.numbered' AND edition_id = $1`,
        [w.editionId],
      );
      expect(audit[0]!.n).toBe(2);
    });

    it('sets and clears one team’s label (organizers only), audited', async () => {
      const set = await t.request('PUT', `/api/teams/${w.teams[1]!.id}/table`, {
        token: w.organizer.token,
        body: { tableLabel: '  Room B  ' },
      });
      expect(set.status).toBe(200);
      expect(set.body.tableLabel).toBe('Room B');
      const byCaptain = await t.request('PUT', `/api/teams/${w.teams[1]!.id}/table`, {
        token: w.teams[1]!.captain.token,
        body: { tableLabel: 'Best seat' },
      });
      expect(byCaptain.status).toBe(403);
      const empty = await t.request('PUT', `/api/teams/${w.teams[1]!.id}/table`, {
        token: w.organizer.token,
        body: { tableLabel: '' },
      });
      expect(empty.status).toBe(400);
      const cleared = await must(t, 'PUT', `/api/teams/${w.teams[1]!.id}/table`, {
        token: w.organizer.token,
        body: { tableLabel: null },
      });
      expect(cleared.tableLabel).toBeNull();
      const [entry]: { before: unknown; after: unknown }[] = await t.db.query(
        `SELECT before, after FROM audit_entries WHERE action = 'team.table_set' ORDER BY at DESC LIMIT 1`,
      );
      expect(entry).toEqual({ before: { tableLabel: 'Room B' }, after: { tableLabel: null } });
    });

    it('orders the juror’s list as a walking route: natural table order, no table last', async () => {
      // Juror 3 gets five projects by hand, labelled out of order.
      const picks = [
        [2, 'A-10'],
        [3, 'A-2'],
        [4, null],
        [5, 'a-1'],
        [6, 'B-1'],
      ] as const;
      for (const [i, label] of picks) {
        await must(t, 'PUT', `/api/teams/${w.teams[i]!.id}/table`, {
          token: w.organizer.token,
          body: { tableLabel: label },
        });
        await must(t, 'POST', `/api/editions/${w.editionId}/assignments`, {
          token: w.organizer.token,
          body: { jurorId: w.jurors[3]!.id, submissionId: w.teams[i]!.submissionId },
        });
      }
      const list = await must(t, 'GET', `/api/editions/${w.editionId}/assignments/me`, {
        token: w.jurors[3]!.token,
      });
      expect(list.items.map((i: { tableLabel: string | null }) => i.tableLabel)).toEqual([
        'a-1',
        'A-2',
        'A-10',
        'B-1',
        null,
      ]);
      expect(list.nextCursor).toBeNull();
      expect(list.items[0]).toMatchObject({
        teamName: w.teams[5]!.name,
        status: 'todo',
        canScore: false, // the scoring window opens at the submission deadline
        sheet: null,
        flag: null,
        latest: { version: 2, repoUrl: 'https://example.com/repo', extensionRunning: false },
      });
      // Reset: the automatic run below assigns from scratch.
      for (const [i] of picks)
        await must(
          t,
          'DELETE',
          `/api/editions/${w.editionId}/assignments/${w.jurors[3]!.id}/${w.teams[i]!.submissionId}`,
          {
            token: w.organizer.token,
          },
        );
    });
  });

  describe('conflicts', () => {
    it('jurors declare their own, organizers for a juror; others are refused', async () => {
      const own = await t.request('POST', `/api/editions/${w.editionId}/conflicts`, {
        token: w.jurors[1]!.token,
        body: { teamId: w.teams[0]!.id, reason: 'I mentored them' },
      });
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({
        jurorId: w.jurors[1]!.id,
        teamId: w.teams[0]!.id,
        implicit: false,
        droppedAssignment: false,
      });
      const again = await t.request('POST', `/api/editions/${w.editionId}/conflicts`, {
        token: w.jurors[1]!.token,
        body: { teamId: w.teams[0]!.id, reason: 'Said twice' },
      });
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(own.body.id);
      const forOther = await t.request('POST', `/api/editions/${w.editionId}/conflicts`, {
        token: w.jurors[1]!.token,
        body: { teamId: w.teams[1]!.id, jurorId: w.jurors[2]!.id, reason: 'Not mine to say' },
      });
      expect(forOther.status).toBe(403);
      const organizerWithoutJuror = await t.request('POST', `/api/editions/${w.editionId}/conflicts`, {
        token: w.organizer.token,
        body: { teamId: w.teams[1]!.id, reason: 'Who?' },
      });
      expect(organizerWithoutJuror.status).toBe(400);
      expect(organizerWithoutJuror.body.message).toMatch(/^jurorId:/);
      const participant = await t.request('POST', `/api/editions/${w.editionId}/conflicts`, {
        token: w.teams[2]!.captain.token,
        body: { teamId: w.teams[1]!.id, reason: 'Rivals' },
      });
      expect(participant.status).toBe(403);
      const byOrganizer = await must(t, 'POST', `/api/editions/${w.editionId}/conflicts`, {
        token: w.organizer.token,
        body: { teamId: w.teams[1]!.id, jurorId: w.jurors[2]!.id, reason: 'Employer of a member' },
      });
      expect(byOrganizer).toMatchObject({ jurorId: w.jurors[2]!.id, declaredBy: w.organizer.id });
      const audit: { n: number }[] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'conflict.declared' AND edition_id = $1`,
        [w.editionId],
      );
      expect(audit[0]!.n).toBe(2);
    });

    it('lists declared and implicit conflicts (a juror in a team) to organizers, and a juror’s own', async () => {
      // A juror who is also a participant in a team of this edition.
      const { token } = await must(t, 'POST', `/api/editions/${w.editionId}/jury/invitations`, {
        token: w.organizer.token,
        body: { email: 'captain-juror@example.test' },
      });
      await must(t, 'POST', `/api/jury/invitations/${token}/accept`, { token: w.teams[11]!.captain.token });
      const all = await must(t, 'GET', `/api/editions/${w.editionId}/conflicts`, {
        token: w.organizer.token,
      });
      expect(all.items).toHaveLength(3);
      expect(all.items.find((c: { implicit: boolean }) => c.implicit)).toMatchObject({
        id: null,
        jurorId: w.teams[11]!.captain.id,
        teamId: w.teams[11]!.id,
      });
      const mine = await must(t, 'GET', `/api/editions/${w.editionId}/conflicts/me`, {
        token: w.jurors[1]!.token,
      });
      expect(mine.items.map((c: { teamId: string }) => c.teamId)).toEqual([w.teams[0]!.id]);
      expect(
        (await t.request('GET', `/api/editions/${w.editionId}/conflicts`, { token: w.jurors[1]!.token }))
          .status,
      ).toBe(403);
    });

    it('drops the juror’s assignment to the team when it has no sheet', async () => {
      await must(t, 'POST', `/api/editions/${w.editionId}/assignments`, {
        token: w.organizer.token,
        body: { jurorId: w.jurors[3]!.id, submissionId: w.teams[9]!.submissionId },
      });
      const declared = await must(t, 'POST', `/api/editions/${w.editionId}/conflicts`, {
        token: w.jurors[3]!.token,
        body: { teamId: w.teams[9]!.id, reason: 'Former colleague' },
      });
      expect(declared).toMatchObject({ droppedAssignment: true, sheetNoLongerCounts: false });
      const rows: unknown[] = await t.db.query(
        'SELECT 1 FROM assignments WHERE juror_id = $1 AND submission_id = $2',
        [w.jurors[3]!.id, w.teams[9]!.submissionId],
      );
      expect(rows).toHaveLength(0);
    });
  });

  describe('flags and coverage', () => {
    beforeAll(async () => {
      await openJudging(t, w.editionId);
      await must(t, 'POST', `/api/editions/${w.editionId}/assignments/auto`, { token: w.organizer.token });
    });
    const assigned = async (jurorIndex: number) =>
      (
        await must(t, 'GET', `/api/editions/${w.editionId}/assignments/me`, {
          token: w.jurors[jurorIndex]!.token,
        })
      ).items as {
        submissionId: string;
        teamId: string;
        status: string;
        flag: unknown;
        canScore: boolean;
      }[];

    it('an assigned juror flags a project; flagging again replaces it; others are refused', async () => {
      const [item] = await assigned(0);
      expect(item!.canScore).toBe(true);
      const res = await t.request('POST', `/api/submissions/${item!.submissionId}/flags`, {
        token: w.jurors[0]!.token,
        body: { kind: 'absent', reason: 'Nobody at the table' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'absent', status: 'open', jurorId: w.jurors[0]!.id });
      const again = await must(t, 'POST', `/api/submissions/${item!.submissionId}/flags`, {
        token: w.jurors[0]!.token,
        body: { kind: 'cannot_judge', reason: 'Demo needs hardware I lack' },
      });
      expect(again).toMatchObject({ id: res.body.id, kind: 'cannot_judge' });
      const [{ n }]: { n: number }[] = await t.db.query(
        'SELECT count(*)::int AS n FROM judging_flags WHERE juror_id = $1',
        [w.jurors[0]!.id],
      );
      expect(n).toBe(1);
      const mine = (await assigned(0)).find((i) => i.submissionId === item!.submissionId)!;
      expect(mine).toMatchObject({ status: 'flagged', flag: { id: res.body.id } });

      // R = 2: of the three other jurors, at least one is not on this project.
      const outsiders = [];
      for (const j of [1, 2, 3])
        if (!(await assigned(j)).some((i) => i.submissionId === item!.submissionId)) outsiders.push(j);
      expect(outsiders.length).toBeGreaterThan(0);
      const refused = await t.request('POST', `/api/submissions/${item!.submissionId}/flags`, {
        token: w.jurors[outsiders[0]!]!.token,
        body: { kind: 'absent', reason: 'x' },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('NOT_ASSIGNED');
      const badKind = await t.request('POST', `/api/submissions/${item!.submissionId}/flags`, {
        token: w.jurors[0]!.token,
        body: { kind: 'bored', reason: 'x' },
      });
      expect(badKind.status).toBe(400);
      // Scored projects cannot be flagged.
      const [, second] = await assigned(0);
      expect((await scoreSheet(t, w.jurors[0]!, second!.submissionId, valuesFor(w.criteria))).status).toBe(
        200,
      );
      const scored = await t.request('POST', `/api/submissions/${second!.submissionId}/flags`, {
        token: w.jurors[0]!.token,
        body: { kind: 'absent', reason: 'late' },
      });
      expect(scored.body.code).toBe('SHEET_EXISTS');
    });

    it('shows flags, loads and shortfalls in the coverage', async () => {
      const coverage = await must(t, 'GET', `/api/editions/${w.editionId}/coverage`, {
        token: w.organizer.token,
      });
      expect(coverage.totals).toMatchObject({
        submissions: 12,
        required: 24,
        flagsOpen: 1,
        done: 1,
        notCounting: 0,
      });
      expect(coverage.flags).toHaveLength(1);
      expect(coverage.flags[0]).toMatchObject({
        kind: 'cannot_judge',
        jurorId: w.jurors[0]!.id,
        teamId: expect.any(String),
      });
      expect(coverage.flags[0]).toHaveProperty('tableLabel');
      const juror0 = coverage.jurors.find((j: { jurorId: string }) => j.jurorId === w.jurors[0]!.id);
      expect(juror0).toMatchObject({ done: 1, flagsOpen: 1 });
      for (const s of coverage.submissions) expect(s).toMatchObject({ required: 2, assigned: 2 });
      // Least covered first: the scored project is last.
      expect(coverage.submissions.at(-1).done).toBe(1);
      expect(
        (await t.request('GET', `/api/editions/${w.editionId}/coverage`, { token: w.jurors[0]!.token }))
          .status,
      ).toBe(403);
    });

    it('reassigns a flag in one action to the least-loaded eligible juror', async () => {
      const coverage = await must(t, 'GET', `/api/editions/${w.editionId}/coverage`, {
        token: w.organizer.token,
      });
      const flag = coverage.flags[0];
      // Before the move: who could take it (not the flagger, not already on it, not conflicted), and their loads.
      const onIt: { juror_id: string }[] = await t.db.query(
        'SELECT juror_id FROM assignments WHERE submission_id = $1',
        [flag.submissionId],
      );
      const conflicted: { juror_id: string }[] = await t.db.query(
        `SELECT juror_id FROM conflicts WHERE team_id = $1 UNION SELECT user_id FROM team_members WHERE team_id = $1`,
        [flag.teamId],
      );
      const loads = new Map<string, number>(
        coverage.jurors.map((j: { jurorId: string; assigned: number }) => [j.jurorId, j.assigned]),
      );
      const eligible = [...loads.keys()].filter(
        (id) => !onIt.some((r) => r.juror_id === id) && !conflicted.some((c) => c.juror_id === id),
      );
      const least = Math.min(...eligible.map((id) => loads.get(id)!));

      const res = await t.request('POST', `/api/flags/${flag.id}/reassign`, {
        token: w.organizer.token,
        body: { note: 'Moved' },
      });
      expect(res.status).toBe(200);
      const to = res.body.assignment.jurorId as string;
      expect(res.body.flag).toMatchObject({
        status: 'reassigned',
        reassignedTo: to,
        note: 'Moved',
        resolvedBy: w.organizer.id,
      });
      expect(eligible).toContain(to);
      expect(loads.get(to)).toBe(least);
      const rows: { juror_id: string; source: string }[] = await t.db.query(
        'SELECT juror_id, source FROM assignments WHERE submission_id = $1',
        [flag.submissionId],
      );
      expect(rows.map((r) => r.juror_id)).not.toContain(w.jurors[0]!.id);
      expect(rows.find((r) => r.juror_id === to)).toMatchObject({ source: 'manual' });
      expect(rows).toHaveLength(2);
      const again = await t.request('POST', `/api/flags/${flag.id}/reassign`, {
        token: w.organizer.token,
        body: {},
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('FLAG_RESOLVED');
      const audit: { n: number }[] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'flag.reassigned'`,
      );
      expect(audit[0]!.n).toBe(1);
    });

    it('dismisses a flag and keeps the assignment; refuses a reassignment to a conflicted juror', async () => {
      const items = await assigned(1);
      const target = items.find((i) => i.status === 'todo')!;
      const flag = await must(t, 'POST', `/api/submissions/${target.submissionId}/flags`, {
        token: w.jurors[1]!.token,
        body: { kind: 'absent', reason: 'Out for lunch' },
      });
      const conflictedJuror = await must(t, 'POST', `/api/editions/${w.editionId}/conflicts`, {
        token: w.organizer.token,
        body: { teamId: target.teamId, jurorId: w.jurors[2]!.id, reason: 'Now conflicted' },
      });
      expect(conflictedJuror.jurorId).toBe(w.jurors[2]!.id);
      const refused = await t.request('POST', `/api/flags/${flag.id}/reassign`, {
        token: w.organizer.token,
        body: { jurorId: w.jurors[2]!.id },
      });
      expect(refused.body.code).toBe('CONFLICT_OF_INTEREST');
      const dismissed = await must(t, 'POST', `/api/flags/${flag.id}/dismiss`, {
        token: w.organizer.token,
        body: { note: 'They came back' },
      });
      expect(dismissed).toMatchObject({
        status: 'dismissed',
        note: 'They came back',
        resolvedBy: w.organizer.id,
      });
      expect((await assigned(1)).find((i) => i.submissionId === target.submissionId)).toMatchObject({
        status: 'todo',
        flag: null,
      });
    });

    it('shows sheets that no longer count once a conflict is declared after them', async () => {
      const items = await assigned(3);
      const target = items.find((i) => i.status === 'todo')!;
      expect((await scoreSheet(t, w.jurors[3]!, target.submissionId, valuesFor(w.criteria))).status).toBe(
        200,
      );
      // Other jurors may have scored the project in earlier tests (the assignment depends on ids).
      const rowOf = (c: { submissions: { submissionId: string }[] }) =>
        c.submissions.find((s) => s.submissionId === target.submissionId) as unknown as {
          done: number;
          notCounting: number;
          assigned: number;
        };
      const before = rowOf(
        await must(t, 'GET', `/api/editions/${w.editionId}/coverage`, { token: w.organizer.token }),
      );
      await must(t, 'POST', `/api/editions/${w.editionId}/conflicts`, {
        token: w.jurors[3]!.token,
        body: { teamId: target.teamId, reason: 'Realised I know them' },
      });
      const coverage = await must(t, 'GET', `/api/editions/${w.editionId}/coverage`, {
        token: w.organizer.token,
      });
      expect(coverage.notCounting).toEqual([
        expect.objectContaining({
          jurorId: w.jurors[3]!.id,
          submissionId: target.submissionId,
          reason: 'conflict',
        }),
      ]);
      const row = coverage.submissions.find(
        (s: { submissionId: string }) => s.submissionId === target.submissionId,
      );
      expect(row).toMatchObject({
        done: before.done - 1,
        notCounting: before.notCounting + 1,
        assigned: before.assigned - 1,
      });
      const mine = (await assigned(3)).find((i) => i.submissionId === target.submissionId);
      expect(mine).toMatchObject({ status: 'conflicted', canScore: false, sheet: { counts: false } });
      // A re-run gives the project a second counting juror; the stored sheet stays.
      const summary = await must(t, 'POST', `/api/editions/${w.editionId}/assignments/auto`, {
        token: w.organizer.token,
      });
      expect(
        summary.added.some((a: { submissionId: string }) => a.submissionId === target.submissionId),
      ).toBe(true);
      const [{ n }]: { n: number }[] = await t.db.query(
        'SELECT count(*)::int AS n FROM score_sheets WHERE submission_id = $1 AND juror_id = $2',
        [target.submissionId, w.jurors[3]!.id],
      );
      expect(n).toBe(1);
      // Withdrawing the conflict (a mistake) makes the sheet count again.
      const conflicts = await must(t, 'GET', `/api/editions/${w.editionId}/conflicts`, {
        token: w.organizer.token,
      });
      const c = conflicts.items.find(
        (x: { jurorId: string; teamId: string }) =>
          x.jurorId === w.jurors[3]!.id && x.teamId === target.teamId,
      );
      expect(
        (
          await t.request('DELETE', `/api/editions/${w.editionId}/conflicts/${c.id}`, {
            token: w.organizer.token,
          })
        ).status,
      ).toBe(204);
      const after = await must(t, 'GET', `/api/editions/${w.editionId}/coverage`, {
        token: w.organizer.token,
      });
      expect(after.notCounting).toEqual([]);
    });

    it('pushes coverage:update rows to the organizers room after changes', async () => {
      const until = Date.now() + 5000;
      while (coverageEvents.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(coverageEvents.length).toBeGreaterThan(0);
      const scoredLater = (await assigned(2)).find((i) => i.status === 'todo')!;
      coverageEvents.length = 0;
      expect(
        (await scoreSheet(t, w.jurors[2]!, scoredLater.submissionId, valuesFor(w.criteria))).status,
      ).toBe(200);
      const deadline = Date.now() + 5000;
      while (
        !coverageEvents.some((e) => e.submissionId === scoredLater.submissionId) &&
        Date.now() < deadline
      )
        await new Promise((r) => setTimeout(r, 25));
      const event = coverageEvents.find((e) => e.submissionId === scoredLater.submissionId);
      expect(event).toMatchObject({
        editionId: w.editionId,
        submissionId: scoredLater.submissionId,
        required: 2,
      });
      expect(event!.done).toBeGreaterThanOrEqual(1);
    });
  });
});
