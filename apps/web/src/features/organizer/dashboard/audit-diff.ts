/** One line of an audit entry's difference: a field, its value before and after. */
export interface DiffLine {
  /** The field's path (`name`, `timeline.submissionDeadline`); `''` for a value that is not an object. */
  key: string;
  kind: 'changed' | 'added' | 'removed';
  before?: string;
  after?: string;
}

export interface AuditDiff {
  lines: DiffLine[];
  /** Fields present before and after with the same value (not listed). */
  unchanged: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A value as it reads in one line: text as is, everything else as compact JSON. */
export function showValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  return JSON.stringify(v);
}

/** Nested objects flattened to dotted paths (arrays stay whole values). */
function flatten(v: Record<string, unknown>, prefix = '', out = new Map<string, unknown>()) {
  for (const [k, value] of Object.entries(v)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isRecord(value) && Object.keys(value).length > 0) flatten(value, key, out);
    else out.set(key, value);
  }
  return out;
}

/**
 * The readable difference of an entry's `before` and `after`: every field that changed (old →
 * new), appeared or went away, in the order they come (before's first), nested objects by dotted
 * path. A creation lists `after`'s fields as added, a deletion `before`'s as removed.
 */
export function auditDiff(before: unknown, after: unknown): AuditDiff {
  if (before == null && after == null) return { lines: [], unchanged: 0 };
  if (!isRecord(before) && !isRecord(after)) {
    if (JSON.stringify(before) === JSON.stringify(after)) return { lines: [], unchanged: 1 };
    return {
      lines: [
        before == null
          ? { key: '', kind: 'added', after: showValue(after) }
          : after == null
            ? { key: '', kind: 'removed', before: showValue(before) }
            : { key: '', kind: 'changed', before: showValue(before), after: showValue(after) },
      ],
      unchanged: 0,
    };
  }
  const b = isRecord(before) ? flatten(before) : new Map<string, unknown>();
  const a = isRecord(after) ? flatten(after) : new Map<string, unknown>();
  const lines: DiffLine[] = [];
  let unchanged = 0;
  for (const key of new Set([...b.keys(), ...a.keys()])) {
    const inB = b.has(key);
    const inA = a.has(key);
    if (inB && inA) {
      if (JSON.stringify(b.get(key)) === JSON.stringify(a.get(key))) unchanged++;
      else lines.push({ key, kind: 'changed', before: showValue(b.get(key)), after: showValue(a.get(key)) });
    } else if (inA) lines.push({ key, kind: 'added', after: showValue(a.get(key)) });
    else lines.push({ key, kind: 'removed', before: showValue(b.get(key)) });
  }
  return { lines, unchanged };
}
