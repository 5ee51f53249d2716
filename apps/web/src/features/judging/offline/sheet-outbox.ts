import type { ScoreSheet } from '@ca/shared';
import { isApiError } from '../../../lib/http';
import { queuedSheetId, type QueuedSheet, type SheetError, type SheetQueueStore } from './sheet-store';

/**
 * The jurors' outbox: every saved sheet goes into the browser's store first and is sent from
 * there, so a sheet saved in a hall without network, or while the answer got lost, is never
 * lost (it waits, across reloads) and never doubled (each edit carries one idempotency key for
 * all its attempts; the API answers a repeated key with the stored sheet and writes nothing).
 *
 * - network failures, 5xx, 408, 429 and 401 are transient: the sheet stays pending and is tried
 *   again with exponential backoff (1 s doubling to 60 s, with jitter), at once when the browser
 *   comes back online, or when the juror asks;
 * - any other refusal (409 `PHASE_CLOSED`, 403 `CONFLICT_OF_INTEREST` / `NOT_ASSIGNED`, 400 …) is
 *   kept as `refused` with the API's code, for the juror to read, retry or discard; it is never
 *   dropped by itself.
 */

export interface SheetEdit {
  editionId: string;
  submissionId: string;
  values: Record<string, number>;
  comment: string;
  label: QueuedSheet['label'];
}

export interface OutboxState {
  /** The store has been read (until then `items` is empty for want of knowing). */
  ready: boolean;
  /** False when the queue lives in memory only (no IndexedDB): it will not survive a reload. */
  persistent: boolean;
  /** This juror's queued sheets, oldest edit first. */
  items: QueuedSheet[];
  /** The id of the sheet being sent now. */
  sending: string | null;
  online: boolean;
  /** When the next automatic attempt is due (epoch ms), after a transient failure. */
  retryAt: number | null;
}

export interface OutboxDeps {
  store: SheetQueueStore;
  /** `PUT /api/submissions/:id/scores/me` with the item's values, comment and key. */
  send: (item: QueuedSheet) => Promise<ScoreSheet>;
  isOnline?: () => boolean;
  /** Runs `fn` after `ms`; answers a function that cancels it. */
  schedule?: (fn: () => void, ms: number) => () => void;
  random?: () => number;
  now?: () => number;
  newKey?: () => string;
  /** Tells other tabs that the queue changed (they re-read it). */
  notify?: () => void;
}

export const RETRY_BASE_MS = 1_000;
export const RETRY_MAX_MS = 60_000;

/** Transient failures: the request may succeed later unchanged. */
export function isTransient(error: unknown): boolean {
  if (!isApiError(error)) return true; // not an answer of the API: nothing says it would refuse
  return error.status === 0 || error.status >= 500 || [401, 408, 429].includes(error.status);
}

export function toSheetError(error: unknown): SheetError {
  if (isApiError(error)) return { status: error.status, code: error.code, message: error.message };
  return {
    status: 0,
    code: 'NETWORK_ERROR',
    message: error instanceof Error ? error.message : String(error),
  };
}

/** Delay before the attempt after `failures` consecutive transient failures (≥ 1). */
export function backoffMs(failures: number, random: number): number {
  const exp = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(exp * (0.5 + random / 2));
}

/**
 * An idempotency key: 122 random bits as a UUID v4. `crypto.getRandomValues` works outside secure
 * contexts too (a hall's Wi-Fi reaching a laptop by its IP address), unlike `randomUUID`.
 */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type Listener = () => void;
type SyncedListener = (item: QueuedSheet, sheet: ScoreSheet) => void;
type RefusedListener = (item: QueuedSheet, error: SheetError) => void;

export class SheetOutbox {
  private state: OutboxState;
  private readonly listeners = new Set<Listener>();
  private readonly syncedListeners = new Set<SyncedListener>();
  private readonly refusedListeners = new Set<RefusedListener>();
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private cancelRetry: (() => void) | null = null;
  private disposed = false;
  private readonly isOnline: () => boolean;
  private readonly schedule: (fn: () => void, ms: number) => () => void;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly newKey: () => string;

  constructor(
    private readonly jurorId: string,
    private readonly deps: OutboxDeps,
  ) {
    this.isOnline = deps.isOnline ?? (() => true);
    this.schedule =
      deps.schedule ??
      ((fn, ms) => {
        const timer = setTimeout(fn, ms);
        return () => clearTimeout(timer);
      });
    this.random = deps.random ?? Math.random;
    this.now = deps.now ?? Date.now;
    this.newKey = deps.newKey ?? newIdempotencyKey;
    this.state = {
      ready: false,
      persistent: deps.store.persistent,
      items: [],
      sending: null,
      online: this.isOnline(),
      retryAt: null,
    };
  }

  // ---- observing ----------------------------------------------------------------------------

  getState = (): OutboxState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called with each sheet the API has taken (the stored sheet, also for a replayed key). */
  onSynced(listener: SyncedListener): () => void {
    this.syncedListeners.add(listener);
    return () => this.syncedListeners.delete(listener);
  }

  /** Called with each sheet the API refused (the screen's data may be stale: judging closed…). */
  onRefused(listener: RefusedListener): () => void {
    this.refusedListeners.add(listener);
    return () => this.refusedListeners.delete(listener);
  }

  private set(patch: Partial<OutboxState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Re-reads the store (after a change here or in another tab). */
  async refresh(): Promise<void> {
    const items = await this.deps.store.list(this.jurorId);
    if (!this.disposed) this.set({ items, ready: true, persistent: this.deps.store.persistent });
  }

  // ---- changing -----------------------------------------------------------------------------

  /** Reads what earlier visits left in the queue and starts sending it. */
  async start(): Promise<void> {
    await this.refresh();
    void this.sync();
  }

  /**
   * Queues a new edit of a sheet (replacing an unsent older one) with a fresh idempotency key,
   * and tries to send it. Answers once the edit is in the store, before it is sent.
   */
  async enqueue(edit: SheetEdit): Promise<QueuedSheet> {
    const item: QueuedSheet = {
      id: queuedSheetId(this.jurorId, edit.submissionId),
      jurorId: this.jurorId,
      editionId: edit.editionId,
      submissionId: edit.submissionId,
      values: { ...edit.values },
      comment: edit.comment,
      idempotencyKey: this.newKey(),
      savedAt: new Date(this.now()).toISOString(),
      attempts: 0,
      lastAttemptAt: null,
      status: 'pending',
      error: null,
      label: edit.label,
    };
    await this.deps.store.put(item);
    this.deps.notify?.();
    await this.refresh();
    void this.sync();
    return item;
  }

  /** The juror asks to send a refused (or waiting) sheet again, with the same edit and key. */
  async retry(id: string): Promise<void> {
    const item = await this.deps.store.get(id);
    if (item) {
      await this.deps.store.updateIfKey(id, item.idempotencyKey, { status: 'pending', error: null });
      this.deps.notify?.();
    }
    await this.retryNow();
  }

  /** The juror drops a queued sheet on purpose (only ever on their explicit request). */
  async discard(id: string): Promise<void> {
    await this.deps.store.remove(id);
    this.deps.notify?.();
    await this.refresh();
  }

  /** Network state from the browser; coming back online sends at once, backoff forgotten. */
  setOnline(online: boolean): void {
    this.set({ online });
    if (online) void this.retryNow();
  }

  /** Sends now whatever is pending, forgetting the backoff. */
  async retryNow(): Promise<void> {
    this.failures = 0;
    this.clearRetry();
    await this.sync();
  }

  dispose(): void {
    this.disposed = true;
    this.clearRetry();
    this.listeners.clear();
    this.syncedListeners.clear();
    this.refusedListeners.clear();
  }

  // ---- sending ------------------------------------------------------------------------------

  /**
   * Sends pending sheets one by one, oldest first. One run at a time: a call during a run makes
   * the run go round once more (to pick up what was queued meanwhile) and waits for it.
   */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      if (this.disposed) return;
      if (!this.isOnline()) {
        // `setOnline(true)` starts the next run, or asks this one to go round again.
        await this.refresh();
        continue;
      }
      const pending = (await this.deps.store.list(this.jurorId)).filter((i) => i.status === 'pending');
      for (const item of pending) {
        if (this.disposed) return;
        const ok = await this.sendOne(item);
        if (!ok) return; // transient failure: the retry timer takes over
      }
      await this.refresh();
    } while (this.again);
  }

  /** One attempt; false after a transient failure (the rest waits for the retry). */
  private async sendOne(item: QueuedSheet): Promise<boolean> {
    const { store } = this.deps;
    this.set({ sending: item.id });
    const attempt = { attempts: item.attempts + 1, lastAttemptAt: new Date(this.now()).toISOString() };
    try {
      const sheet = await this.deps.send(item);
      this.failures = 0;
      // A newer edit saved while this one was on its way stays queued (its own key) and goes next.
      await store.removeIfKey(item.id, item.idempotencyKey);
      this.deps.notify?.();
      for (const l of this.syncedListeners) l(item, sheet);
      await this.refresh();
      return true;
    } catch (error) {
      const sheetError = toSheetError(error);
      if (!isTransient(error)) {
        await store.updateIfKey(item.id, item.idempotencyKey, {
          ...attempt,
          status: 'refused',
          error: sheetError,
        });
        this.deps.notify?.();
        for (const l of this.refusedListeners) l(item, sheetError);
        await this.refresh();
        return true; // the next sheet may well be accepted
      }
      await store.updateIfKey(item.id, item.idempotencyKey, { ...attempt, error: sheetError });
      this.failures += 1;
      this.planRetry();
      await this.refresh();
      return false;
    } finally {
      this.set({ sending: null });
    }
  }

  private planRetry(): void {
    this.clearRetry();
    const delay = backoffMs(this.failures, this.random());
    this.cancelRetry = this.schedule(() => {
      this.cancelRetry = null;
      this.set({ retryAt: null });
      void this.sync();
    }, delay);
    this.set({ retryAt: this.now() + delay });
  }

  private clearRetry(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
    if (this.state.retryAt !== null) this.set({ retryAt: null });
  }
}
