import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Coverage, CoverageFlag, CoverageJuror, CoverageSubmission, NotCountingSheet } from '@ca/shared';
import { DataSource } from 'typeorm';
import { EditionsService } from '../editions/editions.service';
import { FLAG_COLUMNS, toFlag, type FlagRow } from './flags.mapper';
import { JudgingEvents } from './judging-events';
import { conflictedSql } from './judging.sql';

interface SubmissionRow {
  submission_id: string;
  team_id: string;
  team_name: string;
  track_id: string;
  title: string;
  table_label: string | null;
  required: number;
  assigned: number;
  done: number;
  not_counting: number;
  flags_open: number;
}

/** One row per project that takes part (submitted, not disqualified); `$2` filters by ids when given. */
const SUBMISSIONS_SQL = `
  SELECT s.id AS submission_id, s.team_id, t.name AS team_name, s.track_id, s.title, t.table_label,
         e.reviews_per_submission AS required,
         (SELECT count(*)::int FROM assignments a
           WHERE a.submission_id = s.id AND NOT ${conflictedSql('a.juror_id', 's.team_id')}) AS assigned,
         (SELECT count(*)::int FROM score_sheets sh
           WHERE sh.submission_id = s.id AND NOT ${conflictedSql('sh.juror_id', 's.team_id')}) AS done,
         (SELECT count(*)::int FROM score_sheets sh
           WHERE sh.submission_id = s.id AND ${conflictedSql('sh.juror_id', 's.team_id')}) AS not_counting,
         (SELECT count(*)::int FROM judging_flags fl WHERE fl.submission_id = s.id AND fl.status = 'open') AS flags_open
    FROM submissions s
    JOIN teams t ON t.id = s.team_id
    JOIN editions e ON e.id = s.edition_id
   WHERE s.edition_id = $1 AND s.status = 'submitted' AND s.disqualified_at IS NULL
     AND ($2::uuid[] IS NULL OR s.id = ANY($2::uuid[]))`;

const toRow = (r: SubmissionRow): CoverageSubmission => ({
  submissionId: r.submission_id,
  teamId: r.team_id,
  teamName: r.team_name,
  trackId: r.track_id,
  title: r.title,
  tableLabel: r.table_label,
  required: r.required,
  assigned: r.assigned,
  done: r.done,
  notCounting: r.not_counting,
  flagsOpen: r.flags_open,
});

/**
 * Judging coverage for organizers: per project sheets done / required, per juror done / assigned,
 * open flags, and sheets that no longer count (a conflict declared after them).
 */
@Injectable()
export class CoverageService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly events: JudgingEvents,
  ) {}

  async coverage(editionId: string): Promise<Coverage> {
    const edition = await this.editions.entity(editionId, { includeDrafts: true });
    // One snapshot for every part, so that the totals agree with the rows.
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const submissions = ((await m.query(SUBMISSIONS_SQL, [editionId, null])) as SubmissionRow[])
        .map(toRow)
        .sort((a, b) => a.done / a.required - b.done / b.required || a.teamName.localeCompare(b.teamName));
      const jurors: { juror_id: string; name: string; assigned: number; done: number; flags_open: number }[] =
        await m.query(
          `SELECT j.user_id AS juror_id, u.name,
                  (SELECT count(*)::int FROM assignments a JOIN submissions s ON s.id = a.submission_id
                    WHERE a.juror_id = j.user_id AND s.edition_id = j.edition_id
                      AND s.status = 'submitted' AND s.disqualified_at IS NULL) AS assigned,
                  (SELECT count(*)::int FROM score_sheets sh JOIN submissions s ON s.id = sh.submission_id
                    WHERE sh.juror_id = j.user_id AND s.edition_id = j.edition_id
                      AND s.status = 'submitted' AND s.disqualified_at IS NULL
                      AND NOT ${conflictedSql('sh.juror_id', 's.team_id')}) AS done,
                  (SELECT count(*)::int FROM judging_flags fl
                    WHERE fl.juror_id = j.user_id AND fl.edition_id = j.edition_id AND fl.status = 'open') AS flags_open
             FROM jurors j JOIN users u ON u.id = j.user_id
            WHERE j.edition_id = $1`,
          [editionId],
        );
      const jurorRows: CoverageJuror[] = jurors
        .map((j) => ({
          jurorId: j.juror_id,
          name: j.name,
          assigned: j.assigned,
          done: j.done,
          flagsOpen: j.flags_open,
        }))
        .sort((a, b) => b.assigned - b.done - (a.assigned - a.done) || a.name.localeCompare(b.name));
      const flags: (FlagRow & {
        juror_name: string;
        team_id: string;
        team_name: string;
        title: string;
        table_label: string | null;
      })[] = await m.query(
        `SELECT ${FLAG_COLUMNS}, u.name AS juror_name, s.team_id, t.name AS team_name, s.title, t.table_label
             FROM judging_flags fl
             JOIN users u ON u.id = fl.juror_id
             JOIN submissions s ON s.id = fl.submission_id
             JOIN teams t ON t.id = s.team_id
            WHERE fl.edition_id = $1 AND fl.status = 'open'
            ORDER BY fl.created_at, fl.id`,
        [editionId],
      );
      const notCounting: {
        juror_id: string;
        juror_name: string;
        submission_id: string;
        team_id: string;
        team_name: string;
        title: string;
        score: number;
        updated_at: Date;
      }[] = await m.query(
        `SELECT sh.juror_id, u.name AS juror_name, sh.submission_id, s.team_id, t.name AS team_name, s.title,
                sh.score, sh.updated_at
           FROM score_sheets sh
           JOIN submissions s ON s.id = sh.submission_id
           JOIN teams t ON t.id = s.team_id
           JOIN users u ON u.id = sh.juror_id
          WHERE sh.edition_id = $1 AND ${conflictedSql('sh.juror_id', 's.team_id')}
          ORDER BY t.name, u.name`,
        [editionId],
      );
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      return {
        editionId,
        reviewsPerSubmission: edition.reviewsPerSubmission,
        seq: await this.events.current(m, editionId),
        totals: {
          submissions: submissions.length,
          required: sum(submissions.map((s) => s.required)),
          assigned: sum(submissions.map((s) => s.assigned)),
          done: sum(submissions.map((s) => s.done)),
          flagsOpen: flags.length,
          notCounting: notCounting.length,
        },
        submissions,
        jurors: jurorRows,
        flags: flags.map((f): CoverageFlag => ({
          ...toFlag(f),
          jurorName: f.juror_name,
          teamId: f.team_id,
          teamName: f.team_name,
          title: f.title,
          tableLabel: f.table_label,
        })),
        notCounting: notCounting.map((r): NotCountingSheet => ({
          jurorId: r.juror_id,
          jurorName: r.juror_name,
          submissionId: r.submission_id,
          teamId: r.team_id,
          teamName: r.team_name,
          title: r.title,
          score: r.score,
          updatedAt: new Date(r.updated_at).toISOString(),
          reason: 'conflict',
        })),
      };
    });
  }

  /** The coverage rows of some projects (those that take part), for `coverage:update`. */
  async rows(editionId: string, submissionIds: string[]): Promise<CoverageSubmission[]> {
    if (submissionIds.length === 0) return [];
    const rows: SubmissionRow[] = await this.db.query(SUBMISSIONS_SQL, [editionId, submissionIds]);
    return rows.map(toRow);
  }
}
