import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { SubmissionEntity } from '../../submissions/entities/submission.entity';
import { UserEntity } from '../../users/entities/user.entity';

/**
 * The idempotency keys a juror's sheet saves came with. Inserted first in the saving transaction:
 * a second request with the same key waits on this row's unique index until the first commits,
 * then finds it and answers the stored sheet (or, if the first was refused and rolled back, saves).
 */
@Entity('score_sheet_keys')
export class ScoreSheetKeyEntity {
  @PrimaryColumn({ name: 'juror_id', type: 'uuid' })
  jurorId: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'juror_id' })
  juror?: Relation<UserEntity>;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => SubmissionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Relation<SubmissionEntity>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
