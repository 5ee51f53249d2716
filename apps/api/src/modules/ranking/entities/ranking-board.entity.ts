import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { EditionEntity } from '../../editions/entities/edition.entity';

/**
 * A board's version: `board` is `all` (the whole edition) or a track id. Raised by one in the
 * transaction of every change that can touch the board, so consecutive updates of a board carry
 * consecutive versions, the same on every instance.
 */
@Entity('ranking_boards')
export class RankingBoardEntity {
  @PrimaryColumn({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  @PrimaryColumn({ type: 'text' })
  board: string;

  @Column({ type: 'bigint', default: 0 })
  version: string;
}
