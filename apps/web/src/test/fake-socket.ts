import type { ServerToClientEvents } from '@ca/shared';

type Handler = (...args: any[]) => void;

/** Stands in for the Socket.IO connection (a process boundary) and records what the app sends. */
export class FakeSocket {
  connected = true;
  readonly sent: { event: string; payload: unknown }[] = [];
  private readonly handlers = new Map<string, Set<Handler>>();

  on(event: string, handler: Handler): this {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
    return this;
  }

  off(event: string, handler: Handler): this {
    this.handlers.get(event)?.delete(handler);
    return this;
  }

  emit(event: string, payload: unknown, ack?: (res: unknown) => void): this {
    this.sent.push({ event, payload });
    ack?.({ ok: true, state: {} });
    return this;
  }

  /** `socket.timeout(ms).emit(…, (err, res) => …)`: acks at once, without an error. */
  timeout(_ms: number) {
    return {
      emit: (event: string, payload: unknown, ack?: (err: Error | null, res: unknown) => void) => {
        this.sent.push({ event, payload });
        ack?.(null, { ok: true, state: {} });
      },
    };
  }

  listenerCount(event: string): number {
    return this.handlers.get(event)?.size ?? 0;
  }

  /** The server sends `event` to this client. */
  receive<E extends keyof ServerToClientEvents>(
    event: E,
    payload: Parameters<ServerToClientEvents[E]>[0],
  ): void {
    this.handlers.get(event)?.forEach((h) => h(payload));
  }
}
