/** What PostgreSQL reports about a failed statement (TypeORM copies it onto QueryFailedError). */
export interface PgError {
  code?: string;
  constraint?: string;
}

export function pgError(err: unknown): PgError {
  const e = err as { code?: unknown; constraint?: unknown; driverError?: PgError };
  const src = e?.driverError ?? e;
  return {
    code: typeof src?.code === 'string' ? src.code : undefined,
    constraint: typeof src?.constraint === 'string' ? src.constraint : undefined,
  };
}

/** A unique-index violation (23505) on `constraint`. */
export const isUniqueViolation = (err: unknown, constraint?: string) => {
  const e = pgError(err);
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
};
