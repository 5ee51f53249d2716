import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Challenge,
  ChallengeCreate,
  ChallengePatch,
  CriteriaPut,
  Criterion,
  Language,
  LocalizedText,
  Track,
  TrackCreate,
  TrackPatch,
} from '@ca/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { SubmissionRecordsService } from '../submissions/submission-records.service';
import { isUniqueViolation, pgError } from '../../common/database/db-errors';
import { nameKey } from '../../common/database/name-key';
import { CriteriaLock } from '../judging/criteria-lock';
import { RankingLog } from '../ranking/ranking-log';
import {
  challengeTexts,
  criterionTexts,
  toChallenge,
  toCriterion,
  toTrack,
  trackTexts,
} from './editions.mapper';
import { ChallengeEntity } from './entities/challenge.entity';
import { CriterionEntity } from './entities/criterion.entity';
import { EditionEntity } from './entities/edition.entity';
import { TrackEntity } from './entities/track.entity';
import { EMPTY_TEXT, assertWritten, mergeText, sameText } from './texts';

const trackTaken = (field: 'slug' | 'name', value: string) =>
  new DomainError('NAME_TAKEN', `${field}: "${value}" is already used by another track of this edition`);

interface TrackUse {
  teams: number;
  submissions: number;
  jurors: number;
  invitations: number;
}

const trackInUse = (use: TrackUse | null) =>
  new DomainError(
    'TRACK_IN_USE',
    use
      ? `The track is still in use (teams: ${use.teams}, projects: ${use.submissions}, jurors: ${use.jurors}, pending jury invitations: ${use.invitations}); move or remove them first`
      : 'The track is still in use; move or remove what names it first',
    use,
  );

type Texts<K extends string> = Record<K, LocalizedText>;

/**
 * The texts of `keys` after a write (see `mergeText`), with the audit before/after of those that
 * changed; `current` is null when creating.
 */
function mergeTexts<K extends string>(
  keys: readonly K[],
  current: Texts<K> | null,
  body: Record<string, unknown>,
  lang: Language,
  nullable: readonly K[] = [],
) {
  const next = {} as Texts<K>;
  const before: Record<string, LocalizedText> = {};
  const after: Record<string, LocalizedText> = {};
  for (const k of keys) {
    const merged = mergeText(
      current?.[k] ?? null,
      body[k] as string | null | undefined,
      body[`${k}I18n`] as { en?: string; ro?: string } | undefined,
      lang,
      { nullable: nullable.includes(k) },
    );
    next[k] = merged ?? current?.[k] ?? EMPTY_TEXT;
    if (current && !sameText(current[k], next[k])) {
      before[`${k}I18n`] = current[k];
      after[`${k}I18n`] = next[k];
    }
  }
  return { next, before, after, changed: Object.keys(after).length > 0 };
}

const trackColumns = (t: Texts<'name' | 'description'>) => ({
  name: t.name.en,
  nameRo: t.name.ro,
  nameKey: nameKey(t.name.en),
  nameRoKey: nameKey(t.name.ro),
  description: t.description.en,
  descriptionRo: t.description.ro,
});
const challengeColumns = (t: Texts<'title' | 'description' | 'sponsor' | 'prize'>) => ({
  title: t.title.en,
  titleRo: t.title.ro,
  description: t.description.en,
  descriptionRo: t.description.ro,
  // No English sponsor or prize is NULL, as it was before the Romanian columns.
  sponsor: t.sponsor.en.trim() === '' ? null : t.sponsor.en,
  sponsorRo: t.sponsor.ro,
  prize: t.prize.en.trim() === '' ? null : t.prize.en,
  prizeRo: t.prize.ro,
});
const criterionColumns = (t: Texts<'name' | 'description'>) => ({
  name: t.name.en,
  nameRo: t.name.ro,
  description: t.description.en,
  descriptionRo: t.description.ro,
});

const TRACK_TEXTS = ['name', 'description'] as const;
const CHALLENGE_TEXTS = ['title', 'description', 'sponsor', 'prize'] as const;
const CRITERION_TEXTS = ['name', 'description'] as const;

/**
 * Organizers' editing of an edition's tracks, challenges and criteria; every change is audited.
 * Texts are kept in English and Romanian: a plain field of a body is the text in the request's
 * language (`lang`), `…I18n` names languages explicitly (texts.ts `mergeText`).
 */
@Injectable()
export class TracksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly projects: SubmissionRecordsService,
    private readonly criteriaLock: CriteriaLock,
    private readonly ranking: RankingLog,
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

  /**
   * The unique slug and names (in each language) within the edition, checked first for a clear
   * answer; `exceptId` is the track being changed.
   */
  private async assertTrackFree(
    m: EntityManager,
    editionId: string,
    t: { slug?: string; name?: LocalizedText },
    exceptId?: string,
  ) {
    const rows: { slug: string; name_key: string; name_ro_key: string }[] = await m.query(
      `SELECT slug, name_key, name_ro_key FROM tracks
        WHERE edition_id = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [editionId, exceptId ?? null],
    );
    if (t.slug !== undefined && rows.some((r) => r.slug === t.slug)) throw trackTaken('slug', t.slug);
    if (!t.name) return;
    const en = nameKey(t.name.en);
    const ro = nameKey(t.name.ro);
    if (en !== '' && rows.some((r) => r.name_key === en)) throw trackTaken('name', t.name.en);
    if (ro !== '' && rows.some((r) => r.name_ro_key === ro)) throw trackTaken('name', t.name.ro);
  }

  private mapTrackRace(err: unknown, t: { slug?: string; name?: LocalizedText }): unknown {
    if (isUniqueViolation(err, 'uq_tracks_edition_slug')) return trackTaken('slug', t.slug ?? '');
    if (isUniqueViolation(err, 'uq_tracks_edition_name')) return trackTaken('name', t.name?.en ?? '');
    if (isUniqueViolation(err, 'uq_tracks_edition_name_ro')) return trackTaken('name', t.name?.ro ?? '');
    return err;
  }

  async addTrack(
    editionId: string,
    input: TrackCreate,
    actorId: string | null = null,
    lang: Language = 'en',
  ): Promise<Track> {
    const { next: texts } = mergeTexts(TRACK_TEXTS, null, input, lang);
    assertWritten('name', texts.name);
    try {
      return await this.db.transaction(async (m) => {
        await this.lockedEdition(m, editionId);
        await this.assertTrackFree(m, editionId, { slug: input.slug, name: texts.name });
        const position = await m.getRepository(TrackEntity).countBy({ editionId });
        const values = { editionId, slug: input.slug, position, ...trackColumns(texts) };
        const inserted = await m.getRepository(TrackEntity).insert(values);
        const id = (inserted.identifiers[0] as { id: string }).id;
        await this.audit.record(m, {
          editionId,
          actorId,
          action: 'track.created',
          entity: 'track',
          entityId: id,
          before: null,
          after: { slug: input.slug, nameI18n: texts.name, descriptionI18n: texts.description },
        });
        return toTrack({ ...values, id, challenges: [] } as TrackEntity, lang);
      });
    } catch (err) {
      throw this.mapTrackRace(err, { slug: input.slug, name: texts.name });
    }
  }

  async updateTrack(
    trackId: string,
    patch: TrackPatch,
    actorId: string | null,
    lang: Language = 'en',
  ): Promise<Track> {
    let attempted: { slug?: string; name?: LocalizedText } = {};
    try {
      await this.db.transaction(async (m) => {
        const track = await this.track(m, trackId, true);
        const texts = mergeTexts(TRACK_TEXTS, trackTexts(track), patch, lang);
        assertWritten('name', texts.next.name);
        const slugChanged = patch.slug !== undefined && patch.slug !== track.slug;
        if (!slugChanged && !texts.changed) return;
        const before: Record<string, unknown> = { ...texts.before };
        const after: Record<string, unknown> = { ...texts.after };
        if (slugChanged) {
          before.slug = track.slug;
          after.slug = patch.slug;
        }
        attempted = {
          slug: slugChanged ? patch.slug : undefined,
          name: 'nameI18n' in texts.after ? texts.next.name : undefined,
        };
        await this.assertTrackFree(m, track.editionId, attempted, trackId);
        await m
          .getRepository(TrackEntity)
          .update(
            { id: trackId },
            { ...(slugChanged ? { slug: patch.slug } : {}), ...trackColumns(texts.next) },
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
      throw this.mapTrackRace(err, attempted);
    }
    const track = await this.db
      .getRepository(TrackEntity)
      .findOneOrFail({ where: { id: trackId }, relations: { challenges: true } });
    return toTrack(track, lang);
  }

  /**
   * Deletes a track with its challenges (and its empty award rows, by the foreign key). Refused with
   * 409 TRACK_IN_USE, nothing written, while anything still names the track: a team (whose track it
   * is, with or without a project), a project (on the track or naming one of its challenges), a
   * juror limited to it or a pending jury invitation for it — `details` counts each, so that the
   * organizer knows what to move first. The edition's and the track's rows are locked first, so a
   * team created on the track meanwhile is either counted here or finds the track gone.
   */
  async deleteTrack(trackId: string, actorId: string | null): Promise<void> {
    try {
      await this.db.transaction(async (m) => {
        const found = await this.track(m, trackId);
        await this.lockedEdition(m, found.editionId);
        const track = await this.track(m, trackId, true);
        const challenges = await m.getRepository(ChallengeEntity).findBy({ trackId });
        const [use]: TrackUse[] = await m.query(
          `SELECT (SELECT count(*) FROM teams WHERE track_id = $1)::int AS teams,
                  (SELECT count(*) FROM submissions
                    WHERE track_id = $1
                       OR challenge_ids && ARRAY(SELECT id FROM challenges WHERE track_id = $1))::int AS submissions,
                  (SELECT count(*) FROM jurors WHERE $1 = ANY(track_ids))::int AS jurors,
                  (SELECT count(*) FROM jury_invitations
                    WHERE $1 = ANY(track_ids) AND accepted_at IS NULL AND revoked_at IS NULL
                      AND expires_at > now())::int AS invitations`,
          [trackId],
        );
        if (use && (use.teams || use.submissions || use.jurors || use.invitations)) throw trackInUse(use);
        await m.getRepository(TrackEntity).delete({ id: trackId });
        await m.query(`UPDATE tracks SET position = position - 1 WHERE edition_id = $1 AND position > $2`, [
          track.editionId,
          track.position,
        ]);
        await this.audit.record(m, {
          editionId: track.editionId,
          actorId,
          action: 'track.deleted',
          entity: 'track',
          entityId: trackId,
          before: toTrack({ ...track, challenges } as TrackEntity),
          after: null,
        });
      });
    } catch (err) {
      // A row naming the track that slipped past the count (the foreign keys are the backstop).
      if (pgError(err).code === '23503') throw trackInUse(null);
      throw err;
    }
  }

  async addChallenge(
    trackId: string,
    input: ChallengeCreate,
    actorId: string | null = null,
    lang: Language = 'en',
  ): Promise<Challenge> {
    const { next: texts } = mergeTexts(CHALLENGE_TEXTS, null, input, lang, ['sponsor', 'prize']);
    assertWritten('title', texts.title);
    return this.db.transaction(async (m) => {
      const track = await this.track(m, trackId, true);
      const position = await m.getRepository(ChallengeEntity).countBy({ trackId });
      const values = { trackId, position, ...challengeColumns(texts) };
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
      return toChallenge(challenge, lang);
    });
  }

  async updateChallenge(
    challengeId: string,
    patch: ChallengePatch,
    actorId: string | null,
    lang: Language = 'en',
  ): Promise<Challenge> {
    return this.db.transaction(async (m) => {
      const challenge = await m
        .getRepository(ChallengeEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :challengeId', { challengeId })
        .getOne();
      if (!challenge) throw notFound('Challenge');
      const texts = mergeTexts(CHALLENGE_TEXTS, challengeTexts(challenge), patch, lang, ['sponsor', 'prize']);
      assertWritten('title', texts.next.title);
      if (!texts.changed) return toChallenge(challenge, lang);
      const columns = challengeColumns(texts.next);
      await m.getRepository(ChallengeEntity).update({ id: challengeId }, columns);
      const track = await this.track(m, challenge.trackId);
      await this.audit.record(m, {
        editionId: track.editionId,
        actorId,
        action: 'challenge.updated',
        entity: 'challenge',
        entityId: challengeId,
        before: texts.before,
        after: texts.after,
      });
      return toChallenge({ ...challenge, ...columns } as ChallengeEntity, lang);
    });
  }

  async deleteChallenge(challengeId: string, actorId: string | null): Promise<void> {
    await this.db.transaction(async (m) => {
      const challenge = await m.getRepository(ChallengeEntity).findOneBy({ id: challengeId });
      if (!challenge) throw notFound('Challenge');
      const track = await this.track(m, challenge.trackId);
      await m.getRepository(ChallengeEntity).delete({ id: challengeId });
      // Projects naming it stop naming it, in this transaction (the deleted row stays locked).
      await this.projects.dropChallenge(m, challengeId, actorId);
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
   * criterion whose text or weight is edited stays the same criterion; a language a body item does
   * not name keeps that row's stored text (an English-only client does not erase the Romanian).
   * 409 PHASE_CLOSED once any score sheet exists (sheets were scored on these criteria).
   */
  async putCriteria(
    editionId: string,
    items: CriteriaPut,
    actorId: string | null,
    lang: Language = 'en',
  ): Promise<Criterion[]> {
    return this.db.transaction(async (m) => {
      await this.lockedEdition(m, editionId);
      await this.criteriaLock.assertEditable(m, editionId);
      const repo = m.getRepository(CriterionEntity);
      const existing = await repo.find({ where: { editionId }, order: { position: 'ASC' } });
      const before = existing.map((c) => toCriterion(c));
      for (const [position, c] of items.entries()) {
        const row = existing[position];
        // `levels` omitted (a client that does not know them) keeps the criterion's guidance,
        // as long as it still fits the scale; `[]` clears it.
        const levels =
          c.levels === undefined
            ? (row?.levels ?? []).filter((l) => l.from >= c.min && l.to <= c.max)
            : c.levels
                .map((l) => ({
                  from: l.from,
                  to: l.to,
                  descriptionI18n: { en: l.descriptionI18n.en ?? '', ro: l.descriptionI18n.ro ?? '' },
                }))
                .sort((a, b) => a.from - b.from);
        const { next: texts } = mergeTexts(CRITERION_TEXTS, row ? criterionTexts(row) : null, c, lang);
        assertWritten(`${position}.name`, texts.name);
        const values = { ...criterionColumns(texts), weight: c.weight, min: c.min, max: c.max, levels };
        if (row) await repo.update({ id: row.id }, { ...values, position });
        else await repo.insert({ ...values, editionId, position });
      }
      const surplus = existing.slice(items.length).map((c) => c.id);
      if (surplus.length) await repo.delete({ id: In(surplus) });
      const rows = await repo.find({ where: { editionId }, order: { position: 'ASC' } });
      await this.audit.record(m, {
        editionId,
        actorId,
        action: 'criteria.updated',
        entity: 'edition',
        entityId: editionId,
        before,
        after: rows.map((c) => toCriterion(c)),
      });
      await this.ranking.criteriaChanged(m, editionId); // last (RankingLog)
      return rows.map((c) => toCriterion(c, lang));
    });
  }
}
