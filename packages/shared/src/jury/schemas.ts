import { z } from 'zod';
import { EditionRoleSchema, EmailSchema } from '../auth/schemas.js';
import { IdSchema, InstantSchema } from '../common/primitives.js';
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

export const JuryInvitationStatusSchema = z.enum(['pending', 'accepted', 'expired']);
export type JuryInvitationStatus = z.infer<typeof JuryInvitationStatusSchema>;

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
