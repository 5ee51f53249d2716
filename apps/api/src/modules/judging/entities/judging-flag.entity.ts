import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { FlagKind, FlagStatus } from '@ca/shared';
import { EditionEntity } from '../../editions/entities/edition.entity';
import { SubmissionEntity } from '../../submissions/entities/submission.entity';
import { UserEntity } from '../../users/entities/user.entity';

/** A juror's "team absent" / "cannot judge" on an assigned project, until an organizer resolves it. */
@Entity('judging_flags')
@Check('ck_judging_flags_kind', "kind IN ('absent', 'cannot_judge')")
@Check('ck_judging_flags_status', "status IN ('open', 'reassigned', 'dismissed')")
@Check('ck_judging_flags_resolved', "(status = 'open') = (resolved_at IS NULL)")
// At most one open flag per juror and project.
@Index('uq_judging_flags_open', ['jurorId', 'submissionId'], { unique: true, where: "status = 'open'" })
@Index('ix_judging_flags_edition', ['editionId'])
export class JudgingFlagEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => SubmissionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Relation<SubmissionEntity>;

  @Column({ name: 'juror_id', type: 'uuid' })
  jurorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'juror_id' })
  juror?: Relation<UserEntity>;

  @Column({ type: 'text' })
  kind: FlagKind;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', default: 'open' })
  status: FlagStatus;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resolved_by' })
  resolver?: Relation<UserEntity>;

  @Column({ name: 'reassigned_to', type: 'uuid', nullable: true })
  reassignedTo: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reassigned_to' })
  reassignee?: Relation<UserEntity>;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
