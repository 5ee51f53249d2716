import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JudgingSnapshot, Normalization } from '@ca/shared';
import { DataSource } from 'typeorm';
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
 * - `criteria`: in order, with weight and scale (rule 1 of PRODUCT.md; `sheetScore` in shared).
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

  async snapshot(editionId: string): Promise<JudgingSnapshot> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      const [edition]: { normalization: Normalization; reviews_per_submission: number }[] = await m.query(
        'SELECT normalization, reviews_per_submission FROM editions WHERE id = $1',
        [editionId],
      );
      if (!edition) throw notFound('Edition');
      const seq = await this.events.current(m, editionId);
      const criteria: { id: string; weight: number; min: number; max: number; order: number }[] =
        await m.query(
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
    });
  }
}
