import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/primitives.js';

/** A stored row as the database holds it (column names as they are), for the person to read. */
const RowSchema = z.record(z.string(), z.unknown());

/**
 * `GET /api/auth/me/data` (issue 13, personal data): everything the platform stores about the
 * signed-in person, as one JSON download. Rows are given whole (every column but secrets:
 * the password hash, session and reset token hashes), so that nothing new is left out by accident.
 */
export const PersonalDataSchema = z.object({
  exportedAt: InstantSchema,
  account: z.object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    isOrganizer: z.boolean(),
    createdAt: InstantSchema,
    disabledAt: InstantSchema.nullable(),
    /** The language of the person's mail, and the consent to the terms given at sign-up (issue 13). */
    language: z.string(),
    termsAcceptedAt: InstantSchema.nullable(),
    termsVersion: z.string().nullable(),
    notifications: z.object({
      joinRequests: z.boolean(),
      deadlineReminders: z.boolean(),
      results: z.boolean(),
    }),
  }),
  registrations: z.array(RowSchema),
  teamMemberships: z.array(RowSchema),
  submissionVersions: z.array(RowSchema),
  joinRequests: z.array(RowSchema),
  juries: z.array(RowSchema),
  scoreSheets: z.array(RowSchema),
  conflicts: z.array(RowSchema),
  flags: z.array(RowSchema),
  auditEntries: z.array(RowSchema),
});
export type PersonalData = z.infer<typeof PersonalDataSchema>;

/** `DELETE /api/auth/me`: the account's password, asked again. */
export const AccountDeleteSchema = z.strictObject({ password: z.string().min(1).max(1000) });
export type AccountDelete = z.infer<typeof AccountDeleteSchema>;

/** The name an anonymised account carries everywhere it appears. */
export const DELETED_USER_NAME = 'Deleted user';
