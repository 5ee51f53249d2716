import { z } from 'zod';
import { IdSchema, NameSchema, PageQuerySchema } from '../common/primitives.js';
import { BooleanQuerySchema } from '../registrations/schemas.js';

/** 31 letters and digits without the look-alikes 0/O, 1/I/L: easy to read aloud and to type. */
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 10;
const INVITE_CODE_PATTERN = new RegExp(`^[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`);

/** Tolerates lower case, spaces and dashes, as people type codes they were read or sent. */
export const InviteCodeSchema = z
  .string()
  .max(64)
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(INVITE_CODE_PATTERN, `${INVITE_CODE_LENGTH} letters and digits`));

export const TeamCreateSchema = z.strictObject({ name: NameSchema, trackId: IdSchema });
export type TeamCreate = z.infer<typeof TeamCreateSchema>;

export const TeamJoinSchema = z.strictObject({ inviteCode: InviteCodeSchema });
export type TeamJoin = z.infer<typeof TeamJoinSchema>;

/** Captain only: rename, move track, hand captaincy over to another member. */
export const TeamPatchSchema = z
  .strictObject({ name: NameSchema.optional(), trackId: IdSchema.optional(), captainId: IdSchema.optional() })
  .refine((p) => p.name !== undefined || p.trackId !== undefined || p.captainId !== undefined, {
    message: 'name, trackId or captainId required',
  });
export type TeamPatch = z.infer<typeof TeamPatchSchema>;

export const TeamMemberSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  /** Organizers only (contacts). */
  email: z.string().optional(),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const TeamSchema = z.object({
  id: IdSchema,
  editionId: IdSchema,
  trackId: IdSchema,
  name: z.string(),
  captainId: IdSchema,
  /** Oldest member first. */
  members: z.array(TeamMemberSchema),
  /** Members and organizers only; `null` for everyone else. */
  inviteCode: z.string().nullable(),
  /** Places left before the edition's `teamMaxSize` (0 when full). */
  freePlaces: z.number().int(),
  /** The team's table or location label in the hall (expo judging), set by organizers; null when none. */
  tableLabel: z.string().nullable(),
});
export type Team = z.infer<typeof TeamSchema>;

export const TeamsQuerySchema = PageQuerySchema.extend({
  trackId: IdSchema.optional(),
  hasFreePlaces: BooleanQuerySchema.optional(),
});
export type TeamsQuery = z.infer<typeof TeamsQuerySchema>;
