import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type Leaderboard,
  type LiveLeaderboardUpdate,
  type ServerToClientEvents,
} from '@ca/shared';
import { io, type Socket } from 'socket.io-client';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real Socket.IO client on `/live` (websocket only, as the web app), signed in with `token` if given. */
export function connect(base: string, token?: string): Promise<Client> {
  const socket: Client = io(`${base}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: token ? { token } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it is truthy or `timeoutMs` passed (then fails with `what`). */
export async function waitFor<T>(
  check: () => T | undefined | null | false,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Every leaderboard message a client receives, in order. */
export interface BoardLog {
  updates: LiveLeaderboardUpdate[];
  snapshots: Leaderboard[];
  /** Both kinds, in arrival order. */
  all: ({ kind: 'update'; u: LiveLeaderboardUpdate } | { kind: 'snapshot'; s: Leaderboard })[];
}
export function logBoards(socket: Client): BoardLog {
  const log: BoardLog = { updates: [], snapshots: [], all: [] };
  socket.on('leaderboard:update', (u) => {
    log.updates.push(u);
    log.all.push({ kind: 'update', u });
  });
  socket.on('leaderboard:snapshot', (s) => {
    log.snapshots.push(s);
    log.all.push({ kind: 'snapshot', s });
  });
  return log;
}

/** `leaderboard:subscribe`, failing the test on a negative acknowledgement. */
export async function subscribe(
  socket: Client,
  editionId: string,
  trackId: string | null,
): Promise<Leaderboard> {
  const ack = await socket.timeout(10_000).emitWithAck('leaderboard:subscribe', { editionId, trackId });
  if (!ack.ok) throw new Error(`subscribe refused: ${ack.code} ${ack.message}`);
  return ack.snapshot;
}

/** Applies updates the way clients must (LiveLeaderboardUpdateSchema): answers false on a gap. */
export function applyTo(board: Leaderboard, u: LiveLeaderboardUpdate): boolean {
  if (u.version <= board.version) return true;
  if (u.fromVersion > board.version + 1) return false;
  const rows = new Map(board.rows.map((r) => [r.submissionId, r]));
  for (const id of u.removed) rows.delete(id);
  for (const r of u.rows) rows.set(r.submissionId, r);
  board.rows = [...rows.values()];
  board.version = u.version;
  return true;
}

/** Whether any row of a board message shows something a viewer who may not see scores must not get. */
export const leaksScore = (
  rows: { rank: number | null; score: number | null; normalized: number | null; criteria: unknown }[],
) => rows.some((r) => r.rank !== null || r.score !== null || r.normalized !== null || r.criteria !== null);
