import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Assignment,
  AssignmentCreate,
  AssignmentRef,
  AssignmentsQuery,
  AutoAssignSummary,
  JudgingChange,
  Page,
  RemovedAssignment,
  Shortfall,
} from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { DomainError, notFound, validationFailed } from '../../common/errors/domain-error';
import { decodeCursor, pageFrom } from '../../common/pagination/cursor';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../mail/notifications.service';
import { EditionsService } from '../editions/editions.service';
import { assignJurors, type AlgoExisting } from './assignment-algorithm';
import { conflictKey, readAssignmentState } from './assignment-state';
import { toFlag, type FlagRow, FLAG_COLUMNS } from './flags.mapper';
import { JudgingEvents } from './judging-events';
import { conflictedSql, hasSheet, lockAssignments } from './judging.sql';

interface AssignmentRow {
  juror_id: string;
  juror_name: string;
  submission_id: string;
  team_id: string;
  team_name: string;
  track_id: string;
  title: string;
  table_label: string | null;
  source: 'auto' | 'manual';
  created_at: Date;
  sheet_score: number | null;
  sheet_updated_at: Date | null;
  counts: boolean;
  flag: FlagRow | null;
}

const ASSIGNMENT_SELECT = `
  SELECT a.juror_id, u.name AS juror_name, a.submission_id, s.team_id, t.name AS team_name,
         s.track_id, s.title, t.table_label, a.source, a.created_at,
         sh.score AS sheet_score, sh.updated_at AS sheet_updated_at,
         NOT ${conflictedSql('a.juror_id', 's.team_id')} AS counts,
         (SELECT row_to_json(f) FROM (SELECT ${FLAG_COLUMNS} FROM judging_flags fl
            WHERE fl.juror_id = a.juror_id AND fl.submission_id = a.submission_id AND fl.status = 'open') f) AS flag
    FROM assignments a
    JOIN users u ON u.id = a.juror_id
    JOIN submissions s ON s.id = a.submission_id
    JOIN teams t ON t.id = s.team_id
    LEFT JOIN score_sheets sh ON sh.juror_id = a.juror_id AND sh.submission_id = a.submission_id`;

const toAssignment = (r: AssignmentRow): Assignment => ({
  jurorId: r.juror_id,
  jurorName: r.juror_name,
  submissionId: r.submission_id,
  teamId: r.team_id,
  teamName: r.team_name,
  trackId: r.track_id,
  title: r.title,
  tableLabel: r.table_label,
  source: r.source,
  createdAt: new Date(r.created_at).toISOString(),
  sheet:
    r.sheet_score === null
      ? null
      : { score: r.sheet_score, updatedAt: new Date(r.sheet_updated_at!).toISOString(), counts: r.counts },
  flag: r.flag ? toFlag(r.flag) : null,
});

/** Organizers' assignment of jurors to projects: balanced and automatic, or by hand. */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly audit: AuditService,
    private readonly events: JudgingEvents,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The balanced assignment (assignment-algorithm.ts) over the edition's submitted, not
   * disqualified projects and its jurors. Kept: assignments with a sheet, assignments made by hand,
   * and (as far as the balance allows) the other existing ones; removed: assignments without a
   * sheet of a conflicted juror or of a project that no longer takes part, and those moved to keep
   * the loads within one. Runs of one edition are serialised, and every assignment row of the
   * edition is locked first, so that no sheet can be written for one being removed.
   */
  async auto(editionId: string, actor: AuthUser): Promise<AutoAssignSummary> {
    await this.editions.entity(editionId, { includeDrafts: true });
    let change = null as JudgingChange | null;
    const summary = await this.db.transaction(async (m) => {
      await lockAssignments(m, editionId);
      await m.query('SELECT 1 FROM assignments WHERE edition_id = $1 FOR UPDATE', [editionId]);
      const state = await readAssignmentState(m, editionId);
      const conflicted = (jurorId: string, teamId: string) =>
        state.conflicts.has(conflictKey(jurorId, teamId));

      const removed: RemovedAssignment[] = [];
      const existing: AlgoExisting[] = [];
      let keptOutside = 0;
      for (const e of state.existing) {
        const ref = { jurorId: e.jurorId, submissionId: e.submissionId };
        if (!e.eligible) {
          if (e.hasSheet) keptOutside++;
          else removed.push({ ...ref, reason: 'not_eligible' });
        } else if (conflicted(e.jurorId, e.teamId) && !e.hasSheet) {
          removed.push({ ...ref, reason: 'conflict' });
        } else {
          existing.push({ ...ref, fixed: e.hasSheet || e.source === 'manual' });
        }
      }
      const result = assignJurors({
        reviewsPerSubmission: state.reviewsPerSubmission,
        projects: state.projects,
        jurors: state.jurors,
        conflicted,
        existing,
      });
      removed.push(...result.rebalanced.map((r) => ({ ...r, reason: 'rebalanced' as const })));

      if (removed.length > 0) {
        await m.query(
          `DELETE FROM assignments a USING unnest($1::uuid[], $2::uuid[]) AS r(juror_id, submission_id)
            WHERE a.juror_id = r.juror_id AND a.submission_id = r.submission_id`,
          [removed.map((r) => r.jurorId), removed.map((r) => r.submissionId)],
        );
      }
      if (result.added.length > 0) {
        await m.query(
          `INSERT INTO assignments (edition_id, juror_id, submission_id, source, created_at)
           SELECT $1, r.juror_id, r.submission_id, 'auto', now()
             FROM unnest($2::uuid[], $3::uuid[]) AS r(juror_id, submission_id)`,
          [editionId, result.added.map((a) => a.jurorId), result.added.map((a) => a.submissionId)],
        );
      }
      const jurorCount = state.jurors.length;
      const short: Shortfall[] = result.short.map((s) => {
        const p = state.projects.find((x) => x.submissionId === s.submissionId)!;
        return {
          submissionId: s.submissionId,
          teamName: p.teamName,
          title: p.title,
          required: state.reviewsPerSubmission,
          assigned: s.assigned,
          eligibleJurors: s.eligibleJurors,
          reason:
            jurorCount === 0
              ? 'no_jurors'
              : jurorCount < state.reviewsPerSubmission
                ? 'too_few_jurors'
                : 'conflicts',
        };
      });
      const out: AutoAssignSummary = {
        editionId,
        reviewsPerSubmission: state.reviewsPerSubmission,
        projects: state.projects.length,
        jurors: jurorCount,
        added: result.added,
        kept: result.kept.length + keptOutside,
        removed,
        short,
        loads: state.jurors.map((j) => ({
          jurorId: j.jurorId,
          name: j.name,
          assigned: result.loads.get(j.jurorId) ?? 0,
        })),
      };
      if (removed.length > 0 || result.added.length > 0) {
        const seq = await this.events.raise(m, editionId);
        await this.audit.record(m, {
          editionId,
          actorId: actor.id,
          action: 'assignments.auto',
          entity: 'edition',
          entityId: editionId,
          before: null,
          after: { added: result.added.length, removed, kept: out.kept, short: short.length },
        });
        const touched = new Set([...removed, ...result.added].map((a) => a.submissionId));
        change = { editionId, seq, kind: 'assignment', submissionIds: [...touched], jurorId: null };
      }
      return out;
    });
    if (change) {
      this.events.publish(change);
      // "Your projects to judge are ready" to the jurors this run gave projects (issue 13).
      await this.notifications.assignmentsReady(
        editionId,
        summary.added.map((a) => a.jurorId),
        change.seq,
      );
    }
    return summary;
  }

  /**
   * Assigns by hand (kept by every automatic run). The juror must be a juror of the edition and
   * not conflicted with the team; the project submitted and not disqualified. Assigning again
   * answers the assignment (an automatic one becomes a kept one). A new assignment mails the
   * juror "your projects to judge are ready" (one run of one).
   */
  async assign(editionId: string, input: AssignmentCreate, actor: AuthUser): Promise<Assignment> {
    await this.editions.entity(editionId, { includeDrafts: true });
    let change = null as JudgingChange | null;
    let added = false;
    const result = await this.db.transaction(async (m) => {
      await lockAssignments(m, editionId);
      const [juror]: unknown[] = await m.query(
        'SELECT 1 FROM jurors WHERE edition_id = $1 AND user_id = $2',
        [editionId, input.jurorId],
      );
      if (!juror) throw validationFailed('jurorId', 'not a juror of this edition');
      const [project]: { team_id: string; conflicted: boolean }[] = await m.query(
        `SELECT s.team_id, ${conflictedSql('$3::uuid', 's.team_id')} AS conflicted
           FROM submissions s
          WHERE s.id = $1 AND s.edition_id = $2 AND s.status = 'submitted' AND s.disqualified_at IS NULL`,
        [input.submissionId, editionId, input.jurorId],
      );
      if (!project) throw validationFailed('submissionId', 'not a submitted, judged project of this edition');
      if (project.conflicted)
        throw new DomainError(
          'CONFLICT_OF_INTEREST',
          'This juror is conflicted with the team: never assigned to it',
        );
      const [row]: { inserted: boolean; changed: boolean }[] = await m.query(
        `WITH old AS (SELECT source FROM assignments WHERE juror_id = $2 AND submission_id = $3),
              up AS (
                INSERT INTO assignments (edition_id, juror_id, submission_id, source, created_at)
                VALUES ($1, $2, $3, 'manual', now())
                ON CONFLICT (juror_id, submission_id) DO UPDATE SET source = 'manual'
                RETURNING source)
         SELECT NOT EXISTS (SELECT 1 FROM old) AS inserted,
                COALESCE((SELECT source FROM old), '') <> 'manual' AS changed
           FROM up`,
        [editionId, input.jurorId, input.submissionId],
      );
      if (row!.changed) {
        const seq = await this.events.raise(m, editionId);
        await this.audit.record(m, {
          editionId,
          actorId: actor.id,
          action: 'assignment.created',
          entity: 'assignment',
          entityId: `${input.jurorId}:${input.submissionId}`,
          before: row!.inserted ? null : { source: 'auto' },
          after: { jurorId: input.jurorId, submissionId: input.submissionId, source: 'manual' },
        });
        change = {
          editionId,
          seq,
          kind: 'assignment',
          submissionIds: [input.submissionId],
          jurorId: input.jurorId,
        };
        added = row!.inserted;
      }
      return this.one(m, input);
    });
    if (change) {
      this.events.publish(change);
      // A new assignment (not an automatic one made manual) tells the juror (issue 13).
      if (added) await this.notifications.assignmentsReady(editionId, [input.jurorId], change.seq);
    }
    return result;
  }

  /** Unassigns by hand; 409 SHEET_EXISTS when the juror already saved a sheet for it. */
  async unassign(editionId: string, ref: AssignmentRef, actor: AuthUser): Promise<void> {
    let change = null as JudgingChange | null;
    await this.db.transaction(async (m) => {
      await lockAssignments(m, editionId);
      // The row lock waits for a sheet being written for this assignment; the check after it sees it.
      const [row]: { source: string }[] = await m.query(
        'SELECT source FROM assignments WHERE juror_id = $1 AND submission_id = $2 AND edition_id = $3 FOR UPDATE',
        [ref.jurorId, ref.submissionId, editionId],
      );
      if (!row) throw notFound('Assignment');
      if (await hasSheet(m, ref.jurorId, ref.submissionId))
        throw new DomainError(
          'SHEET_EXISTS',
          'The juror has already scored this project: the assignment stays',
        );
      await this.remove(m, ref, actor.id, 'Unassigned by an organizer');
      const seq = await this.events.raise(m, editionId);
      await this.audit.record(m, {
        editionId,
        actorId: actor.id,
        action: 'assignment.deleted',
        entity: 'assignment',
        entityId: `${ref.jurorId}:${ref.submissionId}`,
        before: { ...ref, source: row.source },
        after: null,
      });
      change = {
        editionId,
        seq,
        kind: 'assignment',
        submissionIds: [ref.submissionId],
        jurorId: ref.jurorId,
      };
    });
    if (change) this.events.publish(change);
  }

  /** Deletes an assignment (checked by the caller) and dismisses the juror's open flag on it. */
  async remove(m: EntityManager, ref: AssignmentRef, actorId: string, note: string): Promise<void> {
    await m.query('DELETE FROM assignments WHERE juror_id = $1 AND submission_id = $2', [
      ref.jurorId,
      ref.submissionId,
    ]);
    await m.query(
      `UPDATE judging_flags SET status = 'dismissed', resolved_at = now(), resolved_by = $3, note = $4
        WHERE juror_id = $1 AND submission_id = $2 AND status = 'open'`,
      [ref.jurorId, ref.submissionId, actorId, note],
    );
  }

  /** The edition's assignments by juror name, filtered by juror, project or track. */
  async list(editionId: string, q: AssignmentsQuery): Promise<Page<Assignment>> {
    await this.editions.entity(editionId, { includeDrafts: true });
    const cursor = decodeCursor(q.cursor, 3);
    const params: unknown[] = [editionId];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = ['a.edition_id = $1'];
    if (q.jurorId) where.push(`a.juror_id = ${p(q.jurorId)}`);
    if (q.submissionId) where.push(`a.submission_id = ${p(q.submissionId)}`);
    if (q.trackId) where.push(`s.track_id = ${p(q.trackId)}`);
    if (cursor) {
      if (typeof cursor[0] !== 'string') throw validationFailed('cursor', 'not a cursor this list gave out');
      where.push(
        `(u.name, a.juror_id, a.submission_id) > (${p(cursor[0])}, ${p(cursor[1])}::uuid, ${p(cursor[2])}::uuid)`,
      );
    }
    const rows: AssignmentRow[] = await this.db.query(
      `${ASSIGNMENT_SELECT} WHERE ${where.join(' AND ')}
        ORDER BY u.name, a.juror_id, a.submission_id LIMIT ${p(q.limit + 1)}`,
      params,
    );
    const page = pageFrom(rows, q.limit, (r) => [r.juror_name, r.juror_id, r.submission_id]);
    return { items: page.items.map(toAssignment), nextCursor: page.nextCursor };
  }

  async one(m: EntityManager, ref: AssignmentRef): Promise<Assignment> {
    const rows: AssignmentRow[] = await m.query(
      `${ASSIGNMENT_SELECT} WHERE a.juror_id = $1 AND a.submission_id = $2`,
      [ref.jurorId, ref.submissionId],
    );
    if (!rows[0]) throw notFound('Assignment');
    return toAssignment(rows[0]);
  }
}
