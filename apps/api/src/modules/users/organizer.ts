import type { EntityManager } from 'typeorm';
import { hashPassword } from '../../common/auth/passwords';
import { UserEntity } from './entities/user.entity';
import { normalizeEmail } from './users.mapper';

/**
 * Creates the account as organizer, or makes an existing one organizer and sets its password.
 * Used at start-up (ORGANIZER_EMAIL / ORGANIZER_PASSWORD) and by `npm run organizer`.
 */
export async function ensureOrganizer(
  manager: EntityManager,
  input: { email: string; password: string; name?: string },
): Promise<{ id: string; created: boolean }> {
  const repo = manager.getRepository(UserEntity);
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const existing = await repo.findOneBy({ email });
  if (existing) {
    await repo.update({ id: existing.id }, { isOrganizer: true, passwordHash, disabledAt: null });
    return { id: existing.id, created: false };
  }
  const saved = await repo.save(
    repo.create({
      email,
      name: input.name ?? 'Organizer',
      passwordHash,
      isOrganizer: true,
      disabledAt: null,
    }),
  );
  return { id: saved.id, created: true };
}
