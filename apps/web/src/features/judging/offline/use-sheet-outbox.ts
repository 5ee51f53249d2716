import type { MyAssignment, ScoreSheet } from '@ca/shared';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { http } from '../../../lib/http';
import { editionKeys } from '../../editions/queries';
import { judgingKeys } from '../queries';
import { SheetOutbox, type OutboxState } from './sheet-outbox';
import { openSheetStore, type QueuedSheet, type SheetQueueStore } from './sheet-store';

/**
 * One outbox per juror for the whole page (every screen that shows the queue reads the same one),
 * wired to the browser: `online` / `offline` events, a tab coming back to the foreground, and
 * other tabs of the same browser (a BroadcastChannel tells them to re-read the queue).
 */

/** Opens IndexedDB on first use; every call waits for the same store. */
class LazyStore implements SheetQueueStore {
  private store: Promise<SheetQueueStore> | null = null;
  private opened: SheetQueueStore | null = null;

  private get ready(): Promise<SheetQueueStore> {
    this.store ??= openSheetStore().then((s) => (this.opened = s));
    return this.store;
  }

  get persistent(): boolean {
    return this.opened?.persistent ?? true;
  }

  put = async (item: QueuedSheet) => (await this.ready).put(item);
  get = async (id: string) => (await this.ready).get(id);
  list = async (jurorId: string) => (await this.ready).list(jurorId);
  removeIfKey = async (id: string, key: string) => (await this.ready).removeIfKey(id, key);
  updateIfKey = async (id: string, key: string, change: Partial<QueuedSheet>) =>
    (await this.ready).updateIfKey(id, key, change);
  remove = async (id: string) => (await this.ready).remove(id);
}

const CHANNEL_NAME = 'ca-judging-sheets';

let store: LazyStore | null = null;
let channel: BroadcastChannel | null = null;
let unwire: (() => void) | null = null;
const outboxes = new Map<string, SheetOutbox>();

const sendSheet = (item: QueuedSheet) =>
  http.put<ScoreSheet>(`/submissions/${encodeURIComponent(item.submissionId)}/scores/me`, {
    values: item.values,
    comment: item.comment,
    idempotencyKey: item.idempotencyKey,
  });

const browserOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false);

function wire(): void {
  if (unwire || typeof window === 'undefined') return;
  const each = (fn: (o: SheetOutbox) => void) => outboxes.forEach(fn);
  const onOnline = () => each((o) => o.setOnline(true));
  const onOffline = () => each((o) => o.setOnline(false));
  const onVisible = () => {
    if (document.visibilityState === 'visible') each((o) => void o.refresh().then(() => o.sync()));
  };
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisible);
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL_NAME);
    channel.onmessage = () => each((o) => void o.refresh());
  }
  unwire = () => {
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    document.removeEventListener('visibilitychange', onVisible);
    channel?.close();
    channel = null;
  };
}

/** The juror's outbox, created (and started: what earlier visits queued is sent) on first use. */
export function outboxFor(jurorId: string): SheetOutbox {
  let outbox = outboxes.get(jurorId);
  if (!outbox) {
    wire();
    store ??= new LazyStore();
    outbox = new SheetOutbox(jurorId, {
      store,
      send: sendSheet,
      isOnline: browserOnline,
      notify: () => channel?.postMessage('changed'),
    });
    outboxes.set(jurorId, outbox);
    void outbox.start();
  }
  return outbox;
}

/** Forgets every outbox and the store connection (tests; the queue itself stays in IndexedDB). */
export function resetOutboxes(): void {
  outboxes.forEach((o) => o.dispose());
  outboxes.clear();
  unwire?.();
  unwire = null;
  store = null;
}

/** A sheet the API has taken goes into the juror's list at once, then the list is refetched. */
export function applySyncedSheet(queryClient: QueryClient, item: QueuedSheet, sheet: ScoreSheet): void {
  queryClient.setQueryData<MyAssignment[]>(judgingKeys.myAssignments(item.editionId), (list) =>
    list?.map((a) =>
      a.submissionId === sheet.submissionId
        ? { ...a, sheet, status: a.status === 'conflicted' ? a.status : 'done' }
        : a,
    ),
  );
  void queryClient.invalidateQueries({ queryKey: judgingKeys.myAssignments(item.editionId) });
}

const EMPTY: OutboxState = {
  ready: false,
  persistent: true,
  items: [],
  sending: null,
  online: true,
  retryAt: null,
};
const noSubscribe = () => () => undefined;
const emptyState = () => EMPTY;

/** The juror's outbox and its state, re-rendered on every change of the queue. */
export function useSheetOutbox(jurorId: string | undefined): {
  outbox: SheetOutbox | null;
  state: OutboxState;
} {
  const outbox = jurorId ? outboxFor(jurorId) : null;
  const state = useSyncExternalStore(outbox?.subscribe ?? noSubscribe, outbox?.getState ?? emptyState);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!outbox) return;
    const offSynced = outbox.onSynced((item, sheet) => applySyncedSheet(queryClient, item, sheet));
    // A refusal says the screen may be out of date (judging closed, a conflict, a reassignment).
    const offRefused = outbox.onRefused((item) => {
      void queryClient.invalidateQueries({ queryKey: editionKeys.all });
      void queryClient.invalidateQueries({ queryKey: judgingKeys.myAssignments(item.editionId) });
    });
    return () => {
      offSynced();
      offRefused();
    };
  }, [outbox, queryClient]);
  return { outbox, state };
}
