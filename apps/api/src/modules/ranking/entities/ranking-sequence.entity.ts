import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { EditionEntity } from '../../editions/entities/edition.entity';

/**
 * The edition's ranking change sequence: raised first in every transaction that records a ranking
 * change (`RankingLog`). Its row lock serialises those transactions per edition until they commit,
 * so the sequence's order is their commit order and the committed changes are always 1…n.
 */
@Entity('ranking_sequences')
export class RankingSequenceEntity {
  @PrimaryColumn({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @OneToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  @Column({ type: 'bigint', default: 0 })
  seq: string;
}
