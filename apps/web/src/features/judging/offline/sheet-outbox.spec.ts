import '../test/fake-indexeddb';
import type { ScoreSheet } from '@ca/shared';
import { ApiError } from '../../../lib/http';
import {
  RETRY_MAX_MS,
  SheetOutbox,
  backoffMs,
  isTransient,
  newIdempotencyKey,
  type SheetEdit,
} from './sheet-outbox';
import { IdbSheetStore, MemorySheetStore, type QueuedSheet } from './sheet-store';

/**
 * The offline queue against a real IndexedDB implementation (fake-indexeddb): what a juror saves
 * is kept across a reload, sent once per edit however often it is replayed, and a refusal stays
 * visible. The API is the process boundary: `FakeApi` answers as the real one does (a repeated
 * idempotency key answers the stored sheet and changes nothing).
 */

const JUROR = 'juror-1';
const EDITION = 'edition-1';

class FakeApi {
  /** The stored sheet of each project. */
  readonly sheets = new Map<string, ScoreSheet>();
  /** Keys already used, with the sheet they stored. */
  private readonly keys = new Map<string, ScoreSheet>();
  /** One entry per change, as the API's audit log. */
  readonly audit: { submissionId: string; key: string }[] = [];
  readonly requests: QueuedSheet[] = [];
  /** No network at all: the request never arrives. */
  down = false;
  /** The next N requests arrive and are stored, but their answers are lost on the way back. */
  loseAnswers = 0;
  /** Refusals by project. */
  readonly refuse = new Map<string, ApiError>();
  /** Holds each request until released (to interleave edits with a request in flight). */
  gate: Promise<void> | null = null;

  send = async (item: QueuedSheet): Promise<ScoreSheet> => {
    this.requests.push(structuredClone(item));
    if (this.gate) await this.gate;
    if (this.down) throw new ApiError(0, 'NETWORK_ERROR', 'Failed to fetch');
    const refusal = this.refuse.get(item.submissionId);
    if (refusal) throw refusal;
    let sheet = this.keys.get(item.idempotencyKey);
    if (!sheet) {
      sheet = {
        jurorId: item.jurorId,
        submissionId: item.submissionId,
        values: item.values,
        comment: item.comment,
        score: 50,
        updatedAt: new Date().toISOString(),
        submissionVersion: 1,
        counts: true,
      };
      this.keys.set(item.idempotencyKey, sheet);
      this.sheets.set(item.submissionId, sheet);
      this.audit.push({ submissionId: item.submissionId, key: item.idempotencyKey });
    }
    if (this.loseAnswers > 0) {
      this.loseAnswers -= 1;
      throw new ApiError(0, 'NETWORK_ERROR', 'Failed to fetch');
    }
    return sheet;
  };
}

/** A clock the test moves, and timers that fire only when the test says. */
class FakeTimers {
  now = Date.parse('2026-05-01T10:00:00Z');
  readonly planned: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  schedule = (fn: () => void, ms: number) => {
    const entry = { fn, ms, cancelled: false };
    this.planned.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  /** The delays of timers still armed. */
  armed = () => this.planned.filter((p) => !p.cancelled).map((p) => p.ms);
  fireAll() {
    const due = this.planned.filter((p) => !p.cancelled);
    for (const p of due) p.cancelled = true;
    for (const p of due) p.fn();
  }
}

const edit = (submissionId: string, value = 7, comment = ''): SheetEdit => ({
  editionId: EDITION,
  submissionId,
  values: { innovation: value, impact: value },
  comment,
  label: { title: `Project ${submissionId}`, teamName: `Team ${submissionId}`, tableLabel: 'H-01' },
});

let dbCount = 0;
const dbName = () => `judging-test-${process.pid}-${++dbCount}`;

describe('the sheet outbox', () => {
  let name: string;
  let store: IdbSheetStore;
  let api: FakeApi;
  let timers: FakeTimers;
  let online: boolean;
  const outboxes: SheetOutbox[] = [];

  const makeOutbox = (s = store, jurorId = JUROR) => {
    const outbox = new SheetOutbox(jurorId, {
      store: s,
      send: api.send,
      isOnline: () => online,
      schedule: timers.schedule,
      now: () => timers.now,
      random: () => 1,
    });
    outboxes.push(outbox);
    return outbox;
  };

  beforeEach(async () => {
    name = dbName();
    store = await IdbSheetStore.open(name);
    api = new FakeApi();
    timers = new FakeTimers();
    online = true;
  });

  afterEach(() => {
    for (const o of outboxes.splice(0)) o.dispose();
    store.close();
  });

  it('keeps each edit in IndexedDB with its key before sending, and lets it go once the API has it', async () => {
    online = false;
    const outbox = makeOutbox();
    const queued = await outbox.enqueue(edit('s1', 8, 'Great demo'));

    expect(queued.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await store.get(queued.id);
    expect(stored).toMatchObject({
      submissionId: 's1',
      values: { innovation: 8, impact: 8 },
      comment: 'Great demo',
      idempotencyKey: queued.idempotencyKey,
      status: 'pending',
    });
    expect(outbox.getState().items.map((i) => i.submissionId)).toEqual(['s1']);
    expect(api.requests).toHaveLength(0);

    const synced: string[] = [];
    outbox.onSynced((item, sheet) => synced.push(`${item.submissionId}:${sheet.values.innovation}`));
    online = true;
    outbox.setOnline(true);
    await outbox.sync();

    expect(synced).toEqual(['s1:8']);
    expect(await store.list(JUROR)).toEqual([]);
    expect(outbox.getState().items).toEqual([]);
    expect(api.sheets.get('s1')?.comment).toBe('Great demo');
    expect(api.audit).toHaveLength(1);
  });

  it('survives a reload: a new page over the same database finds the queue and its keys, and sends each sheet once', async () => {
    online = false;
    const first = makeOutbox();
    const a = await first.enqueue(edit('s1', 4));
    const b = await first.enqueue(edit('s2', 9));
    first.dispose();
    store.close();

    // The reload: a fresh connection to the same database, a fresh outbox.
    store = await IdbSheetStore.open(name);
    const second = makeOutbox(store);
    await second.start();
    expect(second.getState().items.map((i) => [i.submissionId, i.idempotencyKey])).toEqual([
      ['s1', a.idempotencyKey],
      ['s2', b.idempotencyKey],
    ]);
    expect(api.requests).toHaveLength(0);

    online = true;
    second.setOnline(true);
    await second.sync();
    expect(api.requests.map((r) => r.idempotencyKey)).toEqual([a.idempotencyKey, b.idempotencyKey]);
    expect([...api.sheets.keys()].sort()).toEqual(['s1', 's2']);
    expect(api.audit).toHaveLength(2);
    expect(second.getState().items).toEqual([]);
  });

  it('replays a sheet whose answer was lost with the same key: the API stores it once', async () => {
    api.loseAnswers = 1;
    const outbox = makeOutbox();
    const queued = await outbox.enqueue(edit('s1', 6));
    await outbox.sync();

    // Stored by the API, but the browser never heard: still queued, marked with the failure.
    expect(api.sheets.has('s1')).toBe(true);
    expect(outbox.getState().items).toHaveLength(1);
    expect(outbox.getState().items[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      error: { code: 'NETWORK_ERROR', status: 0 },
    });

    timers.fireAll();
    await outbox.sync();
    expect(api.requests.map((r) => r.idempotencyKey)).toEqual([queued.idempotencyKey, queued.idempotencyKey]);
    expect(api.audit).toHaveLength(1);
    expect(outbox.getState().items).toEqual([]);
  });

  it('retries transient failures with exponential backoff, and at once when the network returns', async () => {
    api.down = true;
    const outbox = makeOutbox();
    await outbox.enqueue(edit('s1'));
    await outbox.sync();
    expect(timers.armed()).toEqual([1000]);
    expect(outbox.getState().retryAt).toBe(timers.now + 1000);

    timers.fireAll();
    await outbox.sync();
    expect(timers.armed()).toEqual([2000]);
    timers.fireAll();
    await outbox.sync();
    expect(timers.armed()).toEqual([4000]);
    expect(api.requests).toHaveLength(3);
    expect(await store.list(JUROR)).toHaveLength(1);

    // The browser says the network is back: no waiting for the timer, backoff forgotten.
    api.down = false;
    outbox.setOnline(true);
    await outbox.sync();
    expect(timers.armed()).toEqual([]);
    expect(outbox.getState().retryAt).toBeNull();
    expect(api.sheets.has('s1')).toBe(true);
    expect(outbox.getState().items).toEqual([]);
  });

  it('does not try while the browser is offline', async () => {
    online = false;
    const outbox = makeOutbox();
    await outbox.enqueue(edit('s1'));
    await outbox.sync();
    expect(api.requests).toHaveLength(0);
    expect(timers.armed()).toEqual([]);
    expect(outbox.getState()).toMatchObject({
      online: false,
      items: [expect.objectContaining({ status: 'pending' })],
    });
  });

  it.each([
    [409, 'PHASE_CLOSED'],
    [403, 'CONFLICT_OF_INTEREST'],
    [403, 'NOT_ASSIGNED'],
    [400, 'VALIDATION_FAILED'],
  ] as const)(
    'keeps a sheet refused with %i %s, with the reason, and still sends the others',
    async (status, code) => {
      api.refuse.set('s1', new ApiError(status, code, `refused: ${code}`));
      const outbox = makeOutbox();
      await outbox.enqueue(edit('s1'));
      await outbox.enqueue(edit('s2'));
      await outbox.sync();

      expect(api.sheets.has('s2')).toBe(true);
      const items = outbox.getState().items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ submissionId: 's1', status: 'refused', error: { status, code } });
      expect(await store.list(JUROR)).toHaveLength(1);
      // Refused is final until the juror acts: no timer, and another sync does not resend it.
      expect(timers.armed()).toEqual([]);
      await outbox.sync();
      expect(api.requests.filter((r) => r.submissionId === 's1')).toHaveLength(1);
    },
  );

  it('sends a refused sheet again with the same key when the juror asks, and drops it only when told', async () => {
    api.refuse.set('s1', new ApiError(409, 'PHASE_CLOSED', 'closed'));
    const outbox = makeOutbox();
    const queued = await outbox.enqueue(edit('s1'));
    await outbox.sync();
    expect(outbox.getState().items[0]?.status).toBe('refused');

    // An organizer reopened the sheet: the juror sends it again.
    api.refuse.delete('s1');
    await outbox.retry(queued.id);
    expect(api.requests.map((r) => r.idempotencyKey)).toEqual([queued.idempotencyKey, queued.idempotencyKey]);
    expect(outbox.getState().items).toEqual([]);

    api.refuse.set('s2', new ApiError(403, 'NOT_ASSIGNED', 'not yours'));
    const other = await outbox.enqueue(edit('s2'));
    await outbox.sync();
    expect(outbox.getState().items).toHaveLength(1);
    await outbox.discard(other.id);
    expect(outbox.getState().items).toEqual([]);
    expect(await store.list(JUROR)).toEqual([]);
  });

  it('keeps a newer edit saved while the older one is on its way, and sends it next with its own key', async () => {
    let release!: () => void;
    api.gate = new Promise<void>((r) => (release = r));
    const outbox = makeOutbox();
    const older = await outbox.enqueue(edit('s1', 3));
    // The first request is now waiting at the gate; the juror changes their mind.
    const newer = await outbox.enqueue(edit('s1', 9));
    expect(newer.idempotencyKey).not.toBe(older.idempotencyKey);
    api.gate = null;
    release();
    await outbox.sync();

    expect(api.requests.map((r) => r.idempotencyKey)).toEqual([older.idempotencyKey, newer.idempotencyKey]);
    expect(api.sheets.get('s1')?.values.innovation).toBe(9);
    expect(api.audit).toHaveLength(2);
    expect(outbox.getState().items).toEqual([]);
  });

  it('sends each sheet once when many syncs are asked for at once', async () => {
    const outbox = makeOutbox();
    online = false;
    await outbox.enqueue(edit('s1'));
    await outbox.enqueue(edit('s2'));
    online = true;
    await Promise.all([outbox.sync(), outbox.sync(), outbox.sync(), outbox.sync(), outbox.sync()]);
    expect(api.requests.map((r) => r.submissionId)).toEqual(['s1', 's2']);
  });

  it("never sends another juror's queued sheets (a shared phone)", async () => {
    online = false;
    const other = makeOutbox(store, 'juror-2');
    await other.enqueue(edit('s9'));
    online = true;
    const mine = makeOutbox();
    await mine.start();
    await mine.sync();
    expect(api.requests).toHaveLength(0);
    expect(mine.getState().items).toEqual([]);
    expect(await store.list('juror-2')).toHaveLength(1);
  });

  it('works from memory when IndexedDB is unavailable, and says it will not survive a reload', async () => {
    const outbox = makeOutbox(new MemorySheetStore() as unknown as IdbSheetStore);
    await outbox.start();
    expect(outbox.getState().persistent).toBe(false);
    await outbox.enqueue(edit('s1'));
    await outbox.sync();
    expect(api.sheets.has('s1')).toBe(true);
  });
});

describe('outbox rules', () => {
  it('treats only failures that may pass as transient', () => {
    expect(isTransient(new ApiError(0, 'NETWORK_ERROR', ''))).toBe(true);
    expect(isTransient(new ApiError(503, 'DATABASE_UNAVAILABLE', ''))).toBe(true);
    expect(isTransient(new ApiError(429, 'RATE_LIMITED', ''))).toBe(true);
    expect(isTransient(new ApiError(401, 'UNAUTHENTICATED', ''))).toBe(true);
    expect(isTransient(new ApiError(409, 'PHASE_CLOSED', ''))).toBe(false);
    expect(isTransient(new ApiError(403, 'CONFLICT_OF_INTEREST', ''))).toBe(false);
    expect(isTransient(new ApiError(400, 'VALIDATION_FAILED', ''))).toBe(false);
  });

  it('backs off from 1 s, doubling, never beyond a minute, with jitter of up to half', () => {
    expect(backoffMs(1, 1)).toBe(1000);
    expect(backoffMs(2, 1)).toBe(2000);
    expect(backoffMs(3, 0)).toBe(2000);
    expect(backoffMs(20, 1)).toBe(RETRY_MAX_MS);
    expect(backoffMs(20, 0)).toBe(RETRY_MAX_MS / 2);
  });

  it('makes a new random UUID v4 key for each edit', () => {
    const keys = new Set(Array.from({ length: 200 }, newIdempotencyKey));
    expect(keys.size).toBe(200);
    for (const k of keys)
      expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
