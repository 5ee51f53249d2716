import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Challenge,
  ChallengeCreate,
  ChallengePatch,
  CriteriaPut,
  Criterion,
  Track,
  TrackCreate,
  TrackPatch,
} from '@ca/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { CriteriaLock } from '../judging/criteria-lock';
import { isUniqueViolation, nameKey } from './db-errors';
import { toChallenge, toCriterion, toTrack } from './editions.mapper';
import { ChallengeEntity } from './entities/challenge.entity';
import { CriterionEntity } from './entities/criterion.entity';
import { EditionEntity } from './entities/edition.entity';
import { TrackEntity } from './entities/track.entity';

const trackTaken = (field: 'slug' | 'name', value: string) =>
  new DomainError('NAME_TAKEN', `${field}: "${value}" is already used by another track of this edition`);

/** The fields of `patch` whose value differs from `current`, as audit before/after. */
function diff<T extends object>(current: T, patch: Partial<T>) {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const [k, v] of Object.entries(patch) as [keyof T, T[keyof T]][]) {
    if (v === undefined || current[k] === v) continue;
    before[k] = current[k];
    after[k] = v;
  }
  return { before, after, changed: Object.keys(after).length > 0 };
}

/** Organizers' editing of an edition's tracks, challenges and criteria; every change is audited. */
@Injectable()
export class TracksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly criteriaLock: CriteriaLock,
  ) {}

  private async lockedEdition(m: EntityManager, editionId: string): Promise<EditionEntity> {
    const e = await m
      .getRepository(EditionEntity)
      .createQueryBuilder('e')
      .setLock('pessimistic_write')
      .where('e.id = :editionId', { editionId })
      .getOne();
    if (!e) throw notFound('Edition');
    return e;
  }

  private async track(m: EntityManager, trackId: string, lock = false): Promise<TrackEntity> {
    const qb = m.getRepository(TrackEntity).createQueryBuilder('t').where('t.id = :trackId', { trackId });
    if (lock) qb.setLock('pessimistic_write');
    const t = await qb.getOne();
    if (!t) throw notFound('Track');
    return t;
  }

  /** The unique slug and name within the edition, checked first for a clear answer. */
  private async assertTrackFree(m: EntityManager, editionId: string, t: { slug?: string; name?: string }) {
    const repo = m.getRepository(TrackEntity);
    if (t.slug !== undefined && (await repo.existsBy({ editionId, slug: t.slug })))
      throw trackTaken('slug', t.slug);
    if (t.name !== undefined && (await repo.existsBy({ editionId, nameKey: nameKey(t.name) })))
      throw trackTaken('name', t.name);
  }

  private mapTrackRace(err: unknown, t: { slug?: string; name?: string }): unknown {
    if (isUniqueViolation(err, 'uq_tracks_edition_slug')) return trackTaken('slug', t.slug ?? '');
    if (isUniqueViolation(err, 'uq_tracks_edition_name')) return trackTaken('name', t.name ?? '');
    return err;
  }

  async addTrack(editionId: string, input: TrackCreate, actorId: string | null = null): Promise<Track> {
    try {
      return await this.db.transaction(async (m) => {
        await this.lockedEdition(m, editionId);
        await this.assertTrackFree(m, editionId, input);
        const position = await m.getRepository(TrackEntity).countBy({ editionId });
        const values = { ...input, nameKey: nameKey(input.name), editionId, position };
        const inserted = await m.getRepository(TrackEntity).insert(values);
        const id = (inserted.identifiers[0] as { id: string }).id;
        await this.audit.record(m, {
          editionId,
          actorId,
          action: 'track.created',
          entity: 'track',
          entityId: id,
          before: null,
          after: input,
        });
        return toTrack({ ...values, id, challenges: [] } as TrackEntity);
      });
    } catch (err) {
      throw this.mapTrackRace(err, input);
    }
  }

  async updateTrack(trackId: string, patch: TrackPatch, actorId: string | null): Promise<Track> {
    try {
      await this.db.transaction(async (m) => {
        const track = await this.track(m, trackId, true);
        const { before, after, changed } = diff(
          { name: track.name, slug: track.slug, description: track.description },
          patch,
        );
        if (!changed) return;
        const renamed = after.name !== undefined && nameKey(after.name) !== track.nameKey;
        await this.assertTrackFree(m, track.editionId, {
          slug: after.slug,
          name: renamed ? after.name : undefined,
        });
        await m
          .getRepository(TrackEntity)
          .update(
            { id: trackId },
            { ...after, ...(after.name !== undefined ? { nameKey: nameKey(after.name) } : {}) },
          );
        await this.audit.record(m, {
          editionId: track.editionId,
          actorId,
          action: 'track.updated',
          entity: 'track',
          entityId: trackId,
          before,
          after,
        });
      });
    } catch (err) {
      throw this.mapTrackRace(err, patch);
    }
    const track = await this.db
      .getRepository(TrackEntity)
      .findOneOrFail({ where: { id: trackId }, relations: { challenges: true } });
    return toTrack(track);
  }

  async addChallenge(
    trackId: string,
    input: ChallengeCreate,
    actorId: string | null = null,
  ): Promise<Challenge> {
    return this.db.transaction(async (m) => {
      const track = await this.track(m, trackId, true);
      const position = await m.getRepository(ChallengeEntity).countBy({ trackId });
      const values = {
        trackId,
        title: input.title,
        description: input.description,
        sponsor: input.sponsor || null,
        prize: input.prize || null,
        position,
      };
      const inserted = await m.getRepository(ChallengeEntity).insert(values);
      const challenge = { ...values, id: (inserted.identifiers[0] as { id: string }).id } as ChallengeEntity;
      await this.audit.record(m, {
        editionId: track.editionId,
        actorId,
        action: 'challenge.created',
        entity: 'challenge',
        entityId: challenge.id,
        before: null,
        after: toChallenge(challenge),
      });
      return toChallenge(challenge);
    });
  }

  async updateChallenge(
    challengeId: string,
    patch: ChallengePatch,
    actorId: string | null,
  ): Promise<Challenge> {
    return this.db.transaction(async (m) => {
      const challenge = await m
        .getRepository(ChallengeEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :challengeId', { challengeId })
        .getOne();
      if (!challenge) throw notFound('Challenge');
      const normalized: ChallengePatch = { ...patch };
      // An empty sponsor or prize means none.
      if (normalized.sponsor === '') normalized.sponsor = null;
      if (normalized.prize === '') normalized.prize = null;
      const { before, after, changed } = diff(toChallenge(challenge), normalized);
      if (!changed) return toChallenge(challenge);
      await m.getRepository(ChallengeEntity).update({ id: challengeId }, after);
      const track = await this.track(m, challenge.trackId);
      await this.audit.record(m, {
        editionId: track.editionId,
        actorId,
        action: 'challenge.updated',
        entity: 'challenge',
        entityId: challengeId,
        before,
        after,
      });
      return toChallenge({ ...challenge, ...after } as ChallengeEntity);
    });
  }

  async deleteChallenge(challengeId: string, actorId: string | null): Promise<void> {
    await this.db.transaction(async (m) => {
      const challenge = await m.getRepository(ChallengeEntity).findOneBy({ id: challengeId });
      if (!challenge) throw notFound('Challenge');
      const track = await this.track(m, challenge.trackId);
      await m.getRepository(ChallengeEntity).delete({ id: challengeId });
      await this.audit.record(m, {
        editionId: track.editionId,
        actorId,
        action: 'challenge.deleted',
        entity: 'challenge',
        entityId: challengeId,
        before: toChallenge(challenge),
        after: null,
      });
    });
  }

  /**
   * Replaces the criteria list (`order` = index). Rows keep their ids by position, so that a
   * criterion whose text or weight is edited stays the same criterion. 409 PHASE_CLOSED once any
   * score sheet exists (sheets were scored on these criteria).
   */
  async putCriteria(editionId: string, items: CriteriaPut, actorId: string | null): Promise<Criterion[]> {
    return this.db.transaction(async (m) => {
      await this.lockedEdition(m, editionId);
      await this.criteriaLock.assertEditable(m, editionId);
      const repo = m.getRepository(CriterionEntity);
      const existing = await repo.find({ where: { editionId }, order: { position: 'ASC' } });
      const before = existing.map((c) => toCriterion(c));
      for (const [position, c] of items.entries()) {
        const row = existing[position];
        const levels = (c.levels ?? [])
          .map((l) => ({
            from: l.from,
            to: l.to,
            descriptionI18n: { en: l.descriptionI18n.en ?? '', ro: l.descriptionI18n.ro ?? '' },
          }))
          .sort((a, b) => a.from - b.from);
        const values = {
          name: c.name,
          description: c.description,
          weight: c.weight,
          min: c.min,
          max: c.max,
          levels,
        };
        if (row) await repo.update({ id: row.id }, { ...values, position });
        else await repo.insert({ ...values, editionId, position });
      }
      const surplus = existing.slice(items.length).map((c) => c.id);
      if (surplus.length) await repo.delete({ id: In(surplus) });
      const after = (await repo.find({ where: { editionId }, order: { position: 'ASC' } })).map((c) =>
        toCriterion(c),
      );
      await this.audit.record(m, {
        editionId,
        actorId,
        action: 'criteria.updated',
        entity: 'edition',
        entityId: editionId,
        before,
        after,
      });
      return after;
    });
  }
}
