import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NO_SUBMISSION_REQUIREMENTS,
  SUBMISSION_DESCRIPTION_MIN_LENGTH,
  submissionChecklist,
  type SubmissionChecklist,
  type SubmissionRequirementKey,
  type SubmissionRequirementsInput,
} from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { DomainError, forbidden } from '../../common/errors/domain-error';
import { TeamsService } from '../teams/teams.service';
import { contentOf, findSubmission, type StoredRow } from './submissions.sql';

const LABELS: Record<SubmissionRequirementKey, string> = {
  description: `a description of at least ${SUBMISSION_DESCRIPTION_MIN_LENGTH} characters`,
  repoUrl: 'a repository link',
  demoUrl: 'a demo link',
  videoUrl: 'a video link',
  challenge: 'at least one challenge of the track',
};

/**
 * The checklist of a project against its edition's requirements, read in `m`'s transaction (the
 * submit path holds the edition row FOR SHARE through `lockTeam`, so the requirements cannot
 * change under the decision). `row` null: nothing saved yet.
 */
export async function checklistOf(
  m: EntityManager,
  editionId: string,
  trackId: string,
  row: StoredRow | null,
): Promise<SubmissionChecklist> {
  const [r]: { requirements: SubmissionRequirementsInput; has_challenges: boolean }[] = await m.query(
    `SELECT e.submission_requirements AS requirements,
            EXISTS (SELECT 1 FROM challenges c WHERE c.track_id = $2) AS has_challenges
       FROM editions e WHERE e.id = $1`,
    [editionId, trackId],
  );
  return submissionChecklist(
    row ? contentOf(row) : null,
    { ...NO_SUBMISSION_REQUIREMENTS, ...(r?.requirements ?? {}) },
    { trackHasChallenges: !!r?.has_challenges },
  );
}

/** 409 SUBMISSION_INCOMPLETE naming what the edition requires and the project lacks (`details.missing`). */
export function assertComplete(checklist: SubmissionChecklist): void {
  if (checklist.ready) return;
  throw new DomainError(
    'SUBMISSION_INCOMPLETE',
    `This edition requires ${checklist.missing.map((k) => LABELS[k]).join(', ')} before submitting; the draft is saved`,
    { missing: checklist.missing, checklist },
  );
}

/** `GET /api/teams/:id/submission/checklist`: what the team's project has and lacks. */
@Injectable()
export class SubmissionChecklistService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly teams: TeamsService,
  ) {}

  /** Members and organizers; before the first save every item is still to do. */
  async forTeam(teamId: string, user: AuthUser): Promise<SubmissionChecklist> {
    const team = await this.teams.get(teamId); // 404 for an unknown team
    if (!user.isOrganizer && !(await this.teams.isMember(teamId, user.id))) {
      throw forbidden("Only the team's members and organizers may see its submission");
    }
    const row = await findSubmission(this.db.manager, { teamId });
    // Submitting takes the team's current track, so its challenges are the ones that count.
    return checklistOf(this.db.manager, team.editionId, team.trackId, row);
  }
}
