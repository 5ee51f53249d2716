import type { User, UserAccount } from '@ca/shared';
import type { UserEntity } from './entities/user.entity';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function toUser(u: Pick<UserEntity, 'id' | 'email' | 'name' | 'isOrganizer'>): User {
  return { id: u.id, email: u.email, name: u.name, isOrganizer: u.isOrganizer };
}

export function toUserAccount(
  u: Pick<UserEntity, 'id' | 'email' | 'name' | 'isOrganizer' | 'disabledAt' | 'createdAt'>,
): UserAccount {
  return {
    ...toUser(u),
    disabledAt: u.disabledAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}
