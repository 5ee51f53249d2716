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
import { ChallengeEntity } from '../../editions/entities/challenge.entity';
import { EditionEntity } from '../../editions/entities/edition.entity';
import { TrackEntity } from '../../editions/entities/track.entity';
import { SubmissionEntity } from '../../submissions/entities/submission.entity';

/**
 * A prize of the results show: a track's (its winner is the top of the track's board) or a
 * sponsor challenge's (its winner is chosen by an organizer, `submission_id`).
 */
@Entity('awards')
@Check(
  'ck_awards_kind',
  `(kind = 'track' AND track_id IS NOT NULL AND challenge_id IS NULL AND submission_id IS NULL)
  OR (kind = 'challenge' AND challenge_id IS NOT NULL AND track_id IS NULL)`,
)
@Index('ux_awards_track', ['editionId', 'trackId'], { unique: true, where: 'track_id IS NOT NULL' })
@Index('ux_awards_challenge', ['editionId', 'challengeId'], {
  unique: true,
  where: 'challenge_id IS NOT NULL',
})
@Index('ix_awards_edition_order', ['editionId', 'order'])
export class AwardEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  @Column({ type: 'text' })
  kind: 'track' | 'challenge';

  @Column({ name: 'track_id', type: 'uuid', nullable: true })
  trackId: string | null;

  @ManyToOne(() => TrackEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'track_id' })
  track?: Relation<TrackEntity>;

  @Column({ name: 'challenge_id', type: 'uuid', nullable: true })
  challengeId: string | null;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  submissionId: string | null;

  @ManyToOne(() => SubmissionEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Relation<SubmissionEntity>;

  @Column({ type: 'text', default: '' })
  prize: string;

  @Column({ type: 'text', default: '' })
  sponsor: string;

  @Column({ type: 'text', default: '' })
  citation: string;

  @Column({ name: 'position', type: 'int' })
  order: number;
}
