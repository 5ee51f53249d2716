import { z } from 'zod';
import { EditionRoleSchema, EmailSchema } from '../auth/schemas.js';
import { LocalizedTextSchema } from '../common/i18n.js';
import { IdSchema, InstantSchema, PageQuerySchema } from '../common/primitives.js';
import { MailDeliverySchema } from '../mail/schemas.js';

/** `POST /api/editions/:id/jury/invitations`: `trackIds` are the juror's preferred tracks (of that edition). */
export const JuryInvitationCreateSchema = z.strictObject({
  email: EmailSchema,
  trackIds: z
    .array(IdSchema)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a track')
    .optional(),
});
export type JuryInvitationCreate = z.infer<typeof JuryInvitationCreateSchema>;

/** 201 answer: the token (shown once; only its hash is stored) and how the invitation mail left. */
export const JuryInvitationCreatedSchema = z.object({ token: z.string(), delivery: MailDeliverySchema });
export type JuryInvitationCreated = z.infer<typeof JuryInvitationCreatedSchema>;

/** `revoked`: an organizer withdrew it; its link no longer works. */
export const JuryInvitationStatusSchema = z.enum(['pending', 'accepted', 'expired', 'revoked']);
export type JuryInvitationStatus = z.infer<typeof JuryInvitationStatusSchema>;

/** `GET /api/editions/:id/jury/invitations`: a page, newest first, optionally by state and email. */
export const JuryInvitationsQuerySchema = PageQuerySchema.extend({
  /** Case-insensitive, in the email. */
  q: z.string().trim().min(1).max(200).optional(),
  status: JuryInvitationStatusSchema.optional(),
});
export type JuryInvitationsQuery = z.infer<typeof JuryInvitationsQuerySchema>;

/** `GET /api/editions/:id/jurors`: a page by name, optionally searched and by track. */
export const JurorsQuerySchema = PageQuerySchema.extend({
  /** Case-insensitive, in the name or the email. */
  q: z.string().trim().min(1).max(200).optional(),
  /** Jurors of that track, those open to any track (no tracks chosen) included. */
  trackId: IdSchema.optional(),
});
export type JurorsQuery = z.infer<typeof JurorsQuerySchema>;

/** An invitation as organizers list it (never with its token). */
export const JuryInvitationSchema = z.object({
  id: IdSchema,
  editionId: IdSchema,
  email: z.string(),
  trackIds: z.array(IdSchema),
  status: JuryInvitationStatusSchema,
  createdAt: InstantSchema,
  expiresAt: InstantSchema,
  acceptedAt: InstantSchema.nullable(),
  acceptedBy: IdSchema.nullable(),
  /** When the link was last mailed (creation or the latest resend). */
  lastSentAt: InstantSchema,
  revokedAt: InstantSchema.nullable(),
});
export type JuryInvitation = z.infer<typeof JuryInvitationSchema>;

/** `POST /api/jury/invitations/:token/accept`: the edition joined and the user's roles in it now. */
export const JuryAcceptResultSchema = z.object({
  editionId: IdSchema,
  roles: z.array(EditionRoleSchema),
});
export type JuryAcceptResult = z.infer<typeof JuryAcceptResultSchema>;

/** `GET /api/editions/:id/jurors` (organizers). */
export const JurorSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  email: z.string(),
  trackIds: z.array(IdSchema),
  since: InstantSchema,
});
export type Juror = z.infer<typeof JurorSchema>;

/**
 * `GET /api/jury/invitations/:token` (anyone holding the link): what the invitation page shows
 * before accepting. An unknown token is 410 INVALID_TOKEN; a known one answers 200 with its state,
 * so that the page names the edition and offers Accept only when `acceptable`.
 */
export const JuryInvitationPreviewSchema = z.object({
  editionId: IdSchema,
  editionSlug: z.string(),
  /** In the reader's language (Accept-Language). */
  editionName: z.string(),
  editionNameI18n: LocalizedTextSchema,
  trackIds: z.array(IdSchema),
  status: JuryInvitationStatusSchema,
  expiresAt: InstantSchema,
  /** Pending, or already accepted by the signed-in caller (accepting again changes nothing). */
  acceptable: z.boolean(),
});
export type JuryInvitationPreview = z.infer<typeof JuryInvitationPreviewSchema>;
