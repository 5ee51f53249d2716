import { Logger } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { LIVE_NAMESPACE, type ClientToServerEvents, type Nack, type ServerToClientEvents } from '@ca/shared';
import type { Namespace, Socket } from 'socket.io';
import type { RequestAuth } from '../../common/auth/current-user';
import { DomainError } from '../../common/errors/domain-error';

/** What the handshake middleware (LiveIoAdapter) attaches to a socket. */
export interface LiveSocketData {
  auth?: RequestAuth;
}
export type LiveNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  LiveSocketData
>;
export type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  LiveSocketData
>;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** Turns a thrown error into the negative acknowledgement every acked event answers with. */
export function nack(err: unknown): Nack {
  if (err instanceof DomainError) return { ok: false, code: err.code, message: err.message };
  return { ok: false, code: 'INTERNAL', message: 'Internal error' };
}

/**
 * The `/live` namespace itself: connections, session rooms, and the server handle other modules
 * emit through (announcements, reveal, phases, coverage). The feeds (leaderboards, the screen)
 * are LiveFeedsGateway's, on the same namespace; this module depends on nothing so that every
 * module may emit.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(LiveGateway.name);

  @WebSocketServer()
  server: LiveNamespace;

  afterInit(): void {
    this.logger.log(`Socket.IO namespace ${LIVE_NAMESPACE} ready`);
  }

  /** Signed-in sockets join their session's room, so that revoking the session closes them. */
  async handleConnection(socket: LiveSocket): Promise<void> {
    const auth = socket.data.auth;
    if (auth) await socket.join(sessionRoom(auth.sessionId));
  }

  /** Closes the sockets of ended sessions, on every API instance (through the adapter). */
  disconnectSessions(sessionIds: string[]): void {
    if (!this.server || sessionIds.length === 0) return;
    this.server.in(sessionIds.map(sessionRoom)).disconnectSockets(true);
  }
}
