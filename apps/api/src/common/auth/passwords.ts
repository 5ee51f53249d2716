import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { ConcurrencyGate } from './concurrency-gate';

/**
 * Argon2 hashes running at once, in this process: each takes tens of milliseconds of a core and
 * 19 MiB, so a burst of sign-ups or sign-ins waits its turn instead of taking every core and the
 * libuv pool from the rest of the API. One per core unless PASSWORD_HASH_CONCURRENCY says
 * otherwise (set at start-up by createApp).
 */
export const passwordHashGate = new ConcurrencyGate(Math.max(1, availableParallelism()));

// @node-rs/argon2 ships prebuilt binaries in per-platform npm packages (no install script, no
// download) and hashes with Argon2id by default, with OWASP's recommended memory and time costs.
export const hashPassword = (password: string) => passwordHashGate.run(() => hash(password));

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await passwordHashGate.run(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

/** Compared against when the email is unknown, so that a miss costs as much time as a wrong password. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$8VNsy44rhWK1P+XEw5Jzgg$B7ZTX98HYF+ohStQ52SesimO9TT8upSpSvXUuz2qwE0';
