import type { EntityManager } from 'typeorm';
import type { AlgoJuror, AlgoProject } from './assignment-algorithm';

/**
 * What the assignment decisions read about an edition, in the deciding transaction: the projects
 * that take part, the jurors, who is conflicted with whom, and the current assignments.
 */
export interface AssignmentState {
  reviewsPerSubmission: number;
  projects: (AlgoProject & { teamName: string; title: string })[];
  jurors: (AlgoJuror & { name: string })[];
  /** `${jurorId}|${teamId}` of every conflict, declared or by membership. */
  conflicts: Set<string>;
  existing: {
    jurorId: string;
    submissionId: string;
    source: 'auto' | 'manual';
    hasSheet: boolean;
    /** The project takes part (submitted, not disqualified). */
    eligible: boolean;
    teamId: string;
  }[];
}

export const conflictKey = (jurorId: string, teamId: string) => `${jurorId}|${teamId}`;

export async function readAssignmentState(m: EntityManager, editionId: string): Promise<AssignmentState> {
  const [edition]: { reviews_per_submission: number }[] = await m.query(
    'SELECT reviews_per_submission FROM editions WHERE id = $1',
    [editionId],
  );
  const projects: {
    submission_id: string;
    team_id: string;
    track_id: string;
    team_name: string;
    title: string;
  }[] = await m.query(
    `SELECT s.id AS submission_id, s.team_id, s.track_id, t.name AS team_name, s.title
         FROM submissions s JOIN teams t ON t.id = s.team_id
        WHERE s.edition_id = $1 AND s.status = 'submitted' AND s.disqualified_at IS NULL
        ORDER BY s.id`,
    [editionId],
  );
  const jurors: { user_id: string; track_ids: string[]; name: string }[] = await m.query(
    `SELECT j.user_id, j.track_ids, u.name FROM jurors j JOIN users u ON u.id = j.user_id
      WHERE j.edition_id = $1 ORDER BY j.user_id`,
    [editionId],
  );
  const conflicts: { juror_id: string; team_id: string }[] = await m.query(
    `SELECT juror_id, team_id FROM conflicts WHERE edition_id = $1
     UNION
     SELECT tm.user_id, tm.team_id FROM team_members tm
       JOIN jurors j ON j.user_id = tm.user_id AND j.edition_id = tm.edition_id
      WHERE tm.edition_id = $1`,
    [editionId],
  );
  const existing: {
    juror_id: string;
    submission_id: string;
    source: 'auto' | 'manual';
    has_sheet: boolean;
    eligible: boolean;
    team_id: string;
  }[] = await m.query(
    `SELECT a.juror_id, a.submission_id, a.source, s.team_id,
            EXISTS (SELECT 1 FROM score_sheets sh WHERE sh.juror_id = a.juror_id AND sh.submission_id = a.submission_id) AS has_sheet,
            (s.status = 'submitted' AND s.disqualified_at IS NULL) AS eligible
       FROM assignments a JOIN submissions s ON s.id = a.submission_id
      WHERE a.edition_id = $1`,
    [editionId],
  );
  return {
    reviewsPerSubmission: edition?.reviews_per_submission ?? 0,
    projects: projects.map((p) => ({
      submissionId: p.submission_id,
      teamId: p.team_id,
      trackId: p.track_id,
      teamName: p.team_name,
      title: p.title,
    })),
    jurors: jurors.map((j) => ({ jurorId: j.user_id, trackIds: j.track_ids, name: j.name })),
    conflicts: new Set(conflicts.map((c) => conflictKey(c.juror_id, c.team_id))),
    existing: existing.map((e) => ({
      jurorId: e.juror_id,
      submissionId: e.submission_id,
      source: e.source,
      hasSheet: e.has_sheet,
      eligible: e.eligible,
      teamId: e.team_id,
    })),
  };
}

/** Assignments per juror on projects that take part. */
export function loadsOf(state: AssignmentState): Map<string, number> {
  const loads = new Map(state.jurors.map((j) => [j.jurorId, 0]));
  for (const e of state.existing)
    if (e.eligible && loads.has(e.jurorId)) loads.set(e.jurorId, loads.get(e.jurorId)! + 1);
  return loads;
}
