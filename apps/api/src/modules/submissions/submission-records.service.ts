import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/database/returning';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import {
  STORED_COLUMNS,
  challengesOfTrack,
  findSubmission,
  recordVersion,
  type StoredRow,
} from './submissions.sql';

/** What went with a deleted team, for the audit entry of the deletion. */
export interface DiscardedProject {
  id: string;
  title: string;
  status: 'draft';
  version: number;
}

/**
 * What other modules need done to a team's project inside their own transactions: the teams
 * module when a team is deleted or moves to another track, the editions module when a challenge
 * is deleted. The rules of the project stay here, and no other module writes the submissions
 * table. It depends on no other module but the (global) audit, so that the teams and editions
 * modules can import it while the rest of the submissions module imports them.
 *
 * Every change of a project is a new version (action `save`, by whoever made the change) and an
 * audit entry, in the caller's transaction.
 */
@Injectable()
export class SubmissionRecordsService {
  constructor(private readonly audit: AuditService) {}

  /**
   * The last member is leaving and the team is about to be deleted (the caller holds the team's
   * row lock, which every writer of the project takes first). A submitted or disqualified project
   * is kept: 409 TEAM_HAS_SUBMISSION. A draft is deleted with its history; the answer says what
   * went (null when the team had no project).
   */
  async discardWithTeam(m: EntityManager, teamId: string): Promise<DiscardedProject | null> {
    const current = await findSubmission(m, { teamId });
    if (!current) return null;
    if (current.status === 'submitted' || current.disqualified_at) {
      throw new DomainError(
        'TEAM_HAS_SUBMISSION',
        current.status === 'submitted'
          ? 'The team has a submitted project and you are its last member: withdraw the submission (unsubmit) before leaving, or ask someone to join'
          : 'The team has a project the organizers disqualified and you are its last member: the team and its project are kept',
      );
    }
    await m.query('DELETE FROM submissions WHERE id = $1', [current.id]);
    return { id: current.id, title: current.title, status: 'draft', version: current.version };
  }

  /**
   * The team moves to `trackId` (a track of its edition; the caller holds the team's row lock):
   * its project moves with it, keeping only challenges of the new track (challenges belong to one
   * track, so in practice none). A disqualified project is read-only, and so is its track: 403.
   */
  async followTrackMove(m: EntityManager, teamId: string, trackId: string, actorId: string): Promise<void> {
    const current = await findSubmission(m, { teamId });
    if (!current || current.track_id === trackId) return;
    if (current.disqualified_at) {
      throw new DomainError(
        'FORBIDDEN',
        `The team's project was disqualified (${current.disqualified_reason ?? ''}); the team cannot change track`,
      );
    }
    const kept = await challengesOfTrack(m, trackId, current.challenge_ids);
    const [row] = await queryRows<StoredRow>(
      m,
      `UPDATE submissions
          SET track_id = $2, challenge_ids = $3::uuid[], version = version + 1, updated_at = now()
        WHERE id = $1
       RETURNING ${STORED_COLUMNS}`,
      [current.id, trackId, kept],
    );
    await recordVersion(m, row!, 'save', actorId);
    await this.audit.record(m, {
      editionId: row!.edition_id,
      actorId,
      action: 'submission.track_changed',
      entity: 'submission',
      entityId: row!.id,
      before: { trackId: current.track_id, challengeIds: current.challenge_ids },
      after: { trackId, challengeIds: kept },
    });
  }

  /**
   * The challenge was just deleted in `m`'s transaction (its row stays locked until the end):
   * every project that named it stops naming it, whatever its state (submitted, past its deadline
   * or disqualified: the id would point at nothing). A save naming the challenge either finished
   * before the deletion could lock the row, and is seen here, or waits and then finds it gone
   * (`challengesOfTrack`).
   */
  async dropChallenge(m: EntityManager, challengeId: string, actorId: string | null): Promise<void> {
    const before: { id: string; challenge_ids: string[] }[] = await m.query(
      `SELECT id, challenge_ids FROM submissions WHERE $1::uuid = ANY(challenge_ids) ORDER BY id FOR UPDATE`,
      [challengeId],
    );
    if (before.length === 0) return;
    const rows = await queryRows<StoredRow>(
      m,
      `UPDATE submissions
          SET challenge_ids = array_remove(challenge_ids, $2::uuid), version = version + 1, updated_at = now()
        WHERE id = ANY($1::uuid[])
       RETURNING ${STORED_COLUMNS}`,
      [before.map((r) => r.id), challengeId],
    );
    const beforeIds = new Map(before.map((r) => [r.id, r.challenge_ids]));
    for (const row of rows) {
      await recordVersion(m, row, 'save', actorId);
      await this.audit.record(m, {
        editionId: row.edition_id,
        actorId,
        action: 'submission.challenge_removed',
        entity: 'submission',
        entityId: row.id,
        before: { challengeIds: beforeIds.get(row.id) },
        after: { challengeIds: row.challenge_ids },
      });
    }
  }
}
