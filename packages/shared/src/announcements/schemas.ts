import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/primitives.js';

export const AnnouncementCreateSchema = z.strictObject({ message: z.string().trim().min(1).max(2000) });
export type AnnouncementCreate = z.infer<typeof AnnouncementCreateSchema>;
export const AnnouncementSchema = z.object({
  id: IdSchema,
  editionId: IdSchema,
  message: z.string(),
  createdAt: InstantSchema,
});
export type Announcement = z.infer<typeof AnnouncementSchema>;
