import { LIVE_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '@ca/shared';
import { io, type Socket } from 'socket.io-client';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let socket: LiveSocket | undefined;

/**
 * The one connection to the `/live` namespace, opened on first use and shared by every screen.
 * Websocket only: no long-polling fallback, so no sticky sessions are needed behind a load
 * balancer. The session cookie travels with the handshake (same origin). It reconnects by itself
 * forever (a server restart, a network blip), waiting at most 5 s between tries; when the server
 * itself closed it (a restart that drained its sockets), it reconnects too.
 */
export function getSocket(): LiveSocket {
  if (socket) return socket;
  const s: LiveSocket = io(LIVE_NAMESPACE, {
    transports: ['websocket'],
    withCredentials: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    randomizationFactor: 0.5,
  });
  s.on('disconnect', (reason) => {
    // The server closed this socket on purpose (e.g. shutting down): the client would stay
    // disconnected, so try again after a pause.
    if (reason === 'io server disconnect') setTimeout(() => s.connect(), 1000 + Math.random() * 2000);
  });
  socket = s;
  return s;
}

/** Closes the shared connection (sign-out, tests); the next `getSocket()` opens a new one. */
export function closeSocket(): void {
  socket?.disconnect();
  socket = undefined;
}
