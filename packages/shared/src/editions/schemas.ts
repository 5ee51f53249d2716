import { z } from 'zod';
import { IdSchema, InstantSchema, LongTextSchema, NameSchema, SlugSchema } from '../common/primitives.js';
import { CriterionLevelInputSchema, CriterionLevelSchema, levelViolations } from '../judging/levels.js';
import { TIMELINE_FIELDS, timelineViolations, type TimelineInput } from './timeline.js';

export const PhaseSchema = z.enum(['draft', 'upcoming', 'registration', 'hacking', 'judging', 'finished']);
export type Phase = z.infer<typeof PhaseSchema>;
export const NormalizationSchema = z.enum(['none', 'zscore']);
export type Normalization = z.infer<typeof NormalizationSchema>;
export const LeaderboardVisibilitySchema = z.enum(['public', 'hidden']);
export type LeaderboardVisibility = z.infer<typeof LeaderboardVisibilitySchema>;

// ---- challenges, tracks, criteria ----------------------------------------------------------------

export const ChallengeCreateSchema = z.strictObject({
  title: NameSchema,
  description: LongTextSchema.default(''),
  sponsor: z.string().trim().max(200).nullable().optional(),
  prize: z.string().trim().max(200).nullable().optional(),
});
export type ChallengeCreate = z.infer<typeof ChallengeCreateSchema>;
export const ChallengePatchSchema = z.strictObject({
  title: NameSchema.optional(),
  description: LongTextSchema.optional(),
  sponsor: z.string().trim().max(200).nullable().optional(),
  prize: z.string().trim().max(200).nullable().optional(),
});
export type ChallengePatch = z.infer<typeof ChallengePatchSchema>;
export const ChallengeSchema = z.object({
  id: IdSchema,
  trackId: IdSchema,
  title: z.string(),
  description: z.string(),
  sponsor: z.string().nullable(),
  prize: z.string().nullable(),
});
export type Challenge = z.infer<typeof ChallengeSchema>;

export const TrackCreateSchema = z.strictObject({
  name: NameSchema,
  slug: SlugSchema,
  description: LongTextSchema.default(''),
});
export type TrackCreate = z.infer<typeof TrackCreateSchema>;
export const TrackPatchSchema = z.strictObject({
  name: NameSchema.optional(),
  slug: SlugSchema.optional(),
  description: LongTextSchema.optional(),
});
export type TrackPatch = z.infer<typeof TrackPatchSchema>;
export const TrackSchema = z.object({
  id: IdSchema,
  editionId: IdSchema,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  challenges: z.array(ChallengeSchema),
});
export type Track = z.infer<typeof TrackSchema>;

export const CriterionInputSchema = z
  .strictObject({
    name: NameSchema,
    description: LongTextSchema.default(''),
    weight: z.number().positive().max(1000),
    min: z.number().finite(),
    max: z.number().finite(),
    /** Guidance per range of the scale (judging issue); omitted = none. */
    levels: z.array(CriterionLevelInputSchema).max(20).optional(),
  })
  .refine((c) => c.min < c.max, { message: 'min must be below max', path: ['max'] })
  .superRefine((c, ctx) => {
    for (const v of levelViolations(c.min, c.max, c.levels ?? []))
      ctx.addIssue({ code: 'custom', path: ['levels', v.index, v.field], message: v.message });
  });
export type CriterionInput = z.infer<typeof CriterionInputSchema>;
export const CriteriaPutSchema = z.array(CriterionInputSchema).min(1).max(30);
export type CriteriaPut = z.infer<typeof CriteriaPutSchema>;
export const CriterionSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string(),
  weight: z.number(),
  min: z.number(),
  max: z.number(),
  order: z.number().int(),
  /** Level descriptions, in scale order. */
  levels: z.array(CriterionLevelSchema),
});
export type Criterion = z.infer<typeof CriterionSchema>;

/** The default criteria of PRODUCT.md, given to every new edition. */
export const DEFAULT_CRITERIA: CriterionInput[] = [
  { name: 'Innovation', description: 'How new and bold is the idea?', weight: 1, min: 1, max: 10 },
  { name: 'Impact', description: 'How much good would it do, for whom?', weight: 1, min: 1, max: 10 },
  {
    name: 'Technical execution',
    description: 'Does it work, and is it well built?',
    weight: 1,
    min: 1,
    max: 10,
  },
  { name: 'Presentation', description: 'Is it clear, convincing and honest?', weight: 1, min: 1, max: 10 },
];

// ---- editions -----------------------------------------------------------------------------------

const editionFields = {
  slug: SlugSchema,
  name: NameSchema,
  description: LongTextSchema,
  published: z.boolean(),
  registrationOpensAt: InstantSchema,
  registrationClosesAt: InstantSchema,
  hackingStartsAt: InstantSchema,
  submissionDeadline: InstantSchema,
  judgingEndsAt: InstantSchema,
  leaderboardFreezeAt: InstantSchema.nullable(),
  resultsPublishedAt: InstantSchema.nullable(),
  teamMinSize: z.number().int().min(1).max(50),
  teamMaxSize: z.number().int().min(1).max(50),
  reviewsPerSubmission: z.number().int().min(1).max(50),
  normalization: NormalizationSchema,
  leaderboardVisibility: LeaderboardVisibilitySchema,
  /** Teams see the jurors' comments (without names) in their own result once published. */
  shareJurorComments: z.boolean(),
};

type EditionWritable = { [K in keyof typeof editionFields]: z.infer<(typeof editionFields)[K]> };

/** Adds one zod issue per broken timeline or team-size rule, each on the field that breaks it. */
export function refineEdition(value: Partial<EditionWritable>, ctx: z.RefinementCtx): void {
  const times: TimelineInput = {};
  for (const f of TIMELINE_FIELDS) {
    const v = value[f];
    if (v !== undefined) times[f] = v === null ? null : Date.parse(v);
  }
  for (const v of timelineViolations(times))
    ctx.addIssue({ code: 'custom', path: [v.field], message: v.message });
  if (
    value.teamMinSize !== undefined &&
    value.teamMaxSize !== undefined &&
    value.teamMinSize > value.teamMaxSize
  ) {
    ctx.addIssue({ code: 'custom', path: ['teamMaxSize'], message: 'must be at least teamMinSize' });
  }
}

export const EditionCreateSchema = z
  .strictObject({
    ...editionFields,
    description: LongTextSchema.default(''),
    published: z.boolean().default(false),
    leaderboardFreezeAt: InstantSchema.nullable().default(null),
    resultsPublishedAt: InstantSchema.nullable().default(null),
    teamMinSize: editionFields.teamMinSize.default(1),
    teamMaxSize: editionFields.teamMaxSize.default(5),
    reviewsPerSubmission: editionFields.reviewsPerSubmission.default(3),
    normalization: NormalizationSchema.default('zscore'),
    leaderboardVisibility: LeaderboardVisibilitySchema.default('public'),
    shareJurorComments: z.boolean().default(false),
  })
  .superRefine(refineEdition);
export type EditionCreate = z.infer<typeof EditionCreateSchema>;
export type EditionCreateInput = z.input<typeof EditionCreateSchema>;

/**
 * A PATCH may name any subset; the API re-checks the merged result with `refineEdition`,
 * since a rule can involve one changed and one stored field.
 */
export const EditionPatchSchema = z.strictObject(editionFields).partial().superRefine(refineEdition);
export type EditionPatch = z.infer<typeof EditionPatchSchema>;

export const EditionSchema = z.object({
  id: IdSchema,
  ...editionFields,
  phase: PhaseSchema,
  serverTime: InstantSchema,
  tracks: z.array(TrackSchema),
  criteria: z.array(CriterionSchema),
});
export type Edition = z.infer<typeof EditionSchema>;
