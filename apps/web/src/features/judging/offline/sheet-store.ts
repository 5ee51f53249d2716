import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** Why the API refused a queued sheet, or why the last attempt failed (kept to show the juror). */
export interface SheetError {
  /** 0 when no answer arrived. */
  status: number;
  code: string;
  message: string;
}

/**
 * One juror's edit of one score sheet, waiting in the browser until the API has it. There is at
 * most one per (juror, project): a newer edit replaces an older one that has not left yet, with
 * its own idempotency key. The key is made once, when the juror saves, and travels with every
 * attempt, so the API stores the sheet once however often it is replayed.
 */
export interface QueuedSheet {
  /** `${jurorId}:${submissionId}`. */
  id: string;
  jurorId: string;
  editionId: string;
  submissionId: string;
  values: Record<string, number>;
  comment: string;
  idempotencyKey: string;
  /** When the juror saved this edit (ISO). */
  savedAt: string;
  attempts: number;
  lastAttemptAt: string | null;
  /** `pending`: to be sent; `refused`: the API said no, kept until the juror acts on it. */
  status: 'pending' | 'refused';
  /** The refusal, or the last transient failure of a pending sheet. */
  error: SheetError | null;
  /** Enough of the project to show the item without the network. */
  label: { title: string; teamName: string; tableLabel: string | null };
}

export const queuedSheetId = (jurorId: string, submissionId: string) => `${jurorId}:${submissionId}`;

/**
 * Where queued sheets live. Every change is one transaction, and the "if it is still this edit"
 * operations compare the idempotency key inside it: an answer to an older edit never removes or
 * marks a newer one saved meanwhile.
 */
export interface SheetQueueStore {
  /** Stores an edit, replacing any earlier one of the same sheet. */
  put(item: QueuedSheet): Promise<void>;
  get(id: string): Promise<QueuedSheet | undefined>;
  /** One juror's items, oldest edit first. */
  list(jurorId: string): Promise<QueuedSheet[]>;
  /** Removes the item if it still holds the edit with `idempotencyKey`; true when it did. */
  removeIfKey(id: string, idempotencyKey: string): Promise<boolean>;
  /** Applies `change` if the item still holds the edit with `idempotencyKey`; true when it did. */
  updateIfKey(id: string, idempotencyKey: string, change: Partial<QueuedSheet>): Promise<boolean>;
  remove(id: string): Promise<void>;
  /** Whether items outlive a reload (false for the in-memory fallback). */
  readonly persistent: boolean;
}

interface JudgingDb extends DBSchema {
  sheets: { key: string; value: QueuedSheet; indexes: { byJuror: string } };
}

const byOldest = (a: QueuedSheet, b: QueuedSheet) =>
  a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : a.id.localeCompare(b.id);

export const SHEET_DB_NAME = 'ca-judging';

/** The IndexedDB store (through `idb`): what makes a queued sheet survive a reload or a closed tab. */
export class IdbSheetStore implements SheetQueueStore {
  readonly persistent = true;

  private constructor(private readonly db: IDBPDatabase<JudgingDb>) {}

  static async open(name = SHEET_DB_NAME): Promise<IdbSheetStore> {
    const db = await openDB<JudgingDb>(name, 1, {
      upgrade(database) {
        const store = database.createObjectStore('sheets', { keyPath: 'id' });
        store.createIndex('byJuror', 'jurorId');
      },
    });
    return new IdbSheetStore(db);
  }

  async put(item: QueuedSheet): Promise<void> {
    await this.db.put('sheets', item);
  }

  get(id: string): Promise<QueuedSheet | undefined> {
    return this.db.get('sheets', id);
  }

  async list(jurorId: string): Promise<QueuedSheet[]> {
    return (await this.db.getAllFromIndex('sheets', 'byJuror', jurorId)).sort(byOldest);
  }

  async removeIfKey(id: string, idempotencyKey: string): Promise<boolean> {
    const tx = this.db.transaction('sheets', 'readwrite');
    const current = await tx.store.get(id);
    const matches = current?.idempotencyKey === idempotencyKey;
    if (matches) await tx.store.delete(id);
    await tx.done;
    return matches;
  }

  async updateIfKey(id: string, idempotencyKey: string, change: Partial<QueuedSheet>): Promise<boolean> {
    const tx = this.db.transaction('sheets', 'readwrite');
    const current = await tx.store.get(id);
    const matches = current?.idempotencyKey === idempotencyKey;
    if (current && matches) await tx.store.put({ ...current, ...change, id, idempotencyKey });
    await tx.done;
    return matches;
  }

  async remove(id: string): Promise<void> {
    await this.db.delete('sheets', id);
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Where IndexedDB is unavailable (storage disabled, some private modes): the queue still bridges
 * a network blip, but not a reload; the screen says so.
 */
export class MemorySheetStore implements SheetQueueStore {
  readonly persistent = false;
  private readonly items = new Map<string, QueuedSheet>();

  async put(item: QueuedSheet): Promise<void> {
    this.items.set(item.id, structuredClone(item));
  }

  async get(id: string): Promise<QueuedSheet | undefined> {
    const item = this.items.get(id);
    return item && structuredClone(item);
  }

  async list(jurorId: string): Promise<QueuedSheet[]> {
    return [...this.items.values()]
      .filter((i) => i.jurorId === jurorId)
      .map((i) => structuredClone(i))
      .sort(byOldest);
  }

  async removeIfKey(id: string, idempotencyKey: string): Promise<boolean> {
    if (this.items.get(id)?.idempotencyKey !== idempotencyKey) return false;
    this.items.delete(id);
    return true;
  }

  async updateIfKey(id: string, idempotencyKey: string, change: Partial<QueuedSheet>): Promise<boolean> {
    const current = this.items.get(id);
    if (current?.idempotencyKey !== idempotencyKey) return false;
    this.items.set(id, { ...current, ...structuredClone(change), id, idempotencyKey });
    return true;
  }

  async remove(id: string): Promise<void> {
    this.items.delete(id);
  }
}

/** IndexedDB when the browser gives it, else memory. */
export async function openSheetStore(name = SHEET_DB_NAME): Promise<SheetQueueStore> {
  try {
    if (typeof indexedDB === 'undefined') return new MemorySheetStore();
    return await IdbSheetStore.open(name);
  } catch {
    return new MemorySheetStore();
  }
}
