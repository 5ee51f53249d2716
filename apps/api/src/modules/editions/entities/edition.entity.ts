import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { LeaderboardVisibility, Normalization, SubmissionRequirementsInput } from '@ca/shared';
import { TrackEntity } from './track.entity';
import { CriterionEntity } from './criterion.entity';

@Entity('editions')
// The timeline rules of docs/scoring.md, as a backstop behind the API's validation.
@Check(
  'ck_editions_timeline',
  `registration_opens_at < registration_closes_at AND registration_closes_at <= submission_deadline
   AND registration_opens_at <= hacking_starts_at AND hacking_starts_at < submission_deadline
   AND submission_deadline < judging_ends_at
   AND (results_published_at IS NULL OR judging_ends_at <= results_published_at)
   AND (leaderboard_freeze_at IS NULL OR leaderboard_freeze_at < judging_ends_at)`,
)
// Texts in two languages (`name` is the English one): at least one of them is written.
@Check('ck_editions_name', "name <> '' OR name_ro <> ''")
@Check('ck_editions_team_size', 'team_min_size >= 1 AND team_min_size <= team_max_size')
@Check('ck_editions_reviews', 'reviews_per_submission >= 1')
@Check('ck_editions_normalization', "normalization IN ('none', 'zscore', 'model')")
@Check('ck_editions_visibility', "leaderboard_visibility IN ('public', 'hidden')")
export class EditionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_ro', type: 'text', default: '' })
  nameRo: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'description_ro', type: 'text', default: '' })
  descriptionRo: string;

  /** Where the edition takes place (English; '' when not said), and in Romanian. */
  @Column({ type: 'text', default: '' })
  venue: string;

  @Column({ name: 'venue_ro', type: 'text', default: '' })
  venueRo: string;

  /** The checklist items required on submit; a missing key is false (not required). */
  @Column({ name: 'submission_requirements', type: 'jsonb', default: () => "'{}'" })
  submissionRequirements: SubmissionRequirementsInput;

  @Column({ type: 'boolean', default: false })
  published: boolean;

  @Column({ name: 'registration_opens_at', type: 'timestamptz' })
  registrationOpensAt: Date;

  @Column({ name: 'registration_closes_at', type: 'timestamptz' })
  registrationClosesAt: Date;

  @Column({ name: 'hacking_starts_at', type: 'timestamptz' })
  hackingStartsAt: Date;

  @Column({ name: 'submission_deadline', type: 'timestamptz' })
  submissionDeadline: Date;

  @Column({ name: 'judging_ends_at', type: 'timestamptz' })
  judgingEndsAt: Date;

  @Column({ name: 'leaderboard_freeze_at', type: 'timestamptz', nullable: true })
  leaderboardFreezeAt: Date | null;

  /**
   * When an organizer last set `leaderboardFreezeAt` (the database's now()): the freeze takes effect
   * at the later of the two (rule 7), so a freeze time set in the past never rewinds a board.
   */
  @Column({ name: 'leaderboard_freeze_set_at', type: 'timestamptz', nullable: true })
  leaderboardFreezeSetAt: Date | null;

  @Column({ name: 'results_published_at', type: 'timestamptz', nullable: true })
  resultsPublishedAt: Date | null;

  @Column({ name: 'team_min_size', type: 'int', default: 1 })
  teamMinSize: number;

  @Column({ name: 'team_max_size', type: 'int', default: 5 })
  teamMaxSize: number;

  @Column({ name: 'reviews_per_submission', type: 'int', default: 3 })
  reviewsPerSubmission: number;

  @Column({ type: 'text', default: 'model' })
  normalization: Normalization;

  @Column({ name: 'leaderboard_visibility', type: 'text', default: 'public' })
  leaderboardVisibility: LeaderboardVisibility;

  /** Teams see the jurors' comments (without names) in their own result once published. */
  @Column({ name: 'share_juror_comments', type: 'boolean', default: false })
  shareJurorComments: boolean;

  /** From when the edition's personal data may be purged; null: judging_ends_at + 1 year. */
  @Column({ name: 'personal_data_retention_until', type: 'timestamptz', nullable: true })
  personalDataRetentionUntil: Date | null;

  /** When an organizer purged the edition's personal data (issue 13). */
  @Column({ name: 'personal_data_purged_at', type: 'timestamptz', nullable: true })
  personalDataPurgedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => TrackEntity, (t) => t.edition)
  tracks?: Relation<TrackEntity[]>;

  @OneToMany(() => CriterionEntity, (c) => c.edition)
  criteria?: Relation<CriterionEntity[]>;
}
