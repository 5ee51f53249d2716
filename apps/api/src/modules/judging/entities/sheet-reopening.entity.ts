import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EditionEntity } from '../../editions/entities/edition.entity';
import { SubmissionEntity } from '../../submissions/entities/submission.entity';
import { UserEntity } from '../../users/entities/user.entity';

/**
 * A correction: after judging ended, an organizer lets one juror save one sheet again, for a
 * stated reason, until the organizer closes it or `until` passes. The timeline does not move.
 */
@Entity('sheet_reopenings')
// At most one reopening not closed per juror and project.
@Index('uq_sheet_reopenings_open', ['jurorId', 'submissionId'], { unique: true, where: 'closed_at IS NULL' })
@Index('ix_sheet_reopenings_edition', ['editionId'])
export class SheetReopeningEntity {
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

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'opened_by' })
  opener?: Relation<UserEntity>;

  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' })
  openedAt: Date;

  /** Lapses by itself then; null = until an organizer closes it. */
  @Column({ type: 'timestamptz', nullable: true })
  until: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
