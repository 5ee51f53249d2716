import { z } from 'zod';
import { IdSchema, InstantSchema, PageQuerySchema } from '../common/primitives.js';

export const MAX_SKILLS = 30;
export const MAX_SKILL_LENGTH = 50;

/** Keeps the first spelling of each skill, compared case-insensitively. */
export function dedupeSkills(skills: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of skills) {
    const key = s.toLocaleLowerCase('en');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

/** Trimmed, at most 50 characters each, deduplicated case-insensitively, at most 30 after that. */
export const SkillsSchema = z
  .array(z.string().trim().min(1, 'a skill cannot be empty').max(MAX_SKILL_LENGTH))
  .max(200)
  .transform(dedupeSkills)
  .refine((s) => s.length <= MAX_SKILLS, `at most ${MAX_SKILLS} different skills`);

export const RegistrationCreateSchema = z.strictObject({
  skills: SkillsSchema.default([]),
  lookingForTeam: z.boolean().default(false),
  /** Consent to show the account's email to other participants (team-finder, join requests). */
  shareContact: z.boolean().default(false),
});
export type RegistrationCreate = z.infer<typeof RegistrationCreateSchema>;
export type RegistrationCreateInput = z.input<typeof RegistrationCreateSchema>;

export const RegistrationPatchSchema = z.strictObject({
  skills: SkillsSchema.optional(),
  lookingForTeam: z.boolean().optional(),
  shareContact: z.boolean().optional(),
});
export type RegistrationPatch = z.infer<typeof RegistrationPatchSchema>;

export const RegistrationSchema = z.object({
  editionId: IdSchema,
  userId: IdSchema,
  skills: z.array(z.string()),
  lookingForTeam: z.boolean(),
  shareContact: z.boolean(),
});
export type Registration = z.infer<typeof RegistrationSchema>;

/** `?flag=true|false` in a query string. */
export const BooleanQuerySchema = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * The team-finder's people and the organizers' participant list: `GET /api/editions/:id/participants`.
 * `lookingForTeam=true`: people looking for a team who have none (someone who found a team is no
 * longer looking, whatever their registration says); `false`: everyone else.
 */
export const ParticipantsQuerySchema = PageQuerySchema.extend({
  lookingForTeam: BooleanQuerySchema.optional(),
  /** `true`: in a team; `false`: without one. */
  inTeam: BooleanQuerySchema.optional(),
  /** Case-insensitive, in the name (organizers: also the email). */
  q: z.string().trim().min(1).max(200).optional(),
  /** Case-insensitive; matches any skill that contains it. */
  skill: z.string().trim().min(1).max(MAX_SKILL_LENGTH).optional(),
});
export type ParticipantsQuery = z.infer<typeof ParticipantsQuerySchema>;

export const ParticipantSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  skills: z.array(z.string()),
  lookingForTeam: z.boolean(),
  teamId: IdSchema.nullable(),
  teamName: z.string().nullable(),
  /** Only when the person shares their contact (`shareContact`), or for organizers; else null. */
  email: z.string().nullable(),
  registeredAt: InstantSchema,
});
export type Participant = z.infer<typeof ParticipantSchema>;
