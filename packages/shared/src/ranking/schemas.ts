import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/primitives.js';
import { NormalizationSchema } from '../editions/schemas.js';

// ---- explanations (organizers) -------------------------------------------------------------------

/** The rule of docs/scoring.md (rule 5) that placed a project relative to another one. */
export const RankRuleSchema = z.enum(['normalized', 'sheets', 'tieCriterion', 'submittedAt', 'tied']);
export type RankRule = z.infer<typeof RankRuleSchema>;

/** A project level with another on the ranking value (within 1e-9), and how the two were separated. */
export const RankPeerSchema = z.object({
  submissionId: IdSchema,
  teamName: z.string(),
  title: z.string(),
  rank: z.number().int(),
  sheets: z.number().int(),
  /** The peer's mean on the tie-break criterion. */
  tieMean: z.number(),
  submittedAt: InstantSchema,
  /** This project against the peer: placed ahead of it, behind it, or sharing its rank. */
  relation: z.enum(['ahead', 'behind', 'level']),
  /** The first rule on which they differ; `tied` when none does (same rank). */
  decidedBy: z.enum(['sheets', 'tieCriterion', 'submittedAt', 'tied']),
});
export type RankPeer = z.infer<typeof RankPeerSchema>;

/**
 * Why a project holds its rank, as data the web can phrase in any language: its ranking value and
 * sheet count, the projects level with it on that value and the rule that separated each.
 * `decidedBy` is the deepest rule needed to place it (`normalized` when no project was level with
 * it; `tied` when it shares its rank); null for an unranked project (no sheet counts).
 */
export const RankReasonSchema = z.object({
  rank: z.number().int().nullable(),
  normalized: z.number().nullable(),
  score: z.number().nullable(),
  sheets: z.number().int(),
  tieMean: z.number().nullable(),
  submittedAt: InstantSchema,
  decidedBy: RankRuleSchema.nullable(),
  tiedWith: z.array(RankPeerSchema),
});
export type RankReason = z.infer<typeof RankReasonSchema>;

export const ExplainedSheetSchema = z.object({
  jurorId: IdSchema,
  jurorName: z.string(),
  /** Rule 1's score of the sheet, 0–100. */
  score: z.number(),
  /** The sheet score against the juror's counting sheets (rule 3); null for a sheet that does not count. */
  zScore: z.number().nullable(),
  /** False when the juror is conflicted with the team: the sheet counts nowhere. */
  counts: z.boolean(),
  values: z.record(z.string(), z.number()),
});
export type ExplainedSheet = z.infer<typeof ExplainedSheetSchema>;

export const ExplainedProjectSchema = z.object({
  submissionId: IdSchema,
  teamId: IdSchema,
  teamName: z.string(),
  trackId: IdSchema,
  title: z.string(),
  rank: z.number().int().nullable(),
  score: z.number().nullable(),
  normalized: z.number().nullable(),
  sheets: z.number().int(),
  /** Each criterion's mean over the counting sheets, by criterion id (null without one). */
  criteria: z.record(z.string(), z.number()).nullable(),
  /** The spread of the counting sheet scores (population sd); null without one. */
  spread: z.object({ min: z.number(), max: z.number(), sd: z.number() }).nullable(),
  /** Every stored sheet of the project, counting or not, by juror name. */
  jurorSheets: z.array(ExplainedSheetSchema),
  reason: RankReasonSchema,
  /** The reason as one sentence, ready to show. */
  sentence: z.object({ en: z.string(), ro: z.string() }),
});
export type ExplainedProject = z.infer<typeof ExplainedProjectSchema>;

export const ExplainedJurorSchema = z.object({
  jurorId: IdSchema,
  jurorName: z.string(),
  /** Counting sheets of the juror in the edition, and their mean and population sd (rule 3). */
  sheets: z.number().int(),
  mean: z.number(),
  sd: z.number(),
});
export type ExplainedJuror = z.infer<typeof ExplainedJurorSchema>;

/** `GET /api/editions/:id/leaderboard/explain?trackId=` (organizers): the live board, explained. */
export const LeaderboardExplanationSchema = z.object({
  editionId: IdSchema,
  trackId: IdSchema.nullable(),
  version: z.number().int(),
  normalization: NormalizationSchema,
  /** Rule 5's second tie-break: the criterion with the largest weight, first by order. */
  tieBreakCriterionId: IdSchema.nullable(),
  criteria: z.array(
    z.object({ id: IdSchema, name: z.string(), weight: z.number(), min: z.number(), max: z.number() }),
  ),
  jurors: z.array(ExplainedJurorSchema),
  /** In board order: ranked projects first, then the unranked in title order. */
  projects: z.array(ExplainedProjectSchema),
});
export type LeaderboardExplanation = z.infer<typeof LeaderboardExplanationSchema>;

export const ExplainQuerySchema = z.strictObject({
  trackId: IdSchema.optional(),
  /** Only this project (its reason still compares it with its board). */
  submissionId: IdSchema.optional(),
});
export type ExplainQuery = z.infer<typeof ExplainQuerySchema>;

// ---- a team's own result --------------------------------------------------------------------------

export const TeamResultStatusSchema = z.enum(['ranked', 'unranked', 'disqualified', 'not_submitted']);
export type TeamResultStatus = z.infer<typeof TeamResultStatusSchema>;

/**
 * `GET /api/teams/:id/result` (the team's members and organizers, once results are published):
 * its ranks, its criterion means and, where the edition shares them (`shareJurorComments`), the
 * jurors' comments without their names.
 */
export const TeamResultSchema = z.object({
  teamId: IdSchema,
  editionId: IdSchema,
  trackId: IdSchema,
  submissionId: IdSchema.nullable(),
  title: z.string().nullable(),
  status: TeamResultStatusSchema,
  /** Rank on the track's board and on the whole edition's board. */
  rank: z.number().int().nullable(),
  overallRank: z.number().int().nullable(),
  /** How many projects each board ranks. */
  rankedInTrack: z.number().int(),
  rankedOverall: z.number().int(),
  score: z.number().nullable(),
  normalized: z.number().nullable(),
  sheets: z.number().int(),
  criteria: z.array(
    z.object({
      criterionId: IdSchema,
      name: z.string(),
      weight: z.number(),
      min: z.number(),
      max: z.number(),
      mean: z.number().nullable(),
    }),
  ),
  commentsShared: z.boolean(),
  /** The non-empty comments of the sheets that count, without names, in a fixed order; null when not shared. */
  comments: z.array(z.string()).nullable(),
});
export type TeamResult = z.infer<typeof TeamResultSchema>;
