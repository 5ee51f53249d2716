import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from './helpers/app';
import {
  assignmentsOf,
  createJudgingWorld,
  must,
  openJudging,
  valuesFor,
  type JudgingWorld,
} from './helpers/judging';
import { call, startServer, type Server } from './helpers/processes';

/**
 * The API killed with SIGKILL in the middle of a burst of score writes (the compiled server, as in
 * production). Each (juror, project) pair writes one sheet after another, each with its own
 * comment; after a restart on the same database every write that got a 2xx is there with the last
 * 2xx value, nothing was written twice, and the audit log has one entry per change.
 */
jest.setTimeout(60_000);

describe('SIGKILL during a burst of score writes', () => {
  let t: TestApp;
  let w: JudgingWorld;
  let first: Server | undefined;
  let second: Server | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createJudgingWorld(t, { teams: 4, jurors: 3, tracks: ['Health'], reviewsPerSubmission: 3 });
    await openJudging(t, w.editionId);
    await must(t, 'POST', `/api/editions/${w.editionId}/assignments/auto`, {
      token: w.organizer.token,
      body: {},
    });
  }, 60_000);
  afterAll(async () => {
    await first?.stop('SIGKILL');
    await second?.stop();
    await t?.close();
  });

  it('keeps every acknowledged write, with its last acknowledged value, none twice', async () => {
    first = await startServer({ databaseUrl: t.config.databaseUrl });
    const pairs = await assignmentsOf(t, w.editionId);
    expect(pairs.length).toBeGreaterThanOrEqual(12);
    const tokenOf = new Map(w.jurors.map((j) => [j.id, j.token]));
    const server = first;

    // Per pair: the comments that got a 2xx (in order), and the one in flight at the kill.
    const acked = new Map<string, string[]>();
    const unanswered = new Map<string, string>();
    let killed = false;
    let otherStatuses = 0;
    const writer = async (p: { juror_id: string; submission_id: string }) => {
      const key = `${p.juror_id}/${p.submission_id}`;
      acked.set(key, []);
      for (let n = 0; ; n++) {
        const comment = `${key} #${n}`;
        try {
          const res = await call(server.url, 'PUT', `/api/submissions/${p.submission_id}/scores/me`, {
            token: tokenOf.get(p.juror_id),
            body: {
              values: valuesFor(w.criteria, (c, i) => c.min + ((n + i) % (c.max - c.min + 1))),
              comment,
              idempotencyKey: randomUUID(),
            },
            timeoutMs: 10_000,
          });
          if (res.status >= 200 && res.status < 300) acked.get(key)!.push(comment);
          else otherStatuses++;
        } catch {
          unanswered.set(key, comment); // no answer: it may or may not have been committed
          return;
        }
        if (killed) return;
      }
    };
    const writers = pairs.map(writer);
    // Let the burst run, then kill the process without warning.
    const until = Date.now() + 15_000;
    while ([...acked.values()].reduce((s, a) => s + a.length, 0) < 100 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    killed = true;
    first.child.kill('SIGKILL');
    await Promise.all(writers);
    const total = [...acked.values()].reduce((s, a) => s + a.length, 0);
    expect(total).toBeGreaterThanOrEqual(60);
    expect(otherStatuses).toBe(0);
    expect(unanswered.size).toBeGreaterThan(0); // the kill did land in the middle of writes

    second = await startServer({ databaseUrl: t.config.databaseUrl });
    const sheets: { juror_id: string; submission_id: string; comment: string }[] = await t.db.query(
      'SELECT juror_id, submission_id, comment FROM score_sheets WHERE edition_id = $1',
      [w.editionId],
    );
    // One sheet per pair that got any write through.
    const keys = sheets.map((s) => `${s.juror_id}/${s.submission_id}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [key, comments] of acked) {
      const sheet = sheets.find((s) => `${s.juror_id}/${s.submission_id}` === key);
      if (comments.length === 0 && !sheet) continue;
      // The last acknowledged write, or the one sent after it whose answer the kill swallowed.
      expect([comments.at(-1), unanswered.get(key)]).toContain(sheet?.comment);
    }

    // The audit log: every acknowledged change exactly once, and nothing that was never sent.
    const audit: { after: { jurorId: string; submissionId: string; comment: string } }[] = await t.db.query(
      `SELECT after FROM audit_entries WHERE edition_id = $1 AND action = 'score.saved'`,
      [w.editionId],
    );
    const logged = audit.map((a) => a.after.comment);
    expect(new Set(logged).size).toBe(logged.length);
    const sent = new Set([...[...acked.values()].flat(), ...unanswered.values()]);
    for (const c of logged) expect(sent.has(c)).toBe(true);
    for (const c of [...acked.values()].flat()) expect(logged).toContain(c);

    // The restarted server serves what the database holds (its boards are rebuilt from it).
    const [pair] = pairs;
    const listed = await call(second.url, 'GET', `/api/submissions/${pair!.submission_id}/scores`, {
      token: w.organizer.token,
    });
    expect(listed.status).toBe(200);
    const served = (listed.body.items as { jurorId: string; comment: string }[]).find(
      (s) => s.jurorId === pair!.juror_id,
    );
    expect(served?.comment).toBe(
      sheets.find((s) => s.juror_id === pair!.juror_id && s.submission_id === pair!.submission_id)?.comment,
    );
  });
});
