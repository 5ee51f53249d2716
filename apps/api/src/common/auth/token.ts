import { createHash, randomBytes } from 'node:crypto';
import { SESSION_COOKIE } from '@ca/shared';

/** A new opaque secret (sessions, invitations, password resets); only its hash is stored. */
export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The token a request or a socket handshake presents: `Authorization: Bearer …`, else the session cookie. */
export function tokenFrom(
  authorization: string | undefined,
  cookieHeader: string | undefined,
): string | undefined {
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim() || undefined;
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('=')) || undefined;
  }
  return undefined;
}
