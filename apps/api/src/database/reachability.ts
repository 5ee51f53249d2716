import { Client } from 'pg';

/** Describes a URL without its password, for error messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Connects once with a short timeout so that a wrong `DATABASE_URL` stops the start within
 * seconds with a sentence naming the variable, instead of TypeORM's retries and a stack trace.
 */
export async function assertDatabaseReachable(url: string, timeoutMs: number): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    const reason = err instanceof Error ? err.message || (err as { code?: string }).code : String(err);
    throw new Error(
      `Cannot reach the database at DATABASE_URL=${redactUrl(url)}: ${reason || 'connection failed'}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
