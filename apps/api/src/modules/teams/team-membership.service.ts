import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Team, TeamCreate, TeamPatch } from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { DomainError, forbidden, notFound } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../common/database/db-errors';
import { nameKey } from '../../common/database/name-key';
import { AuditService } from '../audit/audit.service';
import { DashboardSignal } from '../live/dashboard-signal';
import { RankingLog } from '../ranking/ranking-log';
import { EditionsService, type EditionRecord } from '../editions/editions.service';
import { RegistrationsService } from '../registrations/registrations.service';
import { SubmissionRecordsService } from '../submissions/submission-records.service';
import { TeamMemberEntity } from './entities/team-member.entity';
import { TeamEntity } from './entities/team.entity';
import { newInviteCode } from './invite-code';
import { closePendingJoinRequests } from './join-requests.sql';
import { TeamsService } from './teams.service';

const nameTaken = (name: string) =>
  new DomainError('NAME_TAKEN', `name: "${name}" is already used by another team of this edition`);
const alreadyInTeam = () => new DomainError('ALREADY_IN_TEAM', 'You are already in a team in this edition');
const badTrack = () => new DomainError('VALIDATION_FAILED', 'trackId: not a track of this edition');

// Constraint names of migration TeamsAudit1795944345542 (TypeORM derives them from table and columns).
const UQ_INVITE_CODE = 'UQ_8ad3974a1c9c97a4c2fcf36d952';
const PK_TEAM_MEMBERS = 'PK_1d3c06a8217a8785e2af0ec4ab8';

/** Maps the unique indexes that stop races to the contract's codes. */
function mapRace(err: unknown, name?: string): unknown {
  if (isUniqueViolation(err, 'uq_teams_edition_name')) return nameTaken(name ?? '');
  if (isUniqueViolation(err, 'uq_team_members_edition_user') || isUniqueViolation(err, PK_TEAM_MEMBERS))
    return alreadyInTeam();
  return err;
}
const isInviteCodeClash = (err: unknown) => isUniqueViolation(err, UQ_INVITE_CODE);

/**
 * Creating, joining, leaving and changing teams. Every change runs in one transaction that holds
 * the edition row FOR SHARE (its timeline cannot change under the window check) and then the team
 * row FOR UPDATE (size counts and captaincy are decided one request at a time); the unique index
 * on (edition_id, user_id) stops a double membership whatever the interleaving.
 */
@Injectable()
export class TeamMembershipService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly registrations: RegistrationsService,
    private readonly teams: TeamsService,
    private readonly projects: SubmissionRecordsService,
    private readonly audit: AuditService,
    private readonly ranking: RankingLog,
    private readonly dashboard: DashboardSignal,
  ) {}

  /**
   * Teams can be created, joined, left, renamed and moved from registration until the deadline,
   * by the database's clock in this transaction (the edition row is share-locked by then).
   */
  private async assertTeamsOpen(m: EntityManager, edition: EditionRecord): Promise<void> {
    if (!(await this.editions.windowOpenNow(edition.id, 'teams', m))) {
      throw new DomainError(
        'PHASE_CLOSED',
        `Teams can change from ${edition.registrationOpensAt.toISOString()} until the submission deadline (${edition.submissionDeadline.toISOString()})`,
      );
    }
  }

  private async assertRegistered(m: EntityManager, editionId: string, userId: string): Promise<void> {
    if (!(await this.registrations.isRegistered(editionId, userId, m))) {
      throw forbidden('Register for this edition as a participant before creating or joining a team');
    }
  }

  private lockedEdition(m: EntityManager, editionId: string, user: AuthUser): Promise<EditionRecord> {
    return this.editions.entity(editionId, { includeDrafts: user.isOrganizer, manager: m, lock: true });
  }

  /** Locks the team row (after its edition's, always in that order) or 404. */
  private async lockedTeam(m: EntityManager, teamId: string, user: AuthUser) {
    const found = await m.getRepository(TeamEntity).findOneBy({ id: teamId });
    if (!found) throw notFound('Team');
    const edition = await this.lockedEdition(m, found.editionId, user).catch(() => {
      throw notFound('Team');
    });
    const team = await m
      .getRepository(TeamEntity)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.id = :teamId', { teamId })
      .getOne();
    if (!team) throw notFound('Team'); // deleted meanwhile by its last member leaving
    return { team, edition };
  }

  private async memberIds(m: EntityManager, teamId: string): Promise<string[]> {
    const rows = await m
      .getRepository(TeamMemberEntity)
      .find({ where: { teamId }, order: { joinedAt: 'ASC', userId: 'ASC' } });
    return rows.map((r) => r.userId);
  }

  /** Retries a transaction that drew an invite code already in use (a very rare clash). */
  private async withFreshCode<T>(work: (code: string) => Promise<T>, name?: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work(newInviteCode());
      } catch (err) {
        if (attempt < 5 && isInviteCodeClash(err)) continue;
        throw mapRace(err, name);
      }
    }
  }

  /** The creator becomes captain and first member. */
  async create(editionId: string, user: AuthUser, input: TeamCreate): Promise<Team> {
    const teamId = await this.withFreshCode(
      (inviteCode) =>
        this.db.transaction(async (m) => {
          const edition = await this.lockedEdition(m, editionId, user);
          await this.assertTeamsOpen(m, edition);
          await this.assertRegistered(m, editionId, user.id);
          if (!(await this.editions.hasTrack(editionId, input.trackId, m))) throw badTrack();
          if (await m.getRepository(TeamMemberEntity).existsBy({ editionId, userId: user.id }))
            throw alreadyInTeam();
          const key = nameKey(input.name);
          if (await m.getRepository(TeamEntity).existsBy({ editionId, nameKey: key }))
            throw nameTaken(input.name);
          const inserted = await m.getRepository(TeamEntity).insert({
            editionId,
            trackId: input.trackId,
            name: input.name,
            nameKey: key,
            captainId: user.id,
            inviteCode,
            extendedDeadline: null,
          });
          const id = (inserted.identifiers[0] as { id: string }).id;
          await m.getRepository(TeamMemberEntity).insert({ teamId: id, userId: user.id, editionId });
          await closePendingJoinRequests(m, editionId, user.id);
          return id;
        }),
      input.name,
    );
    this.dashboard.changed(editionId, 'teams');
    return this.teams.view(teamId, user);
  }

  /** Joins the team holding `inviteCode`: 409 TEAM_FULL at the edition's teamMaxSize. */
  async join(user: AuthUser, inviteCode: string): Promise<Team> {
    const found = await this.db.getRepository(TeamEntity).findOneBy({ inviteCode });
    if (!found) throw new DomainError('NOT_FOUND', 'inviteCode: no team has this invite code');
    await this.db.transaction((m) =>
      this.addMember(m, found.id, user.id, user, (team) => {
        if (team.inviteCode !== inviteCode)
          throw new DomainError('NOT_FOUND', 'inviteCode: no team has this invite code');
      }),
    );
    this.dashboard.changed(found.editionId, 'teams');
    return this.teams.view(found.id, user);
  }

  /**
   * Adds `userId` to the team in the caller's transaction: the one path by which anyone joins a
   * team (invite code, accepted join request or invitation). Locks the edition and then the team
   * row, checks the teams window, the registration, one team per user and edition and the size
   * limit under that lock, and closes the person's other pending join requests. `check` runs
   * under the lock before anything is written (the invite code still current, the captain still
   * captain). `actor` decides whether a draft edition is visible.
   */
  async addMember(
    m: EntityManager,
    teamId: string,
    userId: string,
    actor: AuthUser,
    check?: (team: TeamEntity) => void | Promise<void>,
  ): Promise<{ team: TeamEntity; edition: EditionRecord }> {
    try {
      const { team, edition } = await this.lockedTeam(m, teamId, actor);
      await check?.(team);
      await this.assertTeamsOpen(m, edition);
      await this.assertRegistered(m, edition.id, userId);
      if (await m.getRepository(TeamMemberEntity).existsBy({ editionId: edition.id, userId }))
        throw alreadyInTeam();
      // Counted under the team's row lock: concurrent joins are decided one at a time.
      const size = await m.getRepository(TeamMemberEntity).countBy({ teamId: team.id });
      if (size >= edition.teamMaxSize)
        throw new DomainError('TEAM_FULL', `This team is full (${edition.teamMaxSize} members at most)`);
      await m.getRepository(TeamMemberEntity).insert({ teamId: team.id, userId, editionId: edition.id });
      await closePendingJoinRequests(m, edition.id, userId);
      return { team, edition };
    } catch (err) {
      throw mapRace(err);
    }
  }

  /**
   * A member leaves. The captain's place goes to the longest-standing member; the last member
   * leaving deletes the team with its draft (audited as `team.deleted`), but never a submitted or
   * disqualified project: 409 TEAM_HAS_SUBMISSION.
   */
  async leave(teamId: string, user: AuthUser): Promise<{ teamDeleted: boolean }> {
    let editionId = '';
    const result = await this.db.transaction(async (m) => {
      const { team, edition } = await this.lockedTeam(m, teamId, user);
      const members = await this.memberIds(m, teamId);
      if (!members.includes(user.id)) throw forbidden('You are not a member of this team');
      await this.assertTeamsOpen(m, edition);
      editionId = edition.id;
      const rest = members.filter((id) => id !== user.id);
      if (rest.length === 0) {
        const submission = await this.projects.discardWithTeam(m, teamId);
        await m.getRepository(TeamEntity).delete({ id: teamId });
        await this.audit.record(m, {
          editionId: edition.id,
          actorId: user.id,
          action: 'team.deleted',
          entity: 'team',
          entityId: teamId,
          before: { name: team.name, trackId: team.trackId, captainId: team.captainId, submission },
          after: null,
        });
        return { teamDeleted: true };
      }
      await m.getRepository(TeamMemberEntity).delete({ teamId, userId: user.id });
      if (team.captainId === user.id)
        await m.getRepository(TeamEntity).update({ id: teamId }, { captainId: rest[0] });
      return { teamDeleted: false };
    });
    // A deleted team takes its draft along: the submissions' counts change too.
    this.dashboard.changed(editionId, 'teams');
    if (result.teamDeleted) this.dashboard.changed(editionId, 'submissions');
    return result;
  }

  /** Captain only: rename, move track (both within the teams window), hand over captaincy. */
  async update(teamId: string, user: AuthUser, patch: TeamPatch): Promise<Team> {
    let movedIn: string | null = null;
    try {
      await this.db.transaction(async (m) => {
        const { team, edition } = await this.lockedTeam(m, teamId, user);
        if (team.captainId !== user.id) throw forbidden("Only the team's captain may change the team");
        const values: Partial<TeamEntity> = {};
        if (patch.name !== undefined && patch.name !== team.name) {
          values.name = patch.name;
          values.nameKey = nameKey(patch.name);
          if (
            values.nameKey !== team.nameKey &&
            (await m.getRepository(TeamEntity).existsBy({ editionId: edition.id, nameKey: values.nameKey }))
          )
            throw nameTaken(patch.name);
        }
        if (patch.trackId !== undefined && patch.trackId !== team.trackId) {
          if (!(await this.editions.hasTrack(edition.id, patch.trackId, m))) throw badTrack();
          values.trackId = patch.trackId;
        }
        if (values.name !== undefined || values.trackId !== undefined) await this.assertTeamsOpen(m, edition);
        // The project moves with its team, in this transaction (or the move is refused).
        if (values.trackId !== undefined)
          await this.projects.followTrackMove(m, teamId, values.trackId, user.id);
        if (patch.captainId !== undefined && patch.captainId !== team.captainId) {
          if (!(await this.memberIds(m, teamId)).includes(patch.captainId))
            throw new DomainError('VALIDATION_FAILED', 'captainId: must be a member of the team');
          values.captainId = patch.captainId;
        }
        if (Object.keys(values).length) await m.getRepository(TeamEntity).update({ id: teamId }, values);
        if (values.trackId !== undefined) movedIn = edition.id;
        // Its project's rows show the team's name and track (last: RankingLog).
        if (values.name !== undefined || values.trackId !== undefined)
          await this.ranking.teamChanged(m, teamId);
      });
    } catch (err) {
      throw mapRace(err, patch.name);
    }
    // Teams per track changed.
    if (movedIn !== null) this.dashboard.changed(movedIn, 'teams');
    return this.teams.view(teamId, user);
  }

  /** Captain only: a new invite code; the old one stops working at once. */
  async regenerateInviteCode(teamId: string, user: AuthUser): Promise<Team> {
    await this.withFreshCode((inviteCode) =>
      this.db.transaction(async (m) => {
        const { team } = await this.lockedTeam(m, teamId, user);
        if (team.captainId !== user.id) throw forbidden("Only the team's captain may change the invite code");
        await m.getRepository(TeamEntity).update({ id: teamId }, { inviteCode });
      }),
    );
    return this.teams.view(teamId, user);
  }
}
