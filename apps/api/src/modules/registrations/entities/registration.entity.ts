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
import { UserEntity } from '../../users/entities/user.entity';

/** A participant's registration for an edition (the participant role). */
@Entity('registrations')
export class RegistrationEntity {
  @PrimaryColumn({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skills: string[];

  @Column({ name: 'looking_for_team', type: 'boolean', default: false })
  lookingForTeam: boolean;

  /** Consent to show the account's email to other participants (off unless they say so). */
  @Column({ name: 'share_contact', type: 'boolean', default: false })
  shareContact: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
