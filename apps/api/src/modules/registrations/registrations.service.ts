import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Page,
  Participant,
  ParticipantsQuery,
  Registration,
  RegistrationCreate,
  RegistrationPatch,
} from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { queryRows } from '../../common/database/returning';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { likeEscape } from '../../common/database/like';
import { decodeCursor, pageFrom } from '../../common/pagination/cursor';
import { isUuid } from '../../common/validation/uuid';
import { EditionsService } from '../editions/editions.service';
import { DashboardSignal } from '../live/dashboard-signal';
import { RegistrationEntity } from './entities/registration.entity';

export const toRegistration = (r: RegistrationEntity): Registration => ({
  editionId: r.editionId,
  userId: r.userId,
  skills: r.skills,
  lookingForTeam: r.lookingForTeam,
  shareContact: r.shareContact,
});

interface ParticipantRow {
  user_id: string;
  name: string;
  email: string;
  share_contact: boolean;
  skills: string[];
  looking_for_team: boolean;
  team_id: string | null;
  team_name: string | null;
  /** Registration time with microseconds (a JS Date would cut them and break the cursor). */
  at: string;
}

@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly dashboard: DashboardSignal,
  ) {}

  /**
   * Registers `user` as a participant, within the register window of docs/domain.md, decided by the
   * database's clock in the transaction that writes (the edition row share-locked meanwhile, so
   * that its timeline cannot change under the decision).
   */
  async register(editionId: string, user: AuthUser, input: RegistrationCreate): Promise<Registration> {
    const registration = await this.db.transaction(async (m) => {
      const edition = await this.editions.entity(editionId, {
        includeDrafts: user.isOrganizer,
        manager: m,
        lock: true,
      });
      if (!edition.published) throw new DomainError('PHASE_CLOSED', 'This edition is not published yet');
      if (!(await this.editions.windowOpenNow(editionId, 'register', m))) {
        throw new DomainError(
          'PHASE_CLOSED',
          `Registration is open from ${edition.registrationOpensAt.toISOString()} until ${edition.registrationClosesAt.toISOString()}`,
        );
      }
      const rows = await queryRows<{ user_id: string }>(
        m,
        `INSERT INTO registrations (edition_id, user_id, skills, looking_for_team, share_contact)
         VALUES ($1, $2, $3::text[], $4, $5)
         ON CONFLICT DO NOTHING
         RETURNING user_id`,
        [editionId, user.id, input.skills, input.lookingForTeam, input.shareContact],
      );
      if (rows.length === 0)
        throw new DomainError('ALREADY_REGISTERED', 'You are already registered for this edition');
      return {
        editionId,
        userId: user.id,
        skills: input.skills,
        lookingForTeam: input.lookingForTeam,
        shareContact: input.shareContact,
      };
    });
    this.dashboard.changed(editionId, 'registrations'); // after the commit
    return registration;
  }

  async mine(editionId: string, userId: string): Promise<Registration> {
    const r = await this.db.getRepository(RegistrationEntity).findOneBy({ editionId, userId });
    if (!r) throw notFound('Registration');
    return toRegistration(r);
  }

  /** Updates skills and/or "looking for a team"; allowed at any time (it only feeds the team-finder). */
  async updateMine(editionId: string, userId: string, patch: RegistrationPatch): Promise<Registration> {
    const values: Partial<RegistrationEntity> = {};
    if (patch.skills !== undefined) values.skills = patch.skills;
    if (patch.lookingForTeam !== undefined) values.lookingForTeam = patch.lookingForTeam;
    if (patch.shareContact !== undefined) values.shareContact = patch.shareContact;
    if (Object.keys(values).length > 0) {
      const res = await this.db.getRepository(RegistrationEntity).update({ editionId, userId }, values);
      if (!res.affected) throw notFound('Registration');
    }
    return this.mine(editionId, userId);
  }

  /** Whether the user is a registered participant of the edition. */
  isRegistered(
    editionId: string,
    userId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<boolean> {
    return manager.getRepository(RegistrationEntity).existsBy({ editionId, userId });
  }

  /**
   * The team-finder's people and the organizers' participant list, in order of registration.
   * `lookingForTeam=true` lists only people looking for a team who have none (`false`: everyone
   * else); `inTeam` filters on having a team; `skill` matches any skill containing it; `q` the name
   * (for organizers also the email). Emails only where their owner consents (`shareContact`), or
   * for organizers.
   */
  async participants(editionId: string, q: ParticipantsQuery, viewer: AuthUser): Promise<Page<Participant>> {
    await this.editions.entity(editionId, { includeDrafts: true });
    const cursor = decodeCursor(q.cursor, 2);
    const organizer = viewer.isOrganizer;
    const params: unknown[] = [editionId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['r.edition_id = $1'];
    // Someone who found a team is no longer looking, whatever their registration says.
    const looking = '(r.looking_for_team AND tm.team_id IS NULL)';
    if (q.lookingForTeam !== undefined) where.push(q.lookingForTeam ? looking : `NOT ${looking}`);
    if (q.inTeam !== undefined) where.push(`tm.team_id IS ${q.inTeam ? 'NOT ' : ''}NULL`);
    if (q.skill !== undefined) {
      where.push(
        `EXISTS (SELECT 1 FROM unnest(r.skills) s WHERE s ILIKE ${param(`%${likeEscape(q.skill)}%`)})`,
      );
    }
    if (q.q !== undefined) {
      const p = param(`%${likeEscape(q.q)}%`);
      where.push(organizer ? `(u.name ILIKE ${p} OR u.email ILIKE ${p})` : `u.name ILIKE ${p}`);
    }
    if (cursor) {
      if (typeof cursor[0] !== 'string' || Number.isNaN(Date.parse(cursor[0])) || !isUuid(String(cursor[1])))
        throw new DomainError('VALIDATION_FAILED', 'cursor: not a cursor this list gave out');
      where.push(`(r.created_at, r.user_id) > (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)`);
    }
    const rows: ParticipantRow[] = await this.db.query(
      `SELECT r.user_id, u.name, u.email, r.share_contact, r.skills, r.looking_for_team,
              tm.team_id, t.name AS team_name,
              to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
         FROM registrations r
         JOIN users u ON u.id = r.user_id
         LEFT JOIN team_members tm ON tm.edition_id = r.edition_id AND tm.user_id = r.user_id
         LEFT JOIN teams t ON t.id = tm.team_id
        WHERE ${where.join(' AND ')}
        ORDER BY r.created_at, r.user_id
        LIMIT ${param(q.limit + 1)}`,
      params,
    );
    const page = pageFrom(rows, q.limit, (r) => [r.at, r.user_id]);
    return {
      items: page.items.map((r) => ({
        userId: r.user_id,
        name: r.name,
        skills: r.skills,
        lookingForTeam: r.looking_for_team,
        teamId: r.team_id,
        teamName: r.team_name,
        email: organizer || r.share_contact ? r.email : null,
        registeredAt: r.at,
      })),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * What the team-finder needs to know about one person in `manager`'s transaction: registered,
   * looking for a team, and whether they share their contact; null when not registered.
   */
  async registrationOf(
    editionId: string,
    userId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<Registration | null> {
    const r = await manager.getRepository(RegistrationEntity).findOneBy({ editionId, userId });
    return r ? toRegistration(r) : null;
  }

  /**
   * The retention purge (issue 13): the edition's registrations keep who took part, but their
   * answers (skills, looking for a team, contact sharing) go. The number of registrations.
   */
  async clearAnswers(m: EntityManager, editionId: string): Promise<number> {
    const rows = await queryRows<{ user_id: string }>(
      m,
      `UPDATE registrations SET skills = '{}', looking_for_team = false, share_contact = false
        WHERE edition_id = $1 RETURNING user_id`,
      [editionId],
    );
    return rows.length;
  }

  /**
   * Registrations per calendar day in `timeZone` (the organizers' dashboard), from the first
   * registration's day to the last one's with empty days included, oldest first.
   */
  async perDay(editionId: string, timeZone: string): Promise<{ day: string; count: number }[]> {
    return this.db.query(
      `WITH d AS (
         SELECT (created_at AT TIME ZONE $2)::date AS day FROM registrations WHERE edition_id = $1
       )
       SELECT to_char(g.day, 'YYYY-MM-DD') AS day,
              (SELECT count(*)::int FROM d WHERE d.day = g.day) AS count
         FROM generate_series((SELECT min(day) FROM d), (SELECT max(day) FROM d), interval '1 day') AS g(day)
        ORDER BY g.day`,
      [editionId, timeZone],
    );
  }
}
