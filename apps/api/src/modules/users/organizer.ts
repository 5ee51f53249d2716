import type { EntityManager } from 'typeorm';
import { hashPassword, verifyPassword } from '../../common/auth/passwords';
import { revokeUserSessions } from '../auth/session-revocation';
import { UserEntity } from './entities/user.entity';
import { normalizeEmail } from './users.mapper';

export interface OrganizerInput {
  email: string;
  password: string;
  name?: string;
}

export interface OrganizerOptions {
  /** Enable the account if it is disabled (`npm run organizer -- --enable`); else it is left as is. */
  enableDisabled?: boolean;
}

export interface OrganizerResult {
  id: string;
  created: boolean;
  /** An existing account that was not organizer before. */
  promoted: boolean;
  passwordChanged: boolean;
  /** A disabled account, left disabled and untouched (nothing else changed either). */
  leftDisabled: boolean;
  /** A disabled account enabled again, because `enableDisabled` asked for it. */
  reenabled: boolean;
  /** Sessions the account had and no longer has (their sockets are to be closed). */
  revokedSessionIds: string[];
}

/**
 * Creates the account as organizer, or makes an existing one organizer with this password.
 * Used at start-up (ORGANIZER_EMAIL / ORGANIZER_PASSWORD), by `npm run organizer` and the demo seed.
 *
 * Whenever an existing account changes (it becomes organizer, gets a new password or is enabled
 * again), every session it had ends in the same transaction: whoever held one, say someone who
 * registered that address first, does not become organizer with it. Run again with the same
 * password, nothing changes and the organizer stays signed in. A disabled account is never
 * enabled unless `enableDisabled` says so: it is left untouched and `leftDisabled` tells.
 */
export async function ensureOrganizer(
  manager: EntityManager,
  input: OrganizerInput,
  options: OrganizerOptions = {},
): Promise<OrganizerResult> {
  const email = normalizeEmail(input.email);
  const result = (id: string, changes: Partial<OrganizerResult> = {}): OrganizerResult => ({
    id,
    created: false,
    promoted: false,
    passwordChanged: false,
    leftDisabled: false,
    reenabled: false,
    revokedSessionIds: [],
    ...changes,
  });
  return manager.transaction(async (m) => {
    const repo = m.getRepository(UserEntity);
    const existing = await repo
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.email = :email', { email })
      .getOne();
    if (!existing) {
      const saved = await repo.save(
        repo.create({
          email,
          name: input.name ?? 'Organizer',
          passwordHash: await hashPassword(input.password),
          isOrganizer: true,
          disabledAt: null,
        }),
      );
      return result(saved.id, { created: true });
    }
    if (existing.disabledAt && !options.enableDisabled) return result(existing.id, { leftDisabled: true });

    const promoted = !existing.isOrganizer;
    const reenabled = existing.disabledAt !== null;
    const passwordChanged = !(await verifyPassword(existing.passwordHash, input.password));
    if (!promoted && !reenabled && !passwordChanged) return result(existing.id);
    await repo.update(
      { id: existing.id },
      {
        isOrganizer: true,
        disabledAt: null,
        ...(passwordChanged ? { passwordHash: await hashPassword(input.password) } : {}),
      },
    );
    const revokedSessionIds = await revokeUserSessions(m, existing.id);
    return result(existing.id, { promoted, reenabled, passwordChanged, revokedSessionIds });
  });
}

/** The line to print about the outcome, for start-up's log and the command line. */
export function describeOrganizer(
  email: string,
  r: OrganizerResult,
): { level: 'log' | 'warn'; message: string } {
  if (r.leftDisabled) {
    return {
      level: 'warn',
      message:
        `${email} is disabled: left disabled and not made organizer. Enable it in the user ` +
        `administration, or run \`npm run organizer -- --email ${email} --password … --enable\``,
    };
  }
  if (r.created) return { level: 'log', message: `${email} is an organizer (new account)` };
  const changes = [
    r.reenabled && 're-enabled (it was disabled)',
    r.promoted ? 'made organizer' : 'already an organizer',
    r.passwordChanged && 'password set',
  ].filter(Boolean);
  const n = r.revokedSessionIds.length;
  const ended = r.promoted || r.reenabled || r.passwordChanged;
  return {
    level: r.reenabled ? 'warn' : 'log',
    message:
      `${email}: ${changes.join(', ')}` +
      (ended ? `; ${n} earlier session${n === 1 ? '' : 's'} ended` : ', nothing changed'),
  };
}
