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
import type { LocalizedText } from '@ca/shared';
import { EditionEntity } from './edition.entity';

/** A level description as stored (criteria guidance, judging issue). */
export interface StoredCriterionLevel {
  from: number;
  to: number;
  descriptionI18n: LocalizedText;
}

@Entity('criteria')
@Check('ck_criteria_weight', 'weight > 0')
@Check('ck_criteria_name', "name <> '' OR name_ro <> ''")
@Check('ck_criteria_scale', 'scale_min < scale_max')
@Index('ix_criteria_edition', ['editionId'])
export class CriterionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => EditionEntity, (e) => e.criteria, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  /** English; `…Ro` the Romanian text. */
  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_ro', type: 'text', default: '' })
  nameRo: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'description_ro', type: 'text', default: '' })
  descriptionRo: string;

  @Column({ type: 'double precision' })
  weight: number;

  @Column({ name: 'scale_min', type: 'double precision' })
  min: number;

  @Column({ name: 'scale_max', type: 'double precision' })
  max: number;

  @Column({ type: 'int' })
  position: number;

  /** Guidance per range of the scale, in scale order. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  levels: StoredCriterionLevel[];
}
