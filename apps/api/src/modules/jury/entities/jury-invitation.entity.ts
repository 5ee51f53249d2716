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
import { UserEntity } from '../../users/entities/user.entity';

/**
 * An invitation to judge an edition, sent by mail. Only the SHA-256 of its token is stored; it is
 * used once (by one user, who may repeat the acceptance) and expires after 14 days.
 */
@Entity('jury_invitations')
@Index('ix_jury_invitations_edition_created', ['editionId', 'createdAt'])
export class JuryInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<EditionEntity>;

  /** Where the invitation was mailed (lower-cased); whoever holds the token may accept it. */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'track_ids', type: 'uuid', array: true, default: () => "'{}'" })
  trackIds: string[];

  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by' })
  inviter?: Relation<UserEntity>;

  // Millisecond precision: the page cursor carries a JavaScript Date, which has no microseconds.
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** When the link was last mailed: creation, or the latest resend (which replaced the token). */
  @Column({ name: 'last_sent_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  lastSentAt: Date;

  /** An organizer withdrew the invitation: its link no longer works. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'accepted_by', type: 'uuid', nullable: true })
  acceptedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_by' })
  accepter?: Relation<UserEntity>;
}
