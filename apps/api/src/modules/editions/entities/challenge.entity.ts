import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TrackEntity } from './track.entity';

@Entity('challenges')
export class ChallengeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_challenges_track')
  @Column({ name: 'track_id', type: 'uuid' })
  trackId: string;

  @ManyToOne(() => TrackEntity, (t) => t.challenges, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'track_id' })
  track?: Relation<TrackEntity>;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', nullable: true })
  sponsor: string | null;

  @Column({ type: 'text', nullable: true })
  prize: string | null;

  @Column({ type: 'int', default: 0 })
  position: number;
}
