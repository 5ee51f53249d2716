import type { Announcement } from '@ca/shared';
import type { AnnouncementEntity } from './entities/announcement.entity';

export const toAnnouncement = (e: AnnouncementEntity): Announcement => ({
  id: e.id,
  editionId: e.editionId,
  message: e.message,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});
