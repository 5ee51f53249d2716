import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JudgingSnapshot, Normalization } from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../../common/errors/domain-error';
import { JudgingEvents } from './judging-events';
import { SHEET_SELECT, type SheetRow } from './judging.sql';

/**
 * Read-only access to judging for the ranking module: everything needed to rank one edition.
 *
 * `snapshot` reads in one REPEATABLE READ, read-only transaction, so its parts agree with each
 * other and with its `seq` (the edition's judging change sequence): a ranking built from it
 * reflects exactly the changes up to `seq`. Subscribe to `JudgingEvents.changes$` to learn of
 * later ones (an event with `seq` ≤ the snapshot's is already in it).
 *
 * - `criteria`: in order, with weight and scale (rule 1 of docs/scoring.md; `sheetScore` in shared).
 * - `projects`: every submitted project (`disqualified` true for those that take no part).
 * - `sheets`: every stored sheet of those projects, with `values`, its rule-1 `score`,
 *   `updatedAt`, the `seq` of its last save, and `counts` (false when the juror is conflicted with
 *   the team: such a sheet counts nowhere, not in the juror's z-score statistics either).
 */
@Injectable()
export class JudgingReadService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: JudgingEvents,
  ) {}

  /**
   * With `manager`, reads in the caller's transaction instead (the ranking module opens the
   * REPEATABLE READ transaction itself, to read its board versions in the same snapshot).
   */
  async snapshot(editionId: string, manager?: EntityManager): Promise<JudgingSnapshot> {
    if (manager) return this.readSnapshot(manager, editionId);
    return this.db.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      return this.readSnapshot(m, editionId);
    });
  }

  /**
   * Every sheet of the edition as it stood at `at` (for a frozen leaderboard, rule 7): the stored
   * values when the sheet was last saved by then, else the values of its last `score.saved`
   * audit entry by then (written in the saving transaction, with the same now()); a sheet first
   * saved after `at` is left out. Whether a sheet counts is the ranking's business (conflicts and
   * disqualifications as they are now).
   */
  async sheetsAsOf(
    editionId: string,
    at: Date,
    manager: EntityManager = this.db.manager,
  ): Promise<{ jurorId: string; submissionId: string; values: Record<string, number> }[]> {
    const rows: { juror_id: string; submission_id: string; values: Record<string, number> | null }[] =
      await manager.query(
        `SELECT sh.juror_id, sh.submission_id,
                CASE WHEN sh.updated_at <= $2 THEN sh.values
                     ELSE (SELECT a.after -> 'values' FROM audit_entries a
                            WHERE a.edition_id = $1 AND a.entity = 'score_sheet' AND a.entity_id = sh.id::text
                              AND a.action = 'score.saved' AND a.at <= $2
                            ORDER BY a.at DESC, a.id DESC LIMIT 1) END AS values
           FROM score_sheets sh
          WHERE sh.edition_id = $1 AND sh.created_at <= $2
          ORDER BY sh.juror_id, sh.submission_id`,
        [editionId, at],
      );
    return rows
      .filter((r) => r.values !== null)
      .map((r) => ({ jurorId: r.juror_id, submissionId: r.submission_id, values: r.values! }));
  }

  /** The comments of the project's sheets that count (none of a conflicted juror), non-empty, sorted. */
  async countingComments(submissionId: string): Promise<string[]> {
    const rows: { comment: string }[] = await this.db.query(
      `SELECT x.comment FROM (${SHEET_SELECT} WHERE sh.submission_id = $1) x
        WHERE x.counts AND btrim(x.comment) <> '' ORDER BY x.comment`,
      [submissionId],
    );
    return rows.map((r) => r.comment);
  }

  /** The names of the jurors with a sheet in the edition (for organizers' explanations). */
  async jurorNames(editionId: string): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.db.query(
      `SELECT u.id, u.name FROM users u
        WHERE u.id IN (SELECT DISTINCT juror_id FROM score_sheets WHERE edition_id = $1)`,
      [editionId],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private async readSnapshot(m: EntityManager, editionId: string): Promise<JudgingSnapshot> {
    const [edition]: { normalization: Normalization; reviews_per_submission: number }[] = await m.query(
      'SELECT normalization, reviews_per_submission FROM editions WHERE id = $1',
      [editionId],
    );
    if (!edition) throw notFound('Edition');
    const seq = await this.events.current(m, editionId);
    const criteria: { id: string; weight: number; min: number; max: number; order: number }[] = await m.query(
      `SELECT id, weight, scale_min AS min, scale_max AS max, position AS "order"
         FROM criteria WHERE edition_id = $1 ORDER BY position`,
      [editionId],
    );
    const projects: {
      submission_id: string;
      team_id: string;
      team_name: string;
      track_id: string;
      title: string;
      submitted_at: Date;
      disqualified: boolean;
    }[] = await m.query(
      `SELECT s.id AS submission_id, s.team_id, t.name AS team_name, s.track_id, s.title, s.submitted_at,
              s.disqualified_at IS NOT NULL AS disqualified
         FROM submissions s JOIN teams t ON t.id = s.team_id
        WHERE s.edition_id = $1 AND s.status = 'submitted'
        ORDER BY s.submitted_at, s.id`,
      [editionId],
    );
    const sheets: SheetRow[] = await m.query(
      `${SHEET_SELECT} WHERE sh.edition_id = $1 AND s.status = 'submitted' ORDER BY sh.seq, sh.id`,
      [editionId],
    );
    return {
      editionId,
      seq,
      normalization: edition.normalization,
      reviewsPerSubmission: edition.reviews_per_submission,
      criteria,
      projects: projects.map((p) => ({
        submissionId: p.submission_id,
        teamId: p.team_id,
        teamName: p.team_name,
        trackId: p.track_id,
        title: p.title,
        submittedAt: new Date(p.submitted_at).toISOString(),
        disqualified: p.disqualified,
      })),
      sheets: sheets.map((s) => ({
        jurorId: s.juror_id,
        submissionId: s.submission_id,
        values: s.values,
        score: s.score,
        updatedAt: new Date(s.updated_at).toISOString(),
        seq: Number(s.seq),
        counts: s.counts,
      })),
    };
  }
}
