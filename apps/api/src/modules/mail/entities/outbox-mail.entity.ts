import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { EditionEntity } from '../../editions/entities/edition.entity';

/**
 * A mail that did not go through SMTP (none configured, or the server refused it), kept so that an
 * organizer can copy it and pass it on by hand.
 */
@Entity('outbox')
@Index('ix_outbox_created', ['createdAt', 'id'])
export class OutboxMailEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'to_address', type: 'text' })
  to: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ name: 'body', type: 'text' })
  text: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'edition_id', type: 'uuid', nullable: true })
  editionId: string | null;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  // Millisecond precision: the page cursor carries a JavaScript Date, which has no microseconds.
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
