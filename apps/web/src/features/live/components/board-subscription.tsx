import { useLiveLeaderboard } from '../use-live-leaderboard';

/** Keeps one board current over the socket while mounted (renders nothing). */
export function BoardSubscription({ editionId, trackId }: { editionId: string; trackId: string | null }) {
  useLiveLeaderboard(editionId, trackId);
  return null;
}
