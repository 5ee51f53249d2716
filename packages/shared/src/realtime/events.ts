import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/primitives.js';
import { PhaseSchema } from '../editions/schemas.js';
import { AnnouncementSchema, type Announcement, type AnnouncementDeleted } from '../announcements/schemas.js';
import { AwardSchema } from '../awards/schemas.js';
import { CoverageSubmissionSchema } from '../judging/schemas.js';
import {
  LeaderboardRowSchema,
  LeaderboardUpdateSchema,
  type Leaderboard,
  type LeaderboardSubscribe,
} from '../leaderboard/schemas.js';

/** The Socket.IO namespace of everything live. */
export const LIVE_NAMESPACE = '/live';

export const rooms = {
  edition: (editionId: string) => `edition:${editionId}`,
  /** A board's audience that sees it as everyone but organizers may (rule 7). */
  leaderboard: (editionId: string, trackId: string | null) => `leaderboard:${editionId}:${trackId ?? 'all'}`,
  /** The same board's organizers: always the live board. */
  leaderboardOrganizers: (editionId: string, trackId: string | null) =>
    `leaderboard:${editionId}:${trackId ?? 'all'}:organizers`,
  organizers: (editionId: string) => `organizers:${editionId}`,
};

/**
 * `leaderboard:update`: the rows that changed since the previous update of this board (each with
 * its new rank), the ids of rows that left it (`removed`), and the versions it covers: from
 * `fromVersion` to `version` (bursts are coalesced into one update). A client holding version `v`
 * applies it when `fromVersion <= v + 1 < version + 1`, ignores it when `version <= v`, and
 * resynchronises (subscribes again, which answers a snapshot) when `fromVersion > v + 1`.
 */
export const LiveLeaderboardUpdateSchema = LeaderboardUpdateSchema.extend({
  fromVersion: z.number().int(),
  removed: z.array(IdSchema),
});
export type LiveLeaderboardUpdate = z.infer<typeof LiveLeaderboardUpdateSchema>;

export const EditionPhaseEventSchema = z.object({
  editionId: IdSchema,
  phase: PhaseSchema,
  serverTime: InstantSchema,
});
export type EditionPhaseEvent = z.infer<typeof EditionPhaseEventSchema>;

export const ScreenSubscribeSchema = z.strictObject({ editionId: IdSchema });
export type ScreenSubscribe = z.infer<typeof ScreenSubscribeSchema>;
export const CoverageSubscribeSchema = z.strictObject({ editionId: IdSchema });
export type CoverageSubscribe = z.infer<typeof CoverageSubscribeSchema>;

export const RevealActionSchema = z.strictObject({
  action: z.enum(['start', 'next', 'reset']),
  /** For `start`: the track whose board is revealed; omitted or null, the whole edition. */
  trackId: IdSchema.nullable().optional(),
});
export type RevealAction = z.infer<typeof RevealActionSchema>;

/**
 * `reveal:step`: where the results show stands. `revealed` holds the places shown so far, from the
 * last ranked place up (each with rank, score and team); once every place is shown, each step
 * adds one award to `awards`. `revealId` changes at every start; `step` rises within one reveal,
 * so a screen ignores a step older than the one it shows. `active: false` after a reset.
 */
export const RevealStepSchema = z.object({
  editionId: IdSchema,
  trackId: IdSchema.nullable(),
  revealId: IdSchema,
  active: z.boolean(),
  step: z.number().int(),
  /** Places plus awards: the step at which the show is over. */
  total: z.number().int(),
  /** How many ranked places the show has (`revealed` is complete when it holds that many). */
  places: z.number().int(),
  revealed: z.array(LeaderboardRowSchema),
  awards: z.array(AwardSchema),
});
export type RevealStep = z.infer<typeof RevealStepSchema>;

export const ScreenStateSchema = z.object({
  phase: PhaseSchema,
  serverTime: InstantSchema,
  submissionDeadline: InstantSchema,
  judgingEndsAt: InstantSchema,
  /** The latest announcements, newest first (at most SCREEN_ANNOUNCEMENTS). */
  announcements: z.array(AnnouncementSchema),
  reveal: RevealStepSchema.nullable(),
});
export type ScreenState = z.infer<typeof ScreenStateSchema>;

/** `coverage:update`: the coverage row of one project that changed (organizers only). */
export const CoverageRowSchema = CoverageSubmissionSchema.extend({ editionId: IdSchema });
export type CoverageRow = z.infer<typeof CoverageRowSchema>;

/** What changed on the organizers' dashboard (besides judging coverage and the phase). */
export const DashboardAreaSchema = z.enum(['registrations', 'teams', 'submissions']);
export type DashboardArea = z.infer<typeof DashboardAreaSchema>;

/**
 * `dashboard:changed` (organizers only): something the dashboard counts changed in the edition
 * since the previous event; `what` lists the areas, each once. A hint to refetch the dashboard,
 * not the figures: coalesced per edition (at most one event per DASHBOARD_CHANGED_COALESCE_MS).
 */
export const DashboardChangedSchema = z.object({
  editionId: IdSchema,
  what: z.array(DashboardAreaSchema).min(1),
});
export type DashboardChanged = z.infer<typeof DashboardChangedSchema>;
/** The window within which the server coalesces `dashboard:changed` events of one edition. */
export const DASHBOARD_CHANGED_COALESCE_MS = 500;

export type Ack<T> = { ok: true } & T;
export type Nack = { ok: false; code: string; message: string };

export interface ServerToClientEvents {
  'leaderboard:update': (payload: LiveLeaderboardUpdate) => void;
  'leaderboard:snapshot': (payload: Leaderboard) => void;
  announcement: (payload: Announcement) => void;
  'announcement:deleted': (payload: AnnouncementDeleted) => void;
  'edition:phase': (payload: EditionPhaseEvent) => void;
  'reveal:step': (payload: RevealStep) => void;
  'coverage:update': (payload: CoverageRow) => void;
  'dashboard:changed': (payload: DashboardChanged) => void;
}

export interface ClientToServerEvents {
  /** Also the resync: subscribing again answers a fresh snapshot. */
  'leaderboard:subscribe': (
    payload: LeaderboardSubscribe,
    ack: (res: Ack<{ snapshot: Leaderboard }> | Nack) => void,
  ) => void;
  'leaderboard:unsubscribe': (payload: LeaderboardSubscribe) => void;
  'screen:subscribe': (
    payload: ScreenSubscribe,
    ack: (res: Ack<{ state: ScreenState }> | Nack) => void,
  ) => void;
  /** Organizers: joins the edition's organizers room (`coverage:update`, `dashboard:changed`). */
  'coverage:subscribe': (payload: CoverageSubscribe, ack: (res: Ack<object> | Nack) => void) => void;
  /** The server's clock, for countdowns (the client measures the round trip). */
  'clock:sync': (payload: Record<string, never>, ack: (res: Ack<{ serverTime: string }>) => void) => void;
}
