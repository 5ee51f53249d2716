import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, UserAccount, UserSearchQuery } from '@ca/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { forbidden, notFound } from '../../common/errors/domain-error';
import { decodeCursor, pageFrom } from '../../common/pagination/cursor';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import { UserEntity } from './entities/user.entity';
import { toUserAccount } from './users.mapper';

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Organizers' user administration: finding accounts, disabling and enabling them. */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  /** Accounts whose name or email contains `query` (case-insensitive), by name. */
  async search(q: UserSearchQuery): Promise<Page<UserAccount>> {
    const cursor = decodeCursor(q.cursor, 2);
    const qb = this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(q.limit + 1);
    if (q.query) {
      qb.andWhere("(u.name ILIKE :pattern ESCAPE '\\' OR u.email ILIKE :pattern ESCAPE '\\')", {
        pattern: `%${escapeLike(q.query)}%`,
      });
    }
    if (cursor) qb.andWhere('(u.name, u.id) > (:name, :id)', { name: cursor[0], id: cursor[1] });
    const page = pageFrom(await qb.getMany(), q.limit, (u) => [u.name, u.id]);
    return { items: page.items.map(toUserAccount), nextCursor: page.nextCursor };
  }

  /**
   * Disables (or enables) an account. Disabling ends every session of the user at once, on HTTP
   * and on open sockets, and is audited as `user.disabled` (enabling as `user.enabled`). Doing it
   * again changes and records nothing. An organizer cannot disable themself: 403 FORBIDDEN.
   */
  async setDisabled(actor: AuthUser, userId: string, disabled: boolean): Promise<UserAccount> {
    if (disabled && actor.id === userId) throw forbidden('You cannot disable your own account');
    const user = await this.db.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const current = await repo
        .createQueryBuilder('u')
        .setLock('pessimistic_write')
        .where('u.id = :userId', { userId })
        .getOne();
      if (!current) throw notFound('User');
      if (!!current.disabledAt === disabled) return current;
      const [{ now }] = (await m.query(`SELECT now() AS now`)) as { now: Date }[];
      const disabledAt = disabled ? new Date(now) : null;
      await repo.update({ id: userId }, { disabledAt });
      await this.audit.record(m, {
        editionId: null,
        actorId: actor.id,
        action: disabled ? 'user.disabled' : 'user.enabled',
        entity: 'user',
        entityId: userId,
        before: { disabledAt: current.disabledAt?.toISOString() ?? null },
        after: { disabledAt: disabledAt?.toISOString() ?? null },
      });
      return { ...current, disabledAt };
    });
    // Sessions of a disabled account stop resolving as soon as the change commits; revoking them
    // also closes their sockets (on every instance) and keeps them dead if the account is enabled.
    if (disabled) await this.sessions.revokeAllForUser(userId);
    return toUserAccount(user);
  }
}
