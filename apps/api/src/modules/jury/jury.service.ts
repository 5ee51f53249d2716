import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Edition,
  JuryAcceptResult,
  JuryInvitation,
  JuryInvitationCreate,
  JuryInvitationCreated,
  JuryInvitationPreview,
  JuryInvitationStatus,
  JuryInvitationsQuery,
  Juror,
  JurorsQuery,
  Language,
  Page,
} from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { hashToken, newToken } from '../../common/auth/token';
import { queryRows } from '../../common/database/returning';
import { DomainError, notFound, validationFailed } from '../../common/errors/domain-error';
import { likeEscape } from '../../common/database/like';
import { decodeCursor, pageFrom } from '../../common/pagination/cursor';
import { APP_CONFIG, type AppConfig } from '../../config/env';
import { AuditService } from '../audit/audit.service';
import { EditionsService } from '../editions/editions.service';
import { MailService } from '../mail/mail.service';
import { normalizeEmail } from '../users/users.mapper';
import { UsersService } from '../users/users.service';
import { JuryInvitationEntity } from './entities/jury-invitation.entity';
import { invitationStatus, toJuryInvitation } from './jury.mapper';
import { bothLanguages, juryInvitationTexts } from '../mail/mail-texts';

/** An invitation can be accepted for 14 days. */
export const INVITATION_TTL_DAYS = 14;

const invalidToken = () =>
  new DomainError(
    'INVALID_TOKEN',
    'token: this invitation is unknown, expired, revoked or used by someone else',
  );

/** Each state of `invitationStatus` as SQL on `i` at `:now` (revoked, then accepted, then by expiry). */
const STATUS_SQL: Record<JuryInvitationStatus, string> = {
  revoked: 'i.revoked_at IS NOT NULL',
  accepted: 'i.revoked_at IS NULL AND i.accepted_at IS NOT NULL',
  expired: 'i.revoked_at IS NULL AND i.accepted_at IS NULL AND i.expires_at <= :now',
  pending: 'i.revoked_at IS NULL AND i.accepted_at IS NULL AND i.expires_at > :now',
};

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
    return { token, delivery: await this.mailInvitation(edition, email, trackIds, token, actor) };
  }

  /** Mails the invitation link (or keeps it in the outbox); answers how it left. */
  private mailInvitation(
    edition: Edition,
    email: string,
    trackIds: string[],
    token: string,
    actor: AuthUser,
  ) {
    const editionId = edition.id;
    const link = `${this.config.publicUrl.replace(/\/$/, '')}/jury/accept?token=${encodeURIComponent(token)}`;
    const tracks = edition.tracks.filter((t) => trackIds.includes(t.id)).map((t) => t.name);
    return this.mail.send({
      to: email,
      kind: 'jury_invitation',
      editionId,
      ...bothLanguages(
        juryInvitationTexts({
          edition: edition.name,
          inviter: actor.name,
          tracks,
          days: INVITATION_TTL_DAYS,
          link,
        }),
      ),
    });
  }

  /** The edition's invitation, locked for the rest of `m`'s transaction; 404 when not of that edition. */
  private async lockedInvitation(m: EntityManager, editionId: string, invitationId: string) {
    const row = await m
      .getRepository(JuryInvitationEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.id = :invitationId AND i.edition_id = :editionId', { invitationId, editionId })
      .getOne();
    if (!row) throw notFound('Invitation');
    return row;
  }

  /**
   * Mails the invitation again with a new token (the old link stops at once) and a fresh 14 days;
   * for pending and expired invitations. 409 NOT_PENDING once accepted or revoked.
   */
  async resend(editionId: string, invitationId: string, actor: AuthUser): Promise<JuryInvitationCreated> {
    const edition = await this.editions.get(editionId, { includeDrafts: true });
    const token = newToken();
    const invitation = await this.db.transaction(async (m) => {
      const row = await this.lockedInvitation(m, editionId, invitationId);
      const status = invitationStatus(row, Date.now());
      if (status === 'accepted' || status === 'revoked') {
        throw new DomainError('NOT_PENDING', `This invitation was ${status}; invite again instead`);
      }
      const [updated]: { expires_at: Date }[] = await m.query(
        `WITH renewed AS (
           UPDATE jury_invitations
              SET token_hash = $2, expires_at = now() + make_interval(days => $3), last_sent_at = now()
            WHERE id = $1
           RETURNING expires_at)
         SELECT expires_at FROM renewed`,
        [row.id, hashToken(token), INVITATION_TTL_DAYS],
      );
      await this.audit.record(m, {
        editionId,
        actorId: actor.id,
        action: 'jury.invitation_resent',
        entity: 'jury_invitation',
        entityId: row.id,
        before: { expiresAt: row.expiresAt.toISOString() },
        after: { expiresAt: new Date(updated!.expires_at).toISOString() },
      });
      return row;
    });
    return {
      token,
      delivery: await this.mailInvitation(edition, invitation.email, invitation.trackIds, token, actor),
    };
  }

  /** Withdraws a pending (or expired) invitation: its link stops working. 409 NOT_PENDING once accepted. */
  async revoke(editionId: string, invitationId: string, actor: AuthUser): Promise<JuryInvitation> {
    await this.editions.get(editionId, { includeDrafts: true });
    const row = await this.db.transaction(async (m) => {
      const row = await this.lockedInvitation(m, editionId, invitationId);
      const status = invitationStatus(row, Date.now());
      if (status === 'accepted' || status === 'revoked') {
        throw new DomainError('NOT_PENDING', `This invitation was already ${status}`);
      }
      await m.query(`UPDATE jury_invitations SET revoked_at = now() WHERE id = $1`, [row.id]);
      await this.audit.record(m, {
        editionId,
        actorId: actor.id,
        action: 'jury.invitation_revoked',
        entity: 'jury_invitation',
        entityId: row.id,
        before: { status },
        after: { status: 'revoked' },
      });
      return m.getRepository(JuryInvitationEntity).findOneByOrFail({ id: row.id });
    });
    return toJuryInvitation(row, Date.now());
  }

  /**
   * What the invitation page shows before accepting: the edition (in the reader's language), the
   * state, and whether the caller may accept. 410 INVALID_TOKEN for a token that names nothing.
   */
  async preview(token: string, viewer: AuthUser | null, lang: Language): Promise<JuryInvitationPreview> {
    const row = await this.db.getRepository(JuryInvitationEntity).findOneBy({ tokenHash: hashToken(token) });
    if (!row) throw invalidToken();
    const edition = await this.editions.get(row.editionId, { includeDrafts: true, lang });
    const status = invitationStatus(row, Date.now());
    return {
      editionId: edition.id,
      editionSlug: edition.slug,
      editionName: edition.name,
      editionNameI18n: edition.nameI18n,
      trackIds: row.trackIds,
      status,
      expiresAt: row.expiresAt.toISOString(),
      acceptable: status === 'pending' || (status === 'accepted' && !!viewer && row.acceptedBy === viewer.id),
    };
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
                accepted_at IS NOT NULL AS accepted, expires_at <= now() AS expired,
                revoked_at IS NOT NULL AS revoked
           FROM jury_invitations WHERE token_hash = $1 FOR UPDATE`,
        [hashToken(token)],
      )) as {
        id: string;
        editionId: string;
        trackIds: string[];
        acceptedBy: string | null;
        accepted: boolean;
        expired: boolean;
        revoked: boolean;
      }[];
      if (!invitation || invitation.revoked) throw invalidToken();
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

  /**
   * The edition's invitations, newest first: pending, accepted, expired and revoked (never a token);
   * `status` keeps one state (as `invitationStatus` tells it, at the same instant), `q` searches the
   * email.
   */
  async invitations(editionId: string, q: JuryInvitationsQuery): Promise<Page<JuryInvitation>> {
    await this.editions.get(editionId, { includeDrafts: true });
    const cursor = decodeCursor(q.cursor, 2);
    const now = Date.now();
    const qb = this.db
      .getRepository(JuryInvitationEntity)
      .createQueryBuilder('i')
      .where('i.edition_id = :editionId', { editionId })
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(q.limit + 1);
    if (cursor) qb.andWhere('(i.created_at, i.id) < (:at, :id)', { at: cursor[0], id: cursor[1] });
    if (q.q !== undefined) qb.andWhere('i.email ILIKE :email', { email: `%${likeEscape(q.q)}%` });
    if (q.status !== undefined) qb.andWhere(STATUS_SQL[q.status], { now: new Date(now) });
    const page = pageFrom(await qb.getMany(), q.limit, (r) => [r.createdAt.toISOString(), r.id]);
    return { items: page.items.map((i) => toJuryInvitation(i, now)), nextCursor: page.nextCursor };
  }

  /**
   * The edition's jurors by name, with their preferred tracks; `q` searches the name and email,
   * `trackId` keeps the jurors who may judge that track (it is theirs, or they chose none).
   */
  async jurors(editionId: string, q: JurorsQuery): Promise<Page<Juror>> {
    await this.editions.get(editionId, { includeDrafts: true });
    const cursor = decodeCursor(q.cursor, 2);
    const rows: { user_id: string; name: string; email: string; track_ids: string[]; created_at: Date }[] =
      await this.db.query(
        `SELECT j.user_id, u.name, u.email, j.track_ids, j.created_at
           FROM jurors j JOIN users u ON u.id = j.user_id
          WHERE j.edition_id = $1 AND ($2::text IS NULL OR (u.name, u.id) > ($2::text, $3::uuid))
            AND ($5::text IS NULL OR u.name ILIKE $5 OR u.email ILIKE $5)
            AND ($6::uuid IS NULL OR $6::uuid = ANY(j.track_ids) OR cardinality(j.track_ids) = 0)
          ORDER BY u.name, u.id
          LIMIT $4`,
        [
          editionId,
          cursor?.[0] ?? null,
          cursor?.[1] ?? null,
          q.limit + 1,
          q.q === undefined ? null : `%${likeEscape(q.q)}%`,
          q.trackId ?? null,
        ],
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
