import {
  Check,
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
// Track names are unique within an edition too (docs/domain.md), in each language, compared as keys
// (common/database/name-key.ts); a language left empty is not compared.
@Index('uq_tracks_edition_name', ['editionId', 'nameKey'], { unique: true, where: "name_key <> ''" })
@Index('uq_tracks_edition_name_ro', ['editionId', 'nameRoKey'], { unique: true, where: "name_ro_key <> ''" })
@Check('ck_tracks_name', "name <> '' OR name_ro <> ''")
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

  @Column({ name: 'name_ro', type: 'text', default: '' })
  nameRo: string;

  @Column({ name: 'name_ro_key', type: 'text', default: '' })
  nameRoKey: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'description_ro', type: 'text', default: '' })
  descriptionRo: string;

  @Column({ type: 'int', default: 0 })
  position: number;

  @OneToMany(() => ChallengeEntity, (c) => c.track)
  challenges?: Relation<ChallengeEntity[]>;
}
