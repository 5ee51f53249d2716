import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PublicMode } from '@ca/shared';
import { Client, type Notification } from 'pg';
import { DataSource } from 'typeorm';
import type { ResolvedConfig } from '../../app.module';
import { APP_CONFIG } from '../../config/env';
import { EditionsService } from '../editions/editions.service';
import { JudgingReadService } from '../judging/judging-read.service';
import { EditionState, type Applied, type BoardChange, type LoggedChange } from './edition-state';
import { freezeMoment, nextModeChange, publicModeOf } from './public-mode';
import { RankingLog } from './ranking-log';
import { RANKING_CHANNEL, type RankingChange } from './ranking-change';

/** Every instance re-checks the change log this often, in case a notification was lost. */
export const RESYNC_MS = 30_000;
/** Mode timers wait at most this long, then re-check (setTimeout overflows past ~24.8 days). */
const MAX_TIMER_MS = 60 * 60_000;
const RECONNECT_MS = 1_000;

/** Listeners of what a state change means for the boards and for the public. */
export interface StoreListeners {
  /** After each applied change, the boards it versioned (organizers' view), in sequence order. */
  boards(changes: BoardChange[]): void;
  /**
   * What non-organizers see changed otherwise than by the boards' diffs: the mode changed (a freeze
   * took effect, publication, a visibility change…), or in a hidden or frozen mode their rows changed.
   */
  publicView(editionId: string, mode: PublicMode): void;
  /** After each applied change (for caches of views derived from the state). */
  applied(state: EditionState, applied: Applied): void;
}

interface Sync {
  tail: Promise<unknown>;
  queued: Promise<EditionState> | null;
  /** A pull is reading or applying the log now. */
  running: boolean;
}

/**
 * Keeps every edition's `EditionState` in memory and moves it along the change log.
 *
 * - A state is loaded from one REPEATABLE READ snapshot: the ranking sequence, every board's
 *   version, the edition's settings (EditionsService) and the judging inputs (JudgingReadService)
 *   agree with each other, so the state is exactly the one after change `seq`.
 * - `sync(editionId)` loads the edition if needed, then applies every logged change after its
 *   `seq`, in order. Per edition the syncs run one after another; a caller joins a sync that has
 *   not started yet, never one already running (that one may have read the log before the
 *   caller's own write committed), so a request after a write always sees it.
 * - A dedicated connection LISTENs on `ca_ranking`: the writer's NOTIFY (sent at commit) makes
 *   every instance sync that edition within milliseconds. After a lost connection it reconnects
 *   and syncs everything; every RESYNC_MS it also compares the sequences, in case.
 * - Reads (`current`) are served from memory, with no query, unless the state is known to be
 *   behind: a sync is queued or running (a notification came in), the listening connection is
 *   down, or a transaction of this instance committed a change the state has not applied yet
 *   (`RankingLog.committedSeq`: read-your-writes for every writer through this instance). Then
 *   they `sync` first. Another instance's writes arrive by NOTIFY within milliseconds.
 */
@Injectable()
export class RankingStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RankingStore.name);
  private readonly states = new Map<string, EditionState>();
  private readonly syncs = new Map<string, Sync>();
  private readonly modes = new Map<string, { mode: PublicMode; timer?: NodeJS.Timeout }>();
  private readonly listeners = new Set<StoreListeners>();
  private listener: Client | null = null;
  private resync?: NodeJS.Timeout;
  private reconnect?: NodeJS.Timeout;
  private closed = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly judging: JudgingReadService,
    private readonly editions: EditionsService,
    private readonly log: RankingLog,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen(); // before loading: no change can slip between the snapshot and the first notification
    const rows: { id: string }[] = await this.db.query('SELECT id FROM editions ORDER BY id');
    for (const r of rows) await this.sync(r.id);
    this.resync = setInterval(() => void this.syncBehind(), RESYNC_MS);
    this.resync.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.resync) clearInterval(this.resync);
    if (this.reconnect) clearTimeout(this.reconnect);
    for (const m of this.modes.values()) if (m.timer) clearTimeout(m.timer);
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => undefined);
    await Promise.allSettled([...this.syncs.values()].map((s) => s.tail));
  }

  subscribe(listeners: StoreListeners): () => void {
    this.listeners.add(listeners);
    return () => this.listeners.delete(listeners);
  }

  /**
   * The edition's state for a read: from memory when it is not known to be behind (see the class
   * comment), else after a `sync`. 404 for an unknown edition.
   */
  current(editionId: string): Promise<EditionState> {
    const state = this.states.get(editionId);
    const s = this.syncs.get(editionId);
    if (
      state &&
      s &&
      !s.queued &&
      !s.running &&
      this.listener !== null &&
      state.seq >= this.log.committedSeq(editionId)
    )
      return Promise.resolve(state);
    return this.sync(editionId);
  }

  /** The edition's state with every committed change applied (404 for an unknown edition). */
  sync(editionId: string): Promise<EditionState> {
    let s = this.syncs.get(editionId);
    if (!s) this.syncs.set(editionId, (s = { tail: Promise.resolve(), queued: null, running: false }));
    if (s.queued) return s.queued;
    const sync = s;
    const run = sync.tail.then(async () => {
      sync.queued = null;
      sync.running = true;
      // Every commit this instance made before now is in what the pull reads.
      const committed = this.log.committedSeq(editionId);
      try {
        const state = await this.pull(editionId);
        if (state.seq < committed) this.log.forgetCommitted(editionId, committed); // rolled back in a savepoint
        return state;
      } finally {
        sync.running = false;
      }
    });
    sync.queued = run;
    sync.tail = run.catch(() => {
      // An edition that could not be loaded (unknown id) leaves nothing behind.
      if (!this.states.has(editionId) && this.syncs.get(editionId) === sync && sync.queued === null)
        this.syncs.delete(editionId);
    });
    return run;
  }

  /** The state as held now, without reading the log (null when not loaded). */
  peek(editionId: string): EditionState | null {
    return this.states.get(editionId) ?? null;
  }

  /** What non-organizers see of the edition now (rule 7). */
  mode(state: EditionState, now = Date.now()): PublicMode {
    return publicModeOf(state.settings, now);
  }

  private async pull(editionId: string): Promise<EditionState> {
    const state = this.states.get(editionId);
    if (!state) return this.load(editionId);
    const rows: { seq: string; change: RankingChange; versions: Record<string, number>; at: Date }[] =
      await this.db.query(
        'SELECT seq, change, versions, at FROM ranking_changes WHERE edition_id = $1 AND seq > $2 ORDER BY seq',
        [editionId, state.seq],
      );
    for (const row of rows) {
      const logged: LoggedChange = {
        seq: Number(row.seq),
        change: row.change,
        versions: row.versions,
        at: row.at,
      };
      if (logged.seq !== state.seq + 1) {
        // Committed changes are always 1…n; a hole means this state is not what it claims. Start over.
        this.logger.error(
          `Ranking of edition ${editionId}: change ${logged.seq} after ${state.seq}; reloading`,
        );
        this.states.delete(editionId);
        return this.load(editionId);
      }
      let applied: Applied;
      try {
        applied = state.apply(logged);
      } catch (err) {
        this.logger.error(`Ranking of edition ${editionId}: ${(err as Error).message}; reloading`);
        this.states.delete(editionId);
        return this.load(editionId);
      }
      this.notify((l) => l.applied(state, applied));
      if (applied.boards.length > 0) this.notify((l) => l.boards(applied.boards));
      this.followMode(state, applied);
    }
    return state;
  }

  private async load(editionId: string): Promise<EditionState> {
    const state = await this.db.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      const [seq]: { seq: string }[] = await m.query(
        'SELECT seq FROM ranking_sequences WHERE edition_id = $1',
        [editionId],
      );
      const boards: { board: string; version: string }[] = await m.query(
        'SELECT board, version FROM ranking_boards WHERE edition_id = $1',
        [editionId],
      );
      const settings = await this.editions.rankingSettings(editionId, m);
      const snapshot = await this.judging.snapshot(editionId, m);
      return new EditionState(
        editionId,
        seq ? Number(seq.seq) : 0,
        new Map(boards.map((b) => [b.board, Number(b.version)])),
        settings,
        snapshot,
      );
    });
    this.states.set(editionId, state);
    this.followMode(state, null);
    return state;
  }

  /**
   * Tells the listeners when what the public sees changed otherwise than by the diffs, and keeps a
   * timer for the next moment the mode changes by the clock (a freeze taking effect, publication).
   */
  private followMode(state: EditionState, applied: Applied | null): void {
    const editionId = state.editionId;
    const now = Date.now();
    const mode = this.mode(state, now);
    const known = this.modes.get(editionId);
    if (known?.timer) clearTimeout(known.timer);
    const entry: { mode: PublicMode; timer?: NodeJS.Timeout } = { mode };
    this.modes.set(editionId, entry);
    const next = nextModeChange(state.settings, now);
    if (next !== null && !this.closed) {
      entry.timer = setTimeout(() => this.followMode(state, null), Math.min(next - now + 5, MAX_TIMER_MS));
      entry.timer.unref();
    }
    if (!known) return; // just loaded: nothing was shown from this instance yet
    if (known.mode !== mode || (applied !== null && this.changesPublicRows(state, mode, applied)))
      this.notify((l) => l.publicView(editionId, mode));
  }

  /**
   * Whether a change alters what non-organizers see in a mode that does not follow the diffs: a
   * hidden board's rows follow the projects (titles, teams, who takes part); a frozen board's
   * also follow conflicts and disqualifications, and a sheet saved by a transaction that began
   * before the freeze took effect (it stood so at the freeze).
   */
  private changesPublicRows(state: EditionState, mode: PublicMode, applied: Applied): boolean {
    if (mode !== 'hidden' && mode !== 'frozen') return false;
    if (applied.kind !== 'sheet') return true;
    const moment = freezeMoment(state.settings);
    return mode === 'frozen' && moment !== null && applied.at <= moment;
  }

  private notify(call: (l: StoreListeners) => void): void {
    for (const l of this.listeners) {
      try {
        call(l);
      } catch (err) {
        this.logger.error(`A ranking listener failed: ${(err as Error).message}`);
      }
    }
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', (n: Notification) => {
      if (n.channel === RANKING_CHANNEL && n.payload) void this.sync(n.payload).catch(() => undefined);
    });
    client.on('error', (err) => {
      if (!this.closed) this.logger.warn(`Ranking listener lost its connection: ${err.message}`);
      this.relisten(client);
    });
    client.on('end', () => this.relisten(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${RANKING_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
  }

  private relisten(client: Client): void {
    if (this.closed || this.listener !== client) return;
    this.listener = null;
    void client.end().catch(() => undefined);
    this.scheduleListen();
  }

  /** Reconnects after a pause, then syncs every loaded edition (notifications may have been missed). */
  private scheduleListen(): void {
    if (this.closed) return;
    this.reconnect = setTimeout(() => {
      this.listen()
        .then(() => this.syncAll())
        .catch((err: Error) => {
          if (this.closed) return;
          this.logger.warn(`Ranking listener could not reconnect: ${err.message}`);
          this.scheduleListen();
        });
    }, RECONNECT_MS);
    this.reconnect.unref();
  }

  private async syncAll(): Promise<void> {
    for (const id of this.states.keys()) await this.sync(id).catch(() => undefined);
  }

  /** Syncs the loaded editions whose sequence moved past what this instance applied. */
  private async syncBehind(): Promise<void> {
    if (this.closed) return;
    try {
      const rows: { edition_id: string; seq: string }[] = await this.db.query(
        'SELECT edition_id, seq FROM ranking_sequences',
      );
      for (const r of rows) {
        const state = this.states.get(r.edition_id);
        if (!state || Number(r.seq) > state.seq) await this.sync(r.edition_id);
      }
    } catch (err) {
      if (!this.closed) this.logger.warn(`Ranking re-sync failed: ${String(err)}`);
    }
  }
}
