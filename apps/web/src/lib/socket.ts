import { LIVE_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '@ca/shared';
import { io, type Socket } from 'socket.io-client';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: LiveSocket | undefined;

/**
 * The one connection to the `/live` namespace, opened on first use and shared by every screen.
 * Websocket only: no long-polling fallback, so no sticky sessions are needed behind a load
 * balancer. The session cookie travels with the handshake (same origin).
 */
export function getSocket(): LiveSocket {
  socket ??= io(LIVE_NAMESPACE, { transports: ['websocket'], withCredentials: true });
  return socket;
}

/** Closes the shared connection (sign-out, tests); the next `getSocket()` opens a new one. */
export function closeSocket(): void {
  socket?.disconnect();
  socket = undefined;
}
