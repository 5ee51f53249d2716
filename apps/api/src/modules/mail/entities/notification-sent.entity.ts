import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { EditionEntity } from '../../editions/entities/edition.entity';

/**
 * One notification that went out (issue 13), keyed by edition, what it is about (a team for the
 * deadline reminders, a join request, a juror, the edition itself for the results) and kind. It is
 * inserted in the same transaction as the mail's outbox rows, so that two API instances scanning
 * at once send it once: the second insert waits for the first transaction and then finds the key.
 */
@Entity('notifications_sent')
export class NotificationSentEntity {
  @PrimaryColumn({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @PrimaryColumn({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @PrimaryColumn({ type: 'text' })
  kind: string;

  /** How many people it was mailed to (those who turned it off are not counted). */
  @Column({ type: 'int' })
  recipients: number;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;
}
