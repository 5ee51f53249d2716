import { z } from 'zod';
import { LanguageSchema } from '../common/i18n.js';
import { IdSchema } from '../common/primitives.js';

export const EmailSchema = z.email().trim().max(320);
export const PasswordSchema = z.string().min(10, 'must be at least 10 characters').max(200);

export const RegisterSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  name: z.string().trim().min(1).max(120),
  /**
   * The person accepts the terms and privacy notice (version `TERMS_VERSION`): `true` is recorded
   * on the account with the version and the time, `false` is refused with 400 TERMS_NOT_ACCEPTED.
   * Optional, so that the contract's `{ email, password, name }` still signs up (nothing recorded).
   */
  acceptTerms: z.boolean().optional(),
  /** The language of the mail the person receives; without it, the request's Accept-Language. */
  language: LanguageSchema.optional(),
});
export type RegisterInput = z.infer<typeof RegisterSchema>;

export const LoginSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export const EditionRoleSchema = z.enum(['participant', 'juror']);
export type EditionRole = z.infer<typeof EditionRoleSchema>;

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  isOrganizer: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const MeSchema = UserSchema.extend({
  editions: z.array(z.object({ editionId: IdSchema, roles: z.array(EditionRoleSchema) })),
});
export type Me = z.infer<typeof MeSchema>;

/** `GET /api/auth/session`: who is signed in, `{ user: null }` when nobody is (never a 401). */
export const SessionSchema = z.object({ user: MeSchema.nullable() });
export type Session = z.infer<typeof SessionSchema>;

export const AuthResultSchema = z.object({ user: UserSchema, token: z.string() });
export type AuthResult = z.infer<typeof AuthResultSchema>;

export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
});
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

export const PasswordResetRequestSchema = z.strictObject({ email: EmailSchema });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>;
export const PasswordResetConfirmSchema = z.strictObject({
  token: z.string().min(1).max(200),
  password: PasswordSchema,
});
export type PasswordResetConfirm = z.infer<typeof PasswordResetConfirmSchema>;

/** The version of the terms and privacy notice (the web app's /terms page) that sign-up accepts. */
export const TERMS_VERSION = '2026-12-01';

/** The name of the httpOnly session cookie set by login and register. */
export const SESSION_COOKIE = 'ca_session';
