import type { Language } from '@ca/shared';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('users')
@Check('ck_users_language', "language IN ('en', 'ro')")
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased and trimmed, so that the unique constraint compares case-insensitively. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'is_organizer', type: 'boolean', default: false })
  isOrganizer: boolean;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** The language of the person's mail (set at sign-up, changed in the account settings). */
  @Column({ type: 'text', default: 'en' })
  language: Language;

  /** When the person accepted the terms at sign-up, and which version (null: accounts made otherwise). */
  @Column({ name: 'terms_accepted_at', type: 'timestamptz', nullable: true })
  termsAcceptedAt: Date | null;

  @Column({ name: 'terms_version', type: 'text', nullable: true })
  termsVersion: string | null;

  /** Optional notifications (issue 13); on until the person turns them off. */
  @Column({ name: 'notify_join_requests', type: 'boolean', default: true })
  notifyJoinRequests: boolean;

  @Column({ name: 'notify_deadline_reminders', type: 'boolean', default: true })
  notifyDeadlineReminders: boolean;

  @Column({ name: 'notify_results', type: 'boolean', default: true })
  notifyResults: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
