import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../../common/errors/domain-error';
import { TeamMemberEntity } from './entities/team-member.entity';
import { TeamEntity } from './entities/team.entity';

/** Teams: other modules read teams and membership through this service only. */
@Injectable()
export class TeamsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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

  /** The team of `userId` in the edition, if any. */
  async teamOf(
    editionId: string,
    userId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<TeamEntity | null> {
    const m = await manager.getRepository(TeamMemberEntity).findOneBy({ editionId, userId });
    return m ? this.get(m.teamId, manager) : null;
  }
}
