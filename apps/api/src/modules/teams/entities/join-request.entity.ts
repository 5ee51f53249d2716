import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { JoinRequestKind, JoinRequestStatus } from '@ca/shared';
import { EditionEntity } from '../../editions/entities/edition.entity';
import { UserEntity } from '../../users/entities/user.entity';
import { TeamEntity } from './team.entity';

/**
 * A join request (a participant asks a team) or a team's invitation (its captain asks a
 * participant). Pending until the receiving side accepts or declines, the sender withdraws it,
 * or the person joins a team some other way (closed).
 */
@Entity('join_requests')
@Check('ck_join_requests_kind', "kind IN ('request', 'invitation')")
@Check('ck_join_requests_status', "status IN ('pending', 'accepted', 'declined', 'withdrawn', 'closed')")
@Check('ck_join_requests_decided', "(status = 'pending') = (decided_at IS NULL)")
// One pending request or invitation between a team and a person at a time, whichever its direction.
@Index('uq_join_requests_pending', ['teamId', 'userId'], { unique: true, where: "status = 'pending'" })
@Index('ix_join_requests_edition_user', ['editionId', 'userId', 'status'])
@Index('ix_join_requests_team', ['teamId', 'status'])
export class JoinRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Relation<TeamEntity>;

  /** The person who would join. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text' })
  kind: JoinRequestKind;

  @Column({ type: 'text', default: '' })
  message: string;

  @Column({ type: 'text', default: 'pending' })
  status: JoinRequestStatus;

  /** The sender: the person (request) or the captain who invited (invitation). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  sender?: Relation<UserEntity>;

  // Millisecond precision: the page cursor carries a JavaScript Date, which has no microseconds.
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by' })
  decider?: Relation<UserEntity>;
}
