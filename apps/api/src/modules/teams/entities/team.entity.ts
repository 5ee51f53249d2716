import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { EditionEntity } from '../../editions/entities/edition.entity';
import { TrackEntity } from '../../editions/entities/track.entity';
import { UserEntity } from '../../users/entities/user.entity';
import { TeamMemberEntity } from './team-member.entity';

@Entity('teams')
// Team names are unique per edition, compared case-insensitively (`name_key` = lower(trim(name))).
@Index('uq_teams_edition_name', ['editionId', 'nameKey'], { unique: true })
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  @Index('ix_teams_track')
  @Column({ name: 'track_id', type: 'uuid' })
  trackId: string;

  @ManyToOne(() => TrackEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'track_id' })
  track?: Relation<TrackEntity>;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_key', type: 'text' })
  nameKey: string;

  @Column({ name: 'captain_id', type: 'uuid' })
  captainId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'captain_id' })
  captain?: Relation<UserEntity>;

  @Column({ name: 'invite_code', type: 'text', unique: true })
  inviteCode: string;

  /** The team's own submission deadline when an organizer granted an extension (docs/domain.md). */
  @Column({ name: 'extended_deadline', type: 'timestamptz', nullable: true })
  extendedDeadline: Date | null;

  /** Where the team sits in the hall, for expo judging (set by organizers). */
  @Column({ name: 'table_label', type: 'text', nullable: true })
  tableLabel: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => TeamMemberEntity, (m) => m.team)
  members?: Relation<TeamMemberEntity[]>;
}
