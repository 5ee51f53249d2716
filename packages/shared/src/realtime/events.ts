import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/primitives.js';
import { PhaseSchema } from '../editions/schemas.js';
import { AnnouncementSchema, type Announcement } from '../announcements/schemas.js';
import { CoverageSubmissionSchema } from '../judging/schemas.js';
import {
  LeaderboardRowSchema,
  type Leaderboard,
  type LeaderboardSubscribe,
  type LeaderboardUpdate,
} from '../leaderboard/schemas.js';

/** The Socket.IO namespace of everything live. */
export const LIVE_NAMESPACE = '/live';

export const rooms = {
  edition: (editionId: string) => `edition:${editionId}`,
  leaderboard: (editionId: string, trackId: string | null) => `leaderboard:${editionId}:${trackId ?? 'all'}`,
  organizers: (editionId: string) => `organizers:${editionId}`,
};

export const EditionPhaseEventSchema = z.object({
  editionId: IdSchema,
  phase: PhaseSchema,
  serverTime: InstantSchema,
});
export type EditionPhaseEvent = z.infer<typeof EditionPhaseEventSchema>;

export const ScreenSubscribeSchema = z.strictObject({ editionId: IdSchema });
export type ScreenSubscribe = z.infer<typeof ScreenSubscribeSchema>;

export const RevealStepSchema = z.object({
  editionId: IdSchema,
  trackId: IdSchema.nullable(),
  revealed: z.array(LeaderboardRowSchema),
});
export type RevealStep = z.infer<typeof RevealStepSchema>;

export const ScreenStateSchema = z.object({
  phase: PhaseSchema,
  serverTime: InstantSchema,
  submissionDeadline: InstantSchema,
  announcements: z.array(AnnouncementSchema),
  reveal: RevealStepSchema.nullable(),
});
export type ScreenState = z.infer<typeof ScreenStateSchema>;

/** `coverage:update`: the coverage row of one project that changed (organizers only). */
export const CoverageRowSchema = CoverageSubmissionSchema.extend({ editionId: IdSchema });
export type CoverageRow = z.infer<typeof CoverageRowSchema>;

export type Ack<T> = { ok: true } & T;
export type Nack = { ok: false; code: string; message: string };

export interface ServerToClientEvents {
  'leaderboard:update': (payload: LeaderboardUpdate) => void;
  'leaderboard:snapshot': (payload: Leaderboard) => void;
  announcement: (payload: Announcement) => void;
  'edition:phase': (payload: EditionPhaseEvent) => void;
  'reveal:step': (payload: RevealStep) => void;
  'coverage:update': (payload: CoverageRow) => void;
}

export interface ClientToServerEvents {
  'leaderboard:subscribe': (
    payload: LeaderboardSubscribe,
    ack: (res: Ack<{ snapshot: Leaderboard }> | Nack) => void,
  ) => void;
  'leaderboard:unsubscribe': (payload: LeaderboardSubscribe) => void;
  'screen:subscribe': (
    payload: ScreenSubscribe,
    ack: (res: Ack<{ state: ScreenState }> | Nack) => void,
  ) => void;
}
