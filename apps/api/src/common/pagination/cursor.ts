import { DomainError } from '../errors/domain-error';

/**
 * Keyset pagination for the `{ items, nextCursor }` lists of docs/api.md. A cursor is the sort
 * key of the last item sent, opaque to clients (base64url JSON).
 */
export function encodeCursor(key: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number | null)[] | null {
  if (cursor === undefined) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity) return key;
  } catch {
    /* falls through */
  }
  throw new DomainError('VALIDATION_FAILED', 'cursor: not a cursor this list gave out');
}

/** Given `limit + 1` rows, the page and the cursor of the next one. */
export function pageFrom<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number | null)[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
