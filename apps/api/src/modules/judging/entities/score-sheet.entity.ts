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
import { EditionEntity } from '../../editions/entities/edition.entity';
import { SubmissionEntity } from '../../submissions/entities/submission.entity';
import { UserEntity } from '../../users/entities/user.entity';

/** One juror's sheet of one submission; saving again replaces it. Written with SQL (ScoreSheetsService). */
@Entity('score_sheets')
@Index('uq_score_sheets_juror_submission', ['jurorId', 'submissionId'], { unique: true })
@Index('ix_score_sheets_edition', ['editionId'])
@Index('ix_score_sheets_submission', ['submissionId'])
@Check('ck_score_sheets_score', 'score >= 0 AND score <= 100')
@Check('ck_score_sheets_comment', 'char_length(comment) <= 5000')
export class ScoreSheetEntity {
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

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => SubmissionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Relation<SubmissionEntity>;

  /** `{ [criterionId]: value }`. */
  @Column({ type: 'jsonb' })
  values: Record<string, number>;

  @Column({ type: 'text', default: '' })
  comment: string;

  /** Rule 1 of docs/domain.md, computed with the criteria of the saving transaction. */
  @Column({ type: 'double precision' })
  score: number;

  /** The submission's version when the sheet was saved. */
  @Column({ name: 'submission_version', type: 'int' })
  submissionVersion: number;

  /** The edition's judging change sequence at the last save (judging_sequences). */
  @Column({ type: 'bigint' })
  seq: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
