import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  EditionRole,
  Language,
  Me,
  NotificationSettings,
  NotificationSettingsUpdate,
  RegisterInput,
} from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { hashPassword } from '../../common/auth/passwords';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { UserEntity } from './entities/user.entity';
import { LiveGateway } from '../live/live.gateway';
import {
  ensureOrganizer,
  type OrganizerInput,
  type OrganizerOptions,
  type OrganizerResult,
} from './organizer';
import { normalizeEmail, toUser } from './users.mapper';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: LiveGateway,
  ) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ email: normalizeEmail(email) });
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw notFound('User');
    return user;
  }

  /**
   * 409 EMAIL_TAKEN when the address (compared case-insensitively) already has an account.
   * `consent` records the mail language and, when accepted at sign-up, the terms (the database's
   * now() and the version).
   */
  async create(
    input: Pick<RegisterInput, 'email' | 'password' | 'name'>,
    consent?: { termsVersion: string | null; language: Language },
  ): Promise<UserEntity> {
    const email = normalizeEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    const rows = await this.db
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values({
        email,
        name: input.name.trim(),
        passwordHash,
        isOrganizer: false,
        disabledAt: null,
        ...(consent ? { language: consent.language } : {}),
        ...(consent?.termsVersion
          ? { termsVersion: consent.termsVersion, termsAcceptedAt: () => 'now()' }
          : {}),
      })
      .orIgnore()
      .returning('*')
      .execute();
    if (rows.raw.length === 0)
      throw new DomainError('EMAIL_TAKEN', 'email: an account with this address exists');
    return this.get(rows.raw[0].id);
  }

  /**
   * Anonymises an account for good (the person deleted it): name and email replaced, the password
   * unusable, disabled. The row stays, so that sheets and audit entries keep pointing at it.
   */
  async anonymise(userId: string, name: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `UPDATE users SET name = $2, email = 'deleted-' || id || '@deleted.invalid', password_hash = '!',
              is_organizer = false, disabled_at = coalesce(disabled_at, now()), updated_at = now()
        WHERE id = $1`,
      [userId, name],
    );
  }

  /** The language of the person's mail and their optional notifications. */
  async notificationSettings(userId: string): Promise<NotificationSettings> {
    const u = await this.get(userId);
    return {
      language: u.language,
      joinRequests: u.notifyJoinRequests,
      deadlineReminders: u.notifyDeadlineReminders,
      results: u.notifyResults,
    };
  }

  async updateNotificationSettings(
    userId: string,
    input: NotificationSettingsUpdate,
  ): Promise<NotificationSettings> {
    const columns: Partial<UserEntity> = {};
    if (input.language !== undefined) columns.language = input.language;
    if (input.joinRequests !== undefined) columns.notifyJoinRequests = input.joinRequests;
    if (input.deadlineReminders !== undefined) columns.notifyDeadlineReminders = input.deadlineReminders;
    if (input.results !== undefined) columns.notifyResults = input.results;
    await this.db.getRepository(UserEntity).update({ id: userId }, columns);
    return this.notificationSettings(userId);
  }

  /** Stores an already hashed password (hash before a transaction: argon2id takes tens of ms). */
  async setPasswordHash(
    userId: string,
    passwordHash: string,
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    await manager.getRepository(UserEntity).update({ id: userId }, { passwordHash });
  }

  /** See `ensureOrganizer`; also closes the sockets of the sessions it ended. */
  async ensureOrganizer(input: OrganizerInput, options?: OrganizerOptions): Promise<OrganizerResult> {
    const result = await ensureOrganizer(this.db.manager, input, options);
    this.live.disconnectSessions(result.revokedSessionIds);
    return result;
  }

  /** The user with their roles per edition (`GET /api/auth/me`). */
  async me(userId: string): Promise<Me> {
    const user = await this.get(userId);
    const rows: { edition_id: string; role: EditionRole }[] = await this.db.query(
      `SELECT edition_id, 'participant' AS role FROM registrations WHERE user_id = $1
       UNION ALL
       SELECT edition_id, 'juror' AS role FROM jurors WHERE user_id = $1`,
      [userId],
    );
    const byEdition = new Map<string, EditionRole[]>();
    for (const r of rows) byEdition.set(r.edition_id, [...(byEdition.get(r.edition_id) ?? []), r.role]);
    return { ...toUser(user), editions: [...byEdition].map(([editionId, roles]) => ({ editionId, roles })) };
  }

  /** The user's roles in one edition (participant when registered, juror when in `jurors`). */
  async editionRoles(
    userId: string,
    editionId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<EditionRole[]> {
    const rows: { role: EditionRole }[] = await manager.query(
      `SELECT 'participant' AS role FROM registrations WHERE user_id = $1 AND edition_id = $2
       UNION ALL
       SELECT 'juror' AS role FROM jurors WHERE user_id = $1 AND edition_id = $2`,
      [userId, editionId],
    );
    return rows.map((r) => r.role);
  }

  /** Whether the user holds one of `roles` in the edition (the guard's edition rule). */
  async hasEditionRole(userId: string, editionId: string, roles: EditionRole[]): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM registrations WHERE user_id = $1 AND edition_id = $2 AND 'participant' = ANY($3)
       UNION ALL
       SELECT 1 FROM jurors WHERE user_id = $1 AND edition_id = $2 AND 'juror' = ANY($3)
       LIMIT 1`,
      [userId, editionId, roles],
    );
    return rows.length > 0;
  }
}
