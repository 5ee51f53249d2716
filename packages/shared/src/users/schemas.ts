import { z } from 'zod';
import { UserSchema } from '../auth/schemas.js';
import { InstantSchema, PageQuerySchema } from '../common/primitives.js';

/** A user as organizers see them (`GET /api/users`, disable/enable answers). */
export const UserAccountSchema = UserSchema.extend({
  disabledAt: InstantSchema.nullable(),
  createdAt: InstantSchema,
});
export type UserAccount = z.infer<typeof UserAccountSchema>;

/** `GET /api/users?query=`: part of the name or email, case-insensitive; without it, everyone. */
export const UserSearchQuerySchema = PageQuerySchema.extend({
  query: z.string().trim().max(200).optional(),
});
export type UserSearchQuery = z.infer<typeof UserSearchQuerySchema>;
