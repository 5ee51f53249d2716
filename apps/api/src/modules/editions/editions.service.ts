import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_CRITERIA,
  type ChallengeCreate,
  type Edition,
  type EditionCreate,
  type TrackCreate,
} from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { isUuid } from '../../common/validation/uuid';
import { toEdition } from './editions.mapper';
import { ChallengeEntity } from './entities/challenge.entity';
import { CriterionEntity } from './entities/criterion.entity';
import { EditionEntity } from './entities/edition.entity';
import { TrackEntity } from './entities/track.entity';

const RELATIONS = { tracks: { challenges: true }, criteria: true } as const;

@Injectable()
export class EditionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Published editions, newest first; organizers see drafts too. */
  async list(opts: { includeDrafts: boolean }): Promise<Edition[]> {
    const rows = await this.db.getRepository(EditionEntity).find({
      where: opts.includeDrafts ? {} : { published: true },
      relations: RELATIONS,
      order: { hackingStartsAt: 'DESC' },
    });
    const now = Date.now();
    return rows.map((e) => toEdition(e, now));
  }

  /** By id or slug. A draft is the organizers' alone: to anyone else it does not exist. */
  async get(idOrSlug: string, opts: { includeDrafts: boolean }): Promise<Edition> {
    const entity = await this.findEntity(idOrSlug);
    if (!entity || (!entity.published && !opts.includeDrafts)) throw notFound('Edition');
    return toEdition(entity, Date.now());
  }

  private findEntity(idOrSlug: string, manager: EntityManager = this.db.manager) {
    return manager.getRepository(EditionEntity).findOne({
      where: isUuid(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug },
      relations: RELATIONS,
    });
  }

  /** Creates an edition with the default criteria, in one transaction. */
  async create(input: EditionCreate): Promise<Edition> {
    const id = await this.db.transaction(async (m) => {
      const taken = await m.getRepository(EditionEntity).existsBy({ slug: input.slug });
      if (taken)
        throw new DomainError('NAME_TAKEN', `slug: "${input.slug}" is already used by another edition`);
      const edition = await m.getRepository(EditionEntity).save(
        m.getRepository(EditionEntity).create({
          ...input,
          registrationOpensAt: new Date(input.registrationOpensAt),
          registrationClosesAt: new Date(input.registrationClosesAt),
          hackingStartsAt: new Date(input.hackingStartsAt),
          submissionDeadline: new Date(input.submissionDeadline),
          judgingEndsAt: new Date(input.judgingEndsAt),
          leaderboardFreezeAt: input.leaderboardFreezeAt ? new Date(input.leaderboardFreezeAt) : null,
          resultsPublishedAt: input.resultsPublishedAt ? new Date(input.resultsPublishedAt) : null,
        }),
      );
      await m
        .getRepository(CriterionEntity)
        .insert(DEFAULT_CRITERIA.map((c, position) => ({ ...c, editionId: edition.id, position })));
      return edition.id;
    });
    return this.get(id, { includeDrafts: true });
  }

  async addTrack(editionId: string, input: TrackCreate): Promise<TrackEntity> {
    return this.db.transaction(async (m) => {
      const edition = await m.getRepository(EditionEntity).findOneBy({ id: editionId });
      if (!edition) throw notFound('Edition');
      if (await m.getRepository(TrackEntity).existsBy({ editionId, slug: input.slug })) {
        throw new DomainError('NAME_TAKEN', `slug: "${input.slug}" is already used by another track`);
      }
      const position = await m.getRepository(TrackEntity).countBy({ editionId });
      return m.getRepository(TrackEntity).save({ ...input, editionId, position });
    });
  }

  async addChallenge(trackId: string, input: ChallengeCreate): Promise<ChallengeEntity> {
    return this.db.transaction(async (m) => {
      const track = await m.getRepository(TrackEntity).findOneBy({ id: trackId });
      if (!track) throw notFound('Track');
      const position = await m.getRepository(ChallengeEntity).countBy({ trackId });
      return m.getRepository(ChallengeEntity).save({
        trackId,
        title: input.title,
        description: input.description,
        sponsor: input.sponsor ?? null,
        prize: input.prize ?? null,
        position,
      });
    });
  }
}
