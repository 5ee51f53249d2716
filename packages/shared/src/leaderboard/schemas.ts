import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/primitives.js';

export const LeaderboardRowSchema = z.object({
  rank: z.number().int().nullable(),
  submissionId: IdSchema,
  teamId: IdSchema,
  teamName: z.string(),
  trackId: IdSchema,
  title: z.string(),
  score: z.number().nullable(),
  normalized: z.number().nullable(),
  sheets: z.number().int(),
  criteria: z.record(z.string(), z.number()).nullable(),
});
export type LeaderboardRow = z.infer<typeof LeaderboardRowSchema>;

/**
 * What everyone but organizers sees of an edition's boards now (rule 7 of docs/scoring.md):
 * `live` — the boards as they change; `hidden` — rows without rank or score, in title order;
 * `frozen` — the boards as they stood at the freeze; `published` — the final results, live.
 */
export const PublicModeSchema = z.enum(['live', 'frozen', 'hidden', 'published']);
export type PublicMode = z.infer<typeof PublicModeSchema>;

export const LeaderboardSchema = z.object({
  editionId: IdSchema,
  trackId: IdSchema.nullable(),
  /** The board's version (per edition × track, or the whole edition); a frozen board carries its version at the freeze. */
  version: z.number().int(),
  /** The viewer sees the board as it stood at the freeze. */
  frozen: z.boolean(),
  /** When `frozen`: the moment the board froze at (max of `leaderboardFreezeAt` and when it was set). */
  frozenAt: InstantSchema.nullable(),
  /** What non-organizers see now (for an organizer's console; everyone gets it). */
  publicMode: PublicModeSchema,
  rows: z.array(LeaderboardRowSchema),
});
export type Leaderboard = z.infer<typeof LeaderboardSchema>;

export const LeaderboardQuerySchema = z.strictObject({
  /** A track of the edition; omitted: the whole edition's board. */
  trackId: IdSchema.optional(),
});
export type LeaderboardQuery = z.infer<typeof LeaderboardQuerySchema>;

export const LeaderboardUpdateSchema = z.object({
  editionId: IdSchema,
  trackId: IdSchema.nullable(),
  version: z.number().int(),
  rows: z.array(LeaderboardRowSchema),
});
export type LeaderboardUpdate = z.infer<typeof LeaderboardUpdateSchema>;

export const LeaderboardSubscribeSchema = z.strictObject({
  editionId: IdSchema,
  trackId: IdSchema.nullable(),
});
export type LeaderboardSubscribe = z.infer<typeof LeaderboardSubscribeSchema>;
