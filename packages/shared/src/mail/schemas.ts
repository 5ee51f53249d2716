import { z } from 'zod';
import { IdSchema, InstantSchema, PageQuerySchema } from '../common/primitives.js';

/** Why a mail was sent; the outbox can be filtered by it. */
export const MailKindSchema = z.enum([
  'password_reset',
  'jury_invitation',
  // Notifications (issue 13): see NOTIFICATION_TOPIC_OF for which a person may turn off.
  'join_request',
  'join_request_answer',
  'assignments_ready',
  'deadline_reminder_24h',
  'deadline_reminder_1h',
  'results_published',
]);
export type MailKind = z.infer<typeof MailKindSchema>;

/**
 * How a mail left: `smtp` (handed to the SMTP server of `SMTP_URL`), or `outbox` (no SMTP
 * configured, or the SMTP server refused it: written to the log and kept in the outbox, where an
 * organizer can copy it).
 */
export const MailDeliverySchema = z.enum(['smtp', 'outbox']);
export type MailDelivery = z.infer<typeof MailDeliverySchema>;

/** A mail kept in the outbox (`GET /api/mail/outbox`, organizers only, newest first). */
export const OutboxMailSchema = z.object({
  id: IdSchema,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  kind: MailKindSchema,
  editionId: IdSchema.nullable(),
  createdAt: InstantSchema,
});
export type OutboxMail = z.infer<typeof OutboxMailSchema>;

export const OutboxQuerySchema = PageQuerySchema.extend({
  kind: MailKindSchema.optional(),
  editionId: IdSchema.optional(),
});
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;
