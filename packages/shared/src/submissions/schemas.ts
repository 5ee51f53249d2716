import { z } from 'zod';
import { IdSchema, InstantSchema, LongTextSchema, NameSchema } from '../common/primitives.js';
import { GalleryAwardSchema } from '../awards/schemas.js';

export const SubmissionStatusSchema = z.enum(['draft', 'submitted']);
export type SubmissionStatus = z.infer<typeof SubmissionStatusSchema>;

/**
 * A link of a submission: an http(s) URL, or `''` for none. Other schemes (`javascript:`, `data:`,
 * `ftp:`) are refused, so that a link rendered by any client is safe to follow.
 */
export const SubmissionUrlSchema = z.union([
  z.literal(''),
  z
    .string()
    .trim()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
]);

/** Tech tags: trimmed, 1–40 characters, at most 20, duplicates (ignoring case) dropped. */
export const TechTagsSchema = z
  .array(z.string().trim().min(1).max(40))
  .max(20)
  .transform((tags) => {
    const seen = new Set<string>();
    return tags.filter((t) => {
      const key = t.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

/** `PUT /api/teams/:id/submission`: replaces the draft; every optional field omitted is empty. */
export const SubmissionPutSchema = z.strictObject({
  title: NameSchema,
  tagline: z.string().trim().max(300).default(''),
  /** Markdown, stored verbatim (not trimmed, not sanitised): clients render it safely. */
  description: LongTextSchema.default(''),
  repoUrl: SubmissionUrlSchema.nullable()
    .default('')
    .transform((v) => v ?? ''),
  demoUrl: SubmissionUrlSchema.nullable()
    .default('')
    .transform((v) => v ?? ''),
  videoUrl: SubmissionUrlSchema.nullable()
    .default('')
    .transform((v) => v ?? ''),
  techTags: TechTagsSchema.default([]),
  /** Challenges of the team's track that the project targets. */
  challengeIds: z
    .array(IdSchema)
    .max(50)
    .default([])
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
  /** The version the client edited; when it is not the current one the save is refused (409 STALE_VERSION). */
  baseVersion: z.number().int().min(0).optional(),
});
export type SubmissionPut = z.infer<typeof SubmissionPutSchema>;
export type SubmissionPutInput = z.input<typeof SubmissionPutSchema>;

/** The content of a submission, as kept in each version. */
export const SubmissionContentSchema = z.object({
  title: z.string(),
  tagline: z.string(),
  description: z.string(),
  repoUrl: z.string(),
  demoUrl: z.string(),
  videoUrl: z.string(),
  techTags: z.array(z.string()),
  challengeIds: z.array(IdSchema),
});
export type SubmissionContent = z.infer<typeof SubmissionContentSchema>;

export const SubmissionSchema = SubmissionContentSchema.extend({
  id: IdSchema,
  teamId: IdSchema,
  /** The team's track when the submission was last saved or submitted. */
  trackId: IdSchema,
  status: SubmissionStatusSchema,
  submittedAt: InstantSchema.nullable(),
  version: z.number().int(),
  updatedAt: InstantSchema,
  /** The team's own deadline: the edition's submission deadline, or the team's extension when later. */
  deadline: InstantSchema,
  disqualified: z.boolean(),
  /** Why an organizer disqualified it (shown to the team and organizers), else null. */
  disqualifiedReason: z.string().nullable(),
});
export type Submission = z.infer<typeof SubmissionSchema>;

/** A row of the organizers' list (`GET /api/editions/:id/submissions`). */
export const SubmissionListItemSchema = SubmissionSchema.extend({ teamName: z.string() });
export type SubmissionListItem = z.infer<typeof SubmissionListItemSchema>;

export const SubmissionListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
  trackId: IdSchema.optional(),
  status: SubmissionStatusSchema.optional(),
  /** `true`: only disqualified ones; `false`: only the others; absent: all. */
  disqualified: z.enum(['true', 'false']).optional(),
});
export type SubmissionListQuery = z.infer<typeof SubmissionListQuerySchema>;

export const SubmissionVersionActionSchema = z.enum(['save', 'submit', 'unsubmit']);
export type SubmissionVersionAction = z.infer<typeof SubmissionVersionActionSchema>;

/** One entry of a submission's history: the full state after a save, submit or unsubmit. */
export const SubmissionVersionSchema = z.object({
  version: z.number().int(),
  action: SubmissionVersionActionSchema,
  authorId: IdSchema.nullable(),
  authorName: z.string().nullable(),
  createdAt: InstantSchema,
  snapshot: SubmissionContentSchema.extend({
    trackId: IdSchema,
    status: SubmissionStatusSchema,
  }),
});
export type SubmissionVersion = z.infer<typeof SubmissionVersionSchema>;

/** `POST /api/teams/:id/extension`: the team's own deadline; `null` withdraws the extension. */
export const ExtensionSchema = z.strictObject({ until: InstantSchema.nullable() });
export type ExtensionInput = z.infer<typeof ExtensionSchema>;
export const ExtensionResultSchema = z.object({
  teamId: IdSchema,
  /** The extension itself, null when none. */
  extendedDeadline: InstantSchema.nullable(),
  /** The team's deadline now in force. */
  deadline: InstantSchema,
});
export type ExtensionResult = z.infer<typeof ExtensionResultSchema>;

export const DisqualifySchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export type DisqualifyInput = z.infer<typeof DisqualifySchema>;

// ---- public gallery -----------------------------------------------------------------------------

export const GalleryQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
  /** Free text searched in title, tagline, tech tags and team name (case-insensitive). */
  q: z.string().trim().max(200).optional(),
  trackId: IdSchema.optional(),
});
export type GalleryQuery = z.infer<typeof GalleryQuerySchema>;

export const GalleryItemSchema = z.object({
  submissionId: IdSchema,
  editionId: IdSchema,
  teamId: IdSchema,
  teamName: z.string(),
  trackId: IdSchema,
  trackName: z.string(),
  title: z.string(),
  tagline: z.string(),
  techTags: z.array(z.string()),
  challengeIds: z.array(IdSchema),
  submittedAt: InstantSchema,
  /** The final rank in the project's track and in the whole edition (null: no sheet counts). */
  rank: z.number().int().nullable(),
  overallRank: z.number().int().nullable(),
  /** The final score (mean sheet score, rule 2) and ranking value (rule 3), at full precision. */
  score: z.number().nullable(),
  normalized: z.number().nullable(),
  /** The awards this project won (shown once the results are published, with the gallery). */
  awards: z.array(GalleryAwardSchema),
});
export type GalleryItem = z.infer<typeof GalleryItemSchema>;

/** A project's page in the gallery. */
export const GalleryProjectSchema = GalleryItemSchema.extend({
  description: z.string(),
  repoUrl: z.string(),
  demoUrl: z.string(),
  videoUrl: z.string(),
  members: z.array(z.object({ userId: IdSchema, name: z.string() })),
});
export type GalleryProject = z.infer<typeof GalleryProjectSchema>;
