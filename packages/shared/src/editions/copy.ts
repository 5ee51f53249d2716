import { z } from 'zod';
import { InstantSchema, NameSchema, SlugSchema } from '../common/primitives.js';
import { LocalizedNameInputSchema, refineEdition } from './schemas.js';

/**
 * `POST /api/editions/:id/copy` (issue 13): the next edition from this one. Tracks, challenges,
 * criteria (with their levels, both languages) and settings are copied; the new timeline is asked
 * for (the same rules as on create); no teams, people, sheets, awards or announcements follow.
 * Without `name`/`nameI18n` the new edition keeps the old one's name, to be edited afterwards.
 * Unpublished unless `published` says otherwise.
 */
export const EditionCopySchema = z
  .strictObject({
    slug: SlugSchema,
    name: NameSchema.optional(),
    nameI18n: LocalizedNameInputSchema.optional(),
    published: z.boolean().default(false),
    registrationOpensAt: InstantSchema,
    registrationClosesAt: InstantSchema,
    hackingStartsAt: InstantSchema,
    submissionDeadline: InstantSchema,
    judgingEndsAt: InstantSchema,
    leaderboardFreezeAt: InstantSchema.nullable().default(null),
    resultsPublishedAt: InstantSchema.nullable().default(null),
  })
  .superRefine(refineEdition);
export type EditionCopy = z.infer<typeof EditionCopySchema>;
export type EditionCopyInput = z.input<typeof EditionCopySchema>;
