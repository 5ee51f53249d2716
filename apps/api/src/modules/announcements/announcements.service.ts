import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  rooms,
  type Announcement,
  type AnnouncementCreate,
  type AnnouncementPatch,
  type Page,
  type PageQuery,
} from '@ca/shared';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors/domain-error';
import { decodeCursor, pageFrom } from '../../common/pagination/cursor';
import { AuditService } from '../audit/audit.service';
import { EditionsService } from '../editions/editions.service';
import { LiveGateway } from '../live/live.gateway';
import { toAnnouncement } from './announcements.mapper';
import { AnnouncementEntity } from './entities/announcement.entity';

/**
 * Organizers' announcements. Every change is audited in the transaction that makes it and, after
 * the commit, pushed to the edition's room on every instance (the Redis adapter): `announcement`
 * for a new or edited one (same id, later `updatedAt`), `announcement:deleted` for a deletion.
 */
@Injectable()
export class AnnouncementsService {
  private readonly logger = new Logger(AnnouncementsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly audit: AuditService,
    private readonly live: LiveGateway,
  ) {}

  async create(editionId: string, body: AnnouncementCreate, actorId: string): Promise<Announcement> {
    await this.editions.entity(editionId, { includeDrafts: true });
    const saved = await this.db.transaction(async (m) => {
      const row = await m
        .getRepository(AnnouncementEntity)
        .save(
          m.getRepository(AnnouncementEntity).create({ editionId, message: body.message, authorId: actorId }),
        );
      await this.audit.record(m, {
        editionId,
        actorId,
        action: 'announcement.posted',
        entity: 'announcement',
        entityId: row.id,
        after: { message: row.message },
      });
      return row;
    });
    const announcement = toAnnouncement(saved);
    this.emit((s) => s.to(rooms.edition(editionId)).emit('announcement', announcement));
    return announcement;
  }

  async update(id: string, body: AnnouncementPatch, actorId: string): Promise<Announcement> {
    const saved = await this.db.transaction(async (m) => {
      const repo = m.getRepository(AnnouncementEntity);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('Announcement');
      const before = row.message;
      row.message = body.message;
      const next = await repo.save(row);
      await this.audit.record(m, {
        editionId: row.editionId,
        actorId,
        action: 'announcement.edited',
        entity: 'announcement',
        entityId: id,
        before: { message: before },
        after: { message: next.message },
      });
      return next;
    });
    const announcement = toAnnouncement(saved);
    this.emit((s) => s.to(rooms.edition(saved.editionId)).emit('announcement', announcement));
    return announcement;
  }

  async remove(id: string, actorId: string): Promise<void> {
    const row = await this.db.transaction(async (m) => {
      const repo = m.getRepository(AnnouncementEntity);
      const found = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw notFound('Announcement');
      await repo.delete({ id });
      await this.audit.record(m, {
        editionId: found.editionId,
        actorId,
        action: 'announcement.deleted',
        entity: 'announcement',
        entityId: id,
        before: { message: found.message },
      });
      return found;
    });
    this.emit((s) =>
      s.to(rooms.edition(row.editionId)).emit('announcement:deleted', { id, editionId: row.editionId }),
    );
  }

  /** Newest first; drafts' announcements are the organizers' alone (404 to anyone else). */
  async list(editionId: string, q: PageQuery, opts: { includeDrafts: boolean }): Promise<Page<Announcement>> {
    await this.editions.entity(editionId, { includeDrafts: opts.includeDrafts });
    const cursor = decodeCursor(q.cursor, 2);
    const qb = this.db
      .getRepository(AnnouncementEntity)
      .createQueryBuilder('a')
      // The cursor keeps PostgreSQL's microseconds: a JS Date would cut them and skip rows.
      .addSelect(`to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'created_us')
      .where('a.edition_id = :editionId', { editionId })
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(q.limit + 1);
    if (cursor)
      qb.andWhere('(a.created_at, a.id) < (:at::timestamptz, :id::uuid)', { at: cursor[0], id: cursor[1] });
    const { entities, raw } = await qb.getRawAndEntities<{ created_us: string }>();
    const keyed = entities.map((e, i) => ({ e, at: raw[i]!.created_us }));
    const page = pageFrom(keyed, q.limit, (r) => [r.at, r.e.id]);
    return { items: page.items.map((r) => toAnnouncement(r.e)), nextCursor: page.nextCursor };
  }

  /** The latest `n`, newest first (the event screen's state). */
  async latest(editionId: string, n: number): Promise<Announcement[]> {
    const rows = await this.db.getRepository(AnnouncementEntity).find({
      where: { editionId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: n,
    });
    return rows.map(toAnnouncement);
  }

  /** Emits after the commit; a failure to emit never fails the request (screens resync). */
  private emit(send: (server: NonNullable<LiveGateway['server']>) => void): void {
    const server = this.live.server;
    if (!server) return;
    try {
      send(server);
    } catch (err) {
      this.logger.warn(`announcement event not sent: ${(err as Error).message}`);
    }
  }
}
