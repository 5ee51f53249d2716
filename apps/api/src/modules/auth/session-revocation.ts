import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/database/returning';

/**
 * Ends every session of the user but `exceptSessionId`, in the given transaction; the ids of the
 * sessions ended (their sockets are to be closed). Also used without the application, by the
 * organizer command line, hence a plain function beside SessionsService.
 */
export async function revokeUserSessions(
  manager: EntityManager,
  userId: string,
  exceptSessionId?: string,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    manager,
    `UPDATE sessions SET revoked_at = now()
      WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)
      RETURNING id`,
    [userId, exceptSessionId ?? null],
  );
  return rows.map((r) => r.id);
}
