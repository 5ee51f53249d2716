import type { ScoreSheet, SheetReopening } from '@ca/shared';
import type { EntityManager } from 'typeorm';
import { notFound } from '../../common/errors/domain-error';

/**
 * The SQL the judging services share. Judging reads across modules (submissions, teams, jurors,
 * users) in single joined queries, as the README's module rule allows, and writes only its own
 * tables. Every time rule is decided by the database's `now()` in the deciding transaction.
 */

/** SQL: juror `juror` is conflicted with team `team` — declared, or a member of the team. */
export const conflictedSql = (juror: string, team: string) =>
  `(EXISTS (SELECT 1 FROM conflicts cf WHERE cf.juror_id = ${juror} AND cf.team_id = ${team})
    OR EXISTS (SELECT 1 FROM team_members cm WHERE cm.user_id = ${juror} AND cm.team_id = ${team}))`;

/** SQL: an open reopening of juror `juror`'s sheet of submission `submission` (not closed, not lapsed). */
export const reopenedSql = (juror: string, submission: string) =>
  `EXISTS (SELECT 1 FROM sheet_reopenings ro
            WHERE ro.juror_id = ${juror} AND ro.submission_id = ${submission}
              AND ro.closed_at IS NULL AND (ro.until IS NULL OR ro.until > now()))`;

/** Serialises the assignment writers of one edition (automatic runs, by hand, reassignments). */
export async function lockAssignments(m: EntityManager, editionId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('ca:assignments'), hashtext($1::text))`, [editionId]);
}

/** A stored sheet with whether it counts (`SHEET_SELECT`). */
export interface SheetRow {
  id: string;
  edition_id: string;
  juror_id: string;
  submission_id: string;
  values: Record<string, number>;
  comment: string;
  score: number;
  submission_version: number;
  seq: string;
  updated_at: Date;
  counts: boolean;
}

export const SHEET_SELECT = `
  SELECT sh.id, sh.edition_id, sh.juror_id, sh.submission_id, sh.values, sh.comment, sh.score,
         sh.submission_version, sh.seq, sh.updated_at,
         NOT ${conflictedSql('sh.juror_id', 's.team_id')} AS counts
    FROM score_sheets sh
    JOIN submissions s ON s.id = sh.submission_id`;

export function toScoreSheet(r: SheetRow): ScoreSheet {
  return {
    jurorId: r.juror_id,
    submissionId: r.submission_id,
    values: r.values,
    comment: r.comment,
    score: r.score,
    updatedAt: new Date(r.updated_at).toISOString(),
    submissionVersion: r.submission_version,
    counts: r.counts,
  };
}

export async function findSheet(
  m: EntityManager,
  jurorId: string,
  submissionId: string,
): Promise<SheetRow | null> {
  const rows: SheetRow[] = await m.query(`${SHEET_SELECT} WHERE sh.juror_id = $1 AND sh.submission_id = $2`, [
    jurorId,
    submissionId,
  ]);
  return rows[0] ?? null;
}

/** What deciding a write about one juror's sheet of one submission needs, read in its transaction. */
export interface SheetContext {
  submissionId: string;
  editionId: string;
  teamId: string;
  teamName: string;
  title: string;
  status: 'draft' | 'submitted';
  version: number;
  disqualified: boolean;
  submissionDeadline: Date;
  judgingEndsAt: Date;
  /** `now()` is within the edition's scoring window (submission deadline to judgingEndsAt). */
  windowOpen: boolean;
  /** `now()` is at or after judgingEndsAt. */
  judgingOver: boolean;
  conflicted: boolean;
  /** An organizer reopened this sheet and the reopening still runs. */
  reopened: boolean;
}

/**
 * Reads the submission, its team and edition with the juror's standing, the edition's row
 * share-locked until the transaction ends: the timeline (and the criteria, which change only
 * under that row's exclusive lock) cannot change under the decision. 404 for an unknown submission.
 */
const SHEET_CONTEXT_SQL = `SELECT s.id AS submission_id, s.edition_id, s.team_id, t.name AS team_name, s.title, s.status,
            s.version, s.disqualified_at IS NOT NULL AS disqualified,
            e.submission_deadline, e.judging_ends_at,
            e.published AND now() >= e.submission_deadline AND now() < e.judging_ends_at AS window_open,
            now() >= e.judging_ends_at AS judging_over,
            ${conflictedSql('$2::uuid', 's.team_id')} AS conflicted,
            ${reopenedSql('$2::uuid', 's.id')} AS reopened
       FROM submissions s
       JOIN teams t ON t.id = s.team_id
       JOIN editions e ON e.id = s.edition_id
      WHERE s.id = $1
        FOR SHARE OF e`;

interface SheetContextRow {
  submission_id: string;
  edition_id: string;
  team_id: string;
  team_name: string;
  title: string;
  status: 'draft' | 'submitted';
  version: number;
  disqualified: boolean;
  submission_deadline: Date;
  judging_ends_at: Date;
  window_open: boolean;
  judging_over: boolean;
  conflicted: boolean;
  reopened: boolean;
}

const toSheetContext = (r: SheetContextRow): SheetContext => ({
  submissionId: r.submission_id,
  editionId: r.edition_id,
  teamId: r.team_id,
  teamName: r.team_name,
  title: r.title,
  status: r.status,
  version: r.version,
  disqualified: r.disqualified,
  submissionDeadline: r.submission_deadline,
  judgingEndsAt: r.judging_ends_at,
  windowOpen: r.window_open,
  judgingOver: r.judging_over,
  conflicted: r.conflicted,
  reopened: r.reopened,
});

export async function sheetContext(
  m: EntityManager,
  submissionId: string,
  jurorId: string,
): Promise<SheetContext> {
  const rows: SheetContextRow[] = await m.query(SHEET_CONTEXT_SQL, [submissionId, jurorId]);
  const r = rows[0];
  if (!r) throw notFound('Submission');
  return toSheetContext(r);
}

/**
 * `sheetContext` and `lockAssignment(…, 'share')` in one round trip, in that order: the edition's
 * row is share-locked first (the context's CTE is read before the assignment's), then the juror's
 * assignment to the submission. 404 for an unknown submission.
 */
export async function sheetContextAssigned(
  m: EntityManager,
  submissionId: string,
  jurorId: string,
): Promise<{ ctx: SheetContext; assigned: boolean }> {
  const rows: (SheetContextRow & { assigned: boolean })[] = await m.query(
    `WITH ctx AS (${SHEET_CONTEXT_SQL}),
          a AS (SELECT 1 FROM assignments
                 WHERE juror_id = $2 AND submission_id = $1 AND EXISTS (SELECT 1 FROM ctx)
                   FOR SHARE)
     SELECT ctx.*, EXISTS (SELECT 1 FROM a) AS assigned FROM ctx`,
    [submissionId, jurorId],
  );
  const r = rows[0];
  if (!r) throw notFound('Submission');
  return { ctx: toSheetContext(r), assigned: r.assigned };
}

/**
 * Share-locks the juror's assignment to the submission until the transaction ends (so that it is
 * not removed or moved while a sheet is written for it); false when there is none.
 */
export async function lockAssignment(
  m: EntityManager,
  jurorId: string,
  submissionId: string,
  mode: 'share' | 'update',
): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `SELECT 1 FROM assignments WHERE juror_id = $1 AND submission_id = $2 FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'}`,
    [jurorId, submissionId],
  );
  return rows.length > 0;
}

/** Whether the juror has a sheet of the submission (a new statement: sees sheets committed meanwhile). */
export async function hasSheet(m: EntityManager, jurorId: string, submissionId: string): Promise<boolean> {
  const rows: unknown[] = await m.query(
    'SELECT 1 FROM score_sheets WHERE juror_id = $1 AND submission_id = $2',
    [jurorId, submissionId],
  );
  return rows.length > 0;
}

export interface CriterionRow {
  id: string;
  name: string;
  weight: number;
  min: number;
  max: number;
}

/** The edition's criteria in order (read after `sheetContext` locked the edition's row). */
export function criteriaOf(m: EntityManager, editionId: string): Promise<CriterionRow[]> {
  return m.query(
    `SELECT id, name, weight, scale_min AS min, scale_max AS max
       FROM criteria WHERE edition_id = $1 ORDER BY position`,
    [editionId],
  );
}

/**
 * `criteriaOf` and `findSheet` in one round trip (read after `sheetContext` locked the edition's
 * row: one statement, so both see what was committed when it starts).
 */
export async function criteriaAndSheet(
  m: EntityManager,
  editionId: string,
  jurorId: string,
  submissionId: string,
): Promise<{ criteria: CriterionRow[]; sheet: SheetRow | null }> {
  const rows: (Partial<SheetRow> & { criteria: CriterionRow[] })[] = await m.query(
    `SELECT sh.*,
            (SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'weight', c.weight,
                                                        'min', c.scale_min, 'max', c.scale_max) ORDER BY c.position), '[]')
               FROM criteria c WHERE c.edition_id = $1) AS criteria
       FROM (SELECT 1) one
       LEFT JOIN (${SHEET_SELECT} WHERE sh.juror_id = $2 AND sh.submission_id = $3) sh ON true`,
    [editionId, jurorId, submissionId],
  );
  const { criteria, ...sheet } = rows[0]!;
  return { criteria, sheet: sheet.id ? (sheet as SheetRow) : null };
}

export interface ReopeningRow {
  id: string;
  juror_id: string;
  submission_id: string;
  reason: string;
  opened_by: string | null;
  opened_at: Date;
  until: Date | null;
  closed_at: Date | null;
  open: boolean;
}

export const REOPENING_COLUMNS = `ro.id, ro.juror_id, ro.submission_id, ro.reason, ro.opened_by, ro.opened_at,
  ro.until, ro.closed_at, (ro.closed_at IS NULL AND (ro.until IS NULL OR ro.until > now())) AS open`;

export function toSheetReopening(r: ReopeningRow): SheetReopening {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    jurorId: r.juror_id,
    submissionId: r.submission_id,
    reason: r.reason,
    openedBy: r.opened_by,
    openedAt: new Date(r.opened_at).toISOString(),
    until: iso(r.until),
    closedAt: iso(r.closed_at),
    open: r.open,
  };
}
