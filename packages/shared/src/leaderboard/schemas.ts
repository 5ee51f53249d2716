import { z } from 'zod';
import { IdSchema } from '../common/primitives.js';

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

export const LeaderboardSchema = z.object({
  editionId: IdSchema,
  trackId: IdSchema.nullable(),
  version: z.number().int(),
  frozen: z.boolean(),
  rows: z.array(LeaderboardRowSchema),
});
export type Leaderboard = z.infer<typeof LeaderboardSchema>;

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
