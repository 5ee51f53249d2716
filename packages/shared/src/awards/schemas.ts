import { z } from 'zod';
import { IdSchema } from '../common/primitives.js';

const Text = (max: number) => z.string().trim().max(max);

/**
 * An award as organizers prepare it before the show: each track's winner (the top of its board,
 * decided when the reveal reaches it) or a sponsor challenge's winner (picked by an organizer among
 * the projects that target the challenge), with its prize, sponsor and citation.
 */
export const AwardInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('track'),
    trackId: IdSchema,
    prize: Text(200).default(''),
    sponsor: Text(200).default(''),
    citation: Text(2000).default(''),
  }),
  z.strictObject({
    kind: z.literal('challenge'),
    challengeId: IdSchema,
    /** The winning project (it must target the challenge); null while not chosen. */
    submissionId: IdSchema.nullable().default(null),
    prize: Text(200).default(''),
    sponsor: Text(200).default(''),
    citation: Text(2000).default(''),
  }),
]);
export type AwardInput = z.infer<typeof AwardInputSchema>;
export type AwardInputBody = z.input<typeof AwardInputSchema>;

/** `PUT /api/editions/:id/awards`: the whole list, in the order the reveal shows them. */
export const AwardsPutSchema = z.array(AwardInputSchema).max(100);
export type AwardsPut = z.infer<typeof AwardsPutSchema>;

export const AwardWinnerSchema = z.object({
  submissionId: IdSchema,
  teamId: IdSchema,
  teamName: z.string(),
  title: z.string(),
});
export type AwardWinner = z.infer<typeof AwardWinnerSchema>;

export const AwardSchema = z.object({
  id: IdSchema,
  editionId: IdSchema,
  kind: z.enum(['track', 'challenge']),
  trackId: IdSchema.nullable(),
  challengeId: IdSchema.nullable(),
  /** The track's name or the challenge's title. */
  name: z.string(),
  prize: z.string(),
  sponsor: z.string(),
  citation: z.string(),
  order: z.number().int(),
  /** For a challenge: the chosen project. For a track: the top of its board (several on a tie). */
  winners: z.array(AwardWinnerSchema),
});
export type Award = z.infer<typeof AwardSchema>;

/** An award as the gallery shows it beside a winning project. */
export const GalleryAwardSchema = AwardSchema.pick({
  id: true,
  kind: true,
  name: true,
  prize: true,
  sponsor: true,
  citation: true,
});
export type GalleryAward = z.infer<typeof GalleryAwardSchema>;
