import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compareTableLabels, type MyAssignment, type MyAssignments } from '@ca/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { FLAG_COLUMNS, toFlag, type FlagRow } from './flags.mapper';
import {
  REOPENING_COLUMNS,
  conflictedSql,
  reopenedSql,
  toScoreSheet,
  toSheetReopening,
  type ReopeningRow,
  type SheetRow,
} from './judging.sql';

interface Row {
  submission_id: string;
  team_id: string;
  team_name: string;
  track_id: string;
  title: string;
  table_label: string | null;
  status: 'draft' | 'submitted';
  version: number;
  updated_at: Date;
  submitted_at: Date | null;
  tagline: string;
  description: string;
  repo_url: string;
  demo_url: string;
  video_url: string;
  tech_tags: string[];
  challenge_ids: string[];
  deadline: Date;
  extension_running: boolean;
  conflicted: boolean;
  can_score: boolean;
  sheet: (Omit<SheetRow, 'counts'> & { updated_at: string }) | null;
  flag: FlagRow | null;
  reopening: ReopeningRow | null;
}

/** `GET /api/editions/:id/assignments/me`: the juror's projects, in walking order. */
@Injectable()
export class MyAssignmentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The juror's assigned projects that take part (disqualified ones drop out), each with the
   * latest version of the project, the juror's sheet and open flag, and whether they may score it
   * now (decided by the database's clock). Ordered as a walk through the hall: by table (natural
   * order, `H-2` before `H-10`; no table last), then by team name.
   */
  async mine(editionId: string, user: AuthUser): Promise<MyAssignments> {
    const rows: Row[] = await this.db.query(
      `SELECT s.id AS submission_id, s.team_id, t.name AS team_name, s.track_id, s.title, t.table_label,
              s.status, s.version, s.updated_at, s.submitted_at, s.tagline, s.description, s.repo_url,
              s.demo_url, s.video_url, s.tech_tags, s.challenge_ids,
              GREATEST(e.submission_deadline, t.extended_deadline) AS deadline,
              now() < t.extended_deadline AND t.extended_deadline > e.submission_deadline AS extension_running,
              ${conflictedSql('a.juror_id', 's.team_id')} AS conflicted,
              (NOT ${conflictedSql('a.juror_id', 's.team_id')} AND s.status = 'submitted'
                AND (e.published AND now() >= e.submission_deadline AND now() < e.judging_ends_at
                     OR ${reopenedSql('a.juror_id', 's.id')})) AS can_score,
              (SELECT row_to_json(x) FROM (
                 SELECT sh.id, sh.edition_id, sh.juror_id, sh.submission_id, sh.values, sh.comment, sh.score,
                        sh.submission_version, sh.seq, sh.updated_at
                   FROM score_sheets sh WHERE sh.juror_id = a.juror_id AND sh.submission_id = s.id) x) AS sheet,
              (SELECT row_to_json(f) FROM (SELECT ${FLAG_COLUMNS} FROM judging_flags fl
                 WHERE fl.juror_id = a.juror_id AND fl.submission_id = s.id AND fl.status = 'open') f) AS flag,
              (SELECT row_to_json(r) FROM (SELECT ${REOPENING_COLUMNS} FROM sheet_reopenings ro
                 WHERE ro.juror_id = a.juror_id AND ro.submission_id = s.id AND ro.closed_at IS NULL
                   AND (ro.until IS NULL OR ro.until > now())) r) AS reopening
         FROM assignments a
         JOIN submissions s ON s.id = a.submission_id
         JOIN teams t ON t.id = s.team_id
         JOIN editions e ON e.id = s.edition_id
        WHERE a.edition_id = $1 AND a.juror_id = $2 AND s.disqualified_at IS NULL`,
      [editionId, user.id],
    );
    const items = rows.map((r): MyAssignment => {
      const sheet = r.sheet
        ? toScoreSheet({ ...r.sheet, updated_at: new Date(r.sheet.updated_at), counts: !r.conflicted })
        : null;
      const flag = r.flag ? toFlag(r.flag) : null;
      return {
        submissionId: r.submission_id,
        teamId: r.team_id,
        teamName: r.team_name,
        trackId: r.track_id,
        title: r.title,
        sheet,
        tableLabel: r.table_label,
        status: r.conflicted ? 'conflicted' : sheet ? 'done' : flag ? 'flagged' : 'todo',
        flag,
        canScore: r.can_score,
        reopening: r.reopening ? toSheetReopening(r.reopening) : null,
        latest: {
          version: r.version,
          updatedAt: new Date(r.updated_at).toISOString(),
          submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
          tagline: r.tagline,
          description: r.description,
          repoUrl: r.repo_url,
          demoUrl: r.demo_url,
          videoUrl: r.video_url,
          techTags: r.tech_tags,
          challengeIds: r.challenge_ids,
          deadline: new Date(r.deadline).toISOString(),
          extensionRunning: !!r.extension_running,
        },
      };
    });
    items.sort(
      (a, b) =>
        compareTableLabels(a.tableLabel, b.tableLabel) ||
        a.teamName.localeCompare(b.teamName, 'en', { sensitivity: 'base' }) ||
        (a.submissionId < b.submissionId ? -1 : 1),
    );
    return { items, nextCursor: null };
  }
}
