import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { EditionEntity } from './edition.entity';
import { ChallengeEntity } from './challenge.entity';

@Entity('tracks')
@Index('uq_tracks_edition_slug', ['editionId', 'slug'], { unique: true })
// Track names are unique within an edition too (PRODUCT.md), compared as `nameKey` (common/database/name-key.ts).
@Index('uq_tracks_edition_name', ['editionId', 'nameKey'], { unique: true })
export class TrackEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => EditionEntity, (e) => e.tracks, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_key', type: 'text' })
  nameKey: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'int', default: 0 })
  position: number;

  @OneToMany(() => ChallengeEntity, (c) => c.track)
  challenges?: Relation<ChallengeEntity[]>;
}
