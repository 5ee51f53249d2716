import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  JuryAcceptResult,
  JuryInvitation,
  JuryInvitationCreate,
  JuryInvitationCreated,
  Juror,
  Page,
  PageQuery,
} from '@ca/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { hashToken, newToken } from '../../common/auth/token';
import { queryRows } from '../../common/database/returning';
import { DomainError, validationFailed } from '../../common/errors/domain-error';
import { decodeCursor, pageFrom } from '../../common/pagination/cursor';
import { APP_CONFIG, type AppConfig } from '../../config/env';
import { AuditService } from '../audit/audit.service';
import { EditionsService } from '../editions/editions.service';
import { MailService } from '../mail/mail.service';
import { normalizeEmail } from '../users/users.mapper';
import { UsersService } from '../users/users.service';
import { JuryInvitationEntity } from './entities/jury-invitation.entity';
import { toJuryInvitation } from './jury.mapper';

/** An invitation can be accepted for 14 days. */
export const INVITATION_TTL_DAYS = 14;

const invalidToken = () =>
  new DomainError('INVALID_TOKEN', 'token: this invitation is unknown, expired or used by someone else');

/** Jury invitations by mailed token, and the jurors of an edition. */
@Injectable()
export class JuryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly editions: EditionsService,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Stores the invitation (its token hashed), mails the link and answers with the token, so that
   * the organizer can also pass it on by hand. 400 naming `trackIds` when one is not a track of
   * the edition.
   */
  async invite(
    editionId: string,
    input: JuryInvitationCreate,
    actor: AuthUser,
  ): Promise<JuryInvitationCreated> {
    const edition = await this.editions.get(editionId, { includeDrafts: true });
    const trackIds = input.trackIds ?? [];
    const known = new Set(edition.tracks.map((t) => t.id));
    const unknown = trackIds.filter((id) => !known.has(id));
    if (unknown.length) {
      throw validationFailed('trackIds', `not tracks of this edition: ${unknown.join(', ')}`);
    }
    const email = normalizeEmail(input.email);
    const token = newToken();
    await this.db.transaction(async (m) => {
      const [row] = await queryRows<{ id: string; expires_at: Date }>(
        m,
        `INSERT INTO jury_invitations (edition_id, email, track_ids, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3::uuid[], $4, $5, now() + make_interval(days => $6))
         RETURNING id, expires_at`,
        [editionId, email, trackIds, hashToken(token), actor.id, INVITATION_TTL_DAYS],
      );
      await this.audit.record(m, {
        editionId,
        actorId: actor.id,
        action: 'jury.invited',
        entity: 'jury_invitation',
        entityId: row!.id,
        before: null,
        after: { email, trackIds, expiresAt: new Date(row!.expires_at).toISOString() },
      });
    });
    const link = `${this.config.publicUrl.replace(/\/$/, '')}/jury/accept?token=${encodeURIComponent(token)}`;
    const tracks = edition.tracks.filter((t) => trackIds.includes(t.id)).map((t) => t.name);
    const delivery = await this.mail.send({
      to: email,
      kind: 'jury_invitation',
      editionId,
      subject: `You are invited to the jury of ${edition.name}`,
      text: [
        'Hello,',
        '',
        `${actor.name} invites you to judge the projects of ${edition.name}` +
          (tracks.length ? ` (${tracks.join(', ')}).` : '.'),
        `Sign in or create an account, then accept here within ${INVITATION_TTL_DAYS} days: ${link}`,
      ].join('\n'),
    });
    return { token, delivery };
  }

  /**
   * Makes the signed-in user a juror of the invitation's edition, with its tracks (added to any
   * they already have). Accepting again as the same user changes nothing and answers the same;
   * a token used by someone else, expired or unknown is 410 INVALID_TOKEN.
   */
  async accept(token: string, user: AuthUser): Promise<JuryAcceptResult> {
    return this.db.transaction(async (m) => {
      // Locked: two acceptances of one token (or an acceptance racing its expiry) are serialized.
      const [invitation] = (await m.query(
        `SELECT id, edition_id AS "editionId", track_ids AS "trackIds", accepted_by AS "acceptedBy",
                accepted_at IS NOT NULL AS accepted, expires_at <= now() AS expired
           FROM jury_invitations WHERE token_hash = $1 FOR UPDATE`,
        [hashToken(token)],
      )) as {
        id: string;
        editionId: string;
        trackIds: string[];
        acceptedBy: string | null;
        accepted: boolean;
        expired: boolean;
      }[];
      if (!invitation) throw invalidToken();
      if (invitation.accepted) {
        if (invitation.acceptedBy !== user.id) throw invalidToken();
        return {
          editionId: invitation.editionId,
          roles: await this.users.editionRoles(user.id, invitation.editionId, m),
        };
      }
      if (invitation.expired) throw invalidToken();
      const before: { track_ids: string[] }[] = await m.query(
        `SELECT track_ids FROM jurors WHERE edition_id = $1 AND user_id = $2`,
        [invitation.editionId, user.id],
      );
      const [juror] = await queryRows<{ track_ids: string[] }>(
        m,
        `INSERT INTO jurors (edition_id, user_id, track_ids) VALUES ($1, $2, $3::uuid[])
         ON CONFLICT (edition_id, user_id) DO UPDATE
           SET track_ids = ARRAY(SELECT DISTINCT unnest(jurors.track_ids || EXCLUDED.track_ids))
         RETURNING track_ids`,
        [invitation.editionId, user.id, invitation.trackIds],
      );
      await m.query(`UPDATE jury_invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1`, [
        invitation.id,
        user.id,
      ]);
      await this.audit.record(m, {
        editionId: invitation.editionId,
        actorId: user.id,
        action: 'juror.joined',
        entity: 'juror',
        entityId: user.id,
        before: before[0] ? { trackIds: before[0].track_ids } : null,
        after: { trackIds: juror!.track_ids, invitationId: invitation.id },
      });
      return {
        editionId: invitation.editionId,
        roles: await this.users.editionRoles(user.id, invitation.editionId, m),
      };
    });
  }

  /** The edition's invitations, newest first: pending, accepted and expired (never a token). */
  async invitations(editionId: string, q: PageQuery): Promise<Page<JuryInvitation>> {
    await this.editions.get(editionId, { includeDrafts: true });
    const cursor = decodeCursor(q.cursor, 2);
    const qb = this.db
      .getRepository(JuryInvitationEntity)
      .createQueryBuilder('i')
      .where('i.edition_id = :editionId', { editionId })
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(q.limit + 1);
    if (cursor) qb.andWhere('(i.created_at, i.id) < (:at, :id)', { at: cursor[0], id: cursor[1] });
    const page = pageFrom(await qb.getMany(), q.limit, (r) => [r.createdAt.toISOString(), r.id]);
    const now = Date.now();
    return { items: page.items.map((i) => toJuryInvitation(i, now)), nextCursor: page.nextCursor };
  }

  /** The edition's jurors by name, with their preferred tracks. */
  async jurors(editionId: string, q: PageQuery): Promise<Page<Juror>> {
    await this.editions.get(editionId, { includeDrafts: true });
    const cursor = decodeCursor(q.cursor, 2);
    const rows: { user_id: string; name: string; email: string; track_ids: string[]; created_at: Date }[] =
      await this.db.query(
        `SELECT j.user_id, u.name, u.email, j.track_ids, j.created_at
           FROM jurors j JOIN users u ON u.id = j.user_id
          WHERE j.edition_id = $1 AND ($2::text IS NULL OR (u.name, u.id) > ($2::text, $3::uuid))
          ORDER BY u.name, u.id
          LIMIT $4`,
        [editionId, cursor?.[0] ?? null, cursor?.[1] ?? null, q.limit + 1],
      );
    const page = pageFrom(rows, q.limit, (r) => [r.name, r.user_id]);
    return {
      items: page.items.map((r) => ({
        userId: r.user_id,
        name: r.name,
        email: r.email,
        trackIds: r.track_ids,
        since: new Date(r.created_at).toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
