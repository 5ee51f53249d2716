import { Logger } from '@nestjs/common';
import { rooms, type Leaderboard, type LeaderboardRow, type LiveLeaderboardUpdate } from '@ca/shared';
import type { BoardChange, LiveRankingSource, PublicMode } from './ranking-source';

/**
 * Where the fan-out sends: this instance's sockets only. A message goes to a list of rooms in
 * one broadcast, so Socket.IO encodes it (and builds its websocket frame) once, whatever the
 * number of sockets.
 */
export interface FanoutSink {
  update(roomNames: string[], payload: LiveLeaderboardUpdate): void;
  snapshot(roomNames: string[], payload: Leaderboard): void;
  /** How many local sockets are in a room (0 when it does not exist here). */
  size(room: string): number;
}

export interface FanoutOptions {
  /** How long a first change waits for others of the same burst (ms). */
  coalesceMs: number;
  /** The least time between two updates of one board (ms): 50 = at most 20 updates a second. */
  minIntervalMs: number;
}

export const DEFAULT_FANOUT: FanoutOptions = { coalesceMs: 5, minIntervalMs: 50 };

interface Pending {
  fromVersion: number;
  version: number;
  rows: Map<string, LeaderboardRow>;
  removed: Set<string>;
}
interface Board {
  editionId: string;
  trackId: string | null;
  pending?: Pending;
  timer?: NodeJS.Timeout;
  lastFlush: number;
  lastVersion?: number;
  /** The board's public-room messages, in order: a mode check never overtakes a snapshot. */
  publicChain: Promise<void>;
  /** A public snapshot is waiting in `publicChain` (a second would say the same). */
  snapshotQueued?: boolean;
}

const boardKey = (editionId: string, trackId: string | null) => `${editionId}:${trackId ?? 'all'}`;

/**
 * The live leaderboards of this instance, pushed to this instance's sockets.
 *
 * Changes from the ranking (organizers' view, contiguous versions per board) are merged per board
 * while a burst lasts: the first waits `coalesceMs`, and a board is sent at most once every
 * `minIntervalMs`; the merged update carries the latest version, the first one it covers
 * (`fromVersion`) and each changed row once, in its latest state. Organizers' rooms get every
 * update. A board's public room gets the same update only while the edition's public mode is
 * `live` (checked with the ranking, in order with the mode-change snapshots, right before sending);
 * once `published` it gets a fresh public snapshot instead; while `frozen` or `hidden`, nothing
 * (the snapshot it got at the mode change is what it may see). Nothing here runs per socket.
 */
export class BoardFanout {
  private readonly logger = new Logger(BoardFanout.name);
  private readonly boards = new Map<string, Board>();
  /** The public mode of each edition this instance has subscribers for. */
  private readonly modes = new Map<string, PublicMode>();
  private readonly unsubscribe: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly ranking: LiveRankingSource,
    private readonly sink: FanoutSink,
    private readonly options: FanoutOptions = DEFAULT_FANOUT,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.unsubscribe.push(
      this.ranking.onChange((changes) => this.onChanges(changes)),
      this.ranking.onPublicModeChange((editionId, mode) => this.onPublicMode(editionId, mode)),
    );
  }

  stop(): void {
    this.closed = true;
    this.unsubscribe.splice(0).forEach((u) => u());
    for (const b of this.boards.values()) if (b.timer) clearTimeout(b.timer);
    this.boards.clear();
  }

  /** Learns an edition's public mode before its first subscriber joins (then follows changes). */
  async watchEdition(editionId: string): Promise<PublicMode> {
    const known = this.modes.get(editionId);
    if (known) return known;
    const mode = await this.ranking.publicMode(editionId);
    // A change notified while we waited is newer than what we read.
    if (!this.modes.has(editionId)) this.modes.set(editionId, mode);
    return this.modes.get(editionId)!;
  }

  modeOf(editionId: string): PublicMode | undefined {
    return this.modes.get(editionId);
  }

  onChanges(changes: BoardChange[]): void {
    if (this.closed) return;
    for (const c of changes) {
      const board = this.board(c.editionId, c.trackId);
      if (board.lastVersion !== undefined && c.version !== board.lastVersion + 1)
        this.logger.warn(
          `board ${boardKey(c.editionId, c.trackId)}: version ${c.version} after ${board.lastVersion}`,
        );
      board.lastVersion = c.version;
      const p = (board.pending ??= {
        fromVersion: c.version,
        version: c.version,
        rows: new Map(),
        removed: new Set(),
      });
      p.version = c.version;
      for (const row of c.rows) {
        p.rows.set(row.submissionId, row);
        p.removed.delete(row.submissionId);
      }
      for (const id of c.removed) {
        p.rows.delete(id);
        p.removed.add(id);
      }
      if (!board.timer) {
        const wait = Math.max(
          this.options.coalesceMs,
          board.lastFlush + this.options.minIntervalMs - this.now(),
        );
        board.timer = setTimeout(() => this.flush(board), wait);
      }
    }
  }

  /** Sends what a board has pending (tests and shutdown call it directly). */
  flush(board: Board): void {
    board.timer = undefined;
    const p = board.pending;
    if (!p) return;
    board.pending = undefined;
    board.lastFlush = this.now();
    const { editionId, trackId } = board;
    const payload: LiveLeaderboardUpdate = {
      editionId,
      trackId,
      fromVersion: p.fromVersion,
      version: p.version,
      rows: [...p.rows.values()],
      removed: [...p.removed],
    };
    const organizers = rooms.leaderboardOrganizers(editionId, trackId);
    const publicRoom = rooms.leaderboard(editionId, trackId);
    if (this.sink.size(publicRoom) === 0) {
      this.sink.update([organizers], payload);
      return;
    }
    const mode = this.modes.get(editionId);
    this.sink.update([organizers], payload);
    if (mode === 'live' || mode === 'published') {
      // The public sees exactly the organizers' board (rule 7: live and public, or published);
      // the ranking confirms the mode right before sending, in order with any mode-change
      // snapshot of this board.
      this.publicStep(board, async () => {
        const now = await this.ranking.publicMode(editionId);
        if (now === this.modes.get(editionId) && (now === 'live' || now === 'published'))
          this.sink.update([publicRoom], payload);
      });
    }
  }

  /**
   * What the public sees changed otherwise than by the diffs (a freeze, an unfreeze, publication,
   * visibility, or a hidden or frozen board's rows): every public room of the edition here gets a
   * fresh public snapshot, queued behind the room's earlier messages (at most one waiting).
   */
  onPublicMode(editionId: string, mode: PublicMode): void {
    if (this.closed) return;
    this.modes.set(editionId, mode);
    const tracks = new Set<string | null>(this.publicRoomsOf(editionId));
    for (const b of this.boards.values()) if (b.editionId === editionId) tracks.add(b.trackId);
    for (const trackId of tracks) {
      const board = this.board(editionId, trackId);
      if (board.snapshotQueued) continue;
      board.snapshotQueued = true;
      this.publicStep(board, () => {
        board.snapshotQueued = false;
        return this.sendPublicSnapshot(board);
      });
    }
  }

  private async sendPublicSnapshot(board: Board): Promise<void> {
    const room = rooms.leaderboard(board.editionId, board.trackId);
    if (this.sink.size(room) === 0) return;
    const snapshot = await this.ranking.leaderboard(board.editionId, board.trackId, { isOrganizer: false });
    this.sink.snapshot([room], snapshot);
  }

  private publicStep(board: Board, step: () => Promise<void>): void {
    board.publicChain = board.publicChain
      .then(step)
      .catch((err: Error) => this.logger.warn(`public leaderboard message not sent: ${err.message}`));
  }

  /** Set by the gateway: the local public rooms of an edition, as track ids (null = 'all'). */
  publicRoomsOf: (editionId: string) => (string | null)[] = () => [];

  private board(editionId: string, trackId: string | null): Board {
    const key = boardKey(editionId, trackId);
    let b = this.boards.get(key);
    if (!b) {
      b = { editionId, trackId, lastFlush: 0, publicChain: Promise.resolve() };
      this.boards.set(key, b);
    }
    return b;
  }
}
