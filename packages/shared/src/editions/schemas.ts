import { z } from 'zod';
import { LocalizedTextInputSchema, LocalizedTextSchema, type LocalizedText } from '../common/i18n.js';
import { IdSchema, InstantSchema, LongTextSchema, NameSchema, SlugSchema } from '../common/primitives.js';
import { CriterionLevelInputSchema, CriterionLevelSchema, levelViolations } from '../judging/levels.js';
import { TIMELINE_FIELDS, timelineViolations, type TimelineInput } from './timeline.js';

export const PhaseSchema = z.enum(['draft', 'upcoming', 'registration', 'hacking', 'judging', 'finished']);
export type Phase = z.infer<typeof PhaseSchema>;
export const NormalizationSchema = z.enum(['none', 'zscore', 'model']);
export type Normalization = z.infer<typeof NormalizationSchema>;
export const LeaderboardVisibilitySchema = z.enum(['public', 'hidden']);
export type LeaderboardVisibility = z.infer<typeof LeaderboardVisibilitySchema>;

// ---- texts in two languages ----------------------------------------------------------------------
//
// Every organizer-written text (edition name, description and venue, track name and description,
// challenge title, description, sponsor and prize, criterion name and description) is kept in
// English and Romanian. Responses keep the plain field (`name`: the text in the reader's language,
// from `Accept-Language`, or the other language where that one is empty) and add `nameI18n` with
// both. Write bodies take the plain field (stored as the language of the request's
// `Accept-Language`, English when absent) and/or `nameI18n` (which wins for the languages it
// names). On create a language not given is empty; on PATCH (and for an existing criterion in
// `PUT …/criteria`) a language not given keeps its stored text.

/** `nameI18n` of a write body: trimmed, at most 200 characters per language. */
export const LocalizedNameInputSchema = z.strictObject({
  en: z.string().trim().max(200).optional(),
  ro: z.string().trim().max(200).optional(),
});
export type LocalizedNameInput = z.infer<typeof LocalizedNameInputSchema>;

/** Whether a write body gives a required text in at least one language (plain or `…I18n`). */
export function hasText(plain: string | null | undefined, i18n: { en?: string; ro?: string } | undefined) {
  return (
    (typeof plain === 'string' && plain.trim() !== '') ||
    (i18n?.en ?? '').trim() !== '' ||
    (i18n?.ro ?? '').trim() !== ''
  );
}

/** A zod refinement: `field` (or `fieldI18n`) must be given in at least one language. */
const requireText =
  (field: string) =>
  (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const i18n = value[`${field}I18n`] as { en?: string; ro?: string } | undefined;
    if (!hasText(value[field] as string | undefined, i18n)) {
      ctx.addIssue({ code: 'custom', path: [field], message: `required (${field} or ${field}I18n)` });
    }
  };

const ShortTextSchema = z.string().trim().max(200);

// ---- challenges, tracks, criteria ----------------------------------------------------------------

const challengeWritable = {
  title: NameSchema,
  titleI18n: LocalizedNameInputSchema,
  description: LongTextSchema,
  descriptionI18n: LocalizedTextInputSchema,
  sponsor: ShortTextSchema.nullable(),
  sponsorI18n: LocalizedNameInputSchema,
  prize: ShortTextSchema.nullable(),
  prizeI18n: LocalizedNameInputSchema,
};
export const ChallengeCreateSchema = z
  .strictObject(challengeWritable)
  .partial()
  .superRefine(requireText('title'));
export type ChallengeCreate = z.infer<typeof ChallengeCreateSchema>;
export const ChallengePatchSchema = z.strictObject(challengeWritable).partial();
export type ChallengePatch = z.infer<typeof ChallengePatchSchema>;
export const ChallengeSchema = z.object({
  id: IdSchema,
  trackId: IdSchema,
  title: z.string(),
  titleI18n: LocalizedTextSchema,
  description: z.string(),
  descriptionI18n: LocalizedTextSchema,
  /** Null when empty in both languages. */
  sponsor: z.string().nullable(),
  sponsorI18n: LocalizedTextSchema,
  prize: z.string().nullable(),
  prizeI18n: LocalizedTextSchema,
});
export type Challenge = z.infer<typeof ChallengeSchema>;

const trackWritable = {
  name: NameSchema,
  nameI18n: LocalizedNameInputSchema,
  slug: SlugSchema,
  description: LongTextSchema,
  descriptionI18n: LocalizedTextInputSchema,
};
export const TrackCreateSchema = z
  .strictObject({ ...trackWritable, slug: SlugSchema })
  .partial({ name: true, nameI18n: true, description: true, descriptionI18n: true })
  .superRefine(requireText('name'));
export type TrackCreate = z.infer<typeof TrackCreateSchema>;
export const TrackPatchSchema = z.strictObject(trackWritable).partial();
export type TrackPatch = z.infer<typeof TrackPatchSchema>;
export const TrackSchema = z.object({
  id: IdSchema,
  editionId: IdSchema,
  slug: z.string(),
  name: z.string(),
  nameI18n: LocalizedTextSchema,
  description: z.string(),
  descriptionI18n: LocalizedTextSchema,
  challenges: z.array(ChallengeSchema),
});
export type Track = z.infer<typeof TrackSchema>;

export const CriterionInputSchema = z
  .strictObject({
    name: NameSchema.optional(),
    nameI18n: LocalizedNameInputSchema.optional(),
    description: LongTextSchema.optional(),
    descriptionI18n: LocalizedTextInputSchema.optional(),
    weight: z.number().positive().max(1000),
    min: z.number().finite(),
    max: z.number().finite(),
    /** Guidance per range of the scale (judging issue); omitted = none. */
    levels: z.array(CriterionLevelInputSchema).max(20).optional(),
  })
  .superRefine(requireText('name'))
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
  nameI18n: LocalizedTextSchema,
  description: z.string(),
  descriptionI18n: LocalizedTextSchema,
  weight: z.number(),
  min: z.number(),
  max: z.number(),
  order: z.number().int(),
  /** Level descriptions, in scale order. */
  levels: z.array(CriterionLevelSchema),
});
export type Criterion = z.infer<typeof CriterionSchema>;

/** A default criterion: the plain fields in English (for clients that know no other language). */
export type DefaultCriterion = CriterionInput & {
  name: string;
  nameI18n: LocalizedText;
  description: string;
  descriptionI18n: LocalizedText;
};
const criterion = (name: LocalizedText, description: LocalizedText): DefaultCriterion => ({
  name: name.en,
  nameI18n: name,
  description: description.en,
  descriptionI18n: description,
  weight: 1,
  min: 1,
  max: 10,
});

/** The default criteria of docs/domain.md, given to every new edition (in both languages). */
export const DEFAULT_CRITERIA: DefaultCriterion[] = [
  criterion(
    { en: 'Innovation', ro: 'Inovație' },
    { en: 'How new and bold is the idea?', ro: 'Cât de nouă și de îndrăzneață este ideea?' },
  ),
  criterion(
    { en: 'Impact', ro: 'Impact' },
    { en: 'How much good would it do, for whom?', ro: 'Cât bine ar face și pentru cine?' },
  ),
  criterion(
    { en: 'Technical execution', ro: 'Execuție tehnică' },
    { en: 'Does it work, and is it well built?', ro: 'Funcționează și este bine construit?' },
  ),
  criterion(
    { en: 'Presentation', ro: 'Prezentare' },
    { en: 'Is it clear, convincing and honest?', ro: 'Este clară, convingătoare și onestă?' },
  ),
];

// ---- what a submission must have to be submitted --------------------------------------------------

/**
 * Items an edition may require before a project can be submitted (all off by default; a draft
 * never needs them). `description`: at least SUBMISSION_DESCRIPTION_MIN_LENGTH characters;
 * `challenge`: at least one challenge of the track targeted (when the track has any).
 */
export const SubmissionRequirementsSchema = z.object({
  description: z.boolean(),
  repoUrl: z.boolean(),
  demoUrl: z.boolean(),
  videoUrl: z.boolean(),
  challenge: z.boolean(),
});
export type SubmissionRequirements = z.infer<typeof SubmissionRequirementsSchema>;
export const SubmissionRequirementKeySchema = SubmissionRequirementsSchema.keyof();
export type SubmissionRequirementKey = z.infer<typeof SubmissionRequirementKeySchema>;
export const NO_SUBMISSION_REQUIREMENTS: SubmissionRequirements = {
  description: false,
  repoUrl: false,
  demoUrl: false,
  videoUrl: false,
  challenge: false,
};
/** In a write body: the items named change, the others keep their value (false on create). */
export const SubmissionRequirementsInputSchema = z.strictObject(SubmissionRequirementsSchema.shape).partial();
export type SubmissionRequirementsInput = z.infer<typeof SubmissionRequirementsInputSchema>;

// ---- editions -----------------------------------------------------------------------------------

const editionFields = {
  slug: SlugSchema,
  name: NameSchema,
  nameI18n: LocalizedNameInputSchema,
  description: LongTextSchema,
  descriptionI18n: LocalizedTextInputSchema,
  /** Where the edition takes place (a city, a building, "online"); '' when not said. */
  venue: ShortTextSchema,
  venueI18n: LocalizedNameInputSchema,
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
  submissionRequirements: SubmissionRequirementsInputSchema,
  /** Teams see the jurors' comments (without names) in their own result once published. */
  shareJurorComments: z.boolean(),
  /**
   * From when an organizer may purge the edition's personal data (issue 13); null: one year after
   * judging ends (`judgingEndsAt` + 1 year).
   */
  personalDataRetentionUntil: InstantSchema.nullable(),
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
    name: NameSchema.optional(),
    nameI18n: LocalizedNameInputSchema.optional(),
    description: LongTextSchema.optional(),
    descriptionI18n: LocalizedTextInputSchema.optional(),
    venue: ShortTextSchema.optional(),
    venueI18n: LocalizedNameInputSchema.optional(),
    submissionRequirements: SubmissionRequirementsInputSchema.optional(),
    published: z.boolean().default(false),
    leaderboardFreezeAt: InstantSchema.nullable().default(null),
    resultsPublishedAt: InstantSchema.nullable().default(null),
    teamMinSize: editionFields.teamMinSize.default(1),
    teamMaxSize: editionFields.teamMaxSize.default(5),
    reviewsPerSubmission: editionFields.reviewsPerSubmission.default(3),
    normalization: NormalizationSchema.default('model'),
    leaderboardVisibility: LeaderboardVisibilitySchema.default('public'),
    shareJurorComments: z.boolean().default(false),
    personalDataRetentionUntil: InstantSchema.nullable().default(null),
  })
  .superRefine(requireText('name'))
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
  nameI18n: LocalizedTextSchema,
  descriptionI18n: LocalizedTextSchema,
  venue: z.string(),
  venueI18n: LocalizedTextSchema,
  submissionRequirements: SubmissionRequirementsSchema,
  phase: PhaseSchema,
  /**
   * `resultsPublishedAt` is set and has passed (by `serverTime`): the gallery is open and final
   * results are public. Lets a page tell "not published yet" without asking the gallery.
   */
  resultsPublished: z.boolean(),
  /** When an organizer purged the edition's personal data; null while it is kept. */
  personalDataPurgedAt: InstantSchema.nullable(),
  serverTime: InstantSchema,
  tracks: z.array(TrackSchema),
  criteria: z.array(CriterionSchema),
});
export type Edition = z.infer<typeof EditionSchema>;
