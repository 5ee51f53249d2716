import type { Criterion, MyAssignment } from '@ca/shared';
import type { QueuedSheet } from './offline/sheet-store';

/** A point of a scale as people read it: whole numbers plain, others with at most two decimals. */
export const formatScale = (v: number) =>
  Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);

export type SheetValues = Record<string, number | undefined>;

/** The criteria without a value, or with one outside its scale (what the API would refuse). */
export function invalidCriteria(criteria: readonly Criterion[], values: SheetValues): string[] {
  return criteria
    .filter((c) => {
      const v = values[c.id];
      return v === undefined || !Number.isFinite(v) || v < c.min || v > c.max;
    })
    .map((c) => c.id);
}

/** Only the edition's criteria, in a body the API takes (call after `invalidCriteria` is empty). */
export function completeValues(criteria: readonly Criterion[], values: SheetValues): Record<string, number> {
  return Object.fromEntries(criteria.map((c) => [c.id, values[c.id]!]));
}

export const sameSheet = (
  a: { values: Record<string, number>; comment: string } | null | undefined,
  b: { values: Record<string, number>; comment: string },
) =>
  !!a &&
  a.comment === b.comment &&
  Object.keys(a.values).length === Object.keys(b.values).length &&
  Object.entries(b.values).every(([k, v]) => a.values[k] === v);

/**
 * What the juror sees in the form: their newest edit, which is the queued one when it has not
 * reached the API yet, else the stored sheet, else nothing.
 */
export function currentSheet(
  assignment: MyAssignment,
  queued: QueuedSheet | undefined,
): { values: Record<string, number>; comment: string } | null {
  if (queued) return { values: queued.values, comment: queued.comment };
  if (assignment.sheet) return { values: assignment.sheet.values, comment: assignment.sheet.comment };
  return null;
}

/** A project's state on the juror's route, the queue included. */
export type RouteStatus = MyAssignment['status'] | 'queued' | 'refused';

export function routeStatus(assignment: MyAssignment, queued: QueuedSheet | undefined): RouteStatus {
  if (queued?.status === 'refused') return 'refused';
  if (queued) return 'queued';
  return assignment.status;
}

/** The project after `submissionId` on the walking route, if any. */
export function nextOnRoute(items: readonly MyAssignment[], submissionId: string): MyAssignment | undefined {
  const i = items.findIndex((a) => a.submissionId === submissionId);
  return i >= 0 ? items[i + 1] : undefined;
}

export function previousOnRoute(
  items: readonly MyAssignment[],
  submissionId: string,
): MyAssignment | undefined {
  const i = items.findIndex((a) => a.submissionId === submissionId);
  return i > 0 ? items[i - 1] : undefined;
}

/** How far the juror is: done counts queued sheets too (they are saved on this device). */
export function routeCounts(statuses: readonly RouteStatus[]) {
  const count = (...s: RouteStatus[]) => statuses.filter((x) => s.includes(x)).length;
  return {
    total: statuses.length,
    done: count('done', 'queued'),
    todo: count('todo'),
    flagged: count('flagged'),
    conflicted: count('conflicted'),
    refused: count('refused'),
  };
}
