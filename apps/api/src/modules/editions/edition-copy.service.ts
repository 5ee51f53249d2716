import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Edition, EditionCopy, Language } from '@ca/shared';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../common/database/db-errors';
import { AuditService } from '../audit/audit.service';
import { EditionEvents } from './edition-events';
import { EditionsService } from './editions.service';
import { ChallengeEntity } from './entities/challenge.entity';
import { CriterionEntity } from './entities/criterion.entity';
import { EditionEntity } from './entities/edition.entity';
import { TrackEntity } from './entities/track.entity';
import { assertWritten, mergeText } from './texts';

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;

/**
 * The next edition from this one (issue 13): one transaction copies the edition's settings, its
 * tracks with their challenges and its criteria with their levels (both languages), with the new
 * slug and timeline, unpublished unless asked; nothing about people (teams, registrations, jurors,
 * sheets, awards, announcements) follows. One `edition.copied` entry in the new edition's log.
 */
@Injectable()
export class EditionCopyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly audit: AuditService,
    private readonly events: EditionEvents,
  ) {}

  async copy(sourceId: string, input: EditionCopy, actorId: string, lang: Language): Promise<Edition> {
    const name =
      input.name !== undefined || input.nameI18n !== undefined
        ? mergeText(null, input.name, input.nameI18n, lang)
        : undefined;
    assertWritten('name', name);
    let id: string;
    try {
      id = await this.db.transaction(async (m) => {
        // FOR SHARE: the source cannot be deleted or re-written half-way through the copy.
        const locked = await m.query(`SELECT id FROM editions WHERE id = $1 FOR SHARE`, [sourceId]);
        if (locked.length === 0) throw notFound('Edition');
        const source = (await m.getRepository(EditionEntity).findOne({
          where: { id: sourceId },
          relations: { tracks: { challenges: true }, criteria: true },
        }))!;
        const slugUsed = await m.getRepository(EditionEntity).existsBy({ slug: input.slug });
        if (slugUsed) throw slugTaken(input.slug);
        // Every other column (description, team sizes, reviews, normalization, visibility,
        // submission requirements, comment sharing, and any setting added later) is copied.
        const {
          id: _id,
          createdAt: _c,
          updatedAt: _u,
          tracks,
          criteria,
          leaderboardFreezeSetAt: _f,
          ...settings
        } = source;
        const inserted = await m.getRepository(EditionEntity).insert({
          ...settings,
          slug: input.slug,
          ...(name ? { name: name.en, nameRo: name.ro } : {}),
          published: input.published,
          registrationOpensAt: new Date(input.registrationOpensAt),
          registrationClosesAt: new Date(input.registrationClosesAt),
          hackingStartsAt: new Date(input.hackingStartsAt),
          submissionDeadline: new Date(input.submissionDeadline),
          judgingEndsAt: new Date(input.judgingEndsAt),
          leaderboardFreezeAt: input.leaderboardFreezeAt ? new Date(input.leaderboardFreezeAt) : null,
          resultsPublishedAt: input.resultsPublishedAt ? new Date(input.resultsPublishedAt) : null,
          leaderboardFreezeSetAt: input.leaderboardFreezeAt ? () => 'now()' : null,
          // The new edition's data is kept for its own time (a year after its judging by default).
          personalDataRetentionUntil: null,
          personalDataPurgedAt: null,
        });
        const editionId = (inserted.identifiers[0] as { id: string }).id;
        let challengeCount = 0;
        for (const track of [...(tracks ?? [])].sort(byPosition)) {
          const { id: _t, editionId: _e, edition: _ed, challenges, ...trackColumns } = track;
          const t = await m.getRepository(TrackEntity).insert({ ...trackColumns, editionId });
          const trackId = (t.identifiers[0] as { id: string }).id;
          const copies = [...(challenges ?? [])].sort(byPosition).map((c) => {
            const { id: _ch, trackId: _tr, track: _trk, ...challengeColumns } = c;
            return { ...challengeColumns, trackId };
          });
          if (copies.length) await m.getRepository(ChallengeEntity).insert(copies);
          challengeCount += copies.length;
        }
        const criteriaCopies = [...(criteria ?? [])].sort(byPosition).map((c) => {
          const { id: _cr, editionId: _e, edition: _ed, ...criterionColumns } = c;
          return { ...criterionColumns, editionId };
        });
        if (criteriaCopies.length) await m.getRepository(CriterionEntity).insert(criteriaCopies);
        await this.audit.record(m, {
          editionId,
          actorId,
          action: 'edition.copied',
          entity: 'edition',
          entityId: editionId,
          before: null,
          after: {
            from: sourceId,
            slug: input.slug,
            published: input.published,
            tracks: tracks?.length ?? 0,
            challenges: challengeCount,
            criteria: criteriaCopies.length,
          },
        });
        return editionId;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw slugTaken(input.slug);
      throw err;
    }
    const edition = await this.editions.get(id, { includeDrafts: true, lang });
    this.events.changed({ editionId: id, phaseBefore: null, phaseAfter: edition.phase });
    return edition;
  }
}

const slugTaken = (slug: string) =>
  new DomainError('NAME_TAKEN', `slug: "${slug}" is already used by another edition`);
