import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntry, AuditQuery, Page } from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, pageFrom } from '../../common/pagination/cursor';
import { AuditEntryEntity } from './entities/audit-entry.entity';

export interface AuditInput {
  editionId: string | null;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const toAuditEntry = (e: AuditEntryEntity, actorName: string | null): AuditEntry => ({
  id: e.id,
  at: e.at.toISOString(),
  actorId: e.actorId,
  actorName: e.actorId ? actorName : null,
  action: e.action,
  entity: e.entity,
  entityId: e.entityId,
  before: e.before ?? null,
  after: e.after ?? null,
});

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Records an entry. Pass the transaction's manager so that the entry is written with the change
   * it describes, or not at all.
   */
  async record(manager: EntityManager, input: AuditInput): Promise<void> {
    await manager.getRepository(AuditEntryEntity).insert({
      editionId: input.editionId,
      actorId: input.actorId,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      before: (input.before ?? null) as object,
      after: (input.after ?? null) as object,
    });
  }

  /**
   * The edition's log (`editionId` null: the entries without an edition, such as accounts
   * disabled and organizers made), newest first, filtered by actor, action, entity and time
   * (`from` inclusive, `to` exclusive).
   */
  async list(editionId: string | null, q: AuditQuery): Promise<Page<AuditEntry>> {
    const cursor = decodeCursor(q.cursor, 2);
    // The cursor keeps the timestamp at PostgreSQL's full (microsecond) precision: a JS Date would
    // cut it to milliseconds and skip entries written within the same millisecond.
    const qb = this.db
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('a')
      .addSelect(`to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'at_us')
      // The actor's current name, for a readable log: a read-only look at the users table (the
      // audit module is global and used by the users module, so it cannot depend on it).
      .addSelect('(SELECT u.name FROM users u WHERE u.id = a.actor_id)', 'actor_name')
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(q.limit + 1);
    if (editionId === null) qb.where('a.edition_id IS NULL');
    else qb.where('a.edition_id = :editionId', { editionId });
    if (q.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: q.actorId });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.entity) qb.andWhere('a.entity = :entity', { entity: q.entity });
    if (q.from) qb.andWhere('a.at >= :from::timestamptz', { from: q.from });
    if (q.to) qb.andWhere('a.at < :to::timestamptz', { to: q.to });
    if (cursor) qb.andWhere('(a.at, a.id) < (:at::timestamptz, :id::uuid)', { at: cursor[0], id: cursor[1] });
    const { entities, raw } = await qb.getRawAndEntities<{ at_us: string; actor_name: string | null }>();
    const rows = entities.map((e, i) => ({ e, atUs: raw[i]!.at_us, actorName: raw[i]!.actor_name }));
    const page = pageFrom(rows, q.limit, (r) => [r.atUs, r.e.id]);
    return { items: page.items.map((r) => toAuditEntry(r.e, r.actorName)), nextCursor: page.nextCursor };
  }
}
