import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses (403 ORIGIN_REFUSED) a state-changing request sent by a page of another site: one whose
 * `Origin` header is present and is neither the app's own origin (PUBLIC_URL's, or the host the
 * request was sent to) nor one of CORS_ORIGINS. Session cookies are SameSite=Lax, which lets
 * some cross-site requests carry them; browsers always send `Origin` with a cross-site POST, so
 * this check stops those. A request without `Origin` (scripts, other servers, same-origin GETs)
 * is judged by its credentials alone.
 */
export function originCheck(publicUrl: string, corsOrigins: string[]) {
  const allowed = new Set([new URL(publicUrl).origin, ...corsOrigins.map(originOf)]);
  return (request: FastifyRequest): void => {
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (allowed.has(origin)) return;
    // The page that sent it came from the host it was sent to: the app itself, under another
    // address than PUBLIC_URL (a LAN address at a venue, a test server on a random port).
    // `request.host` is the Host header (X-Forwarded-Host only from a trusted proxy).
    if (sameHost(origin, request.host)) return;
    throw new DomainError(
      'ORIGIN_REFUSED',
      `origin: ${origin} may not change anything here (add it to CORS_ORIGINS if it should)`,
    );
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Whether the origin names this host (ports compared as the origin's scheme defaults them). */
function sameHost(origin: string, host: string): boolean {
  try {
    const o = new URL(origin);
    return o.host === new URL(`${o.protocol}//${host}`).host;
  } catch {
    return false; // `null` (sandboxed frames, some redirects) and anything malformed
  }
}
