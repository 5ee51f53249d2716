import {
  LeaderboardSchema,
  LiveLeaderboardUpdateSchema,
  type Leaderboard,
  type LiveLeaderboardUpdate,
} from '@ca/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getSocket } from '../../lib/socket';
import { applyUpdate, orderRows } from './board-state';
import { liveKeys } from './queries';

/** Updates kept while a snapshot is on its way (then applied on top of it); older ones are dropped. */
const MAX_BUFFERED = 50;

/**
 * Keeps the board `liveQueries.leaderboard(editionId, trackId)` current over the socket:
 * subscribes (the ack is a snapshot), applies each `leaderboard:update` whose versions follow
 * what it holds, takes every `leaderboard:snapshot` (mode changes), and resubscribes — a fresh
 * snapshot — on a version gap and after every reconnection. Memory stays flat: one board, a
 * bounded buffer.
 */
export function useLiveLeaderboard(editionId: string | undefined, trackId: string | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!editionId) return;
    const socket = getSocket();
    const key = liveKeys.leaderboard(editionId, trackId);
    let board: Leaderboard | undefined;
    let buffered: LiveLeaderboardUpdate[] = [];
    let inflight = false;
    let closed = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const mine = (p: { editionId: string; trackId: string | null }) =>
      p.editionId === editionId && p.trackId === trackId;
    const publish = (next: Leaderboard) => {
      board = next;
      queryClient.setQueryData(key, next);
    };

    const apply = (u: LiveLeaderboardUpdate) => {
      if (!board) return;
      const result = applyUpdate(board, u);
      if (result.kind === 'applied') publish(result.board);
      else if (result.kind === 'gap') resync();
    };

    const resync = () => {
      if (inflight || closed) return;
      inflight = true;
      buffered = [];
      socket.timeout(10_000).emit('leaderboard:subscribe', { editionId, trackId }, (err, res) => {
        inflight = false;
        if (closed) return;
        if (err || !res.ok) {
          retry = setTimeout(resync, 2000);
          return;
        }
        const snapshot = LeaderboardSchema.safeParse(res.snapshot);
        if (!snapshot.success) return;
        publish({ ...snapshot.data, rows: orderRows(snapshot.data.rows) });
        const pending = buffered;
        buffered = [];
        pending.forEach(apply);
      });
    };

    const onUpdate = (payload: LiveLeaderboardUpdate) => {
      if (!mine(payload)) return;
      const parsed = LiveLeaderboardUpdateSchema.safeParse(payload);
      if (!parsed.success) return;
      if (inflight) {
        buffered.push(parsed.data);
        if (buffered.length > MAX_BUFFERED) buffered.shift();
        return;
      }
      apply(parsed.data);
    };
    const onSnapshot = (payload: Leaderboard) => {
      if (!mine(payload)) return;
      const parsed = LeaderboardSchema.safeParse(payload);
      if (parsed.success) publish({ ...parsed.data, rows: orderRows(parsed.data.rows) });
    };

    // Every (re)connection takes a snapshot, recovered or not: packets the server wrote before
    // it noticed the drop are lost, not replayed, and a board must not wait for the next change.
    const onConnect = () => resync();
    socket.on('leaderboard:update', onUpdate);
    socket.on('leaderboard:snapshot', onSnapshot);
    socket.on('connect', onConnect);
    if (socket.connected) resync();
    return () => {
      closed = true;
      if (retry) clearTimeout(retry);
      socket.off('leaderboard:update', onUpdate);
      socket.off('leaderboard:snapshot', onSnapshot);
      socket.off('connect', onConnect);
      if (socket.connected) socket.emit('leaderboard:unsubscribe', { editionId, trackId });
    };
  }, [editionId, trackId, queryClient]);
}
