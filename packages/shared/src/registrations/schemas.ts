import { z } from 'zod';
import { IdSchema, PageQuerySchema } from '../common/primitives.js';

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
});
export type RegistrationCreate = z.infer<typeof RegistrationCreateSchema>;
export type RegistrationCreateInput = z.input<typeof RegistrationCreateSchema>;

export const RegistrationPatchSchema = z.strictObject({
  skills: SkillsSchema.optional(),
  lookingForTeam: z.boolean().optional(),
});
export type RegistrationPatch = z.infer<typeof RegistrationPatchSchema>;

export const RegistrationSchema = z.object({
  editionId: IdSchema,
  userId: IdSchema,
  skills: z.array(z.string()),
  lookingForTeam: z.boolean(),
});
export type Registration = z.infer<typeof RegistrationSchema>;

/** `?flag=true|false` in a query string. */
export const BooleanQuerySchema = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The team-finder's people: `GET /api/editions/:id/participants`. */
export const ParticipantsQuerySchema = PageQuerySchema.extend({
  lookingForTeam: BooleanQuerySchema.optional(),
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
});
export type Participant = z.infer<typeof ParticipantSchema>;
