import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { EditionEntity } from '../../editions/entities/edition.entity';

/**
 * The edition's judging change sequence: raised (`UPDATE … RETURNING`) in every transaction that
 * changes what the boards are computed from (a sheet, a conflict, a disqualification, an
 * assignment), so that a reader knows whether its snapshot already contains a change.
 */
@Entity('judging_sequences')
export class JudgingSequenceEntity {
  @PrimaryColumn({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @OneToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  @Column({ type: 'bigint', default: 0 })
  seq: string;
}
