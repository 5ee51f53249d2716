import type { INestApplicationContext } from '@nestjs/common';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Observable } from 'rxjs';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { LIVE_NAMESPACE } from '@ca/shared';
import type { Server, ServerOptions, Socket } from 'socket.io';
import type { RequestAuth } from '../../common/auth/current-user';
import { tokenFrom } from '../../common/auth/token';

/** Resolves a handshake's token to its session, or null when it is not valid. */
export type SocketAuthenticator = (token: string) => Promise<RequestAuth | null>;

/**
 * The Socket.IO server of every gateway: websocket first, no per-message deflate (one frame is
 * built per broadcast), and with `REDIS_URL` the Redis adapter so that several API instances
 * share rooms.
 */
export class LiveIoAdapter extends IoAdapter {
  private redisClients: { quit(): Promise<unknown> }[] = [];
  private adapterFactory?: ReturnType<typeof createAdapter>;

  constructor(
    app: INestApplicationContext,
    private readonly options: { redisUrl?: string; corsOrigins: string[]; authenticate: SocketAuthenticator },
  ) {
    super(app);
  }

  async connectRedis(): Promise<void> {
    if (!this.options.redisUrl) return;
    const pub = createClient({ url: this.options.redisUrl });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    this.redisClients = [pub, sub];
    this.adapterFactory = createAdapter(pub, sub);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      perMessageDeflate: false,
      transports: ['websocket', 'polling'],
      // A blip shorter than this resumes the socket with its rooms and the packets it missed
      // (in-memory adapter only; the Redis adapter does not keep sessions, so there every
      // reconnection is a fresh socket and clients resubscribe for snapshots). The handshake's
      // authentication runs again on recovery.
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
      cors: this.options.corsOrigins.length
        ? { origin: this.options.corsOrigins, credentials: true }
        : undefined,
    } as ServerOptions);
    if (this.adapterFactory) server.adapter(this.adapterFactory);
    // Handshakes authenticate with the same sessions as HTTP (`auth: { token }` or the cookie).
    // No token: an anonymous socket (public rooms only). A token that is not valid: refused.
    server.of(LIVE_NAMESPACE).use((socket, next) => {
      const fromAuth = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const token =
        typeof fromAuth === 'string' && fromAuth
          ? fromAuth
          : tokenFrom(socket.handshake.headers.authorization, socket.handshake.headers.cookie);
      if (!token) return next();
      this.options.authenticate(token).then(
        (auth) => {
          if (!auth) {
            next(Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED' } }));
            return;
          }
          socket.data.auth = auth;
          next();
        },
        () => next(new Error('INTERNAL')),
      );
    });
    return server;
  }

  /**
   * One plain listener per handler and socket. Nest's own binding builds, per socket and handler,
   * an RxJS pipeline (fromEvent, mergeMap, takeUntil a shared disconnect stream) that stays
   * allocated for the socket's life: about 40 KB per idle socket with the two gateways of `/live`.
   * Same behaviour: each message runs the handler, a non-nil result is acked (or emitted, for a
   * `{ event, data }` result), an error is logged and the socket keeps its listeners; socket.io
   * drops the listeners when the socket is closed.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...payload: unknown[]) => {
        const { data, ack } = this.mapPayload(payload) as { data: unknown; ack?: (r: unknown) => void };
        let result$: Observable<unknown>;
        try {
          result$ = transform(callback(data, ack));
        } catch (err) {
          this.logger.error(err);
          return;
        }
        result$.subscribe({
          next: (response) => {
            if (response === null || response === undefined) return;
            const r = response as { event?: string; data?: unknown };
            if (r.event) {
              socket.emit(r.event, r.data);
              return;
            }
            if (!isAckHandledManually && typeof ack === 'function') ack(response);
          },
          error: (err: unknown) => this.logger.error(err),
        });
      });
    }
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    const clients = this.redisClients;
    this.redisClients = [];
    await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
  }
}
