import type { JoinRequest, JoinRequestKind, JoinRequestStatus } from '@ca/shared';
import type { EntityManager } from 'typeorm';

/**
 * The SQL of join requests (a participant asks a team) and team invitations (a captain asks a
 * participant), kept in one table `join_requests` of the teams module.
 */

/**
 * Closes the pending requests and invitations of a person who just joined a team (by any path),
 * in the transaction that added them. Runs after the team's row lock, like every membership write.
 */
export async function closePendingJoinRequests(m: EntityManager, editionId: string, userId: string) {
  await m.query(
    `UPDATE join_requests SET status = 'closed', decided_at = now()
      WHERE edition_id = $1 AND user_id = $2 AND status = 'pending'`,
    [editionId, userId],
  );
}

export interface JoinRequestRow {
  id: string;
  edition_id: string;
  kind: JoinRequestKind;
  team_id: string;
  team_name: string;
  track_id: string;
  user_id: string;
  user_name: string;
  user_email: string;
  share_contact: boolean | null;
  skills: string[] | null;
  message: string;
  status: JoinRequestStatus;
  created_by: string | null;
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
}

/** A join request with its team, person and that person's registration; add WHERE, ORDER BY. */
export const JOIN_REQUEST_SELECT = `
  SELECT jr.id, jr.edition_id, jr.kind, jr.team_id, t.name AS team_name, t.track_id,
         jr.user_id, u.name AS user_name, u.email AS user_email, r.share_contact, r.skills,
         jr.message, jr.status, jr.created_by, jr.created_at, jr.decided_at, jr.decided_by
    FROM join_requests jr
    JOIN teams t ON t.id = jr.team_id
    JOIN users u ON u.id = jr.user_id
    LEFT JOIN registrations r ON r.edition_id = jr.edition_id AND r.user_id = jr.user_id`;

/** The API shape; the person's email only with their consent, or for organizers. */
export function toJoinRequest(r: JoinRequestRow, viewer: { isOrganizer: boolean }): JoinRequest {
  return {
    id: r.id,
    editionId: r.edition_id,
    kind: r.kind,
    teamId: r.team_id,
    teamName: r.team_name,
    trackId: r.track_id,
    userId: r.user_id,
    userName: r.user_name,
    userEmail: viewer.isOrganizer || r.share_contact ? r.user_email : null,
    userSkills: r.skills ?? [],
    message: r.message,
    status: r.status,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    decidedBy: r.decided_by,
  };
}

export async function findJoinRequest(
  m: EntityManager,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<JoinRequestRow | null> {
  const rows: JoinRequestRow[] = await m.query(
    `${JOIN_REQUEST_SELECT} WHERE jr.id = $1${opts.lock ? ' FOR UPDATE OF jr' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}
