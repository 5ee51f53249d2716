import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 ships prebuilt binaries in per-platform npm packages (no install script, no
// download) and hashes with Argon2id by default, with OWASP's recommended memory and time costs.
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Compared against when the email is unknown, so that a miss costs as much time as a wrong password. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$8VNsy44rhWK1P+XEw5Jzgg$B7ZTX98HYF+ohStQ52SesimO9TT8upSpSvXUuz2qwE0';
