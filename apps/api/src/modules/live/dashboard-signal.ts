import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DASHBOARD_CHANGED_COALESCE_MS, rooms, type DashboardArea } from '@ca/shared';
import { LiveGateway } from './live.gateway';

/**
 * `dashboard:changed` to an edition's organizers room: the registrations, teams and submissions
 * services call `changed` after their transaction committed. Coalesced per edition (trailing):
 * the first change opens a window of `windowMs`, later ones join it, and at its end one event
 * names every area that changed, so a burst of registrations is one event, not a flood. Emitted
 * once by the instance where the change happened; the Redis adapter carries it to the others.
 */
@Injectable()
export class DashboardSignal implements OnApplicationShutdown {
  /** Tests may shorten or lengthen it. */
  windowMs = DASHBOARD_CHANGED_COALESCE_MS;
  private readonly pending = new Map<string, { what: Set<DashboardArea>; timer: NodeJS.Timeout }>();

  constructor(private readonly live: LiveGateway) {}

  /** Notes a committed change; never throws, never waits. */
  changed(editionId: string, what: DashboardArea): void {
    const open = this.pending.get(editionId);
    if (open) {
      open.what.add(what);
      return;
    }
    const timer = setTimeout(() => this.flush(editionId), this.windowMs);
    timer.unref();
    this.pending.set(editionId, { what: new Set([what]), timer });
  }

  private flush(editionId: string): void {
    const open = this.pending.get(editionId);
    this.pending.delete(editionId);
    if (!open || !this.live.server) return;
    const what = (['registrations', 'teams', 'submissions'] as const).filter((a) => open.what.has(a));
    this.live.server.to(rooms.organizers(editionId)).emit('dashboard:changed', { editionId, what });
  }

  onApplicationShutdown(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
