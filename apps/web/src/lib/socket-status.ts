import { useSyncExternalStore } from 'react';
import { getSocket } from './socket';

/** `live`: connected; `reconnecting`: lost and trying again (by itself, with backoff). */
export type SocketStatus = 'live' | 'reconnecting';

function subscribe(onChange: () => void): () => void {
  const socket = getSocket();
  socket.on('connect', onChange);
  socket.on('disconnect', onChange);
  socket.on('connect_error', onChange);
  return () => {
    socket.off('connect', onChange);
    socket.off('disconnect', onChange);
    socket.off('connect_error', onChange);
  };
}

const current = (): SocketStatus => (getSocket().connected ? 'live' : 'reconnecting');

/** The shared connection's state, for the "live / reconnecting" indicator. */
export function useSocketStatus(): SocketStatus {
  return useSyncExternalStore(subscribe, current, current);
}
