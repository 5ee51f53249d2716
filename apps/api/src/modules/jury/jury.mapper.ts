import type { JuryInvitation } from '@ca/shared';
import type { JuryInvitationEntity } from './entities/jury-invitation.entity';

export function toJuryInvitation(e: JuryInvitationEntity, now: number): JuryInvitation {
  return {
    id: e.id,
    editionId: e.editionId,
    email: e.email,
    trackIds: e.trackIds,
    status: e.acceptedAt ? 'accepted' : e.expiresAt.getTime() <= now ? 'expired' : 'pending',
    createdAt: e.createdAt.toISOString(),
    expiresAt: e.expiresAt.toISOString(),
    acceptedAt: e.acceptedAt?.toISOString() ?? null,
    acceptedBy: e.acceptedBy,
    lastSentAt: e.createdAt.toISOString(),
    revokedAt: null,
  };
}
