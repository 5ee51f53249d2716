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
import type { SubmissionStatus } from '@ca/shared';
import { EditionEntity } from '../../editions/entities/edition.entity';
import { TrackEntity } from '../../editions/entities/track.entity';
import { TeamEntity } from '../../teams/entities/team.entity';

/** A team's project (one per team, from its first save). Written through SQL in SubmissionsService. */
@Entity('submissions')
@Check('ck_submissions_status', "status IN ('draft', 'submitted')")
// A submitted project always says when; a draft never does.
@Check('ck_submissions_submitted_at', "(status = 'submitted') = (submitted_at IS NOT NULL)")
@Check('ck_submissions_version', 'version >= 1')
@Check('ck_submissions_disqualified', '(disqualified_at IS NULL) = (disqualified_reason IS NULL)')
@Index('ix_submissions_edition_track_status', ['editionId', 'trackId', 'status'])
export class SubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'team_id', type: 'uuid', unique: true })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Relation<TeamEntity>;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  /** The team's track when the submission was last saved or submitted. */
  @Column({ name: 'track_id', type: 'uuid' })
  trackId: string;

  @ManyToOne(() => TrackEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'track_id' })
  track?: Relation<TrackEntity>;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  tagline: string;

  /** Markdown, verbatim as the team wrote it. */
  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'repo_url', type: 'text', default: '' })
  repoUrl: string;

  @Column({ name: 'demo_url', type: 'text', default: '' })
  demoUrl: string;

  @Column({ name: 'video_url', type: 'text', default: '' })
  videoUrl: string;

  @Column({ name: 'tech_tags', type: 'text', array: true, default: () => "'{}'" })
  techTags: string[];

  @Column({ name: 'challenge_ids', type: 'uuid', array: true, default: () => "'{}'" })
  challengeIds: string[];

  @Column({ type: 'text', default: 'draft' })
  status: SubmissionStatus;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** Bumped by every save, submit and unsubmit; the optimistic-concurrency token (`baseVersion`). */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'disqualified_at', type: 'timestamptz', nullable: true })
  disqualifiedAt: Date | null;

  @Column({ name: 'disqualified_reason', type: 'text', nullable: true })
  disqualifiedReason: string | null;
}
