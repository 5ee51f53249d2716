import { EditionPhaseEventSchema, type EditionPhaseEvent } from '@ca/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getSocket } from '../../lib/socket';
import { editionKeys } from './queries';

/**
 * While an edition is on screen: join its room and, when the server announces a phase change,
 * invalidate the edition's queries so that React Query refetches them. The socket only notifies;
 * the data always comes from the REST API.
 */
export function useEditionLive(editionId: string | undefined, idOrSlug: string): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!editionId) return;
    const socket = getSocket();
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: editionKeys.detail(idOrSlug) });
      void queryClient.invalidateQueries({ queryKey: editionKeys.lists() });
    };
    const subscribe = () => {
      socket.emit('screen:subscribe', { editionId }, (res) => {
        if (!res.ok) console.warn(`Live updates unavailable: ${res.code} ${res.message}`);
      });
    };

    const onPhase = (payload: EditionPhaseEvent) => {
      const event = EditionPhaseEventSchema.safeParse(payload);
      if (event.success && event.data.editionId === editionId) refresh();
    };
    // Rooms do not survive a reconnection, and events may have been missed while away.
    let connectedBefore = socket.connected;
    const onConnect = () => {
      subscribe();
      if (connectedBefore) refresh();
      connectedBefore = true;
    };

    socket.on('edition:phase', onPhase);
    socket.on('connect', onConnect);
    if (socket.connected) subscribe();
    return () => {
      socket.off('edition:phase', onPhase);
      socket.off('connect', onConnect);
    };
  }, [editionId, idOrSlug, queryClient]);
}
