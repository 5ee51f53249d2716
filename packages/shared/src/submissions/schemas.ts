import { z } from 'zod';
import { LocalizedTextSchema } from '../common/i18n.js';
import { IdSchema, InstantSchema, LongTextSchema, NameSchema } from '../common/primitives.js';
import {
  SubmissionRequirementKeySchema,
  type SubmissionRequirementKey,
  type SubmissionRequirements,
} from '../editions/schemas.js';

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

/**
 * How close together one person's saves must be to merge into one history entry (autosave): a
 * save joins the latest entry when that entry is a save by the same person, its last save was
 * less than SAVE_MERGE_GAP_MS ago and its first less than SAVE_MERGE_SPAN_MS ago. Submits and
 * unsubmits are always entries of their own; the `version` number rises with every save anyway.
 */
export const SAVE_MERGE_GAP_MS = 5 * 60_000;
export const SAVE_MERGE_SPAN_MS = 30 * 60_000;

/**
 * One entry of a submission's history: the full state after a save, submit or unsubmit. Saves of
 * one person close together are one entry (SAVE_MERGE_GAP_MS): `version` and `createdAt` are its
 * latest save's, `firstVersion` and `startedAt` its first's, `saves` how many it holds.
 */
export const SubmissionVersionSchema = z.object({
  version: z.number().int(),
  firstVersion: z.number().int(),
  saves: z.number().int(),
  action: SubmissionVersionActionSchema,
  authorId: IdSchema.nullable(),
  authorName: z.string().nullable(),
  createdAt: InstantSchema,
  startedAt: InstantSchema,
  snapshot: SubmissionContentSchema.extend({
    trackId: IdSchema,
    status: SubmissionStatusSchema,
  }),
});
export type SubmissionVersion = z.infer<typeof SubmissionVersionSchema>;

// ---- the submission checklist -------------------------------------------------------------------

/** What "a description of a useful length" means for the checklist: characters, spaces trimmed. */
export const SUBMISSION_DESCRIPTION_MIN_LENGTH = 200;

export const SubmissionChecklistItemSchema = z.object({
  key: SubmissionRequirementKeySchema,
  done: z.boolean(),
  /** The edition requires it on submit. */
  required: z.boolean(),
});
export type SubmissionChecklistItem = z.infer<typeof SubmissionChecklistItemSchema>;

/**
 * `GET /api/teams/:id/submission/checklist`: what the project has and lacks. `missing`: the
 * required items not done; submit answers 409 SUBMISSION_INCOMPLETE (with `details.missing`)
 * while it is not empty. A draft can always be saved.
 */
export const SubmissionChecklistSchema = z.object({
  items: z.array(SubmissionChecklistItemSchema),
  missing: z.array(SubmissionRequirementKeySchema),
  ready: z.boolean(),
});
export type SubmissionChecklist = z.infer<typeof SubmissionChecklistSchema>;

/**
 * The checklist of a project's content (null: nothing saved yet) against the edition's
 * requirements. `challenge` is left out when the team's track has no challenges to target.
 * The API decides submits with this same function, so the web can show it live while editing.
 */
export function submissionChecklist(
  content: Pick<
    SubmissionContent,
    'description' | 'repoUrl' | 'demoUrl' | 'videoUrl' | 'challengeIds'
  > | null,
  requirements: SubmissionRequirements,
  opts: { trackHasChallenges: boolean },
): SubmissionChecklist {
  const done: Record<SubmissionRequirementKey, boolean> = {
    description: (content?.description.trim().length ?? 0) >= SUBMISSION_DESCRIPTION_MIN_LENGTH,
    repoUrl: (content?.repoUrl ?? '') !== '',
    demoUrl: (content?.demoUrl ?? '') !== '',
    videoUrl: (content?.videoUrl ?? '') !== '',
    challenge: (content?.challengeIds.length ?? 0) > 0,
  };
  const items = SubmissionRequirementKeySchema.options
    .filter((key) => key !== 'challenge' || opts.trackHasChallenges)
    .map((key) => ({ key, done: done[key], required: requirements[key] }));
  const missing = items.filter((i) => i.required && !i.done).map((i) => i.key);
  return { items, missing, ready: missing.length === 0 };
}

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
  /** In the reader's language (Accept-Language). */
  trackName: z.string(),
  trackNameI18n: LocalizedTextSchema,
  title: z.string(),
  tagline: z.string(),
  techTags: z.array(z.string()),
  challengeIds: z.array(IdSchema),
  submittedAt: InstantSchema,
  /** The final rank and score of the results; null until the results are computed. */
  rank: z.number().int().nullable(),
  score: z.number().nullable(),
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
