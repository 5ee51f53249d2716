import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { Award, LeaderboardRow } from '@ca/shared';
import { EditionEntity } from '../../editions/entities/edition.entity';

/**
 * Where an edition's results show stands, in the database so that every instance and every
 * screen that reconnects see the same step. The places (the final standings from the last ranked
 * place up, as organizers see them) and the awards are fixed when the show starts: a score that
 * changes during the show does not reshuffle what the hall has already seen.
 */
@Entity('reveals')
export class RevealEntity {
  @PrimaryColumn({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  @Column({ name: 'reveal_id', type: 'uuid' })
  revealId: string;

  /** The board revealed; null for the whole edition (no foreign key: a snapshot of a show). */
  @Column({ name: 'track_id', type: 'uuid', nullable: true })
  trackId: string | null;

  @Column({ type: 'int', default: 0 })
  step: number;

  @Column({ type: 'jsonb' })
  places: LeaderboardRow[];

  @Column({ type: 'jsonb' })
  awards: Award[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
