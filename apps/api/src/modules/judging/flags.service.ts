import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Flag, FlagCreate, FlagDismiss, FlagReassign, FlagReassigned, JudgingChange } from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { DomainError, notFound, validationFailed } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { leastLoadedJuror } from './assignment-algorithm';
import { conflictKey, loadsOf, readAssignmentState } from './assignment-state';
import { AssignmentsService } from './assignments.service';
import { CoveragePublisher } from './coverage.publisher';
import { FLAG_COLUMNS, toFlag, type FlagRow } from './flags.mapper';
import { JudgingEvents } from './judging-events';
import { hasSheet, lockAssignment, lockAssignments, sheetContext } from './judging.sql';
import { scoringRefusal } from './score-sheets.service';

/**
 * Flags: an assigned juror marks a project "team absent" or "cannot judge" instead of scoring it;
 * organizers see them in the coverage and resolve each in one action: reassign (the assignment
 * moves to another juror) or dismiss (it stays).
 */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: JudgingEvents,
    private readonly assignments: AssignmentsService,
    private readonly coverage: CoveragePublisher,
  ) {}

  /**
   * The assigned juror flags the project, under the rules of scoring (assigned, not conflicted,
   * window open or the sheet reopened); not once they scored it (409 SHEET_EXISTS). Flagging again
   * while the flag is open replaces its kind and reason.
   */
  async create(submissionId: string, user: AuthUser, input: FlagCreate): Promise<Flag> {
    const flag = await this.db.transaction(async (m) => {
      const ctx = await sheetContext(m, submissionId, user.id);
      const assigned = await lockAssignment(m, user.id, submissionId, 'share');
      const refusal = scoringRefusal(ctx, assigned);
      if (refusal) throw refusal;
      if (await hasSheet(m, user.id, submissionId))
        throw new DomainError('SHEET_EXISTS', 'You already scored this project: ask an organizer instead');
      const [row]: FlagRow[] = await m.query(
        `INSERT INTO judging_flags AS fl (edition_id, submission_id, juror_id, kind, reason, status, created_at)
         VALUES ($1, $2, $3, $4, $5, 'open', now())
         ON CONFLICT (juror_id, submission_id) WHERE status = 'open'
           DO UPDATE SET kind = EXCLUDED.kind, reason = EXCLUDED.reason
         RETURNING ${FLAG_COLUMNS}`,
        [ctx.editionId, submissionId, user.id, input.kind, input.reason],
      );
      await this.audit.record(m, {
        editionId: ctx.editionId,
        actorId: user.id,
        action: 'flag.raised',
        entity: 'flag',
        entityId: row!.id,
        before: null,
        after: { submissionId, kind: input.kind, reason: input.reason },
      });
      return toFlag(row!);
    });
    this.coverage.notify(flag.editionId, [submissionId]);
    return flag;
  }

  /**
   * Resolves the flag by moving the flagging juror's assignment to `jurorId`, or to the
   * least-loaded eligible juror (the project's track first). The new assignment counts as made by
   * hand (kept by automatic runs). 409 SHEET_EXISTS when the flagging juror scored meanwhile,
   * NO_ELIGIBLE_JUROR when nobody can take it, FLAG_RESOLVED when the flag is not open.
   */
  async reassign(flagId: string, input: FlagReassign, actor: AuthUser): Promise<FlagReassigned> {
    let change = null as JudgingChange | null;
    const result = await this.db.transaction(async (m) => {
      // Locks in the order every judging writer takes them: assignment rows, then the flag's.
      const seen = await this.flag(m, flagId);
      await lockAssignments(m, seen.edition_id);
      const from = { jurorId: seen.juror_id, submissionId: seen.submission_id };
      const stillAssigned = await lockAssignment(m, from.jurorId, from.submissionId, 'update');
      const flag = await this.openFlag(m, flagId);
      if (await hasSheet(m, from.jurorId, from.submissionId))
        throw new DomainError(
          'SHEET_EXISTS',
          'The juror has scored this project meanwhile: dismiss the flag instead',
        );

      const state = await readAssignmentState(m, flag.edition_id);
      const project = state.projects.find((p) => p.submissionId === flag.submission_id);
      if (!project) throw new DomainError('FORBIDDEN', 'This project no longer takes part in judging');
      const onProject = new Set(
        state.existing.filter((e) => e.submissionId === project.submissionId).map((e) => e.jurorId),
      );
      const conflicted = (jurorId: string, teamId: string) =>
        state.conflicts.has(conflictKey(jurorId, teamId));
      let to: string | null;
      if (input.jurorId) {
        if (!state.jurors.some((j) => j.jurorId === input.jurorId))
          throw validationFailed('jurorId', 'not a juror of this edition');
        if (input.jurorId === from.jurorId) throw validationFailed('jurorId', 'is the juror who flagged it');
        if (conflicted(input.jurorId, project.teamId))
          throw new DomainError('CONFLICT_OF_INTEREST', 'This juror is conflicted with the team');
        to = input.jurorId;
      } else {
        to = leastLoadedJuror({
          project,
          jurors: state.jurors,
          loads: loadsOf(state),
          conflicted,
          exclude: new Set([...onProject, from.jurorId]),
        });
        if (!to)
          throw new DomainError('NO_ELIGIBLE_JUROR', 'Every other juror is conflicted or already on it');
      }

      if (stillAssigned) await this.assignments.remove(m, from, actor.id, input.note ?? 'Reassigned');
      await m.query(
        `INSERT INTO assignments (edition_id, juror_id, submission_id, source, created_at)
         VALUES ($1, $2, $3, 'manual', now())
         ON CONFLICT (juror_id, submission_id) DO UPDATE SET source = 'manual'`,
        [flag.edition_id, to, flag.submission_id],
      );
      const [resolved]: FlagRow[] = await m.query(
        `WITH changed AS (
           UPDATE judging_flags fl SET status = 'reassigned', resolved_at = now(), resolved_by = $2,
                  reassigned_to = $3, note = $4
            WHERE fl.id = $1
           RETURNING ${FLAG_COLUMNS})
         SELECT * FROM changed`,
        [flagId, actor.id, to, input.note ?? null],
      );
      const seq = await this.events.raise(m, flag.edition_id);
      await this.audit.record(m, {
        editionId: flag.edition_id,
        actorId: actor.id,
        action: 'flag.reassigned',
        entity: 'flag',
        entityId: flagId,
        before: { status: 'open', jurorId: from.jurorId },
        after: {
          status: 'reassigned',
          jurorId: to,
          submissionId: flag.submission_id,
          note: input.note ?? null,
        },
      });
      change = {
        editionId: flag.edition_id,
        seq,
        kind: 'assignment',
        submissionIds: [flag.submission_id],
        jurorId: to,
      };
      return { flag: toFlag(resolved!), assignment: { jurorId: to, submissionId: flag.submission_id } };
    });
    if (change) this.events.publish(change);
    return result;
  }

  /** Resolves the flag and keeps the assignment (e.g. the team came back). */
  async dismiss(flagId: string, input: FlagDismiss, actor: AuthUser): Promise<Flag> {
    const flag = await this.db.transaction(async (m) => {
      const open = await this.openFlag(m, flagId);
      const rows: FlagRow[] = await m.query(
        `WITH changed AS (
           UPDATE judging_flags fl SET status = 'dismissed', resolved_at = now(), resolved_by = $2, note = $3
            WHERE fl.id = $1
           RETURNING ${FLAG_COLUMNS})
         SELECT * FROM changed`,
        [flagId, actor.id, input.note ?? null],
      );
      await this.audit.record(m, {
        editionId: open.edition_id,
        actorId: actor.id,
        action: 'flag.dismissed',
        entity: 'flag',
        entityId: flagId,
        before: { status: 'open' },
        after: { status: 'dismissed', note: input.note ?? null },
      });
      return toFlag(rows[0]!);
    });
    this.coverage.notify(flag.editionId, [flag.submissionId]);
    return flag;
  }

  /** The flag, row-locked; 404 unknown, 409 FLAG_RESOLVED when it is not open any more. */
  private async openFlag(m: EntityManager, flagId: string): Promise<FlagRow> {
    const flag = await this.flag(m, flagId, true);
    if (flag.status !== 'open')
      throw new DomainError('FLAG_RESOLVED', `This flag was already ${flag.status}`);
    return flag;
  }

  private async flag(m: EntityManager, flagId: string, lock = false): Promise<FlagRow> {
    const [flag]: FlagRow[] = await m.query(
      `SELECT ${FLAG_COLUMNS} FROM judging_flags fl WHERE fl.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [flagId],
    );
    if (!flag) throw notFound('Flag');
    return flag;
  }
}
