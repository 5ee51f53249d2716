import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { SubmissionVersion, SubmissionVersionAction } from '@ca/shared';
import { UserEntity } from '../../users/entities/user.entity';
import { SubmissionEntity } from './submission.entity';

/**
 * The history of a submission: the full state after each save, submit and unsubmit, with who and
 * when. One person's saves close together share one row (SAVE_MERGE_GAP_MS in shared): the row
 * moves to the latest `version`, `firstVersion`/`startedAt` keep where it began, `saves` counts.
 */
@Entity('submission_versions')
@Check('ck_submission_versions_action', "action IN ('save', 'submit', 'unsubmit')")
@Check('ck_submission_versions_range', 'first_version <= version AND saves >= 1')
export class SubmissionVersionEntity {
  @PrimaryColumn({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @ManyToOne(() => SubmissionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Relation<SubmissionEntity>;

  @Column({ type: 'text' })
  action: SubmissionVersionAction;

  @Column({ type: 'jsonb' })
  snapshot: SubmissionVersion['snapshot'];

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<UserEntity>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'first_version', type: 'int' })
  firstVersion: number;

  @Column({ type: 'int', default: 1 })
  saves: number;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;
}
