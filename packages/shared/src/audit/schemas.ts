import { z } from 'zod';
import { IdSchema, InstantSchema, PageQuerySchema } from '../common/primitives.js';

export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: InstantSchema,
  actorId: IdSchema.nullable(),
  /** The actor's name as it stands now (anonymised after an account deletion); null without an actor. */
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Actions named by docs/api.md; modules may record more (`<entity>.<verb>`). */
export const AUDIT_ACTIONS = [
  'score.saved',
  'edition.created',
  'edition.updated',
  'extension.granted',
  'conflict.declared',
  'submission.disqualified',
  'user.disabled',
] as const;

/**
 * Filters of `GET /api/editions/:id/audit` and `GET /api/audit` (entries without an edition:
 * accounts disabled, organizers made): who (`actorId`), what (`action`, `entity`, exact names),
 * and when (`from` inclusive, `to` exclusive); paginated newest first like every list.
 */
export const AuditQuerySchema = PageQuerySchema.extend({
  actorId: IdSchema.optional(),
  action: z.string().min(1).max(100).optional(),
  entity: z.string().min(1).max(100).optional(),
  from: InstantSchema.optional(),
  to: InstantSchema.optional(),
}).refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
  path: ['to'],
  message: 'must be after from',
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
