import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  JudgingChange,
  Page,
  ScoreSheet,
  SheetOverride,
  SheetReopen,
  SheetReopening,
  SubmissionSheet,
} from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { JudgingEvents } from './judging-events';
import {
  REOPENING_COLUMNS,
  SHEET_SELECT,
  criteriaOf,
  findSheet,
  lockAssignment,
  sheetContext,
  toScoreSheet,
  toSheetReopening,
  type ReopeningRow,
  type SheetContext,
  type SheetRow,
} from './judging.sql';
import { assertValues } from './sheet-values';
import { SheetWriter } from './sheet-writer';

const judgingStillRuns = (ctx: SheetContext) =>
  new DomainError(
    'PHASE_CLOSED',
    `Judging runs until ${ctx.judgingEndsAt.toISOString()}: until then the juror changes the sheet themselves`,
  );

/**
 * Corrections after `judgingEndsAt`, without moving the timeline: an organizer reopens one juror's
 * sheet for a stated reason (the juror may save it again until the organizer closes it, or for a
 * set time), or overrides it with audited values. Every correction is audited.
 */
@Injectable()
export class CorrectionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: JudgingEvents,
    private readonly writer: SheetWriter,
  ) {}

  async reopen(
    submissionId: string,
    jurorId: string,
    input: SheetReopen,
    actor: AuthUser,
  ): Promise<SheetReopening> {
    return this.db.transaction(async (m) => {
      const ctx = await this.correctable(m, submissionId, jurorId);
      if (ctx.conflicted)
        throw new DomainError(
          'CONFLICT_OF_INTEREST',
          'This juror is conflicted with the team: their sheet cannot count',
        );
      const [row]: ReopeningRow[] = await m.query(
        `WITH up AS (
           INSERT INTO sheet_reopenings AS ro (edition_id, juror_id, submission_id, reason, opened_by, opened_at, until)
           VALUES ($1, $2, $3, $4, $5, now(), CASE WHEN $6::int IS NULL THEN NULL ELSE now() + make_interval(mins => $6::int) END)
           ON CONFLICT (juror_id, submission_id) WHERE closed_at IS NULL
             DO UPDATE SET reason = EXCLUDED.reason, opened_by = EXCLUDED.opened_by,
                           opened_at = EXCLUDED.opened_at, until = EXCLUDED.until
           RETURNING ${REOPENING_COLUMNS})
         SELECT * FROM up`,
        [ctx.editionId, jurorId, submissionId, input.reason, actor.id, input.minutes ?? null],
      );
      const reopening = toSheetReopening(row!);
      await this.audit.record(m, {
        editionId: ctx.editionId,
        actorId: actor.id,
        action: 'score.reopened',
        entity: 'score_sheet',
        entityId: `${jurorId}:${submissionId}`,
        before: null,
        after: { jurorId, submissionId, reason: input.reason, until: reopening.until },
      });
      return reopening;
    });
  }

  async close(submissionId: string, jurorId: string, actor: AuthUser): Promise<SheetReopening> {
    return this.db.transaction(async (m) => {
      const rows: ReopeningRow[] = await m.query(
        `WITH closed AS (
           UPDATE sheet_reopenings ro SET closed_at = now()
            WHERE ro.juror_id = $1 AND ro.submission_id = $2 AND ro.closed_at IS NULL
           RETURNING ${REOPENING_COLUMNS}, ro.edition_id)
         SELECT * FROM closed`,
        [jurorId, submissionId],
      );
      const row = rows[0] as (ReopeningRow & { edition_id: string }) | undefined;
      if (!row) throw notFound('Reopened sheet');
      await this.audit.record(m, {
        editionId: row.edition_id,
        actorId: actor.id,
        action: 'score.reopen_closed',
        entity: 'score_sheet',
        entityId: `${jurorId}:${submissionId}`,
        before: { reason: row.reason, until: row.until ? new Date(row.until).toISOString() : null },
        after: { closedAt: new Date(row.closed_at!).toISOString() },
      });
      return toSheetReopening(row);
    });
  }

  /**
   * Replaces the juror's stored sheet with the organizer's values (every criterion, within scale),
   * recorded as `score.saved` by the organizer with the reason; the juror's comment stays unless a
   * new one is given.
   */
  async override(
    submissionId: string,
    jurorId: string,
    input: SheetOverride,
    actor: AuthUser,
  ): Promise<ScoreSheet> {
    let change = null as JudgingChange | null;
    const sheet = await this.db.transaction(async (m) => {
      const ctx = await this.correctable(m, submissionId, jurorId);
      const current = await findSheet(m, jurorId, submissionId);
      if (!current) throw notFound('Score sheet');
      const criteria = await criteriaOf(m, ctx.editionId);
      assertValues(criteria, input.values);
      const { row, seq } = await this.writer.write(m, {
        ctx,
        criteria,
        jurorId,
        values: input.values,
        comment: input.comment ?? current.comment,
        actorId: actor.id,
        correction: { kind: 'override', reason: input.reason },
      });
      change = { editionId: ctx.editionId, seq, kind: 'sheet', submissionIds: [submissionId], jurorId };
      return toScoreSheet({ ...row, counts: current.counts });
    });
    if (change) this.events.publish(change);
    return sheet;
  }

  /** Every sheet of the project (counting or not), with its juror and any reopening; organizers. */
  async sheets(submissionId: string): Promise<Page<SubmissionSheet>> {
    const rows: (SheetRow & { juror_name: string; reopening: ReopeningRow | null })[] = await this.db.query(
      `SELECT x.*, u.name AS juror_name,
              (SELECT row_to_json(r) FROM (SELECT ${REOPENING_COLUMNS} FROM sheet_reopenings ro
                 WHERE ro.juror_id = x.juror_id AND ro.submission_id = x.submission_id AND ro.closed_at IS NULL) r) AS reopening
         FROM (${SHEET_SELECT} WHERE sh.submission_id = $1) x
         JOIN users u ON u.id = x.juror_id
        ORDER BY u.name`,
      [submissionId],
    );
    if (rows.length === 0) {
      const [exists]: unknown[] = await this.db.query('SELECT 1 FROM submissions WHERE id = $1', [
        submissionId,
      ]);
      if (!exists) throw notFound('Submission');
    }
    return {
      items: rows.map((r) => ({
        ...toScoreSheet(r),
        jurorName: r.juror_name,
        reopening: r.reopening ? toSheetReopening(r.reopening) : null,
      })),
      nextCursor: null,
    };
  }

  /** After judging ended, for an assigned juror: the context of a correction. */
  private async correctable(m: EntityManager, submissionId: string, jurorId: string): Promise<SheetContext> {
    const ctx = await sheetContext(m, submissionId, jurorId);
    if (!ctx.judgingOver) throw judgingStillRuns(ctx);
    if (!(await lockAssignment(m, jurorId, submissionId, 'share')))
      throw notFound('Assignment of this juror');
    return ctx;
  }
}
