import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { AssignmentSource } from '@ca/shared';
import { EditionEntity } from '../../editions/entities/edition.entity';
import { JurorEntity } from '../../jury/entities/juror.entity';
import { SubmissionEntity } from '../../submissions/entities/submission.entity';

/** Juror ↔ submission: the juror is to score the project. */
@Entity('assignments')
@Check('ck_assignments_source', "source IN ('auto', 'manual')")
@Index('ix_assignments_edition', ['editionId'])
@Index('ix_assignments_submission', ['submissionId'])
export class AssignmentEntity {
  @PrimaryColumn({ name: 'juror_id', type: 'uuid' })
  jurorId: string;

  @PrimaryColumn({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  /** The juror must be a juror of the assignment's edition. */
  @ManyToOne(() => JurorEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'edition_id', referencedColumnName: 'editionId' },
    { name: 'juror_id', referencedColumnName: 'userId' },
  ])
  juror?: Relation<JurorEntity>;

  @ManyToOne(() => SubmissionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Relation<SubmissionEntity>;

  /** `auto`: the balanced assignment (may move on a re-run while it has no sheet); `manual`: kept. */
  @Column({ type: 'text' })
  source: AssignmentSource;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
