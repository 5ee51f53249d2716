import type { Flag } from '@ca/shared';

/** A `judging_flags` row as selected with `FLAG_COLUMNS` (also through row_to_json: dates as strings). */
export interface FlagRow {
  id: string;
  edition_id: string;
  submission_id: string;
  juror_id: string;
  kind: Flag['kind'];
  reason: string;
  status: Flag['status'];
  created_at: Date | string;
  resolved_at: Date | string | null;
  resolved_by: string | null;
  reassigned_to: string | null;
  note: string | null;
}

/** Columns of alias `fl`. */
export const FLAG_COLUMNS = `fl.id, fl.edition_id, fl.submission_id, fl.juror_id, fl.kind, fl.reason, fl.status,
  fl.created_at, fl.resolved_at, fl.resolved_by, fl.reassigned_to, fl.note`;

const iso = (d: Date | string) => new Date(d).toISOString();

export function toFlag(r: FlagRow): Flag {
  return {
    id: r.id,
    editionId: r.edition_id,
    submissionId: r.submission_id,
    jurorId: r.juror_id,
    kind: r.kind,
    reason: r.reason,
    status: r.status,
    createdAt: iso(r.created_at),
    resolvedAt: r.resolved_at === null ? null : iso(r.resolved_at),
    resolvedBy: r.resolved_by,
    reassignedTo: r.reassigned_to,
    note: r.note,
  };
}
