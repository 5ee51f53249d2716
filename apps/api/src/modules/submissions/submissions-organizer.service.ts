import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExtensionResult, Page, Submission, SubmissionListItem, SubmissionListQuery } from '@ca/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { validationFailed, notFound } from '../../common/errors/domain-error';
import { queryRows } from '../../common/database/returning';
import { decodeCursor, pageFrom } from '../../common/pagination/cursor';
import { AuditService } from '../audit/audit.service';
import { EditionsService } from '../editions/editions.service';
import { JudgingEvents } from '../judging/judging-events';
import { DashboardSignal } from '../live/dashboard-signal';
import { RankingLog } from '../ranking/ranking-log';
import { TeamsService } from '../teams/teams.service';
import {
  STORED_COLUMNS,
  SUBMISSION_SELECT,
  findSubmission,
  lockTeam,
  toSubmission,
  type StoredRow,
  type SubmissionRow,
} from './submissions.sql';

/** Submitted after the edition's deadline, by a team with a deadline of its own. */
const LATE = 't.extended_deadline IS NOT NULL AND s.submitted_at > e.submission_deadline';

/** What organizers do with submissions: list and filter, extend one team's deadline, disqualify. */
@Injectable()
export class SubmissionsOrganizerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly audit: AuditService,
    private readonly teams: TeamsService,
    private readonly judging: JudgingEvents,
    private readonly ranking: RankingLog,
    private readonly dashboard: DashboardSignal,
  ) {}

  /** The edition's submissions in team-name order, filtered by track, status and disqualification. */
  async list(editionId: string, q: SubmissionListQuery): Promise<Page<SubmissionListItem>> {
    await this.editions.get(editionId, { includeDrafts: true }); // 404 for an unknown edition
    const cursor = decodeCursor(q.cursor, 2);
    const params: unknown[] = [editionId];
    const where = ['s.edition_id = $1'];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (q.trackId) where.push(`s.track_id = ${param(q.trackId)}`);
    if (q.status) where.push(`s.status = ${param(q.status)}`);
    if (q.disqualified) where.push(`s.disqualified_at IS ${q.disqualified === 'true' ? 'NOT ' : ''}NULL`);
    if (cursor) where.push(`(t.name_key, s.id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    const rows: (SubmissionRow & { team_name: string; name_key: string })[] = await this.db.query(
      `${SUBMISSION_SELECT.replace('SELECT ', 'SELECT t.name AS team_name, t.name_key, ')}
        WHERE ${where.join(' AND ')}
        ORDER BY t.name_key, s.id
        LIMIT ${param(q.limit + 1)}`,
      params,
    );
    const page = pageFrom(rows, q.limit, (r) => [r.name_key, r.id]);
    return {
      items: page.items.map((r) => ({ ...toSubmission(r), teamName: r.team_name })),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * Gives one team its own deadline, after the edition's submission deadline and before judging
   * ends (`null` withdraws it). Audited as `extension.granted` (or `extension.withdrawn`).
   */
  async grantExtension(teamId: string, until: string | null, actor: AuthUser): Promise<ExtensionResult> {
    let editionId = '';
    const result = await this.db.transaction(async (m) => {
      const team = await lockTeam(m, teamId);
      const untilDate = until === null ? null : new Date(until);
      if (untilDate && !(untilDate > team.submissionDeadline && untilDate < team.judgingEndsAt)) {
        throw validationFailed(
          'until',
          `must be after the edition's submission deadline (${team.submissionDeadline.toISOString()}) and before judging ends (${team.judgingEndsAt.toISOString()})`,
        );
      }
      await this.teams.setExtendedDeadline(teamId, untilDate, m);
      editionId = team.editionId;
      const deadline = untilDate ?? team.submissionDeadline; // untilDate is after it (checked above)
      await this.audit.record(m, {
        editionId: team.editionId,
        actorId: actor.id,
        action: untilDate ? 'extension.granted' : 'extension.withdrawn',
        entity: 'team',
        entityId: teamId,
        before: { extendedDeadline: team.extendedDeadline?.toISOString() ?? null },
        after: { extendedDeadline: untilDate?.toISOString() ?? null },
      });
      return {
        teamId,
        extendedDeadline: untilDate?.toISOString() ?? null,
        deadline: deadline.toISOString(),
      };
    });
    this.dashboard.changed(editionId, 'submissions'); // teams with a deadline of their own
    return result;
  }

  /**
   * Disqualifies (with a reason) or reinstates a submission. A disqualified submission is
   * read-only for its team and left out of the gallery. Audited with the reason.
   */
  async setDisqualified(submissionId: string, reason: string | null, actor: AuthUser): Promise<Submission> {
    let change = null as { editionId: string; seq: number } | null;
    const result = await this.db.transaction(async (m) => {
      const found = await findSubmission(m, { id: submissionId });
      if (!found) throw notFound('Submission');
      const team = await lockTeam(m, found.team_id); // the order of every writer: team row first
      const current = (await findSubmission(m, { id: submissionId }))!;
      const unchanged =
        reason === null ? current.disqualified_at === null : current.disqualified_reason === reason;
      if (unchanged) return toSubmission(current);
      const [row] = await queryRows<StoredRow>(
        m,
        `UPDATE submissions
            SET disqualified_at = CASE WHEN $2::text IS NULL THEN NULL ELSE COALESCE(disqualified_at, now()) END,
                disqualified_reason = $2::text
          WHERE id = $1
         RETURNING ${STORED_COLUMNS}`,
        [submissionId, reason],
      );
      await this.audit.record(m, {
        editionId: current.edition_id,
        actorId: actor.id,
        action: reason === null ? 'submission.reinstated' : 'submission.disqualified',
        entity: 'submission',
        entityId: submissionId,
        before: { disqualified: current.disqualified_at !== null, reason: current.disqualified_reason },
        after: { disqualified: reason !== null, reason },
      });
      // The boards leave a disqualified project out: the ranking follows the judging sequence.
      change = { editionId: current.edition_id, seq: await this.judging.raise(m, current.edition_id) };
      await this.ranking.projectChanged(m, submissionId); // last (RankingLog)
      return toSubmission({ ...row!, deadline: team.deadline });
    });
    if (change) {
      const { editionId, seq } = change;
      this.dashboard.changed(editionId, 'submissions');
      this.judging.publish({
        editionId,
        seq,
        kind: 'disqualification',
        submissionIds: [submissionId],
        jurorId: null,
      });
    }
    return result;
  }

  /**
   * The edition's projects by state (the organizers' dashboard): teams without a project, drafts,
   * projects submitted, and late ones (submitted after the edition's deadline by a team with an
   * extension; a project submitted before a deadline later moved earlier is not late);
   * disqualified projects of any state; teams with a deadline of their own.
   */
  async stateCounts(editionId: string): Promise<{
    none: number;
    draft: number;
    submitted: number;
    late: number;
    disqualified: number;
    extensions: number;
  }> {
    const [row] = await this.db.query(
      `SELECT count(*) FILTER (WHERE s.id IS NULL)::int AS none,
              count(*) FILTER (WHERE s.status = 'draft')::int AS draft,
              count(*) FILTER (WHERE s.status = 'submitted' AND NOT ${LATE})::int AS submitted,
              count(*) FILTER (WHERE s.status = 'submitted' AND ${LATE})::int AS late,
              count(*) FILTER (WHERE s.disqualified_at IS NOT NULL)::int AS disqualified,
              count(*) FILTER (WHERE t.extended_deadline IS NOT NULL)::int AS extensions
         FROM teams t
         JOIN editions e ON e.id = t.edition_id
         LEFT JOIN submissions s ON s.team_id = t.id
        WHERE t.edition_id = $1`,
      [editionId],
    );
    return row;
  }
}
