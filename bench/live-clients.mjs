// A load-generator process of `npm run bench:live` (started by live-bench.mjs with IPC): opens
// BENCH_CLIENT_COUNT Socket.IO clients (websocket transport) to BENCH_URL's `/live`, subscribes each
// to one board, and records every `leaderboard:update`: its arrival time per socket (epoch ms, high
// resolution), the versions it covers, and the rows it carries. The parent asks for the records.
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const URL_ = process.env.BENCH_URL;
const COUNT = Number(process.env.BENCH_CLIENT_COUNT);
const BOARD = JSON.parse(process.env.BENCH_BOARD); // { editionId, trackId }
const NAMESPACE = process.env.BENCH_NAMESPACE ?? '/live';
const now = () => performance.timeOrigin + performance.now();

const sockets = [];
/** Per version: { fromVersion, version, rows: submissionIds, bytes, arrivals: number[] }. */
const updates = new Map();
/** Per socket: the version it holds, and what went wrong. */
const held = [];
let lost = 0;
let reordered = 0;
let duplicates = 0;
let connectErrors = 0;
let recording = false;

function onUpdate(i, u) {
  const t = now();
  const v = held[i];
  if (u.version <= v) {
    if (u.version === v) duplicates += 1;
    else reordered += 1;
  } else if (u.fromVersion > v + 1) {
    lost += u.fromVersion - v - 1;
    held[i] = u.version;
  } else {
    held[i] = u.version;
  }
  if (!recording) return;
  let rec = updates.get(u.version);
  if (!rec) {
    rec = {
      fromVersion: u.fromVersion,
      version: u.version,
      rows: (u.rows ?? []).map((r) => r.submissionId),
      bytes: JSON.stringify(u).length,
      sentAt: u.sentAt,
      arrivals: [],
    };
    updates.set(u.version, rec);
  }
  rec.arrivals.push(t);
}

/** Opens socket `idx` and subscribes it; resolves with the snapshot's version, or null on failure. */
function connect(idx, url = URL_) {
  return new Promise((resolve) => {
    const s = io(url + NAMESPACE, { transports: ['websocket'], reconnection: false, forceNew: true });
    sockets[idx] = s;
    held[idx] = -1;
    s.on('leaderboard:update', (u) => onUpdate(idx, u));
    s.once('connect_error', () => resolve(null));
    s.once('connect', () => {
      s.timeout(30_000).emit('leaderboard:subscribe', BOARD, (err, ack) => {
        if (err || !ack?.ok) return resolve(null);
        held[idx] = ack.snapshot.version;
        resolve(ack.snapshot.version);
      });
    });
  });
}

async function open(url) {
  const batch = 100;
  for (let i = 0; i < COUNT; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, COUNT - i) }, async (_, k) => {
        if ((await connect(i + k, url)) === null) connectErrors += 1;
      }),
    );
  }
}

/**
 * The reconnection storm: every socket drops and reconnects (a new socket, as after a lost
 * network or a restarted instance), spread evenly over `spreadMs` from `startAt` (epoch ms, the
 * same for every generator process), then resubscribes: resynced when its snapshot's ack arrives.
 * Answers each socket's resync moment (ms after `startAt`) and snapshot version, and the failures.
 */
async function storm(startAt, spreadMs) {
  const done = [];
  const versions = [];
  let failed = 0;
  await Promise.all(
    sockets.map(async (old, idx) => {
      const at = startAt + (idx / COUNT) * spreadMs;
      const wait = at - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      old.disconnect();
      const v = await connect(idx);
      if (v === null) failed += 1;
      else {
        done.push(now() - startAt);
        versions.push(v);
      }
    }),
  );
  return { resyncedAt: done, versions, failed };
}

let cpu0;
let wall0;
process.on('message', async (msg) => {
  if (msg.cmd === 'storm') {
    const r = await storm(msg.startAt, msg.spreadMs);
    process.send({ cmd: 'stormed', ...r });
  } else if (msg.cmd === 'open') {
    await open(msg.url);
    process.send({ cmd: 'opened', connected: sockets.filter((s) => s.connected).length, connectErrors });
  } else if (msg.cmd === 'record') {
    recording = true;
    cpu0 = process.cpuUsage();
    wall0 = performance.now();
    process.send({ cmd: 'recording' });
  } else if (msg.cmd === 'stop') {
    recording = false;
    const c = process.cpuUsage(cpu0);
    const cpu = (c.user + c.system) / 1000 / (performance.now() - wall0);
    const disconnected = sockets.filter((s) => !s.connected).length;
    for (const s of sockets) s.disconnect();
    // Exit once the records are through the IPC channel (they can take a while on a busy machine).
    process.send(
      {
        cmd: 'records',
        updates: [...updates.values()],
        lost,
        reordered,
        duplicates,
        disconnected,
        connectErrors,
        cpu,
      },
      () => process.exit(0),
    );
  }
});
process.send({ cmd: 'ready' });
