#!/usr/bin/env node
// `npm run bench:live`: BENCH_CLIENTS Socket.IO clients (default 5,000; websocket transport; in
// BENCH_CLIENT_PROCS load-generator processes) subscribed to the demo edition's whole-edition
// leaderboard on the built API, while jurors write sheets at BENCH_RATE a second for BENCH_SECONDS.
// For every write: the time from sending its HTTP request to the update that carries its project
// reaching each client (p50/p99/max over all deliveries); lost or reordered versions (each client
// checks `fromVersion`/`version` of every `leaderboard:update`); the server's RSS per idle socket.
// Then, in the same run, the same clients against a bare Socket.IO server (bench/baseline-live.mjs)
// broadcasting updates of the same size at the same rate, triggered by an HTTP request like a write.
// Server and load generator are pinned to different cores (taskset); the generator's CPU is
// reported beside every figure. Writes bench/results/live-<date>.json; exits non-zero on a miss.
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  ROOT,
  exited,
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

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 5000);
const PROCS = Number(process.env.BENCH_CLIENT_PROCS ?? Math.max(1, Math.ceil(CLIENTS / 2500)));
const RATE = Number(process.env.BENCH_RATE ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const JURORS = Number(process.env.BENCH_JURORS ?? 6);
/** BENCH_STORM=0: no reconnection storm; BENCH_STORM_SECONDS: the storm's spread (10 s). */
const STORM = process.env.BENCH_STORM !== '0';
const STORM_SECONDS = Number(process.env.BENCH_STORM_SECONDS ?? 10);
/** BENCH_CLUSTER=0: no two-instance run; else it runs with REDIS_URL (redis://127.0.0.1:6379 by default). */
const CLUSTER = process.env.BENCH_CLUSTER !== '0';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TARGETS = { p99Ratio: 1.5, rssPerSocketKB: 50, stormResyncSeconds: 30, clusterP99Ratio: 1.3 };
const now = () => performance.timeOrigin + performance.now();

const ncpu = os.cpus().length;
const SERVER_CPUS = ncpu >= 2 ? String(ncpu - 1) : undefined;
const GEN_CPUS = ncpu >= 2 ? (ncpu === 2 ? '0' : `0-${ncpu - 2}`) : undefined;
const pinned = GEN_CPUS !== undefined && pinSelf(GEN_CPUS);

const rssKB = (pid) => {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
};

/** Starts the client processes (pinned with the generator), waits for all to connect and subscribe. */
async function openClients(url, board) {
  const procs = [];
  for (let p = 0; p < PROCS; p++) {
    const count = Math.floor(CLIENTS / PROCS) + (p < CLIENTS % PROCS ? 1 : 0);
    const child = fork(path.join(ROOT, 'bench/live-clients.mjs'), {
      env: {
        ...process.env,
        BENCH_URL: url,
        BENCH_CLIENT_COUNT: String(count),
        BENCH_BOARD: JSON.stringify(board),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const inbox = [];
    const waiters = [];
    child.on('message', (m) => {
      const w = waiters.findIndex((x) => x.cmd === m.cmd);
      if (w >= 0) waiters.splice(w, 1)[0].resolve(m);
      else inbox.push(m);
    });
    const next = (cmd) =>
      new Promise((resolve) => {
        const i = inbox.findIndex((m) => m.cmd === cmd);
        if (i >= 0) resolve(inbox.splice(i, 1)[0]);
        else waiters.push({ cmd, resolve });
      });
    procs.push({ child, next, count });
  }
  await Promise.all(procs.map((p) => p.next('ready')));
  if (pinned) for (const p of procs) pinSelfPid(p.child.pid);
  const t0 = Date.now();
  // One process at a time: the server sees a steady stream of handshakes.
  let connected = 0;
  let connectErrors = 0;
  for (const p of procs) {
    p.child.send({ cmd: 'open', url });
    const r = await p.next('opened');
    connected += r.connected;
    connectErrors += r.connectErrors;
  }
  return { procs, connected, connectErrors, openSeconds: (Date.now() - t0) / 1000 };
}

function pinSelfPid(pid) {
  try {
    execFileSync('taskset', ['-pc', GEN_CPUS, String(pid)], { stdio: 'ignore' });
  } catch {
    /* not pinned */
  }
}

/** Sends `fire(i)` at RATE a second for SECONDS (fixed schedule, no catch-up burst), returns the sends. */
async function fixedRate(fire) {
  const total = Math.round(RATE * SECONDS);
  const start = performance.now() + 50;
  const sends = [];
  const inflight = [];
  for (let i = 0; i < total; i++) {
    const at = start + (i * 1000) / RATE;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const rec = { i, sentAt: now() };
    sends.push(rec);
    inflight.push(
      fire(i, rec).then(
        (r) => Object.assign(rec, r, { answeredAt: now() }),
        (err) => Object.assign(rec, { error: String(err) }),
      ),
    );
  }
  await Promise.all(inflight);
  return sends;
}

const quant = (sorted, q) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null;
const r1 = (x) => (x === null ? null : Math.round(x * 10) / 10);

/**
 * Collects the records, matches every send to the first update carrying its project that arrived
 * after the send (writes go round the projects, so a project's previous update has long arrived),
 * and summarises.
 */
async function collect(procs, sends, settleMs = 1500) {
  await new Promise((r) => setTimeout(r, settleMs));
  for (const p of procs) p.child.send({ cmd: 'stop' });
  const recs = await Promise.all(procs.map((p) => p.next('records')));
  const byVersion = new Map();
  let lost = 0;
  let reordered = 0;
  let duplicates = 0;
  let disconnected = 0;
  const cpu = [];
  for (const r of recs) {
    lost += r.lost;
    reordered += r.reordered;
    duplicates += r.duplicates;
    disconnected += r.disconnected;
    cpu.push(Math.round(r.cpu * 100) / 100);
    for (const u of r.updates) {
      const have = byVersion.get(u.version);
      if (have) have.arrivals.push(...u.arrivals);
      else byVersion.set(u.version, { ...u, arrivals: [...u.arrivals] });
    }
  }
  const updates = [...byVersion.values()].sort((a, b) => a.version - b.version);
  for (const u of updates) u.first = Math.min(...u.arrivals);
  const latencies = [];
  let unmatched = 0;
  let partial = 0;
  for (const s of sends) {
    if (s.error || !s.ok) continue;
    const u = updates.find((x) => x.first >= s.sentAt && x.rows.includes(s.submissionId));
    if (!u) {
      unmatched += 1;
      continue;
    }
    if (u.arrivals.length < CLIENTS) partial += 1;
    for (const t of u.arrivals) latencies.push(t - s.sentAt);
  }
  latencies.sort((a, b) => a - b);
  const bytes = updates.map((u) => u.bytes);
  return {
    writes: sends.length,
    writesOk: sends.filter((s) => s.ok).length,
    updates: updates.length,
    meanUpdateBytes: bytes.length ? Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length) : 0,
    deliveries: latencies.length,
    p50Ms: r1(quant(latencies, 0.5)),
    p99Ms: r1(quant(latencies, 0.99)),
    maxMs: r1(latencies.at(-1) ?? null),
    lostVersions: lost,
    reordered,
    duplicates,
    writesWithoutUpdate: unmatched,
    updatesNotReachingEveryClient: partial,
    disconnectedClients: disconnected,
    generatorCpu: cpu,
    sampleRows: updates[0]?.rows?.length ?? 0,
  };
}

const result = { clients: CLIENTS, clientProcs: PROCS, rate: RATE, seconds: SECONDS };
let missed = 0;

/**
 * Writes at RATE a second through `writeBase` while the clients (subscribed through their own
 * instance) record; jurors go round the projects: write i is juror (i / projects) % jurors on
 * project i % projects.
 */
async function writeAndCollect(writeBase, procs, { criteria, submissionIds, jurors }) {
  for (const p of procs) p.child.send({ cmd: 'record' });
  await Promise.all(procs.map((p) => p.next('recording')));
  const last = new Map();
  const sends = await fixedRate(async (i) => {
    const submissionId = submissionIds[i % submissionIds.length];
    const juror = jurors[Math.floor(i / submissionIds.length) % jurors.length];
    let values = randomValues(criteria);
    const key = `${juror.id}/${submissionId}`;
    if (JSON.stringify(values) === last.get(key))
      values = {
        ...values,
        [criteria[0].id]: values[criteria[0].id] === criteria[0].min ? criteria[0].max : criteria[0].min,
      };
    last.set(key, JSON.stringify(values));
    const res = await fetch(`${writeBase}/api/submissions/${submissionId}/scores/me`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${juror.token}` },
      body: JSON.stringify({ values, comment: '', idempotencyKey: `live-${process.pid}-${i}-${Date.now()}` }),
    });
    await res.arrayBuffer();
    return { ok: res.ok, status: res.status, submissionId };
  });
  const out = await collect(procs, sends);
  await Promise.all(procs.map((p) => new Promise((r) => (exited(p.child) ? r() : p.child.once('exit', r)))));
  return out;
}

/** Every client drops and reconnects within STORM_SECONDS; how long until all resynced. */
async function reconnectStorm(procs, boardUrl) {
  const startAt = Date.now() + 500;
  for (const p of procs) p.child.send({ cmd: 'storm', startAt, spreadMs: STORM_SECONDS * 1000 });
  const rs = await Promise.all(procs.map((p) => p.next('stormed')));
  const current = (await (await fetch(boardUrl)).json()).version;
  const at = rs.flatMap((r) => r.resyncedAt).sort((a, b) => a - b);
  const versions = rs.flatMap((r) => r.versions);
  const failed = rs.reduce((n, r) => n + r.failed, 0);
  const storm = {
    clients: CLIENTS,
    spreadSeconds: STORM_SECONDS,
    resynced: at.length,
    failed,
    staleSnapshots: versions.filter((v) => v !== current).length,
    lastResyncSeconds: at.length ? r1(at.at(-1) / 1000) : null,
    p50ResyncSeconds: r1((quant(at, 0.5) ?? 0) / 1000),
    p99ResyncSeconds: r1((quant(at, 0.99) ?? 0) / 1000),
  };
  console.log(
    `storm: ${storm.resynced}/${CLIENTS} resynced (${failed} failed, ${storm.staleSnapshots} stale), the last ${storm.lastResyncSeconds} s after the storm began (spread over ${STORM_SECONDS} s)`,
  );
  return storm;
}

const idleFigures = (opened, rss0, rss1) => ({
  connected: opened.connected,
  connectErrors: opened.connectErrors,
  openSeconds: opened.openSeconds,
  rssBeforeMB: Math.round(rss0 / 1024),
  rssIdleMB: Math.round(rss1 / 1024),
  rssPerSocketKB: Math.round(((rss1 - rss0) / Math.max(1, opened.connected)) * 10) / 10,
});

// ---- the API ----------------------------------------------------------------------------------
const app = await startApi({ cpus: SERVER_CPUS });
let meanBytes = 1000;
let rowsPerUpdate = 1;
try {
  const world = await judgingEdition(app.base, JURORS);
  const board = { editionId: world.edition.id, trackId: null };
  const rss0 = rssKB(app.child.pid);
  const opened = await openClients(app.base, board);
  await new Promise((r) => setTimeout(r, 2000));
  const rss1 = rssKB(app.child.pid);
  result.app = idleFigures(opened, rss0, rss1);
  console.log(
    `app: ${opened.connected}/${CLIENTS} clients subscribed in ${opened.openSeconds} s; RSS ${result.app.rssBeforeMB} → ${result.app.rssIdleMB} MB (${result.app.rssPerSocketKB} KB per socket)`,
  );
  if (STORM)
    result.storm = await reconnectStorm(
      opened.procs,
      `${app.base}/api/editions/${world.edition.id}/leaderboard`,
    );
  Object.assign(result.app, await writeAndCollect(app.base, opened.procs, world));
  console.log('app: writes done');
  meanBytes = result.app.meanUpdateBytes || meanBytes;
  rowsPerUpdate = Math.max(1, result.app.sampleRows);
} finally {
  await app.stop();
}

// ---- two instances and Redis: clients on one, writes through the other ----------------------------
if (CLUSTER) {
  const a1 = await startApi({ cpus: SERVER_CPUS, extraEnv: { REDIS_URL } });
  let a2;
  try {
    a2 = await startApi({ cpus: SERVER_CPUS, extraEnv: { REDIS_URL }, shareWith: a1 });
    const world = await judgingEdition(a1.base, JURORS);
    const opened = await openClients(a2.base, { editionId: world.edition.id, trackId: null });
    result.cluster = { redis: REDIS_URL, connected: opened.connected, connectErrors: opened.connectErrors };
    Object.assign(result.cluster, await writeAndCollect(a1.base, opened.procs, world));
    console.log('cluster: writes done');
  } catch (err) {
    console.error('bench:live two-instance run failed:', err);
    result.cluster = { error: String(err) };
  } finally {
    if (a2) await a2.stop();
    await a1.stop();
  }
}

// ---- the bare baseline -------------------------------------------------------------------------
const port = await freePort();
const bare = spawnNode([path.join(ROOT, 'bench/baseline-live.mjs')], {
  cpus: SERVER_CPUS,
  env: { ...process.env, PORT: String(port) },
});
const bareBase = `http://127.0.0.1:${port}`;
try {
  await waitHealthy(bareBase, bare, '/health');
  const rss0 = rssKB(bare.pid);
  const opened = await openClients(bareBase, { editionId: 'bare', trackId: null });
  await new Promise((r) => setTimeout(r, 2000));
  const rss1 = rssKB(bare.pid);
  result.baseline = idleFigures(opened, rss0, rss1);
  for (const p of opened.procs) p.child.send({ cmd: 'record' });
  await Promise.all(opened.procs.map((p) => p.next('recording')));
  const sends = await fixedRate(async (i) => {
    const submissionId = `p${i % 8}`;
    const rows = Array.from({ length: rowsPerUpdate }, (_, k) => ({
      submissionId: k === 0 ? submissionId : `q${k}`,
    }));
    const res = await fetch(`${bareBase}/emit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ bytes: meanBytes, rows }),
    });
    await res.arrayBuffer();
    return { ok: res.ok, status: res.status, submissionId };
  });
  Object.assign(result.baseline, await collect(opened.procs, sends));
} finally {
  await stopChild(bare);
}

// ---- targets -------------------------------------------------------------------------------------
const a = result.app;
const b = result.baseline;
const ratio = a.p99Ms !== null && b.p99Ms ? Math.round((a.p99Ms / b.p99Ms) * 100) / 100 : null;
const c = result.cluster;
const clusterRatio = c?.p99Ms && a.p99Ms ? Math.round((c.p99Ms / a.p99Ms) * 100) / 100 : null;
result.ratios = {
  p99: ratio,
  p50: a.p50Ms !== null && b.p50Ms ? Math.round((a.p50Ms / b.p50Ms) * 100) / 100 : null,
  clusterP99OverSingle: clusterRatio,
};
const checks = [
  ['all clients subscribed', a.connected === CLIENTS && b.connected === CLIENTS],
  ['no lost version', a.lostVersions === 0],
  ['no reordered update', a.reordered === 0],
  [
    'every write reached every client',
    a.writesWithoutUpdate === 0 && a.updatesNotReachingEveryClient === 0 && a.writesOk === a.writes,
  ],
  [`app/baseline p99 ≤ ${TARGETS.p99Ratio}`, ratio !== null && ratio <= TARGETS.p99Ratio],
  [`RSS per idle socket ≤ ${TARGETS.rssPerSocketKB} KB`, a.rssPerSocketKB <= TARGETS.rssPerSocketKB],
  ...(STORM
    ? [
        [
          `reconnection storm: all ${CLIENTS} resynced within ${TARGETS.stormResyncSeconds} s`,
          result.storm.resynced === CLIENTS &&
            result.storm.staleSnapshots === 0 &&
            result.storm.lastResyncSeconds <= TARGETS.stormResyncSeconds,
        ],
      ]
    : []),
  ...(CLUSTER
    ? [
        [
          'two instances: no lost or reordered version, every write reached every client',
          c.lostVersions === 0 &&
            c.reordered === 0 &&
            c.writesWithoutUpdate === 0 &&
            c.updatesNotReachingEveryClient === 0 &&
            c.connected === CLIENTS,
        ],
        [
          `two instances: cross-instance p99 ≤ ${TARGETS.clusterP99Ratio} × single-instance`,
          clusterRatio !== null && clusterRatio <= TARGETS.clusterP99Ratio,
        ],
      ]
    : []),
];
result.checks = Object.fromEntries(checks);
for (const [name, ok] of checks) {
  if (!ok) missed += 1;
  console.log(`${ok ? 'ok  ' : 'MISS'} ${name}`);
}
const line = (n, x) =>
  `${n}: ${x.writes} writes (${x.writesOk} 2xx) → ${x.updates} updates of ~${x.meanUpdateBytes} B, ${x.deliveries} deliveries; p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms, max ${x.maxMs} ms; lost ${x.lostVersions}, reordered ${x.reordered}; RSS ${x.rssPerSocketKB} KB/socket; generator CPU ${x.generatorCpu.join(' + ')}`;
console.log(line('app     ', a));
console.log(line('baseline', b));
if (c && !c.error) console.log(line('cluster ', { ...c, rssPerSocketKB: '-' }));
console.log(`p99 ratio app/baseline ${ratio} (target ≤ ${TARGETS.p99Ratio}); p50 ratio ${result.ratios.p50}`);
if (CLUSTER) console.log(`p99 ratio two instances/one ${clusterRatio} (target ≤ ${TARGETS.clusterP99Ratio})`);
await writeResults(`live-${CLIENTS}`, {
  pinned: pinned ? { server: SERVER_CPUS, generator: GEN_CPUS } : null,
  loadavg: os.loadavg(),
  ...result,
});
process.exit(missed ? 1 : 0);
