import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { EditionEntity } from '../../editions/entities/edition.entity';
import { TeamEntity } from '../../teams/entities/team.entity';
import { UserEntity } from '../../users/entities/user.entity';

/**
 * A declared conflict of interest: juror ↔ team. (A juror who is a member of a team is conflicted
 * with it implicitly, without a row.) A conflicted juror is never assigned to the team and cannot
 * score it; a sheet they saved before the declaration stays stored but counts nowhere.
 */
@Entity('conflicts')
@Index('uq_conflicts_juror_team', ['jurorId', 'teamId'], { unique: true })
@Index('ix_conflicts_edition', ['editionId'])
export class ConflictEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  @Column({ name: 'juror_id', type: 'uuid' })
  jurorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'juror_id' })
  juror?: Relation<UserEntity>;

  @Index('ix_conflicts_team')
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Relation<TeamEntity>;

  @Column({ type: 'text' })
  reason: string;

  /** Who declared it: the juror, or an organizer for them. */
  @Column({ name: 'declared_by', type: 'uuid', nullable: true })
  declaredBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'declared_by' })
  declarer?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
