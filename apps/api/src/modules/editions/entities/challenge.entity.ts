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
import { TrackEntity } from './track.entity';

@Entity('challenges')
@Check('ck_challenges_title', "title <> '' OR title_ro <> ''")
export class ChallengeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_challenges_track')
  @Column({ name: 'track_id', type: 'uuid' })
  trackId: string;

  @ManyToOne(() => TrackEntity, (t) => t.challenges, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'track_id' })
  track?: Relation<TrackEntity>;

  /** English; `…Ro` beside each text is the Romanian one. */
  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'title_ro', type: 'text', default: '' })
  titleRo: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'description_ro', type: 'text', default: '' })
  descriptionRo: string;

  /** Null when there is no English text (as before the Romanian columns). */
  @Column({ type: 'text', nullable: true })
  sponsor: string | null;

  @Column({ name: 'sponsor_ro', type: 'text', default: '' })
  sponsorRo: string;

  @Column({ type: 'text', nullable: true })
  prize: string | null;

  @Column({ name: 'prize_ro', type: 'text', default: '' })
  prizeRo: string;

  @Column({ type: 'int', default: 0 })
  position: number;
}
