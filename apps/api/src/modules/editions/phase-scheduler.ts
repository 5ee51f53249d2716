import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { phaseBoundaries, rooms, type EditionPhaseEvent } from '@ca/shared';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { RedisService } from '../../common/redis/redis.module';
import { LiveGateway } from '../live/live.gateway';
import { EditionEvents, type EditionChanged } from './edition-events';
import { phaseOf, windowInputOf } from './editions.mapper';
import { EditionEntity } from './entities/edition.entity';

/** Timers wait at most this long, then re-check (setTimeout overflows past ~24.8 days anyway). */
export const MAX_TIMER_MS = 60 * 60_000;
/** Every instance re-reads the timelines this often, to catch changes made on another instance. */
export const RESYNC_MS = 60_000;
/** A boundary that passed longer ago than this (a frozen process) is not announced any more. */
const STALE_MS = 5 * 60_000;
/** How long the Redis claim of one boundary lives: far longer than instances' timers can differ. */
const CLAIM_MS = 15 * 60_000;
/** Server-side Socket.IO event (through the Redis adapter): "re-read this edition's timeline". */
const REARM_EVENT = 'ca:edition:rearm';

interface Armed {
  at: number;
  timer: NodeJS.Timeout;
}
type ServerSide = {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener: (...args: unknown[]) => void): unknown;
  serverSideEmit(event: string, ...args: unknown[]): unknown;
};

/**
 * Pushes `edition:phase` to the edition's room at the moment the phase changes. Every instance
 * keeps one timer per published edition for its next phase boundary; when several instances fire
 * for the same boundary, a Redis `SET NX` claim keyed by edition and boundary lets exactly one of
 * them emit (the Redis adapter then reaches every instance's clients). A PATCH that changes the
 * phase at once is announced by the instance that served it.
 */
@Injectable()
export class PhaseScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PhaseScheduler.name);
  private readonly armed = new Map<string, Armed>();
  /** Boundaries this instance announced (the claim when there is no Redis). */
  private readonly announced = new Set<string>();
  private subscription?: Subscription;
  private resync?: NodeJS.Timeout;
  private closed = false;
  private readonly onRearm = (editionId: unknown) => {
    if (typeof editionId === 'string') void this.rearm(editionId);
  };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EditionEvents,
    private readonly live: LiveGateway,
    private readonly redis: RedisService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.events.changed$.subscribe((c) => void this.onChanged(c));
    if (this.redis.enabled) this.serverSide()?.on(REARM_EVENT, this.onRearm);
    await this.syncAll();
    this.resync = setInterval(() => void this.syncAll(), RESYNC_MS);
    this.resync.unref();
  }

  onApplicationShutdown(): void {
    this.closed = true;
    this.subscription?.unsubscribe();
    if (this.resync) clearInterval(this.resync);
    for (const a of this.armed.values()) clearTimeout(a.timer);
    this.armed.clear();
    this.serverSide()?.off(REARM_EVENT, this.onRearm);
  }

  /** The boundary this instance waits for (tests). */
  armedAt(editionId: string): number | undefined {
    return this.armed.get(editionId)?.at;
  }

  private serverSide(): ServerSide | undefined {
    return this.live.server as unknown as ServerSide | undefined;
  }

  private async onChanged(c: EditionChanged): Promise<void> {
    try {
      if (c.phaseBefore !== null && c.phaseBefore !== c.phaseAfter) {
        this.emit(c.editionId, c.phaseAfter, Date.now());
      }
      await this.rearm(c.editionId);
      if (this.redis.enabled) this.serverSide()?.serverSideEmit(REARM_EVENT, c.editionId);
    } catch (err) {
      this.logger.warn(`Could not follow the change of edition ${c.editionId}: ${String(err)}`);
    }
  }

  private emit(editionId: string, phase: EditionPhaseEvent['phase'], now: number): void {
    const payload: EditionPhaseEvent = { editionId, phase, serverTime: new Date(now).toISOString() };
    this.live.server?.to(rooms.edition(editionId)).emit('edition:phase', payload);
  }

  private async syncAll(): Promise<void> {
    if (this.closed) return;
    try {
      const rows = await this.db
        .getRepository(EditionEntity)
        .createQueryBuilder('e')
        .where('e.published AND e.judging_ends_at > now()')
        .getMany();
      const live = new Set(rows.map((e) => e.id));
      for (const id of [...this.armed.keys()]) if (!live.has(id)) this.disarm(id);
      for (const e of rows) this.arm(e);
    } catch (err) {
      if (!this.closed) this.logger.warn(`Phase timers not re-synchronised: ${String(err)}`);
    }
  }

  private async rearm(editionId: string): Promise<void> {
    if (this.closed) return;
    const e = await this.db.getRepository(EditionEntity).findOneBy({ id: editionId });
    if (e) this.arm(e);
    else this.disarm(editionId);
  }

  private disarm(editionId: string): void {
    const a = this.armed.get(editionId);
    if (a) clearTimeout(a.timer);
    this.armed.delete(editionId);
  }

  /** One timer for the edition's next boundary after now (none for drafts and finished editions). */
  private arm(e: EditionEntity): void {
    if (this.closed) return;
    const now = Date.now();
    const next = e.published ? phaseBoundaries(windowInputOf(e)).find((b) => b > now) : undefined;
    const current = this.armed.get(e.id);
    if (next === undefined) return this.disarm(e.id);
    if (current?.at === next) return;
    this.disarm(e.id);
    const timer = setTimeout(() => void this.fire(e.id, next), Math.min(next - now, MAX_TIMER_MS));
    timer.unref();
    this.armed.set(e.id, { at: next, timer });
  }

  private async fire(editionId: string, boundary: number): Promise<void> {
    if (this.closed) return;
    this.armed.delete(editionId);
    try {
      // Re-read: the timeline may have changed on another instance since the timer was set.
      const e = await this.db.getRepository(EditionEntity).findOneBy({ id: editionId });
      if (!e) return;
      const now = Date.now();
      const stillABoundary = e.published && phaseBoundaries(windowInputOf(e)).includes(boundary);
      if (stillABoundary && now >= boundary && now - boundary < STALE_MS) {
        const phase = phaseOf(e, now);
        if (await this.claim(this.redis.key(`phase:${editionId}:${boundary}:${phase}`)))
          this.emit(editionId, phase, now);
      }
      this.arm(e); // the next boundary, or this one again when the timer was capped or early
    } catch (err) {
      if (!this.closed)
        this.logger.warn(`Phase change of edition ${editionId} not announced: ${String(err)}`);
    }
  }

  /** True for exactly one instance per key (with Redis), or once per key in this instance. */
  private async claim(key: string): Promise<boolean> {
    if (this.announced.has(key)) return false;
    this.announced.add(key);
    if (this.announced.size > 10_000) this.announced.clear();
    if (!this.redis.enabled) return true;
    try {
      const client = await this.redis.get();
      const ok = await client.set(key, String(process.pid), {
        condition: 'NX',
        expiration: { type: 'PX', value: CLAIM_MS },
      });
      return ok === 'OK';
    } catch (err) {
      // Better a possible duplicate than a phase change nobody hears of.
      this.logger.warn(`Redis claim failed, announcing anyway: ${String(err)}`);
      return true;
    }
  }
}
