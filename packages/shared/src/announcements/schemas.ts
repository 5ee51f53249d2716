import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/primitives.js';

const MessageSchema = z.string().trim().min(1).max(2000);

export const AnnouncementCreateSchema = z.strictObject({ message: MessageSchema });
export type AnnouncementCreate = z.infer<typeof AnnouncementCreateSchema>;
export const AnnouncementPatchSchema = z.strictObject({ message: MessageSchema });
export type AnnouncementPatch = z.infer<typeof AnnouncementPatchSchema>;

/**
 * An announcement as REST and the `announcement` event carry it. An edit sends the same `id`
 * again with a later `updatedAt` (clients replace it in place); a deletion is the
 * `announcement:deleted` event.
 */
export const AnnouncementSchema = z.object({
  id: IdSchema,
  editionId: IdSchema,
  message: z.string(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

/** `announcement:deleted`: screens drop it (and show the latest remaining one). */
export const AnnouncementDeletedSchema = z.object({ id: IdSchema, editionId: IdSchema });
export type AnnouncementDeleted = z.infer<typeof AnnouncementDeletedSchema>;

/** How many of the latest announcements the event screen's state carries. */
export const SCREEN_ANNOUNCEMENTS = 5;
