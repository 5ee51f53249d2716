import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  LIVE_NAMESPACE,
  ScreenSubscribeSchema,
  rooms,
  type Ack,
  type ClientToServerEvents,
  type Nack,
  type ScreenState,
  type ServerToClientEvents,
} from '@ca/shared';
import type { Namespace, Socket } from 'socket.io';
import type { RequestAuth } from '../../common/auth/current-user';
import { DomainError } from '../../common/errors/domain-error';
import { EditionsService } from '../editions/editions.service';

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

@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(LiveGateway.name);

  @WebSocketServer()
  server: LiveNamespace;

  constructor(private readonly editions: EditionsService) {}

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

  /** The event screen: joins the edition's room and answers with what the screen shows first. */
  @SubscribeMessage('screen:subscribe')
  async screenSubscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ state: ScreenState }> | Nack> {
    const parsed = ScreenSubscribeSchema.safeParse(body);
    if (!parsed.success)
      return { ok: false, code: 'VALIDATION_FAILED', message: 'editionId: must be a UUID' };
    try {
      const edition = await this.editions.get(parsed.data.editionId, { includeDrafts: false });
      await socket.join(rooms.edition(edition.id));
      return {
        ok: true,
        state: {
          phase: edition.phase,
          serverTime: edition.serverTime,
          submissionDeadline: edition.submissionDeadline,
          // Announcements and the reveal join this state when their issues land.
          announcements: [],
          reveal: null,
        },
      };
    } catch (err) {
      return nack(err);
    }
  }
}
