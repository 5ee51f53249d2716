import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { rooms } from '@ca/shared';
import type { Subscription } from 'rxjs';
import { LiveGateway } from '../live/live.gateway';
import { CoverageService } from './coverage.service';
import { JudgingEvents } from './judging-events';

/**
 * Pushes `coverage:update` (the changed projects' coverage rows) to the edition's organizers room
 * after every judging change (sheets, conflicts, assignments, disqualifications) and every flag.
 * Who joins that room is the live module's business; this only emits.
 */
@Injectable()
export class CoveragePublisher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CoveragePublisher.name);
  private subscription?: Subscription;

  constructor(
    private readonly events: JudgingEvents,
    private readonly coverage: CoverageService,
    private readonly live: LiveGateway,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.changes$.subscribe((c) => this.notify(c.editionId, c.submissionIds));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Emits the rows of `submissionIds` (after the change committed); never throws. */
  notify(editionId: string, submissionIds: string[]): void {
    const server = this.live.server;
    if (!server || submissionIds.length === 0) return;
    void this.coverage
      .rows(editionId, submissionIds)
      .then((rows) => {
        for (const row of rows)
          server.to(rooms.organizers(editionId)).emit('coverage:update', { ...row, editionId });
      })
      .catch((err: Error) => this.logger.warn(`coverage:update not sent: ${err.message}`));
  }
}
