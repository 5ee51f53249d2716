import { z } from 'zod';
import { LanguageSchema } from '../common/i18n.js';
import type { MailKind } from '../mail/schemas.js';

/**
 * `GET/PUT /api/auth/me/notifications` (issue 13): the language of a person's mail and the
 * notifications they may turn off. Password resets, jury invitations and "your assignments are
 * ready" are essential and always sent.
 */
export const NotificationSettingsSchema = z.object({
  language: LanguageSchema,
  /** A join request to the captain, its answer to the person who asked (and the same for invitations). */
  joinRequests: z.boolean(),
  /** "Your project is still a draft": 24 h and 1 h before the submission deadline. */
  deadlineReminders: z.boolean(),
  /** "The results are published", to every participant. */
  results: z.boolean(),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

/** Any subset of the settings; at least one. */
export const NotificationSettingsUpdateSchema = z
  .strictObject(NotificationSettingsSchema.shape)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'name at least one setting' });
export type NotificationSettingsUpdate = z.infer<typeof NotificationSettingsUpdateSchema>;

/** The optional notifications a person may turn off. */
export type NotificationTopic = 'joinRequests' | 'deadlineReminders' | 'results';

/** Which setting turns a mail kind off; kinds not listed are essential. */
export const NOTIFICATION_TOPIC_OF: Partial<Record<MailKind, NotificationTopic>> = {
  join_request: 'joinRequests',
  join_request_answer: 'joinRequests',
  deadline_reminder_24h: 'deadlineReminders',
  deadline_reminder_1h: 'deadlineReminders',
  results_published: 'results',
};

/** `POST /api/editions/:id/purge-personal-data`: what the purge did. */
export const PersonalDataPurgeResultSchema = z.object({
  editionId: z.string(),
  purgedAt: z.string(),
  /** Registrations whose answers (skills, contact sharing, looking for a team) were cleared. */
  registrationsCleared: z.number().int(),
  /** Join requests and team invitations of the edition whose free-text message was emptied. */
  joinRequestMessagesCleared: z.number().int(),
  /** Accounts anonymised (they had no tie to another edition). */
  accountsAnonymised: z.number().int(),
  /** Participants kept (they take part in, or judge, another edition): only this edition's answers went. */
  accountsKept: z.number().int(),
});
export type PersonalDataPurgeResult = z.infer<typeof PersonalDataPurgeResultSchema>;
