import type { TimedEdition } from '../editions/queries';
import { useServerNow } from '../editions/use-server-now';

/**
 * Whether the edition's results are out by the server's clock: `resultsPublishedAt` set and
 * passed (the API's own rule for a team's result). Ticks with the server's seconds, so a page
 * open at the moment of publication turns without a reload.
 */
export function useResultsPublished(edition: TimedEdition | undefined): boolean {
  const now = useServerNow(edition?.clockOffsetMs ?? 0);
  if (!edition) return false;
  if (edition.resultsPublished) return true;
  const at = edition.resultsPublishedAt ? Date.parse(edition.resultsPublishedAt) : null;
  return at !== null && at <= now;
}
