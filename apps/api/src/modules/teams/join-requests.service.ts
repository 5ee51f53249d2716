import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  JoinRequest,
  JoinRequestAccepted,
  JoinRequestCreate,
  JoinRequestKind,
  JoinRequestsQuery,
  Page,
  TeamInvitationCreate,
} from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { queryRows } from '../../common/database/returning';
import { DomainError, forbidden, notFound } from '../../common/errors/domain-error';
import { decodeCursor, pageFrom } from '../../common/pagination/cursor';
import { isUuid } from '../../common/validation/uuid';
import { AuditService } from '../audit/audit.service';
import { EditionsService } from '../editions/editions.service';
import { DashboardSignal } from '../live/dashboard-signal';
import { NotificationsService } from '../mail/notifications.service';
import { RegistrationsService } from '../registrations/registrations.service';
import { JoinRequestEntity } from './entities/join-request.entity';
import { TeamMemberEntity } from './entities/team-member.entity';
import { TeamEntity } from './entities/team.entity';
import {
  JOIN_REQUEST_SELECT,
  findJoinRequest,
  toJoinRequest,
  type JoinRequestRow,
} from './join-requests.sql';
import { TeamMembershipService } from './team-membership.service';
import { TeamsService } from './teams.service';

/** A person may have this many requests pending at once (withdraw one to send another). */
export const MAX_PENDING_REQUESTS_PER_PERSON = 10;
/** A team may have this many invitations pending at once. */
export const MAX_PENDING_INVITATIONS_PER_TEAM = 20;

/** The edition row other modules' rules read (EditionsService.entity). */
type EditionRow = Awaited<ReturnType<EditionsService['entity']>>;

const notPending = (r: JoinRequestRow) =>
  new DomainError('NOT_PENDING', `This ${r.kind} is no longer pending (${r.status})`);

/**
 * The team-finder's connections: a participant without a team asks a team to take them, or a
 * team's captain invites a participant looking for a team; the other side accepts or declines.
 * Accepting joins through TeamMembershipService.addMember, the same path (locks, size limit, one
 * team per user and edition, teams window) as an invite code; joining any team closes the
 * person's other pending requests.
 */
@Injectable()
export class JoinRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly registrations: RegistrationsService,
    private readonly teams: TeamsService,
    private readonly membership: TeamMembershipService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly dashboard: DashboardSignal,
  ) {}

  /** The team and its edition, as `viewer` may see them (a draft edition's team is 404). */
  private async teamAndEdition(teamId: string, viewer: AuthUser) {
    const team = await this.db.getRepository(TeamEntity).findOneBy({ id: teamId });
    if (!team) throw notFound('Team');
    const edition = await this.editions
      .entity(team.editionId, { includeDrafts: viewer.isOrganizer })
      .catch(() => {
        throw notFound('Team');
      });
    return { team, edition };
  }

  /**
   * The teams window of docs/domain.md (from registrationOpensAt to the submission deadline), by the
   * database's clock like every window decision. Accepting re-checks it under the team's lock in
   * TeamMembershipService.addMember; this check only spares a request that could never be accepted.
   */
  private async assertTeamsOpen(edition: EditionRow) {
    const [r]: { open: boolean }[] = await this.db.query(
      `SELECT published AND now() >= registration_opens_at AND now() < submission_deadline AS open
         FROM editions WHERE id = $1`,
      [edition.id],
    );
    if (!r?.open) {
      throw new DomainError(
        'PHASE_CLOSED',
        `Teams can change from ${edition.registrationOpensAt.toISOString()} until the submission deadline (${edition.submissionDeadline.toISOString()})`,
      );
    }
  }

  private async assertRoom(team: TeamEntity, edition: EditionRow) {
    const size = await this.db.getRepository(TeamMemberEntity).countBy({ teamId: team.id });
    if (size >= edition.teamMaxSize)
      throw new DomainError('TEAM_FULL', `This team is full (${edition.teamMaxSize} members at most)`);
  }

  /** 409 REQUEST_PENDING (with the pending one) when the team and the person already have one. */
  private async assertNonePending(teamId: string, userId: string, viewer: AuthUser) {
    const rows: JoinRequestRow[] = await this.db.query(
      `${JOIN_REQUEST_SELECT} WHERE jr.team_id = $1 AND jr.user_id = $2 AND jr.status = 'pending'`,
      [teamId, userId],
    );
    if (rows[0]) throw this.pendingError(rows[0], viewer);
  }

  private pendingError(r: JoinRequestRow, viewer: AuthUser) {
    const what =
      r.kind === 'invitation'
        ? 'This team has already invited this person: the invitation is waiting for an answer'
        : 'This person has already asked to join this team: the request is waiting for an answer';
    return new DomainError('REQUEST_PENDING', what, toJoinRequest(r, viewer));
  }

  private async insert(
    values: Pick<JoinRequestEntity, 'editionId' | 'teamId' | 'userId' | 'kind' | 'message' | 'createdBy'>,
    viewer: AuthUser,
  ): Promise<JoinRequest> {
    let id: string;
    try {
      const inserted = await this.db
        .getRepository(JoinRequestEntity)
        .insert({ ...values, status: 'pending' });
      id = (inserted.identifiers[0] as { id: string }).id;
    } catch (err) {
      // Two requests raced past the check: the partial unique index (uq_join_requests_pending)
      // keeps one, and the other is answered like a request that came second.
      await this.assertNonePending(values.teamId, values.userId, viewer);
      throw err;
    }
    return toJoinRequest((await findJoinRequest(this.db.manager, id))!, viewer);
  }

  /** A registered participant without a team asks to join `teamId`, with a short message. */
  async request(teamId: string, user: AuthUser, input: JoinRequestCreate): Promise<JoinRequest> {
    const { team, edition } = await this.teamAndEdition(teamId, user);
    await this.assertTeamsOpen(edition);
    if (!(await this.registrations.registrationOf(edition.id, user.id))) {
      throw forbidden('Register for this edition as a participant before asking to join a team');
    }
    if (await this.teams.teamOf(edition.id, user.id)) {
      throw new DomainError('ALREADY_IN_TEAM', 'You are already in a team in this edition');
    }
    await this.assertRoom(team, edition);
    await this.assertNonePending(team.id, user.id, user);
    const pending = await this.db.getRepository(JoinRequestEntity).countBy({
      editionId: edition.id,
      userId: user.id,
      kind: 'request',
      status: 'pending',
    });
    if (pending >= MAX_PENDING_REQUESTS_PER_PERSON) {
      throw new DomainError(
        'RATE_LIMITED',
        `You have ${MAX_PENDING_REQUESTS_PER_PERSON} requests waiting for an answer; withdraw one to ask another team`,
      );
    }
    const created = await this.insert(
      {
        editionId: edition.id,
        teamId: team.id,
        userId: user.id,
        kind: 'request',
        message: input.message,
        createdBy: user.id,
      },
      user,
    );
    if (team.captainId) {
      await this.notifications.joinRequest({
        editionId: edition.id,
        requestId: created.id,
        requestKind: 'request',
        teamName: team.name,
        personName: user.name,
        recipientId: team.captainId,
      });
    }
    return created;
  }

  /** The captain invites a registered participant who is looking for a team and has none. */
  async invite(teamId: string, user: AuthUser, input: TeamInvitationCreate): Promise<JoinRequest> {
    const { team, edition } = await this.teamAndEdition(teamId, user);
    if (team.captainId !== user.id) throw forbidden("Only the team's captain may invite people");
    await this.assertTeamsOpen(edition);
    const registration = await this.registrations.registrationOf(edition.id, input.userId);
    if (!registration) throw new DomainError('NOT_FOUND', 'userId: not a participant of this edition');
    if (!registration.lookingForTeam || (await this.teams.teamOf(edition.id, input.userId))) {
      throw new DomainError('NOT_LOOKING_FOR_TEAM', 'userId: this participant is not looking for a team');
    }
    await this.assertRoom(team, edition);
    await this.assertNonePending(team.id, input.userId, user);
    const pending = await this.db
      .getRepository(JoinRequestEntity)
      .countBy({ teamId: team.id, kind: 'invitation', status: 'pending' });
    if (pending >= MAX_PENDING_INVITATIONS_PER_TEAM) {
      throw new DomainError(
        'RATE_LIMITED',
        `The team has ${MAX_PENDING_INVITATIONS_PER_TEAM} invitations waiting for an answer; withdraw one to invite someone else`,
      );
    }
    const created = await this.insert(
      {
        editionId: edition.id,
        teamId: team.id,
        userId: input.userId,
        kind: 'invitation',
        message: input.message,
        createdBy: user.id,
      },
      user,
    );
    await this.notifications.joinRequest({
      editionId: edition.id,
      requestId: created.id,
      requestKind: 'invitation',
      teamName: team.name,
      personName: created.userName,
      recipientId: input.userId,
    });
    return created;
  }

  /**
   * The caller's side in the edition, newest first. In a team: the team's (incoming: people
   * asking to join; outgoing: its invitations). Without one: their own (incoming: invitations;
   * outgoing: requests).
   */
  async list(editionId: string, user: AuthUser, q: JoinRequestsQuery): Promise<Page<JoinRequest>> {
    await this.editions.entity(editionId, { includeDrafts: user.isOrganizer });
    const team = await this.teams.teamOf(editionId, user.id);
    const params: unknown[] = [editionId];
    const param = (v: unknown) => `$${params.push(v)}`;
    const where = ['jr.edition_id = $1'];
    // Whose side: the kinds that come in and go out.
    const incoming: JoinRequestKind = team ? 'request' : 'invitation';
    const outgoing: JoinRequestKind = team ? 'invitation' : 'request';
    where.push(team ? `jr.team_id = ${param(team.id)}` : `jr.user_id = ${param(user.id)}`);
    if (q.direction) where.push(`jr.kind = ${param(q.direction === 'incoming' ? incoming : outgoing)}`);
    if (q.status !== 'all') where.push(`jr.status = ${param(q.status)}`);
    const cursor = decodeCursor(q.cursor, 2);
    if (cursor) {
      if (typeof cursor[0] !== 'string' || Number.isNaN(Date.parse(cursor[0])) || !isUuid(String(cursor[1])))
        throw new DomainError('VALIDATION_FAILED', 'cursor: not a cursor this list gave out');
      where.push(`(jr.created_at, jr.id) < (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)`);
    }
    const rows: JoinRequestRow[] = await this.db.query(
      `${JOIN_REQUEST_SELECT} WHERE ${where.join(' AND ')}
        ORDER BY jr.created_at DESC, jr.id DESC LIMIT ${param(q.limit + 1)}`,
      params,
    );
    const page = pageFrom(rows, q.limit, (r) => [r.created_at.toISOString(), r.id]);
    return { items: page.items.map((r) => toJoinRequest(r, user)), nextCursor: page.nextCursor };
  }

  /**
   * The receiving side accepts: the captain a request, the invited person an invitation. The
   * person joins through TeamMembershipService.addMember; the request is re-read under the team's
   * lock (edition, team, then request: the order of every membership write), so that a request
   * withdrawn or declined meanwhile, or a captaincy handed over, is not accepted.
   */
  async accept(id: string, user: AuthUser): Promise<JoinRequestAccepted> {
    const found = await findJoinRequest(this.db.manager, id);
    if (!found) throw notFound('Join request');
    await this.assertReceiver(found, user);
    if (found.status !== 'pending') throw notPending(found);
    await this.db.transaction(async (m) => {
      await this.membership.addMember(m, found.team_id, found.user_id, user, async (team) => {
        const locked = await findJoinRequest(m, id, { lock: true });
        if (!locked) throw notFound('Join request');
        if (locked.kind === 'request' && team.captainId !== user.id)
          throw forbidden("Only the team's captain may accept requests to join it");
        if (locked.status !== 'pending') throw notPending(locked);
      });
      // addMember closed the person's pending requests, this one too: it is the accepted one.
      await this.decide(m, found, 'accepted', user);
    });
    this.dashboard.changed(found.edition_id, 'teams');
    const request = toJoinRequest((await findJoinRequest(this.db.manager, id))!, user);
    await this.notifyAnswer(found, 'accepted');
    return { request, team: await this.teams.view(found.team_id, user) };
  }

  /** The receiving side declines. */
  async decline(id: string, user: AuthUser): Promise<JoinRequest> {
    return this.endPending(id, user, 'declined');
  }

  /** The sender takes it back: the person their request, the captain the team's invitation. */
  async withdraw(id: string, user: AuthUser): Promise<JoinRequest> {
    return this.endPending(id, user, 'withdrawn');
  }

  private async endPending(id: string, user: AuthUser, status: 'declined' | 'withdrawn') {
    await this.db.transaction(async (m) => {
      const r = await findJoinRequest(m, id, { lock: true });
      if (!r) throw notFound('Join request');
      if (status === 'declined') await this.assertReceiver(r, user, m);
      else await this.assertSender(r, user, m);
      if (r.status !== 'pending') throw notPending(r);
      await this.decide(m, r, status, user);
    });
    const after = (await findJoinRequest(this.db.manager, id))!;
    if (status === 'declined') await this.notifyAnswer(after, 'declined');
    return toJoinRequest(after, user);
  }

  /**
   * The retention purge of an edition (issue 13), in the caller's transaction `m`: the free text
   * of every join request and team invitation of the edition, whatever its status, is emptied
   * (`''`, the column's default). Kind, status, team, people and times stay: the team-finder's
   * history and the audit log still add up. The number of messages cleared (repeating it clears 0).
   */
  async clearMessages(m: EntityManager, editionId: string): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      m,
      `UPDATE join_requests SET message = '' WHERE edition_id = $1 AND message <> '' RETURNING id`,
      [editionId],
    );
    return rows.length;
  }

  /** The answer, to the side that sent it: the person who asked, or the team's captain (issue 13). */
  private async notifyAnswer(r: JoinRequestRow, answer: 'accepted' | 'declined') {
    const recipientId = r.kind === 'request' ? r.user_id : await this.captainOf(r.team_id, this.db.manager);
    if (!recipientId) return;
    await this.notifications.joinRequest({
      editionId: r.edition_id,
      requestId: r.id,
      requestKind: r.kind,
      teamName: r.team_name,
      personName: r.user_name,
      recipientId,
      answer,
    });
  }

  private async decide(
    m: EntityManager,
    r: JoinRequestRow,
    status: 'accepted' | 'declined' | 'withdrawn',
    user: AuthUser,
  ) {
    await m.query(`UPDATE join_requests SET status = $2, decided_at = now(), decided_by = $3 WHERE id = $1`, [
      r.id,
      status,
      user.id,
    ]);
    await this.audit.record(m, {
      editionId: r.edition_id,
      actorId: user.id,
      action: `join_request.${status}`,
      entity: 'join_request',
      entityId: r.id,
      before: { status: 'pending' },
      after: { status, kind: r.kind, teamId: r.team_id, userId: r.user_id },
    });
  }

  private async captainOf(teamId: string, m: EntityManager): Promise<string | null> {
    const team = await m.getRepository(TeamEntity).findOneBy({ id: teamId });
    return team?.captainId ?? null;
  }

  /** Requests are answered by the team's captain, invitations by the person invited. */
  private async assertReceiver(r: JoinRequestRow, user: AuthUser, m: EntityManager = this.db.manager) {
    const ok =
      r.kind === 'request' ? (await this.captainOf(r.team_id, m)) === user.id : r.user_id === user.id;
    if (!ok) {
      throw forbidden(
        r.kind === 'request'
          ? "Only the team's captain may answer requests to join it"
          : 'Only the person invited may answer this invitation',
      );
    }
  }

  private async assertSender(r: JoinRequestRow, user: AuthUser, m: EntityManager) {
    const ok =
      r.kind === 'request' ? r.user_id === user.id : (await this.captainOf(r.team_id, m)) === user.id;
    if (!ok) throw forbidden('Only its sender may withdraw this ' + r.kind);
  }
}
