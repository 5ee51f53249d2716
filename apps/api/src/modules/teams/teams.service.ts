import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, Team, TeamsQuery } from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { decodeCursor, pageFrom } from '../../common/pagination/cursor';
import { isUuid } from '../../common/validation/uuid';
import { EditionsService, type EditionRecord } from '../editions/editions.service';
import { TeamMemberEntity } from './entities/team-member.entity';
import { TeamEntity } from './entities/team.entity';

interface MemberRow {
  team_id: string;
  user_id: string;
  name: string;
  email: string;
}

/** Teams: other modules read teams and membership through this service only. */
@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
  ) {}

  /** The team with its members, or 404. Pass a transaction's manager to read inside it. */
  async get(teamId: string, manager: EntityManager = this.db.manager): Promise<TeamEntity> {
    const team = await manager
      .getRepository(TeamEntity)
      .findOne({ where: { id: teamId }, relations: { members: true } });
    if (!team) throw notFound('Team');
    return team;
  }

  async isMember(teamId: string, userId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    return manager.getRepository(TeamMemberEntity).existsBy({ teamId, userId });
  }

  /** How many members the team has (lock the team's row first for a count that holds). */
  memberCount(teamId: string, manager: EntityManager): Promise<number> {
    return manager.getRepository(TeamMemberEntity).countBy({ teamId });
  }

  /**
   * Sets (or with `null` clears) teams' table labels (expo judging). The caller (the judging
   * module, which decides the labels and audits them) passes its transaction.
   */
  async setTableLabels(
    labels: readonly { teamId: string; tableLabel: string | null }[],
    manager: EntityManager,
  ): Promise<void> {
    if (labels.length === 0) return;
    await manager.query(
      `UPDATE teams t SET table_label = l.label
         FROM unnest($1::uuid[], $2::text[]) AS l(id, label)
        WHERE t.id = l.id`,
      [labels.map((l) => l.teamId), labels.map((l) => l.tableLabel)],
    );
  }

  /**
   * Sets (or with `null` clears) the team's own submission deadline. The caller checks the rule
   * and holds the team's row lock in `manager`'s transaction.
   */
  async setExtendedDeadline(teamId: string, until: Date | null, manager: EntityManager): Promise<void> {
    await manager.getRepository(TeamEntity).update({ id: teamId }, { extendedDeadline: until });
  }

  /** The team of `userId` in the edition, if any. */
  async teamOf(
    editionId: string,
    userId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<TeamEntity | null> {
    const m = await manager.getRepository(TeamMemberEntity).findOneBy({ editionId, userId });
    return m ? this.get(m.teamId, manager) : null;
  }

  /**
   * Teams as `viewer` may see them (docs/api.md): everyone sees names and members; members and
   * organizers the invite code; organizers also members' emails (contacts).
   */
  async toTeams(
    teams: TeamEntity[],
    edition: Pick<EditionRecord, 'teamMaxSize'>,
    viewer: AuthUser | null,
    manager: EntityManager = this.db.manager,
  ): Promise<Team[]> {
    if (teams.length === 0) return [];
    const rows: MemberRow[] = await manager.query(
      `SELECT tm.team_id, tm.user_id, u.name, u.email
         FROM team_members tm JOIN users u ON u.id = tm.user_id
        WHERE tm.team_id = ANY($1::uuid[])
        ORDER BY tm.joined_at, tm.user_id`,
      [teams.map((t) => t.id)],
    );
    const organizer = !!viewer?.isOrganizer;
    return teams.map((t) => {
      const members = rows.filter((r) => r.team_id === t.id);
      const isMember = !!viewer && members.some((r) => r.user_id === viewer.id);
      return {
        id: t.id,
        editionId: t.editionId,
        trackId: t.trackId,
        name: t.name,
        captainId: t.captainId,
        members: members.map((r) =>
          organizer
            ? { userId: r.user_id, name: r.name, email: r.email }
            : { userId: r.user_id, name: r.name },
        ),
        inviteCode: organizer || isMember ? t.inviteCode : null,
        freePlaces: Math.max(0, edition.teamMaxSize - members.length),
        tableLabel: t.tableLabel,
      };
    });
  }

  /** One team as `viewer` sees it; a team of an unpublished edition exists for organizers only. */
  async view(
    teamId: string,
    viewer: AuthUser | null,
    manager: EntityManager = this.db.manager,
  ): Promise<Team> {
    const team = await manager.getRepository(TeamEntity).findOneBy({ id: teamId });
    if (!team) throw notFound('Team');
    const edition = await this.editions
      .entity(team.editionId, { includeDrafts: !!viewer?.isOrganizer, manager })
      .catch(() => {
        throw notFound('Team');
      });
    const [view] = await this.toTeams([team], edition, viewer, manager);
    return view!;
  }

  /** The team a member holds the invite code of (the join page shows it before joining). */
  async viewByInviteCode(inviteCode: string, viewer: AuthUser): Promise<Team> {
    const team = await this.db.getRepository(TeamEntity).findOneBy({ inviteCode });
    if (!team) throw new DomainError('NOT_FOUND', 'inviteCode: no team has this invite code');
    return this.view(team.id, viewer);
  }

  /**
   * The caller's own team in the edition, or null when they have none (an expected state, so not
   * an error status); 404 only for an edition the caller cannot see.
   */
  async mine(editionId: string, viewer: AuthUser): Promise<Team | null> {
    await this.editions.entity(editionId, { includeDrafts: viewer.isOrganizer });
    const m = await this.db.getRepository(TeamMemberEntity).findOneBy({ editionId, userId: viewer.id });
    return m ? this.view(m.teamId, viewer) : null;
  }

  /** The teams of an edition by name, optionally of one track and/or with free places. */
  async list(editionId: string, viewer: AuthUser | null, q: TeamsQuery): Promise<Page<Team>> {
    const edition = await this.editions.entity(editionId, { includeDrafts: !!viewer?.isOrganizer });
    const cursor = decodeCursor(q.cursor, 2);
    const qb = this.db
      .getRepository(TeamEntity)
      .createQueryBuilder('t')
      .where('t.edition_id = :editionId', { editionId })
      .orderBy('t.name_key', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(q.limit + 1);
    if (q.trackId) qb.andWhere('t.track_id = :trackId', { trackId: q.trackId });
    if (q.hasFreePlaces !== undefined) {
      const cmp = q.hasFreePlaces ? '<' : '>=';
      qb.andWhere(`(SELECT count(*) FROM team_members tm WHERE tm.team_id = t.id) ${cmp} :max`, {
        max: edition.teamMaxSize,
      });
    }
    if (cursor) {
      if (typeof cursor[0] !== 'string' || !isUuid(String(cursor[1])))
        throw new DomainError('VALIDATION_FAILED', 'cursor: not a cursor this list gave out');
      qb.andWhere('(t.name_key, t.id) > (:k, :i)', { k: cursor[0], i: cursor[1] });
    }
    const rows = await qb.getMany();
    const page = pageFrom(rows, q.limit, (t) => [t.nameKey, t.id]);
    return { items: await this.toTeams(page.items, edition, viewer), nextCursor: page.nextCursor };
  }

  /** Teams and their members per track (the organizers' dashboard); tracks without a team absent. */
  async countsByTrack(editionId: string): Promise<{ trackId: string; teams: number; members: number }[]> {
    return this.db.query(
      `SELECT t.track_id AS "trackId", count(*)::int AS teams,
              coalesce(sum((SELECT count(*) FROM team_members m WHERE m.team_id = t.id)), 0)::int AS members
         FROM teams t
        WHERE t.edition_id = $1
        GROUP BY t.track_id`,
      [editionId],
    );
  }
}
