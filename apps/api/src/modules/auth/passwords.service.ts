import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PasswordChange, PasswordResetConfirm } from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestAuth } from '../../common/auth/current-user';
import { hashPassword, verifyPassword } from '../../common/auth/passwords';
import { hashToken, newToken } from '../../common/auth/token';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/env';
import { MailService } from '../mail/mail.service';
import { queryRows } from '../../common/database/returning';
import { UsersService } from '../users/users.service';
import { LoginLimiter } from './login-limiter';
import { SessionsService } from './sessions.service';
import { bothLanguages, passwordResetTexts } from '../mail/mail-texts';

/** A reset link works for one hour. */
export const RESET_TTL_MS = 3600_000;
/** At most this many reset mails per account per hour, so that nobody can flood someone's mailbox. */
export const RESET_MAILS_PER_HOUR = 5;

const invalidToken = () =>
  new DomainError('INVALID_TOKEN', 'token: this reset link is unknown, used or expired');

/** Password change (signed in) and password reset by a mailed, single-use token. */
@Injectable()
export class PasswordsService {
  private readonly logger = new Logger('Passwords');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly limiter: LoginLimiter,
    private readonly mail: MailService,
  ) {}

  /**
   * 403 WRONG_PASSWORD when `currentPassword` is not the account's. A wrong guess counts as a
   * failed login (per account and per IP), so that a stolen session cannot be used to guess the
   * password: past the limit the answer is 429 RATE_LIMITED. On success every other session of
   * the user ends at once (sockets included) and pending reset links stop working.
   */
  async change(auth: RequestAuth, input: PasswordChange, ip: string): Promise<void> {
    const user = await this.users.get(auth.user.id);
    const slot = await this.limiter.take(user.email, ip);
    if (!slot) throw new DomainError('RATE_LIMITED', 'Too many wrong passwords; try again later');
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new DomainError('WRONG_PASSWORD', 'currentPassword: this is not your current password');
    }
    await slot.release();
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (m) => {
      await this.users.setPasswordHash(user.id, passwordHash, m);
      await this.voidResets(m, user.id);
    });
    await this.sessions.revokeAllForUser(user.id, auth.sessionId);
  }

  /**
   * Mails a reset link when the address belongs to an active account; says nothing either way
   * (the caller answers 202 in every case). The mail leaves in the background so that the time
   * of the answer does not tell whether the account exists. The link goes through SMTP or
   * nowhere (never to the outbox or the log, where others would read it), and a reset whose
   * mail did not go out is deleted: without SMTP_URL there are no resets.
   */
  async requestReset(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || user.disabledAt) return;
    if (!this.mail.smtpConfigured) {
      this.logger.warn(
        `Password reset asked for ${user.email}, but resets need SMTP (SMTP_URL is unset): no link was made`,
      );
      return;
    }
    const token = newToken();
    const created: unknown[] = await this.db.query(
      `INSERT INTO password_resets (user_id, token_hash, expires_at)
       SELECT $1, $2, now() + make_interval(secs => $3)
        WHERE (SELECT count(*) FROM password_resets
                WHERE user_id = $1 AND created_at > now() - interval '1 hour') < $4
       RETURNING id`,
      [user.id, hashToken(token), RESET_TTL_MS / 1000, RESET_MAILS_PER_HOUR],
    );
    const resetId = (created[0] as { id: string } | undefined)?.id;
    if (!resetId) {
      this.logger.warn(
        `Reset mails for user ${user.id} are over ${RESET_MAILS_PER_HOUR} per hour; none sent`,
      );
      return;
    }
    const link = `${this.config.publicUrl.replace(/\/$/, '')}/reset-password?token=${encodeURIComponent(token)}`;
    void this.mail
      .sendPrivate({
        to: user.email,
        kind: 'password_reset',
        ...bothLanguages(passwordResetTexts({ name: user.name, link })),
      })
      .then(async (sent) => {
        if (!sent) await this.db.query(`DELETE FROM password_resets WHERE id = $1`, [resetId]);
      })
      .catch((err: unknown) => this.logger.error(`Could not drop an unsent reset: ${String(err)}`));
  }

  /**
   * Sets the new password when the token is known, unused and unexpired (else 410 INVALID_TOKEN),
   * uses it up together with every other pending link of the account, and ends every session.
   */
  async confirmReset(input: PasswordResetConfirm): Promise<void> {
    // A made-up token costs no Argon2 hash: it is looked at first (and claimed for good below).
    const pending: unknown[] = await this.db.query(
      `SELECT 1 FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
      [hashToken(input.token)],
    );
    if (pending.length === 0) throw invalidToken();
    const passwordHash = await hashPassword(input.password);
    const userId = await this.db.transaction(async (m) => {
      // One statement claims the token: two concurrent uses cannot both succeed.
      const [claimed] = await queryRows<{ user_id: string }>(
        m,
        `UPDATE password_resets SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING user_id`,
        [hashToken(input.token)],
      );
      if (!claimed) throw invalidToken();
      await this.users.setPasswordHash(claimed.user_id, passwordHash, m);
      await this.voidResets(m, claimed.user_id);
      return claimed.user_id;
    });
    await this.sessions.revokeAllForUser(userId);
  }

  private async voidResets(m: EntityManager, userId: string): Promise<void> {
    await m.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
      userId,
    ]);
  }
}
