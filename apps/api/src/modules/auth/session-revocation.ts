import type { EntityManager } from 'typeorm';

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
  const rows: unknown[] = await manager.query(
    `UPDATE sessions SET revoked_at = now()
      WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)
      RETURNING id`,
    [userId, exceptSessionId ?? null],
  );
  // node-postgres returns [rows, count] for UPDATE … RETURNING through TypeORM's query()
  const list = (Array.isArray(rows[0]) ? rows[0] : rows) as { id: string }[];
  return list.map((r) => r.id);
}
