import { z } from 'zod';
import { IdSchema, InstantSchema, PageQuerySchema } from '../common/primitives.js';
import { NormalizationSchema } from '../editions/schemas.js';

/**
 * Jury scoring (issue 10): conflicts of interest, assignments, expo tables, flags, score sheets,
 * coverage and corrections. Every body and answer of the judging routes is defined here once; the
 * API validates with these schemas and the web app types its screens with them.
 */

const ReasonSchema = z.string().trim().min(1).max(1000);

// ---- score sheets ---------------------------------------------------------------------------------

/** `{ [criterionId]: value }`; every criterion of the edition required, each within its scale (checked by the API). */
export const ScoreValuesSchema = z
  .record(z.string().max(100), z.number().finite())
  .refine((v) => Object.keys(v).length <= 50, 'at most 50 values');
export type ScoreValues = z.infer<typeof ScoreValuesSchema>;

export const SHEET_COMMENT_MAX = 5000;

/**
 * `PUT /api/submissions/:id/scores/me`. The same `idempotencyKey` from the same juror answers the
 * stored sheet and changes nothing, whatever the rest of the body (a client retrying after a lost
 * answer, or an offline queue replaying). A key is the juror's: used again for another submission
 * it is refused (400 naming `idempotencyKey`).
 */
export const ScoreSheetPutSchema = z.strictObject({
  values: ScoreValuesSchema,
  comment: z.string().max(SHEET_COMMENT_MAX).default(''),
  idempotencyKey: z.string().min(1).max(200),
});
export type ScoreSheetPut = z.infer<typeof ScoreSheetPutSchema>;
export type ScoreSheetPutInput = z.input<typeof ScoreSheetPutSchema>;

/** A score sheet (docs/api.md) with what the judging issue added. */
export const ScoreSheetSchema = z.object({
  jurorId: IdSchema,
  submissionId: IdSchema,
  values: z.record(z.string(), z.number()),
  comment: z.string(),
  /** The sheet's 0–100 score: rule 1 of docs/scoring.md (`sheetScore`). */
  score: z.number(),
  updatedAt: InstantSchema,
  /** The submission's version when the sheet was last saved (jurors always score the latest one). */
  submissionVersion: z.number().int(),
  /**
   * False when the juror is conflicted with the team (a conflict declared after the sheet): the
   * sheet stays stored and in the audit log, but counts nowhere (boards, z-scores, coverage).
   */
  counts: z.boolean(),
});
export type ScoreSheet = z.infer<typeof ScoreSheetSchema>;

/** Rule 1 of docs/domain.md: `100 · Σ w_c · (v_c − min_c)/(max_c − min_c) / Σ w_c`, in [0, 100]. */
export function sheetScore(
  criteria: readonly { id: string; weight: number; min: number; max: number }[],
  values: Readonly<Record<string, number>>,
): number {
  let weighted = 0;
  let weights = 0;
  for (const c of criteria) {
    const v = values[c.id];
    if (v === undefined) continue;
    weighted += c.weight * ((v - c.min) / (c.max - c.min));
    weights += c.weight;
  }
  return weights === 0 ? 0 : (100 * weighted) / weights;
}

/** An organizer reopens one juror's sheet after `judgingEndsAt`, for a stated reason. */
export const SheetReopenSchema = z.strictObject({
  reason: ReasonSchema,
  /** How long the juror may save it again; omitted = until an organizer closes it. */
  minutes: z.number().int().min(1).max(10_080).optional(),
});
export type SheetReopen = z.infer<typeof SheetReopenSchema>;

export const SheetReopeningSchema = z.object({
  jurorId: IdSchema,
  submissionId: IdSchema,
  reason: z.string(),
  openedBy: IdSchema.nullable(),
  openedAt: InstantSchema,
  /** When the reopening lapses by itself; null = until closed. */
  until: InstantSchema.nullable(),
  closedAt: InstantSchema.nullable(),
  /** Whether the juror may save the sheet now (not closed, not lapsed). */
  open: z.boolean(),
});
export type SheetReopening = z.infer<typeof SheetReopeningSchema>;

/**
 * An organizer's audited correction of a juror's sheet after `judgingEndsAt`: new values (every
 * criterion, within scale), optionally a new comment (omitted = the juror's stays), and why.
 */
export const SheetOverrideSchema = z.strictObject({
  values: ScoreValuesSchema,
  comment: z.string().max(SHEET_COMMENT_MAX).optional(),
  reason: ReasonSchema,
});
export type SheetOverride = z.infer<typeof SheetOverrideSchema>;

/** `GET /api/submissions/:id/scores` (organizers): every sheet of a project, counting or not. */
export const SubmissionSheetSchema = ScoreSheetSchema.extend({
  jurorName: z.string(),
  reopening: SheetReopeningSchema.nullable(),
});
export type SubmissionSheet = z.infer<typeof SubmissionSheetSchema>;

// ---- conflicts of interest ------------------------------------------------------------------------

/** `POST /api/editions/:id/conflicts`: jurors declare their own; organizers name the juror. */
export const ConflictCreateSchema = z.strictObject({
  teamId: IdSchema,
  jurorId: IdSchema.optional(),
  reason: ReasonSchema,
});
export type ConflictCreate = z.infer<typeof ConflictCreateSchema>;

export const ConflictSchema = z.object({
  /** null for an implicit conflict (the juror is a member of the team), which has no row. */
  id: IdSchema.nullable(),
  editionId: IdSchema,
  jurorId: IdSchema,
  jurorName: z.string(),
  teamId: IdSchema,
  teamName: z.string(),
  reason: z.string(),
  declaredBy: IdSchema.nullable(),
  createdAt: InstantSchema.nullable(),
  /** True when the juror is a member of the team (conflicted without declaring it). */
  implicit: z.boolean(),
});
export type Conflict = z.infer<typeof ConflictSchema>;

/** 201 answer of a declaration: the conflict, and what it changed. */
export const ConflictDeclaredSchema = ConflictSchema.extend({
  /** The juror's assignment to the team's project was dropped (it had no sheet). */
  droppedAssignment: z.boolean(),
  /** The juror's sheet of the team's project is kept but no longer counts. */
  sheetNoLongerCounts: z.boolean(),
});
export type ConflictDeclared = z.infer<typeof ConflictDeclaredSchema>;

// ---- expo tables ----------------------------------------------------------------------------------

export const TableLabelSchema = z.string().trim().min(1).max(40);

/** `PUT /api/teams/:id/table` (organizers): the team's table or location label; null clears it. */
export const TeamTablePutSchema = z.strictObject({ tableLabel: TableLabelSchema.nullable() });
export type TeamTablePut = z.infer<typeof TeamTablePutSchema>;

/**
 * `POST /api/editions/:id/tables/number` (organizers): labels every team, track by track (tracks in
 * their order, teams by name): `H-01`, `H-02`… `prefixes` maps a track id to its prefix (default:
 * the first letters of the track's name, as many as make the prefixes distinct).
 */
export const TablesNumberSchema = z.strictObject({
  prefixes: z.record(IdSchema, z.string().trim().min(1).max(10)).optional(),
  digits: z.number().int().min(1).max(4).default(2),
  startAt: z.number().int().min(0).max(9999).default(1),
  separator: z.string().max(3).default('-'),
});
export type TablesNumber = z.infer<typeof TablesNumberSchema>;
export type TablesNumberInput = z.input<typeof TablesNumberSchema>;

export const TeamTableSchema = z.object({
  teamId: IdSchema,
  teamName: z.string(),
  trackId: IdSchema,
  tableLabel: z.string().nullable(),
});
export type TeamTable = z.infer<typeof TeamTableSchema>;

export const TablesNumberedSchema = z.object({ items: z.array(TeamTableSchema) });
export type TablesNumbered = z.infer<typeof TablesNumberedSchema>;

const tableCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The walking order of tables: natural sort (`H-2` before `H-10`), case-insensitive, teams without
 * a table last. The API orders a juror's list with it; clients may re-sort with the same rule.
 */
export function compareTableLabels(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return tableCollator.compare(a, b);
}

// ---- flags ----------------------------------------------------------------------------------------

export const FlagKindSchema = z.enum(['absent', 'cannot_judge']);
export type FlagKind = z.infer<typeof FlagKindSchema>;
export const FlagStatusSchema = z.enum(['open', 'reassigned', 'dismissed']);
export type FlagStatus = z.infer<typeof FlagStatusSchema>;

/**
 * `POST /api/submissions/:id/flags` (the assigned juror, instead of scoring): "team absent" or
 * "cannot judge". A juror has at most one open flag per project: flagging again replaces its kind
 * and reason.
 */
export const FlagCreateSchema = z.strictObject({ kind: FlagKindSchema, reason: ReasonSchema });
export type FlagCreate = z.infer<typeof FlagCreateSchema>;

export const FlagSchema = z.object({
  id: IdSchema,
  editionId: IdSchema,
  submissionId: IdSchema,
  jurorId: IdSchema,
  kind: FlagKindSchema,
  reason: z.string(),
  status: FlagStatusSchema,
  createdAt: InstantSchema,
  resolvedAt: InstantSchema.nullable(),
  resolvedBy: IdSchema.nullable(),
  /** The juror who took the assignment over (status `reassigned`). */
  reassignedTo: IdSchema.nullable(),
  /** The organizer's note on resolving. */
  note: z.string().nullable(),
});
export type Flag = z.infer<typeof FlagSchema>;

/**
 * `POST /api/flags/:id/reassign` (organizers): resolves the flag and moves the flagging juror's
 * assignment to `jurorId`, or (omitted) to the least-loaded eligible juror (preferring the
 * project's track). The assignment must have no sheet.
 */
export const FlagReassignSchema = z.strictObject({
  jurorId: IdSchema.optional(),
  note: z.string().trim().max(1000).optional(),
});
export type FlagReassign = z.infer<typeof FlagReassignSchema>;

/** `POST /api/flags/:id/dismiss` (organizers): resolves the flag and keeps the assignment. */
export const FlagDismissSchema = z.strictObject({ note: z.string().trim().max(1000).optional() });
export type FlagDismiss = z.infer<typeof FlagDismissSchema>;

export const AssignmentRefSchema = z.object({ jurorId: IdSchema, submissionId: IdSchema });
export type AssignmentRef = z.infer<typeof AssignmentRefSchema>;

export const FlagReassignedSchema = z.object({ flag: FlagSchema, assignment: AssignmentRefSchema });
export type FlagReassigned = z.infer<typeof FlagReassignedSchema>;

// ---- assignments ----------------------------------------------------------------------------------

/** The latest version of the project a juror scores (they always see the latest one). */
export const AssignedProjectSchema = z.object({
  version: z.number().int(),
  updatedAt: InstantSchema,
  submittedAt: InstantSchema.nullable(),
  tagline: z.string(),
  description: z.string(),
  repoUrl: z.string(),
  demoUrl: z.string(),
  videoUrl: z.string(),
  techTags: z.array(z.string()),
  challengeIds: z.array(IdSchema),
  /** The team's own deadline (an extension included). */
  deadline: InstantSchema,
  /** The team's extension still runs: the project may still change while being judged. */
  extensionRunning: z.boolean(),
});
export type AssignedProject = z.infer<typeof AssignedProjectSchema>;

export const MyAssignmentStatusSchema = z.enum(['todo', 'done', 'flagged', 'conflicted']);
export type MyAssignmentStatus = z.infer<typeof MyAssignmentStatusSchema>;

/**
 * An item of `GET /api/editions/:id/assignments/me`: the Assignment of docs/api.md (`submissionId,
 * teamId, teamName, trackId, title, sheet`) with the table, the juror's open flag, and the latest
 * version. The list comes in walking order (`compareTableLabels`, then team name).
 */
export const MyAssignmentSchema = z.object({
  submissionId: IdSchema,
  teamId: IdSchema,
  teamName: z.string(),
  trackId: IdSchema,
  title: z.string(),
  sheet: ScoreSheetSchema.nullable(),
  tableLabel: z.string().nullable(),
  /** `conflicted`: the juror is conflicted with the team (they may not score it); `flagged`: an open flag. */
  status: MyAssignmentStatusSchema,
  flag: FlagSchema.nullable(),
  /** The juror may save this sheet now (scoring window open, or reopened for them; not conflicted). */
  canScore: z.boolean(),
  /** An organizer's reopening of this sheet after judging ended, if any is open. */
  reopening: SheetReopeningSchema.nullable(),
  latest: AssignedProjectSchema,
});
export type MyAssignment = z.infer<typeof MyAssignmentSchema>;

export const MyAssignmentsSchema = z.object({
  items: z.array(MyAssignmentSchema),
  nextCursor: z.string().nullable(),
});
export type MyAssignments = z.infer<typeof MyAssignmentsSchema>;

/** `POST /api/editions/:id/assignments` (organizers): assign by hand. Kept by every automatic run. */
export const AssignmentCreateSchema = z.strictObject({ jurorId: IdSchema, submissionId: IdSchema });
export type AssignmentCreate = z.infer<typeof AssignmentCreateSchema>;

/** `auto`: made by the balanced assignment (may move on a re-run while it has no sheet); `manual`: by hand (kept). */
export const AssignmentSourceSchema = z.enum(['auto', 'manual']);
export type AssignmentSource = z.infer<typeof AssignmentSourceSchema>;

/** An assignment as organizers list it (`GET /api/editions/:id/assignments`). */
export const AssignmentSchema = z.object({
  jurorId: IdSchema,
  jurorName: z.string(),
  submissionId: IdSchema,
  teamId: IdSchema,
  teamName: z.string(),
  trackId: IdSchema,
  title: z.string(),
  tableLabel: z.string().nullable(),
  source: AssignmentSourceSchema,
  createdAt: InstantSchema,
  sheet: z.object({ score: z.number(), updatedAt: InstantSchema, counts: z.boolean() }).nullable(),
  /** The juror's open flag on it, if any. */
  flag: FlagSchema.nullable(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const AssignmentsQuerySchema = PageQuerySchema.extend({
  jurorId: IdSchema.optional(),
  submissionId: IdSchema.optional(),
  trackId: IdSchema.optional(),
});
export type AssignmentsQuery = z.infer<typeof AssignmentsQuerySchema>;

export const RemovedAssignmentReasonSchema = z.enum([
  /** The juror is conflicted with the team. */
  'conflict',
  /** The project is no longer submitted, or is disqualified. */
  'not_eligible',
  /** Moved to another juror to keep the loads within one. */
  'rebalanced',
]);
export const RemovedAssignmentSchema = AssignmentRefSchema.extend({ reason: RemovedAssignmentReasonSchema });
export type RemovedAssignment = z.infer<typeof RemovedAssignmentSchema>;

export const ShortReasonSchema = z.enum([
  /** The edition has no jurors. */
  'no_jurors',
  /** Fewer jurors in the edition than `reviewsPerSubmission`. */
  'too_few_jurors',
  /** Enough jurors, but conflicts leave too few eligible. */
  'conflicts',
]);
export type ShortReason = z.infer<typeof ShortReasonSchema>;

export const ShortfallSchema = z.object({
  submissionId: IdSchema,
  teamName: z.string(),
  title: z.string(),
  required: z.number().int(),
  /** Jurors whose sheet would count (assigned and unconflicted). */
  assigned: z.number().int(),
  /** Jurors of the edition not conflicted with the team. */
  eligibleJurors: z.number().int(),
  reason: ShortReasonSchema,
});
export type Shortfall = z.infer<typeof ShortfallSchema>;

/**
 * `POST /api/editions/:id/assignments/auto` (organizers): each submitted, non-disqualified project
 * gets `reviewsPerSubmission` jurors, loads within one, conflicts never, jurors' tracks first;
 * assignments with a sheet and manual ones are kept; a re-run fills only what is missing.
 */
export const AutoAssignSummarySchema = z.object({
  editionId: IdSchema,
  reviewsPerSubmission: z.number().int(),
  projects: z.number().int(),
  jurors: z.number().int(),
  added: z.array(AssignmentRefSchema),
  kept: z.number().int(),
  removed: z.array(RemovedAssignmentSchema),
  short: z.array(ShortfallSchema),
  /** Assignments per juror afterwards (projects that take part only). */
  loads: z.array(z.object({ jurorId: IdSchema, name: z.string(), assigned: z.number().int() })),
});
export type AutoAssignSummary = z.infer<typeof AutoAssignSummarySchema>;

/**
 * More reviews per uncertain project when a second-round request names none: 4, the fairness lab's
 * operating point where the true best project wins in ≥ 70 % of the 60 × 12 × 3 mixed-juror seeds
 * (docs/fairness.md; k = 3 stays below).
 */
export const DEFAULT_SECOND_ROUND_K = 4;

/** A second judging round (issue 14): k more reviews for the projects whose rank near the top is uncertain. */
export const SecondRoundRequestSchema = z.strictObject({
  k: z.number().int().min(1).max(10).default(DEFAULT_SECOND_ROUND_K),
  /** The prize cut-off: the top `top` places of the edition's board. */
  top: z.number().int().min(1).max(50).default(3),
});
export type SecondRoundRequest = z.infer<typeof SecondRoundRequestSchema>;

export const SecondRoundSummarySchema = z.object({
  editionId: IdSchema,
  k: z.number().int(),
  top: z.number().int(),
  /** One sheet's noise in normalized units, behind the intervals. */
  noiseSd: z.number(),
  /** The uncertain projects, in board order. */
  uncertain: z.array(IdSchema),
  added: z.array(z.object({ jurorId: IdSchema, submissionId: IdSchema })),
  /** Uncertain projects that got fewer than k new jurors (not enough eligible jurors). */
  short: z.array(IdSchema),
});
export type SecondRoundSummary = z.infer<typeof SecondRoundSummarySchema>;

// ---- coverage -------------------------------------------------------------------------------------

/** Coverage of one project; also the payload of `coverage:update` (with `editionId`). */
export const CoverageSubmissionSchema = z.object({
  submissionId: IdSchema,
  teamId: IdSchema,
  teamName: z.string(),
  trackId: IdSchema,
  title: z.string(),
  tableLabel: z.string().nullable(),
  /** `reviewsPerSubmission`. */
  required: z.number().int(),
  /** Assigned jurors not conflicted with the team. */
  assigned: z.number().int(),
  /** Sheets that count. */
  done: z.number().int(),
  /** Sheets kept but not counting (a conflict declared after them). */
  notCounting: z.number().int(),
  flagsOpen: z.number().int(),
});
export type CoverageSubmission = z.infer<typeof CoverageSubmissionSchema>;

export const CoverageJurorSchema = z.object({
  jurorId: IdSchema,
  name: z.string(),
  assigned: z.number().int(),
  /** Sheets that count. */
  done: z.number().int(),
  flagsOpen: z.number().int(),
});
export type CoverageJuror = z.infer<typeof CoverageJurorSchema>;

export const CoverageFlagSchema = FlagSchema.extend({
  jurorName: z.string(),
  teamId: IdSchema,
  teamName: z.string(),
  title: z.string(),
  tableLabel: z.string().nullable(),
});
export type CoverageFlag = z.infer<typeof CoverageFlagSchema>;

export const NotCountingSheetSchema = z.object({
  jurorId: IdSchema,
  jurorName: z.string(),
  submissionId: IdSchema,
  teamId: IdSchema,
  teamName: z.string(),
  title: z.string(),
  score: z.number(),
  updatedAt: InstantSchema,
  reason: z.literal('conflict'),
});
export type NotCountingSheet = z.infer<typeof NotCountingSheetSchema>;

/** `GET /api/editions/:id/coverage` (organizers). Projects least covered first; jurors most behind first. */
export const CoverageSchema = z.object({
  editionId: IdSchema,
  reviewsPerSubmission: z.number().int(),
  /** The edition's judging change sequence this view reflects. */
  seq: z.number().int(),
  totals: z.object({
    submissions: z.number().int(),
    required: z.number().int(),
    assigned: z.number().int(),
    done: z.number().int(),
    flagsOpen: z.number().int(),
    notCounting: z.number().int(),
  }),
  submissions: z.array(CoverageSubmissionSchema),
  jurors: z.array(CoverageJurorSchema),
  /** Open flags, oldest first. */
  flags: z.array(CoverageFlagSchema),
  notCounting: z.array(NotCountingSheetSchema),
});
export type Coverage = z.infer<typeof CoverageSchema>;

// ---- for the ranking engine -----------------------------------------------------------------------

export const JudgingChangeKindSchema = z.enum(['sheet', 'conflict', 'disqualification', 'assignment']);
export type JudgingChangeKind = z.infer<typeof JudgingChangeKindSchema>;

/**
 * Published in-process after a judging change commits. `seq` is the edition's change sequence
 * (stored in the database, raised in the writing transaction), so a subscriber that has seen
 * `seq` knows whether a later snapshot already contains a change.
 */
export const JudgingChangeSchema = z.object({
  editionId: IdSchema,
  seq: z.number().int(),
  kind: JudgingChangeKindSchema,
  /** The projects whose sheets, coverage or eligibility changed. */
  submissionIds: z.array(IdSchema),
  jurorId: IdSchema.nullable(),
});
export type JudgingChange = z.infer<typeof JudgingChangeSchema>;

/**
 * Everything the ranking engine needs for one edition, read in one consistent snapshot
 * (`JudgingReadService.snapshot`). `projects`: every submitted project (disqualified ones flagged);
 * `sheets`: every stored sheet of them, with `counts` false where the juror is conflicted.
 */
export const JudgingSnapshotSchema = z.object({
  editionId: IdSchema,
  seq: z.number().int(),
  normalization: NormalizationSchema,
  reviewsPerSubmission: z.number().int(),
  criteria: z.array(
    z.object({ id: IdSchema, weight: z.number(), min: z.number(), max: z.number(), order: z.number().int() }),
  ),
  projects: z.array(
    z.object({
      submissionId: IdSchema,
      teamId: IdSchema,
      teamName: z.string(),
      trackId: IdSchema,
      title: z.string(),
      submittedAt: InstantSchema,
      disqualified: z.boolean(),
    }),
  ),
  sheets: z.array(
    z.object({
      jurorId: IdSchema,
      submissionId: IdSchema,
      values: z.record(z.string(), z.number()),
      score: z.number(),
      updatedAt: InstantSchema,
      /** The change sequence of the sheet's last save. */
      seq: z.number().int(),
      counts: z.boolean(),
    }),
  ),
});
export type JudgingSnapshot = z.infer<typeof JudgingSnapshotSchema>;
