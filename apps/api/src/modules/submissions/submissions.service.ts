import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, PageQuery, Submission, SubmissionPut, SubmissionVersion } from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { DomainError, forbidden, notFound } from '../../common/errors/domain-error';
import { queryRows } from '../../common/database/returning';
import { decodeCursor, pageFrom } from '../../common/pagination/cursor';
import { DashboardSignal } from '../live/dashboard-signal';
import { RankingLog } from '../ranking/ranking-log';
import { TeamsService } from '../teams/teams.service';
import {
  STORED_COLUMNS,
  assertChallengesOfTrack,
  assertWritable,
  findSubmission,
  lockTeam,
  recordVersion,
  sameContent,
  toSubmission,
  type LockedTeam,
  type StoredRow,
} from './submissions.sql';
import { assertComplete, checklistOf } from './submission-checklist';

/** A team's own submission: read, save (a new version each time), submit, unsubmit, history. */
@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly teams: TeamsService,
    private readonly ranking: RankingLog,
    private readonly dashboard: DashboardSignal,
  ) {}

  /** Members and organizers; 404 before the first save. */
  /** The team's project, or null before its first save (an expected state, not an error). */
  async get(teamId: string, user: AuthUser): Promise<Submission | null> {
    await this.assertCanRead(teamId, user);
    const row = await findSubmission(this.db.manager, { teamId });
    return row ? toSubmission(row) : null;
  }

  /**
   * Replaces the draft and records the new version. With `baseVersion`, the save applies only on
   * top of that version (409 STALE_VERSION with the current submission otherwise), except that a
   * retried save of exactly the stored content answers the stored submission.
   */
  async save(teamId: string, user: AuthUser, input: SubmissionPut): Promise<Submission> {
    let first: string | null = null;
    const saved = await this.db.transaction(async (m) => {
      const team = await this.lockForMember(m, teamId, user);
      const current = await findSubmission(m, { teamId });
      assertWritable(team, current);
      const currentVersion = current?.version ?? 0;
      if (input.baseVersion !== undefined && input.baseVersion !== currentVersion) {
        if (current && sameContent(current, input)) return toSubmission(current);
        throw new DomainError(
          'STALE_VERSION',
          `baseVersion: the submission was changed meanwhile (version ${currentVersion}, not ${input.baseVersion}); merge with the current text and save again`,
          current ? toSubmission(current) : null,
        );
      }
      await assertChallengesOfTrack(m, team.trackId, input.challengeIds);
      const [row]: StoredRow[] = await m.query(
        `INSERT INTO submissions AS s
           (team_id, edition_id, track_id, title, tagline, description, repo_url, demo_url, video_url,
            tech_tags, challenge_ids, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text[], $11::uuid[], 1, now(), now())
         ON CONFLICT (team_id) DO UPDATE SET
           track_id = EXCLUDED.track_id, title = EXCLUDED.title, tagline = EXCLUDED.tagline,
           description = EXCLUDED.description, repo_url = EXCLUDED.repo_url,
           demo_url = EXCLUDED.demo_url, video_url = EXCLUDED.video_url,
           tech_tags = EXCLUDED.tech_tags, challenge_ids = EXCLUDED.challenge_ids,
           version = s.version + 1, updated_at = now()
         RETURNING ${STORED_COLUMNS}`,
        [
          teamId,
          team.editionId,
          team.trackId,
          input.title,
          input.tagline,
          input.description,
          input.repoUrl,
          input.demoUrl,
          input.videoUrl,
          input.techTags,
          input.challengeIds,
        ],
      );
      await recordVersion(m, row!, 'save', user.id);
      if (row!.version === 1) first = row!.edition_id;
      // A submitted project's new title shows on the boards (last: RankingLog).
      if (current?.status === 'submitted' && current.title !== row!.title)
        await this.ranking.projectChanged(m, row!.id);
      return toSubmission({ ...row!, deadline: team.deadline });
    });
    // The first save makes a draft (the dashboard counts drafts); later saves change no count.
    if (first !== null) this.dashboard.changed(first, 'submissions');
    return saved;
  }

  /**
   * Marks the submission submitted (a new version): 409 TEAM_TOO_SMALL below the edition's
   * teamMinSize. It takes the team's current track, so its challenges must belong to it.
   * Submitting a submitted one changes nothing.
   */
  submit(teamId: string, user: AuthUser): Promise<Submission> {
    return this.setStatus(teamId, user, 'submitted');
  }

  /** Back to draft (a new version); a draft stays as it is. */
  unsubmit(teamId: string, user: AuthUser): Promise<Submission> {
    return this.setStatus(teamId, user, 'draft');
  }

  private async setStatus(teamId: string, user: AuthUser, status: 'draft' | 'submitted') {
    let changed: string | null = null;
    const result = await this.db.transaction(async (m) => {
      const team = await this.lockForMember(m, teamId, user);
      const current = await findSubmission(m, { teamId });
      assertWritable(team, current);
      if (!current) throw notFound('Submission');
      const trackId = status === 'submitted' ? team.trackId : current.track_id;
      if (current.status === status && current.track_id === trackId) return toSubmission(current);
      if (status === 'submitted') {
        // Counted under the team's row lock, which joins and leaves take too.
        const size = await this.teams.memberCount(teamId, m);
        if (size < team.teamMinSize) {
          throw new DomainError(
            'TEAM_TOO_SMALL',
            `A team needs at least ${team.teamMinSize} members to submit; this one has ${size}`,
          );
        }
        await assertChallengesOfTrack(m, trackId, current.challenge_ids);
        assertComplete(await checklistOf(m, team.editionId, trackId, current));
      }
      const [row] = await queryRows<StoredRow>(
        m,
        `UPDATE submissions
            SET status = $2, track_id = $3,
                submitted_at = CASE WHEN $2 = 'submitted' THEN now() ELSE NULL END,
                version = version + 1, updated_at = now()
          WHERE id = $1
         RETURNING ${STORED_COLUMNS}`,
        [current.id, status, trackId],
      );
      await recordVersion(m, row!, status === 'submitted' ? 'submit' : 'unsubmit', user.id);
      await this.ranking.projectChanged(m, row!.id); // joins or leaves the boards (last: RankingLog)
      changed = row!.edition_id;
      return toSubmission({ ...row!, deadline: team.deadline });
    });
    if (changed !== null) this.dashboard.changed(changed, 'submissions');
    return result;
  }

  /** The history, newest first (one person's saves close together are one entry); members and organizers. */
  async versions(teamId: string, user: AuthUser, q: PageQuery): Promise<Page<SubmissionVersion>> {
    await this.assertCanRead(teamId, user);
    const submission = await findSubmission(this.db.manager, { teamId });
    if (!submission) throw notFound('Submission');
    const cursor = decodeCursor(q.cursor, 1);
    const rows: {
      version: number;
      first_version: number;
      saves: number;
      action: SubmissionVersion['action'];
      author_id: string | null;
      author_name: string | null;
      created_at: Date;
      started_at: Date;
      snapshot: SubmissionVersion['snapshot'];
    }[] = await this.db.query(
      `SELECT v.version, v.first_version, v.saves, v.action, v.author_id, u.name AS author_name,
              v.created_at, v.started_at, v.snapshot
         FROM submission_versions v
         LEFT JOIN users u ON u.id = v.author_id
        WHERE v.submission_id = $1 AND ($2::int IS NULL OR v.version < $2::int)
        ORDER BY v.version DESC
        LIMIT $3`,
      [submission.id, cursor ? Number(cursor[0]) : null, q.limit + 1],
    );
    const page = pageFrom(rows, q.limit, (r) => [r.version]);
    return {
      items: page.items.map((r) => ({
        version: r.version,
        firstVersion: r.first_version,
        saves: r.saves,
        action: r.action,
        authorId: r.author_id,
        authorName: r.author_name,
        createdAt: r.created_at.toISOString(),
        startedAt: r.started_at.toISOString(),
        snapshot: r.snapshot,
      })),
      nextCursor: page.nextCursor,
    };
  }

  private async assertCanRead(teamId: string, user: AuthUser): Promise<void> {
    await this.teams.get(teamId); // 404 for an unknown team
    if (user.isOrganizer) return;
    if (!(await this.teams.isMember(teamId, user.id))) {
      throw forbidden("Only the team's members and organizers may see its submission");
    }
  }

  /** Locks the team (see `lockTeam`) and checks, in the same transaction, that the user is a member. */
  private async lockForMember(m: EntityManager, teamId: string, user: AuthUser): Promise<LockedTeam> {
    const team = await lockTeam(m, teamId);
    if (!(await this.teams.isMember(teamId, user.id, m))) {
      throw forbidden("Only the team's members may change its submission");
    }
    return team;
  }
}
