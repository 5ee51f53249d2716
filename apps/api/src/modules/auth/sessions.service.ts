import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { RequestAuth } from '../../common/auth/current-user';
import { hashToken, newToken } from '../../common/auth/token';
import { APP_CONFIG, type AppConfig } from '../../config/env';
import { LiveGateway } from '../live/live.gateway';
import { SessionEntity } from './entities/session.entity';
import { revokeUserSessions } from './session-revocation';

/** Server-side sessions: revocable at once (logout, password change, a disabled account), with an expiry. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly live: LiveGateway,
  ) {}

  async create(userId: string): Promise<{ token: string; session: SessionEntity }> {
    const token = newToken();
    const session = await this.db.getRepository(SessionEntity).save({
      userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + this.config.sessionTtlMs),
      revokedAt: null,
    });
    return { token, session };
  }

  /** The session's user, or null for an unknown, expired or revoked token or a disabled account. */
  async resolve(token: string): Promise<RequestAuth | null> {
    const rows: { session_id: string; id: string; email: string; name: string; is_organizer: boolean }[] =
      await this.db.query(
        `SELECT s.id AS session_id, u.id, u.email, u.name, u.is_organizer
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
        [hashToken(token)],
      );
    const r = rows[0];
    if (!r) return null;
    return {
      sessionId: r.session_id,
      user: { id: r.id, email: r.email, name: r.name, isOrganizer: r.is_organizer },
    };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db
      .getRepository(SessionEntity)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.live.disconnectSessions([sessionId]);
  }

  /** Ends every session of the user but `exceptSessionId` (password change keeps the current one). */
  async revokeAllForUser(userId: string, exceptSessionId?: string): Promise<void> {
    const ids = await revokeUserSessions(this.db.manager, userId, exceptSessionId);
    this.live.disconnectSessions(ids);
  }
}
