import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/primitives.js';

export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: InstantSchema,
  actorId: IdSchema.nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Actions named by CONTRACT.md; modules may record more (`<entity>.<verb>`). */
export const AUDIT_ACTIONS = [
  'score.saved',
  'edition.created',
  'edition.updated',
  'extension.granted',
  'conflict.declared',
  'submission.disqualified',
  'user.disabled',
] as const;
