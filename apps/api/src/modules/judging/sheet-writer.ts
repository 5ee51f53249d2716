import { Injectable } from '@nestjs/common';
import { sheetScore, type ScoreValues } from '@ca/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { JudgingEvents } from './judging-events';
import type { CriterionRow, SheetContext, SheetRow } from './judging.sql';

export interface SheetWrite {
  ctx: SheetContext;
  criteria: CriterionRow[];
  jurorId: string;
  values: ScoreValues;
  comment: string;
  /** Who writes: the juror, or an organizer's override. */
  actorId: string;
  /** Extra audit data (an override's reason). */
  correction?: { kind: 'override'; reason: string };
}

/**
 * Writes one sheet inside the caller's transaction: raises the edition's change sequence (whose
 * row lock serialises the edition's sheet writers until commit), upserts the sheet in one
 * `INSERT … ON CONFLICT` that also answers the row as it was before, and records `score.saved`
 * with before and after. The caller has decided that the write is allowed (sheetContext) and
 * publishes the change after the commit.
 */
@Injectable()
export class SheetWriter {
  constructor(
    private readonly audit: AuditService,
    private readonly events: JudgingEvents,
  ) {}

  async write(m: EntityManager, w: SheetWrite): Promise<{ row: Omit<SheetRow, 'counts'>; seq: number }> {
    const score = sheetScore(w.criteria, w.values);
    const seq = await this.events.raise(m, w.ctx.editionId);
    // The sequence's row lock (just taken) serialises this edition's sheet writers, so `before`
    // is the row this upsert replaces: no other writer can change it in between.
    const [row]: (Omit<SheetRow, 'counts'> & {
      before: { values: Record<string, number>; comment: string; score: number } | null;
    })[] = await m.query(
      `WITH before AS (
         SELECT sh.values, sh.comment, sh.score FROM score_sheets sh
          WHERE sh.juror_id = $1 AND sh.submission_id = $2
       ), saved AS (
         INSERT INTO score_sheets AS sh
           (edition_id, juror_id, submission_id, values, comment, score, submission_version, seq, created_at, updated_at)
         VALUES ($3, $1, $2, $4::jsonb, $5, $6, $7, $8, now(), now())
         ON CONFLICT (juror_id, submission_id) DO UPDATE SET
           values = EXCLUDED.values, comment = EXCLUDED.comment, score = EXCLUDED.score,
           submission_version = EXCLUDED.submission_version, seq = EXCLUDED.seq, updated_at = now()
         RETURNING sh.id, sh.edition_id, sh.juror_id, sh.submission_id, sh.values, sh.comment, sh.score,
                   sh.submission_version, sh.seq, sh.updated_at
       )
       SELECT saved.*, (SELECT row_to_json(b) FROM before b) AS before FROM saved`,
      [
        w.jurorId,
        w.ctx.submissionId,
        w.ctx.editionId,
        JSON.stringify(w.values),
        w.comment,
        score,
        w.ctx.version,
        seq,
      ],
    );
    const { before, ...saved } = row!;
    await this.audit.record(m, {
      editionId: w.ctx.editionId,
      actorId: w.actorId,
      action: 'score.saved',
      entity: 'score_sheet',
      entityId: saved.id,
      before: before ? { values: before.values, comment: before.comment, score: before.score } : null,
      after: {
        jurorId: w.jurorId,
        submissionId: w.ctx.submissionId,
        values: saved.values,
        comment: saved.comment,
        score: saved.score,
        submissionVersion: saved.submission_version,
        ...(w.correction ? { correction: w.correction } : {}),
      },
    });
    return { row: saved, seq };
  }
}
