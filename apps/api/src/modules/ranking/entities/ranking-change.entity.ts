import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { EditionEntity } from '../../editions/entities/edition.entity';

/**
 * One recorded ranking change, in the edition's sequence: what changed, as it stood when the
 * change committed (`change`, a `RankingChange`), and the versions it gave the boards it can touch
 * (`versions`: board → version). Every instance applies these rows in `seq` order.
 */
@Entity('ranking_changes')
export class RankingChangeEntity {
  @PrimaryColumn({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'jsonb' })
  change: object;

  @Column({ type: 'jsonb' })
  versions: Record<string, number>;

  /** The recording transaction's now() (the same instant as the sheet's `updated_at`). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
