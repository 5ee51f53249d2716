import type { JuryInvitation, JuryInvitationStatus } from '@ca/shared';
import type { JuryInvitationEntity } from './entities/jury-invitation.entity';

/** Revoked first (its link no longer works), then accepted, then expired by `now`. */
export function invitationStatus(
  e: Pick<JuryInvitationEntity, 'revokedAt' | 'acceptedAt' | 'expiresAt'>,
  now: number,
): JuryInvitationStatus {
  if (e.revokedAt) return 'revoked';
  if (e.acceptedAt) return 'accepted';
  return e.expiresAt.getTime() <= now ? 'expired' : 'pending';
}

export function toJuryInvitation(e: JuryInvitationEntity, now: number): JuryInvitation {
  return {
    id: e.id,
    editionId: e.editionId,
    email: e.email,
    trackIds: e.trackIds,
    status: invitationStatus(e, now),
    createdAt: e.createdAt.toISOString(),
    expiresAt: e.expiresAt.toISOString(),
    acceptedAt: e.acceptedAt?.toISOString() ?? null,
    acceptedBy: e.acceptedBy,
    lastSentAt: e.lastSentAt.toISOString(),
    revokedAt: e.revokedAt?.toISOString() ?? null,
  };
}
