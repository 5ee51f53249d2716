import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JudgingChange, ScoreSheet, ScoreSheetPut } from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { DomainError, notFound, validationFailed } from '../../common/errors/domain-error';
import { JudgingEvents } from './judging-events';
import {
  criteriaAndSheet,
  SHEET_SELECT,
  sheetContextAssigned,
  toScoreSheet,
  type SheetContext,
  type SheetRow,
} from './judging.sql';
import { assertValues, sameValues } from './sheet-values';
import { SheetWriter } from './sheet-writer';

/**
 * Why a juror may not save a sheet now, in the order the checks run; null when they may. The
 * scoring window is the edition's (submission deadline to judgingEndsAt), also for a project whose
 * team's extension still runs (jurors score its latest version); after it, an organizer's
 * reopening lets one juror save one sheet again.
 */
export function scoringRefusal(ctx: SheetContext, assigned: boolean): DomainError | null {
  if (ctx.conflicted)
    return new DomainError(
      'CONFLICT_OF_INTEREST',
      `You are conflicted with team "${ctx.teamName}": you cannot score it`,
    );
  if (!assigned) return new DomainError('NOT_ASSIGNED', 'This project is not assigned to you');
  if (ctx.disqualified)
    return new DomainError('FORBIDDEN', 'This project was disqualified: it is not judged');
  if (ctx.status !== 'submitted')
    return new DomainError('FORBIDDEN', 'This project is not submitted (any more): it cannot be scored now');
  if (!ctx.windowOpen && !ctx.reopened) {
    return ctx.judgingOver
      ? new DomainError('PHASE_CLOSED', `Judging ended at ${ctx.judgingEndsAt.toISOString()}`)
      : new DomainError(
          'PHASE_CLOSED',
          `Scoring opens at the submission deadline (${ctx.submissionDeadline.toISOString()})`,
        );
  }
  return null;
}

/** A juror's own score sheets: `PUT /api/submissions/:id/scores/me`. */
@Injectable()
export class ScoreSheetsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: SheetWriter,
    private readonly events: JudgingEvents,
  ) {}

  /**
   * Saves (or replaces) the juror's sheet, in one transaction:
   * 1. the idempotency key is claimed first (INSERT … ON CONFLICT DO NOTHING on its primary key):
   *    a copy of a request in flight waits there until the first commits, then finds the key
   *    and answers the stored sheet, writing nothing — whatever its body, whatever changed since;
   * 2. the rules are checked against the database's now() with the edition's row share-locked
   *    and the assignment's row share-locked (so that it cannot be removed under the write);
   * 3. the values are checked against the criteria read in this transaction;
   * 4. a save that changes nothing answers the stored sheet (no audit entry); otherwise the sheet
   *    writer raises the change sequence, upserts and records `score.saved`.
   * A refusal rolls the whole transaction back, the key included, so a corrected retry with the
   * same key is not mistaken for a replay.
   */
  async save(submissionId: string, user: AuthUser, input: ScoreSheetPut): Promise<ScoreSheet> {
    let change = null as JudgingChange | null;
    const sheet = await this.db.transaction(async (m) => {
      const replay = await this.claimKey(m, user.id, submissionId, input.idempotencyKey);
      if (replay) return replay;

      // Round trips count here: every sheet writer of the edition queues behind the sequence lock
      // the writer takes, so the reads before it are folded into two statements.
      const { ctx, assigned } = await sheetContextAssigned(m, submissionId, user.id);
      const refusal = scoringRefusal(ctx, assigned);
      if (refusal) throw refusal;
      const { criteria, sheet: current } = await criteriaAndSheet(m, ctx.editionId, user.id, submissionId);
      assertValues(criteria, input.values);

      if (current && sameValues(current.values, input.values) && current.comment === input.comment) {
        return toScoreSheet(current);
      }
      const { row, seq } = await this.writer.write(m, {
        ctx,
        criteria,
        jurorId: user.id,
        values: input.values,
        comment: input.comment,
        actorId: user.id,
      });
      change = {
        editionId: ctx.editionId,
        seq,
        kind: 'sheet',
        submissionIds: [submissionId],
        jurorId: user.id,
      };
      return toScoreSheet({ ...row, counts: true });
    });
    if (change) this.events.publish(change);
    return sheet;
  }

  /**
   * Claims the key for this request; answers the stored sheet when the key was claimed before
   * (a replay), null when the claim is new. The key of an unknown submission is not stored (404).
   */
  private async claimKey(
    m: EntityManager,
    jurorId: string,
    submissionId: string,
    key: string,
  ): Promise<ScoreSheet | null> {
    const claimed: unknown[] = await m.query(
      `INSERT INTO score_sheet_keys (juror_id, idempotency_key, submission_id, created_at)
       SELECT $1, $2, s.id, now() FROM submissions s WHERE s.id = $3
       ON CONFLICT (juror_id, idempotency_key) DO NOTHING
       RETURNING submission_id`,
      [jurorId, key, submissionId],
    );
    if (claimed.length > 0) return null;
    // The key and the stored sheet in one statement (a new one: it sees the first request's commit).
    const [earlier]: (Partial<SheetRow> & { key_submission_id: string })[] = await m.query(
      `SELECT k.submission_id AS key_submission_id, sh.*
         FROM score_sheet_keys k
         LEFT JOIN (${SHEET_SELECT} WHERE sh.juror_id = $1 AND sh.submission_id = $3) sh ON true
        WHERE k.juror_id = $1 AND k.idempotency_key = $2`,
      [jurorId, key, submissionId],
    );
    if (!earlier) throw notFound('Submission');
    if (earlier.key_submission_id !== submissionId) {
      throw validationFailed('idempotencyKey', 'already used for a sheet of another project; use a new key');
    }
    if (!earlier.id) throw notFound('Score sheet');
    return toScoreSheet(earlier as SheetRow);
  }
}
