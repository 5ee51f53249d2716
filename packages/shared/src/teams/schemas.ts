import { z } from 'zod';
import { IdSchema, InstantSchema, NameSchema, PageQuerySchema } from '../common/primitives.js';
import { BooleanQuerySchema } from '../registrations/schemas.js';

/** 31 letters and digits without the look-alikes 0/O, 1/I/L: easy to read aloud and to type. */
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 10;
const INVITE_CODE_PATTERN = new RegExp(`^[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`);

/** Tolerates lower case, spaces and dashes, as people type codes they were read or sent. */
export const InviteCodeSchema = z
  .string()
  .max(64)
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(INVITE_CODE_PATTERN, `${INVITE_CODE_LENGTH} letters and digits`));

export const TeamCreateSchema = z.strictObject({ name: NameSchema, trackId: IdSchema });
export type TeamCreate = z.infer<typeof TeamCreateSchema>;

export const TeamJoinSchema = z.strictObject({ inviteCode: InviteCodeSchema });
export type TeamJoin = z.infer<typeof TeamJoinSchema>;

/** Captain only: rename, move track, hand captaincy over to another member. */
export const TeamPatchSchema = z
  .strictObject({ name: NameSchema.optional(), trackId: IdSchema.optional(), captainId: IdSchema.optional() })
  .refine((p) => p.name !== undefined || p.trackId !== undefined || p.captainId !== undefined, {
    message: 'name, trackId or captainId required',
  });
export type TeamPatch = z.infer<typeof TeamPatchSchema>;

export const TeamMemberSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  /** Organizers only (contacts). */
  email: z.string().optional(),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const TeamSchema = z.object({
  id: IdSchema,
  editionId: IdSchema,
  trackId: IdSchema,
  name: z.string(),
  captainId: IdSchema,
  /** Oldest member first. */
  members: z.array(TeamMemberSchema),
  /** Members and organizers only; `null` for everyone else. */
  inviteCode: z.string().nullable(),
  /** Places left before the edition's `teamMaxSize` (0 when full). */
  freePlaces: z.number().int(),
  /** The team's table or location label in the hall (expo judging), set by organizers; null when none. */
  tableLabel: z.string().nullable(),
});
export type Team = z.infer<typeof TeamSchema>;

export const TeamsQuerySchema = PageQuerySchema.extend({
  trackId: IdSchema.optional(),
  hasFreePlaces: BooleanQuerySchema.optional(),
});
export type TeamsQuery = z.infer<typeof TeamsQuerySchema>;

// ---- organizers' teams list: each team with the state of its project -------------------------------

export const TeamProjectStateSchema = z.enum(['none', 'draft', 'submitted']);
export type TeamProjectState = z.infer<typeof TeamProjectStateSchema>;

/** `GET /api/editions/:id/teams/projects` (organizers): teams without a project show as `none`. */
export const TeamOverviewSchema = TeamSchema.extend({
  project: z.object({
    state: TeamProjectStateSchema,
    submissionId: IdSchema.nullable(),
    title: z.string().nullable(),
    updatedAt: InstantSchema.nullable(),
    submittedAt: InstantSchema.nullable(),
    disqualified: z.boolean(),
  }),
});
export type TeamOverview = z.infer<typeof TeamOverviewSchema>;

export const TeamOverviewQuerySchema = PageQuerySchema.extend({
  trackId: IdSchema.optional(),
  project: TeamProjectStateSchema.optional(),
  hasFreePlaces: BooleanQuerySchema.optional(),
  /** Case-insensitive, in the team's name. */
  q: z.string().trim().min(1).max(200).optional(),
});
export type TeamOverviewQuery = z.infer<typeof TeamOverviewQuerySchema>;

// ---- join requests: the team-finder connects people ---------------------------------------------

/**
 * `request`: a participant without a team asks a team to take them; the captain decides.
 * `invitation`: a team's captain asks a participant looking for a team; that person decides.
 */
export const JoinRequestKindSchema = z.enum(['request', 'invitation']);
export type JoinRequestKind = z.infer<typeof JoinRequestKindSchema>;
/**
 * `closed`: the person joined a team (by this or another request, an invite code or by creating
 * one), so their other pending requests and invitations end. `withdrawn`: its sender took it back.
 */
export const JoinRequestStatusSchema = z.enum(['pending', 'accepted', 'declined', 'withdrawn', 'closed']);
export type JoinRequestStatus = z.infer<typeof JoinRequestStatusSchema>;

export const JOIN_MESSAGE_MAX = 500;
const JoinMessageSchema = z.string().trim().max(JOIN_MESSAGE_MAX).default('');

/** `POST /api/teams/:id/join-requests`: ask to join the team. */
export const JoinRequestCreateSchema = z.strictObject({ message: JoinMessageSchema });
export type JoinRequestCreate = z.infer<typeof JoinRequestCreateSchema>;
/** `POST /api/teams/:id/invitations` (captain): invite a registered person looking for a team. */
export const TeamInvitationCreateSchema = z.strictObject({ userId: IdSchema, message: JoinMessageSchema });
export type TeamInvitationCreate = z.infer<typeof TeamInvitationCreateSchema>;

export const JoinRequestSchema = z.object({
  id: IdSchema,
  editionId: IdSchema,
  kind: JoinRequestKindSchema,
  teamId: IdSchema,
  teamName: z.string(),
  trackId: IdSchema,
  /** The person who would join (the requester, or the one invited). */
  userId: IdSchema,
  userName: z.string(),
  /** That person's email, only when they share their contact (or for organizers); else null. */
  userEmail: z.string().nullable(),
  /** Their skills, as registered. */
  userSkills: z.array(z.string()),
  message: z.string(),
  status: JoinRequestStatusSchema,
  /** Who sent it: the person (request) or the team's captain (invitation). */
  createdBy: IdSchema.nullable(),
  createdAt: InstantSchema,
  decidedAt: InstantSchema.nullable(),
  decidedBy: IdSchema.nullable(),
});
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

/**
 * `GET /api/editions/:id/join-requests`: the caller's side. In a team: the team's (`incoming`:
 * people asking to join, `outgoing`: the team's invitations); without a team: the caller's own
 * (`incoming`: invitations, `outgoing`: requests). Newest first; pending ones unless `status`.
 */
export const JoinRequestsQuerySchema = PageQuerySchema.extend({
  direction: z.enum(['incoming', 'outgoing']).optional(),
  status: z.enum([...JoinRequestStatusSchema.options, 'all']).default('pending'),
});
export type JoinRequestsQuery = z.infer<typeof JoinRequestsQuerySchema>;

/** `POST /api/join-requests/:id/accept`: the request as it is now and the team joined. */
export const JoinRequestAcceptedSchema = z.object({ request: JoinRequestSchema, team: TeamSchema });
export type JoinRequestAccepted = z.infer<typeof JoinRequestAcceptedSchema>;
