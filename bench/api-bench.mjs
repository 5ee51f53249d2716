#!/usr/bin/env node
// `npm run bench:api`: the built API beside a bare Fastify + pg baseline (bench/baseline-api.mjs),
// both started as their own processes on the same fresh database, measured in the same run, turn
// about: score writes (PUT /api/submissions/:id/scores/me, many jurors with their own sessions and
// assigned projects, the edition in its judging window), the leaderboard (GET
// /api/editions/:id/leaderboard) and the public edition page (GET /api/editions/:slug). Throughput is
// measured in autocannon's closed loop, latency at a fixed rate (`overallRate`: the closed loop hides
// queueing). After the run the database must hold exactly one sheet per (juror, project) pair that got
// a 2xx, with the value of the last 2xx write for it. Traffic goes to 127.0.0.1 only, bounded in
// time. Writes bench/results/api-<date>.json; exits non-zero when a target is missed.
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  ROOT,
  api,
  freePort,
  judgingEdition,
  pinSelf,
  randomValues,
  spawnNode,
  startApi,
  stopChild,
  waitHealthy,
  writeResults,
} from './lib/common.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const JURORS = Number(process.env.BENCH_JURORS ?? 30);
const WRITE_CONNECTIONS = Number(process.env.BENCH_WRITE_CONNECTIONS ?? 16);
const READ_CONNECTIONS = Number(process.env.BENCH_READ_CONNECTIONS ?? 50);
const WRITE_RATE = Number(process.env.BENCH_WRITE_RATE ?? 100);
const READ_RATE = Number(process.env.BENCH_READ_RATE ?? 300);
/**
 * The closed loop runs in BENCH_ROUNDS slices per server, turn about (app, bare, bare, app, …), and
 * req/s is over all slices: on a shared machine the load moves within seconds, and one long run of
 * each would compare two different minutes. Each round's own ratio is reported too (the spread).
 */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 4));
/** Minimum app/baseline throughput ratios (closed loop). */
const TARGETS = { writes: 0.6, leaderboard: 0.5, edition: 0.6 };
/** BENCH_ONLY=writes,edition: run only those scenarios (e.g. while profiling one route). */
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const wanted = (name) => !ONLY || ONLY.has(name);

// Two cores or more: the servers on the last core, this load generator on the others.
const ncpu = os.cpus().length;
const SERVER_CPUS = ncpu >= 2 ? String(ncpu - 1) : undefined;
const GEN_CPUS = ncpu >= 2 ? (ncpu === 2 ? '0' : `0-${ncpu - 2}`) : undefined;
const pinned = GEN_CPUS !== undefined && pinSelf(GEN_CPUS);

const app = await startApi({ cpus: SERVER_CPUS });
const basePort = await freePort();
const baseline = spawnNode([path.join(ROOT, 'bench/baseline-api.mjs')], {
  cpus: SERVER_CPUS,
  env: { ...process.env, DATABASE_URL: app.databaseUrl, PORT: String(basePort) },
});
const bare = `http://127.0.0.1:${basePort}`;

const cpuOf = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The closed loop, BENCH_ROUNDS slices per target turn about; `opts(target)` gives the options. */
async function closedLoop(opts) {
  const slices = { app: [], baseline: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ['app', 'baseline'] : ['baseline', 'app'];
    for (const target of order)
      slices[target].push(await run({ ...opts(target), duration: SECONDS / ROUNDS }));
  }
  const sum = (xs, f) => xs.reduce((n, x) => n + f(x), 0);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const merged = (xs) => ({
    requestsPerSecond: Math.round(sum(xs, (x) => x.total) / sum(xs, (x) => x.wallSeconds)),
    p50Ms: median(xs.map((x) => x.p50Ms)),
    p90Ms: median(xs.map((x) => x.p90Ms)),
    p99Ms: median(xs.map((x) => x.p99Ms)),
    maxMs: Math.max(...xs.map((x) => x.maxMs)),
    total: sum(xs, (x) => x.total),
    non2xx: sum(xs, (x) => x.non2xx),
    errors: sum(xs, (x) => x.errors),
    timeouts: sum(xs, (x) => x.timeouts),
    generatorCpu: Math.round((sum(xs, (x) => x.generatorCpu) / xs.length) * 100) / 100,
    slices: xs.length,
  });
  const roundRatios = slices.app.map(
    (a, i) =>
      Math.round((a.requestsPerSecond / Math.max(1, slices.baseline[i].requestsPerSecond)) * 100) / 100,
  );
  return { app: merged(slices.app), baseline: merged(slices.baseline), roundRatios };
}

async function run(opts) {
  const t0 = performance.now();
  const c0 = cpuOf();
  const r = await autocannon({ duration: SECONDS, ...opts });
  const wall = performance.now() - t0;
  return {
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    wallSeconds: wall / 1000,
    generatorCpu: Math.round(((cpuOf() - c0) / wall) * 100) / 100,
  };
}

const results = {};
let missed = 0;
let verification;
try {
  await waitHealthy(bare, baseline, '/health');
  const setup = await judgingEdition(app.base, JURORS);
  const { edition, criteria, submissionIds, jurors } = setup;
  console.log(
    `edition ${edition.slug}: ${submissionIds.length} projects, ${jurors.length} bench jurors, ${criteria.length} criteria`,
  );

  // ---- score writes -------------------------------------------------------------------------------
  // A pair is written by one request at a time (a pool of free pairs), so a pair's last 2xx is the
  // last write the database committed for it. A pair whose request never got an answer (cut off at a
  // run's end) leaves the pool: its sheet must hold the last 2xx value or that unanswered one.
  const pairs = [];
  for (const j of jurors) for (const s of submissionIds) pairs.push({ juror: j, submissionId: s });
  const lastOk = new Map(); // pair index → values of its last 2xx write
  const pending = new Map(); // pair index → values sent, no answer yet
  const freeApp = pairs.map((_, i) => i);
  const freeBare = pairs.map((_, i) => i);
  let seq = 0;
  const writeRequests = (target) => [
    {
      method: 'PUT',
      setupRequest: (req, ctx) => {
        const free = target === 'app' ? freeApp : freeBare;
        const index = free.shift();
        if (index === undefined) throw new Error('no free (juror, project) pair left: raise BENCH_JURORS');
        const p = pairs[index];
        const values = randomValues(criteria);
        ctx.sent = { index, values };
        seq += 1;
        if (target === 'app') {
          pending.set(index, values);
          return {
            ...req,
            path: `/api/submissions/${p.submissionId}/scores/me`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${p.juror.token}` },
            body: JSON.stringify({ values, comment: '', idempotencyKey: `bench-${process.pid}-${seq}` }),
          };
        }
        return {
          ...req,
          path: `/sheets/${p.submissionId}`,
          headers: { 'content-type': 'application/json', 'x-juror': p.juror.id },
          body: JSON.stringify({ values, comment: '' }),
        };
      },
      onResponse: (status, _body, ctx) => {
        const sent = ctx.sent;
        if (!sent) return;
        ctx.sent = undefined;
        (target === 'app' ? freeApp : freeBare).push(sent.index);
        if (target !== 'app') return;
        pending.delete(sent.index);
        if (status >= 200 && status < 300) lastOk.set(sent.index, sent.values);
      },
    },
  ];
  if (wanted('writes')) {
    const writes = { app: {}, baseline: {} };
    const common = (target) => ({
      url: target === 'app' ? app.base : bare,
      connections: WRITE_CONNECTIONS,
      requests: writeRequests(target),
    });
    for (const target of ['app', 'baseline']) await run({ ...common(target), duration: 2 }); // warm-up
    const closed = await closedLoop(common);
    for (const target of ['app', 'baseline']) {
      writes[target].closed = closed[target];
      writes[target].fixed = await run({ ...common(target), overallRate: WRITE_RATE });
    }
    writes.roundRatios = closed.roundRatios;
    results.writes = writes;
  }

  // ---- the leaderboard and the edition page -------------------------------------------------------
  const board = await api(app.base, 'GET', `/api/editions/${edition.id}/leaderboard`);
  await fetch(`${bare}/_leaderboard`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(board),
  });
  const page = await (await fetch(`${app.base}/api/editions/${edition.slug}`)).text();
  const barePage = await (await fetch(`${bare}/editions/${edition.slug}`)).text();
  for (const [name, appPath, barePath, bytes] of [
    ['leaderboard', `/api/editions/${edition.id}/leaderboard`, '/leaderboard', JSON.stringify(board).length],
    ['edition', `/api/editions/${edition.slug}`, `/editions/${edition.slug}`, page.length],
  ]) {
    if (!wanted(name)) continue;
    const r = { app: {}, baseline: {}, appBytes: bytes };
    if (name === 'edition') r.baselineBytes = barePage.length;
    const common = (target) => ({
      url: (target === 'app' ? app.base : bare) + (target === 'app' ? appPath : barePath),
      connections: READ_CONNECTIONS,
    });
    for (const target of ['app', 'baseline']) await run({ ...common(target), duration: 2 }); // warm-up
    const closed = await closedLoop(common);
    for (const target of ['app', 'baseline']) {
      r[target].closed = closed[target];
      r[target].fixed = await run({ ...common(target), overallRate: READ_RATE });
    }
    r.roundRatios = closed.roundRatios;
    results[name] = r;
  }

  // ---- what the database holds --------------------------------------------------------------------
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  const { rows } = await db.query(
    'SELECT juror_id, submission_id, values FROM score_sheets WHERE juror_id = ANY($1)',
    [jurors.map((j) => j.id)],
  );
  await db.end();
  const indexOf = new Map(pairs.map((p, i) => [`${p.juror.id}/${p.submissionId}`, i]));
  const same = (a, b) => criteria.every((c) => Number(a[c.id]) === Number(b[c.id]));
  const seen = new Set();
  const problems = [];
  let unsure = 0;
  for (const row of rows) {
    const i = indexOf.get(`${row.juror_id}/${row.submission_id}`);
    if (seen.has(i)) problems.push(`two sheets for pair ${i}`);
    seen.add(i);
    const ok = lastOk.get(i);
    const inFlight = pending.get(i);
    if (ok && same(row.values, ok)) continue;
    if (inFlight && same(row.values, inFlight)) {
      unsure += 1; // a write cut off at the end of a run: committed, its answer never read
      continue;
    }
    problems.push(`pair ${i}: ${ok ? 'not the last 2xx value' : 'a sheet without any 2xx'}`);
  }
  for (const i of lastOk.keys()) if (!seen.has(i)) problems.push(`pair ${i}: a 2xx but no sheet`);
  verification = {
    pairsWith2xx: lastOk.size,
    sheets: rows.length,
    cutOffAtRunEnd: unsure,
    problems: problems.slice(0, 20),
    ok: problems.length === 0,
  };
  if (!verification.ok) missed += 1;
  console.log(
    `${verification.ok ? 'ok  ' : 'MISS'} database: ${rows.length} sheets for ${lastOk.size} pairs with a 2xx` +
      (unsure ? ` (${unsure} cut off at a run's end, committed)` : '') +
      (problems.length ? `; ${problems.length} problems: ${problems.slice(0, 5).join('; ')}` : ''),
  );
} catch (err) {
  console.error('bench:api failed:', err);
  missed += 1;
} finally {
  await stopChild(baseline);
  await app.stop();
}

const ratios = {};
for (const [name, target] of Object.entries(TARGETS)) {
  const r = results[name];
  if (!r) continue;
  const ratio = r.app.closed.requestsPerSecond / r.baseline.closed.requestsPerSecond;
  const p99 = r.app.fixed.p99Ms / Math.max(1, r.baseline.fixed.p99Ms);
  const errors = r.app.closed.non2xx + r.app.fixed.non2xx + r.app.closed.errors + r.app.fixed.errors;
  const met = ratio >= target && errors === 0;
  if (!met) missed += 1;
  ratios[name] = {
    throughputRatio: Math.round(ratio * 100) / 100,
    target,
    fixedRateP99Ratio: Math.round(p99 * 100) / 100,
    roundRatios: r.roundRatios,
    appErrors: errors,
    met,
  };
  const f = (x) => `${x.requestsPerSecond} req/s (p99 ${x.p99Ms} ms, generator CPU ${x.generatorCpu})`;
  console.log(
    `${met ? 'ok  ' : 'MISS'} ${name}: app ${f(r.app.closed)} vs bare ${f(r.baseline.closed)} = ${ratios[name].throughputRatio} (target ≥ ${target}; per round ${r.roundRatios.join(', ')})` +
      `; at ${name === 'writes' ? WRITE_RATE : READ_RATE} req/s p50/p99 app ${r.app.fixed.p50Ms}/${r.app.fixed.p99Ms} ms, bare ${r.baseline.fixed.p50Ms}/${r.baseline.fixed.p99Ms} ms` +
      (errors ? `, ${errors} app errors/non-2xx` : ''),
  );
}
await writeResults('api', {
  seconds: SECONDS,
  jurors: JURORS,
  writeConnections: WRITE_CONNECTIONS,
  readConnections: READ_CONNECTIONS,
  writeRate: WRITE_RATE,
  readRate: READ_RATE,
  rounds: ROUNDS,
  pinned: pinned ? { server: SERVER_CPUS, generator: GEN_CPUS } : null,
  loadavg: os.loadavg(),
  results,
  ratios,
  verification,
});
process.exit(missed ? 1 : 0);
