import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { rooms, type LeaderboardRow, type RevealAction, type RevealStep } from '@ca/shared';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { AwardsService } from '../awards/awards.service';
import { EditionsService } from '../editions/editions.service';
import { LiveGateway } from '../live/live.gateway';
import { RANKING_SOURCE, type LiveRankingSource } from '../live/ranking-source';
import { RevealEntity } from './entities/reveal.entity';
import { inactiveStep, toRevealStep } from './reveal.mapper';

/** The ranked places of a board from the last one up (rows sharing a rank: last in title order first). */
export function placesFromLast(rows: LeaderboardRow[]): LeaderboardRow[] {
  return rows
    .map((row, i) => ({ row, i }))
    .filter((x) => x.row.rank !== null)
    .sort((a, b) => b.row.rank! - a.row.rank! || b.i - a.i)
    .map((x) => x.row);
}

/**
 * The results show (docs/scoring.md rule 8), driven by organizers in any phase. `start` fixes the
 * final standings as organizers see them (the whole edition or one track) and the awards; each
 * `next` shows one more place from the last up, then one award; `reset` ends it. The state is a
 * row of `reveals`, so every instance and every reconnecting screen read the same step; each
 * change is pushed to the edition's room on every instance (the Redis adapter).
 */
@Injectable()
export class RevealService {
  private readonly logger = new Logger(RevealService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly awards: AwardsService,
    private readonly audit: AuditService,
    private readonly live: LiveGateway,
    @Inject(RANKING_SOURCE) private readonly ranking: LiveRankingSource,
  ) {}

  /** The show as it stands, or null when none runs. */
  async state(editionId: string): Promise<RevealStep | null> {
    const row = await this.db.getRepository(RevealEntity).findOneBy({ editionId });
    return row ? toRevealStep(row) : null;
  }

  async act(editionId: string, body: RevealAction, actorId: string): Promise<RevealStep> {
    const edition = await this.editions.get(editionId, { includeDrafts: true });
    let step: RevealStep;
    if (body.action === 'start') {
      const trackId = body.trackId ?? null;
      if (trackId !== null && !edition.tracks.some((t) => t.id === trackId))
        throw new DomainError('VALIDATION_FAILED', 'trackId: not a track of this edition');
      const board = await this.ranking.leaderboard(editionId, trackId, { isOrganizer: true });
      const awards = await this.awards.forReveal(editionId, trackId);
      const entity = await this.db.transaction(async (m) => {
        const repo = m.getRepository(RevealEntity);
        const row = repo.create({
          editionId,
          revealId: randomUUID(),
          trackId,
          step: 0,
          places: placesFromLast(board.rows),
          awards,
        });
        await repo.upsert(row, ['editionId']);
        await this.audit.record(m, {
          editionId,
          actorId,
          action: 'reveal.started',
          entity: 'edition',
          entityId: editionId,
          after: { trackId, revealId: row.revealId, places: row.places.length, awards: awards.length },
        });
        return repo.findOneByOrFail({ editionId });
      });
      step = toRevealStep(entity);
    } else if (body.action === 'next') {
      // One statement: two organizers pressing at once give two steps, never the same one twice.
      // (In a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].)
      const rows: { edition_id: string }[] = await this.db.query(
        `WITH moved AS (
           UPDATE reveals SET step = LEAST(step + 1, jsonb_array_length(places) + jsonb_array_length(awards)),
                  updated_at = now()
            WHERE edition_id = $1 RETURNING edition_id)
         SELECT edition_id FROM moved`,
        [editionId],
      );
      if (rows.length === 0) throw new DomainError('REVEAL_NOT_STARTED', 'Start the reveal first');
      step = toRevealStep(await this.db.getRepository(RevealEntity).findOneByOrFail({ editionId }));
    } else {
      const ended = await this.db.transaction(async (m) => {
        const found = await m.getRepository(RevealEntity).findOne({
          where: { editionId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!found) return null;
        await m.getRepository(RevealEntity).delete({ editionId });
        await this.audit.record(m, {
          editionId,
          actorId,
          action: 'reveal.reset',
          entity: 'edition',
          entityId: editionId,
          before: { trackId: found.trackId, revealId: found.revealId, step: found.step },
        });
        return found;
      });
      step = inactiveStep(editionId, ended?.revealId ?? randomUUID(), ended?.trackId ?? null);
    }
    this.push(step);
    return step;
  }

  private push(step: RevealStep): void {
    try {
      this.live.server?.to(rooms.edition(step.editionId)).emit('reveal:step', step);
    } catch (err) {
      this.logger.warn(`reveal:step not sent: ${(err as Error).message}`);
    }
  }
}
