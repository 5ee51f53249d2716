import { queryRows } from '../../common/database/returning';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_CRITERIA,
  EditionPatchSchema,
  TIMELINE_FIELDS,
  WINDOWS,
  type Edition,
  type EditionCreate,
  type EditionPatch,
  type Language,
  type LocalizedText,
  type Phase,
  type WindowInput,
  type WindowName,
} from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { describeZodError } from '../../common/validation/zod';
import { isUuid } from '../../common/validation/uuid';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation, pgError } from '../../common/database/db-errors';
import { EditionEvents } from './edition-events';
import {
  editionTexts,
  phaseOf,
  rankingSettingsOf,
  requirementsOf,
  scalarsOf,
  toEdition,
  type EditionScalars,
} from './editions.mapper';
import { RankingLog } from '../ranking/ranking-log';
import type { RankingSettings } from '../ranking/ranking-change';
import { CriterionEntity } from './entities/criterion.entity';
import { EditionEntity } from './entities/edition.entity';
import { TrackEntity } from './entities/track.entity';
import { EMPTY_TEXT, assertWritten, mergeText, sameText } from './texts';
import { Coalescer } from '../../common/database/coalesce';

const RELATIONS = { tracks: { challenges: true }, criteria: true } as const;

/**
 * The edition row as other modules get it from `entity()`: its own columns, no relations. (The
 * entity class stays inside this module; see the `ca/no-foreign-entities` lint rule.)
 */
export type EditionRecord = Omit<EditionEntity, 'tracks' | 'criteria'>;

/** The column of each instant a window is made of (the `WindowInput` fields). */
const WINDOW_COLUMNS: Record<keyof WindowInput, string> = {
  published: 'published',
  registrationOpensAt: 'registration_opens_at',
  registrationClosesAt: 'registration_closes_at',
  hackingStartsAt: 'hacking_starts_at',
  submissionDeadline: 'submission_deadline',
  judgingEndsAt: 'judging_ends_at',
};
/**
 * A window's bounds as columns: the shared `WINDOWS` definitions pick fields of their argument,
 * so given column names instead of instants they answer the columns (one definition of the
 * windows for the web app's display and the database's decision).
 */
const windowColumns = (name: WindowName) =>
  WINDOWS[name](WINDOW_COLUMNS as unknown as WindowInput) as unknown as readonly [string, string];
type TimelineKey = (typeof TIMELINE_FIELDS)[number];
const isTimeline = (k: string): k is TimelineKey => (TIMELINE_FIELDS as readonly string[]).includes(k);

/** The API form of the scalar fields → entity columns (instants become Dates). */
function toColumns(values: Partial<EditionScalars>): Partial<EditionEntity> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    const instant = isTimeline(k) || k === 'personalDataRetentionUntil';
    out[k] = instant ? (v === null || v === undefined ? null : new Date(v as string)) : v;
  }
  return out as Partial<EditionEntity>;
}

/** A violated check constraint (the backstop behind the API's validation) as a 400 naming the field. */
function checkViolation(err: unknown): DomainError | null {
  const e = pgError(err);
  if (e.code !== '23514') return null;
  const field =
    e.constraint === 'ck_editions_team_size'
      ? 'teamMaxSize'
      : e.constraint === 'ck_editions_reviews'
        ? 'reviewsPerSubmission'
        : 'timeline';
  return new DomainError('VALIDATION_FAILED', `${field}: breaks the rules of the edition (${e.constraint})`);
}

/** Entity columns of edition texts (`name` is the English column, `nameRo` the Romanian). */
function textColumns(t: {
  name?: LocalizedText;
  description?: LocalizedText;
  venue?: LocalizedText;
}): Partial<EditionEntity> {
  const out: Partial<EditionEntity> = {};
  if (t.name) Object.assign(out, { name: t.name.en, nameRo: t.name.ro });
  if (t.description) Object.assign(out, { description: t.description.en, descriptionRo: t.description.ro });
  if (t.venue) Object.assign(out, { venue: t.venue.en, venueRo: t.venue.ro });
  return out;
}

/** The fields whose change the ranking follows (RankingLog.settingsChanged). */
const RANKING_FIELDS: readonly (keyof EditionCreate)[] = [
  'published',
  'normalization',
  'leaderboardVisibility',
  'leaderboardFreezeAt',
  'resultsPublishedAt',
  'shareJurorComments',
];

const slugTaken = (slug: string) =>
  new DomainError('NAME_TAKEN', `slug: "${slug}" is already used by another edition`);

@Injectable()
export class EditionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: EditionEvents,
    private readonly ranking: RankingLog,
  ) {}

  /** Published editions, newest first; organizers see drafts too. Texts in `lang`. */
  async list(opts: { includeDrafts: boolean; lang?: Language }): Promise<Edition[]> {
    const rows = await this.db.getRepository(EditionEntity).find({
      where: opts.includeDrafts ? {} : { published: true },
      relations: RELATIONS,
      order: { hackingStartsAt: 'DESC' },
    });
    const now = Date.now();
    return rows.map((e) => toEdition(e, now, opts.lang));
  }

  /** Whether an edition with this slug exists (drafts included). */
  existsBySlug(slug: string): Promise<boolean> {
    return this.db.getRepository(EditionEntity).existsBy({ slug });
  }

  /** By id or slug. A draft is the organizers' alone: to anyone else it does not exist. */
  async get(idOrSlug: string, opts: { includeDrafts: boolean; lang?: Language }): Promise<Edition> {
    const entity = await this.pages.get(idOrSlug);
    if (!entity || (!entity.published && !opts.includeDrafts)) throw notFound('Edition');
    return toEdition(entity, Date.now(), opts.lang);
  }

  /**
   * `find` rather than `findOne`: with joined relations, `findOne`'s LIMIT makes TypeORM run a
   * second, DISTINCT query first, which halved the edition page's throughput (bench/http-bench.mjs).
   * Id and slug are unique, so there is one row at most anyway.
   */
  /**
   * The public edition page is read by every participant at once: concurrent reads of one edition
   * share one query (never one that began before the request arrived; see Coalescer). The entity is
   * shared: `toEdition` only reads it.
   */
  private readonly pages = new Coalescer((idOrSlug: string) => this.findEntity(idOrSlug));

  private async findEntity(idOrSlug: string, manager: EntityManager = this.db.manager) {
    const rows = await manager.getRepository(EditionEntity).find({
      where: isUuid(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug },
      relations: RELATIONS,
    });
    return rows[0] ?? null;
  }

  /**
   * The edition row alone (no tracks or criteria), for other modules' rules (windows, team size).
   * 404 when it does not exist, or is a draft and `includeDrafts` is false. With `lock`, the row
   * is locked (FOR SHARE) until the caller's transaction ends, so that the timeline cannot change
   * under a check.
   */
  async entity(
    editionId: string,
    opts: { includeDrafts: boolean; manager?: EntityManager; lock?: boolean },
  ): Promise<EditionRecord> {
    const qb = (opts.manager ?? this.db.manager)
      .getRepository(EditionEntity)
      .createQueryBuilder('e')
      .where('e.id = :editionId', { editionId });
    if (opts.lock) qb.setLock('pessimistic_read');
    const e = await qb.getOne();
    if (!e || (!e.published && !opts.includeDrafts)) throw notFound('Edition');
    return e;
  }

  /**
   * Whether window `name` of docs/domain.md (`WINDOWS` in shared) is open at the database's `now()`
   * in `manager`'s transaction; an unpublished or unknown edition opens none. Every write that a
   * window allows decides by this one clock (as submissions do), never by Node's: `now()` is the
   * transaction's start, so a request is judged by when it arrived, also after waiting for a lock.
   */
  async windowOpenNow(editionId: string, name: WindowName, manager: EntityManager): Promise<boolean> {
    const [from, to] = windowColumns(name);
    const rows: { open: boolean }[] = await manager.query(
      `SELECT published AND now() >= ${from} AND now() < ${to} AS open FROM editions WHERE id = $1`,
      [editionId],
    );
    return rows[0]?.open === true;
  }

  /**
   * The edition's ranking settings (visibility, freeze and when it was set, publication,
   * normalization, shared comments), read in `manager`'s transaction; 404 for an unknown edition.
   */
  async rankingSettings(
    editionId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<RankingSettings> {
    const e = await manager.getRepository(EditionEntity).findOneBy({ id: editionId });
    if (!e) throw notFound('Edition');
    return rankingSettingsOf(e);
  }

  /** Whether `trackId` is a track of the edition (a team's track must be). */
  hasTrack(editionId: string, trackId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    return manager.getRepository(TrackEntity).existsBy({ id: trackId, editionId });
  }

  /**
   * A team's extension must end before judging does (it is granted so, and a timeline change
   * must not break it afterwards): 409 EXTENSION_PAST_JUDGING while any team of the edition has
   * one at or after `judgingEndsAt`. The organizer withdraws or shortens it first; clamping it
   * silently would change a team's deadline without anyone deciding it. Read in SQL (the teams
   * module owns the column and itself depends on this one); the edition row is locked FOR UPDATE
   * by the caller, and extensions are granted under a share lock on it, so none can slip in.
   */
  private async assertExtensionsEndBefore(m: EntityManager, editionId: string, judgingEndsAt: string) {
    const rows: { teams: number; latest: Date | null }[] = await m.query(
      `SELECT count(*)::int AS teams, max(extended_deadline) AS latest
         FROM teams WHERE edition_id = $1 AND extended_deadline >= $2::timestamptz`,
      [editionId, judgingEndsAt],
    );
    const { teams, latest } = rows[0]!;
    if (teams > 0 && latest) {
      throw new DomainError(
        'EXTENSION_PAST_JUDGING',
        `judgingEndsAt: ${teams} team${teams === 1 ? ' has a deadline extension' : 's have deadline extensions'} until ${latest.toISOString()}${teams === 1 ? '' : ' at the latest'}; judging must end after every extension (withdraw or shorten ${teams === 1 ? 'it' : 'them'} first)`,
      );
    }
  }

  /**
   * Creates an edition with the default criteria, in one transaction with its audit entry. A plain
   * `name`/`description` is the text in `lang` (the request's language).
   */
  async create(input: EditionCreate, actorId: string | null = null, lang: Language = 'en'): Promise<Edition> {
    const {
      name,
      nameI18n,
      description,
      descriptionI18n,
      venue,
      venueI18n,
      submissionRequirements,
      ...scalars
    } = input;
    const texts = {
      name: mergeText(null, name, nameI18n, lang) ?? EMPTY_TEXT,
      description: mergeText(null, description, descriptionI18n, lang) ?? EMPTY_TEXT,
      venue: mergeText(null, venue, venueI18n, lang) ?? EMPTY_TEXT,
    };
    assertWritten('name', texts.name);
    let id: string;
    try {
      id = await this.db.transaction(async (m) => {
        const repo = m.getRepository(EditionEntity);
        if (await repo.existsBy({ slug: input.slug })) throw slugTaken(input.slug);
        const inserted = await repo.insert({
          ...toColumns(scalars),
          ...textColumns(texts),
          submissionRequirements: requirementsOf({ submissionRequirements: submissionRequirements ?? {} }),
          // When the freeze was set (rule 7: it takes effect at the later of the two).
          leaderboardFreezeSetAt: scalars.leaderboardFreezeAt ? () => 'now()' : null,
        });
        const editionId = (inserted.identifiers[0] as { id: string }).id;
        await m.getRepository(CriterionEntity).insert(
          DEFAULT_CRITERIA.map((c, position) => ({
            editionId,
            position,
            name: c.nameI18n.en,
            nameRo: c.nameI18n.ro,
            description: c.descriptionI18n.en,
            descriptionRo: c.descriptionI18n.ro,
            weight: c.weight,
            min: c.min,
            max: c.max,
          })),
        );
        await this.audit.record(m, {
          editionId,
          actorId,
          action: 'edition.created',
          entity: 'edition',
          entityId: editionId,
          before: null,
          after: {
            ...scalars,
            nameI18n: texts.name,
            descriptionI18n: texts.description,
            venueI18n: texts.venue,
            submissionRequirements,
          },
        });
        return editionId;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw slugTaken(input.slug);
      throw checkViolation(err) ?? err;
    }
    const edition = await this.get(id, { includeDrafts: true, lang });
    this.events.changed({ editionId: id, phaseBefore: null, phaseAfter: edition.phase });
    return edition;
  }

  /**
   * Changes any subset of the writable fields. The merged result is re-checked with the timeline
   * and team-size rules (a rule may involve one changed and one stored field); the row is locked
   * meanwhile so that two PATCHes cannot each pass against the other's old values.
   */
  async update(
    editionId: string,
    patch: EditionPatch,
    actorId: string | null,
    lang: Language = 'en',
  ): Promise<Edition> {
    const {
      name,
      nameI18n,
      description,
      descriptionI18n,
      venue,
      venueI18n,
      submissionRequirements,
      ...scalarPatch
    } = patch;
    let phases: { before: Phase; after: Phase } | null;
    try {
      phases = await this.db.transaction(async (m) => {
        const current = await m
          .getRepository(EditionEntity)
          .createQueryBuilder('e')
          .setLock('pessimistic_write')
          .where('e.id = :editionId', { editionId })
          .getOne();
        if (!current) throw notFound('Edition');
        const before = scalarsOf(current);
        const changedBefore: Record<string, unknown> = {};
        const changedAfter: Record<string, unknown> = {};
        for (const [k, raw] of Object.entries(scalarPatch) as [keyof EditionScalars, unknown][]) {
          if (raw === undefined) continue;
          const value = isTimeline(k) && typeof raw === 'string' ? new Date(raw).toISOString() : raw;
          if (value === before[k]) continue;
          changedBefore[k] = before[k];
          changedAfter[k] = value;
        }
        const scalarsChanged = Object.keys(changedAfter).length > 0;
        // Texts and requirements: merged into the stored ones, compared as a whole.
        const textsBefore = editionTexts(current);
        const textsAfter = {
          name: mergeText(textsBefore.name, name, nameI18n, lang) ?? textsBefore.name,
          description:
            mergeText(textsBefore.description, description, descriptionI18n, lang) ?? textsBefore.description,
          venue: mergeText(textsBefore.venue, venue, venueI18n, lang) ?? textsBefore.venue,
        };
        assertWritten('name', textsAfter.name);
        const extraColumns: Partial<EditionEntity> = {};
        for (const key of ['name', 'description', 'venue'] as const) {
          if (sameText(textsBefore[key], textsAfter[key])) continue;
          changedBefore[`${key}I18n`] = textsBefore[key];
          changedAfter[`${key}I18n`] = textsAfter[key];
          Object.assign(extraColumns, textColumns({ [key]: textsAfter[key] }));
        }
        const reqBefore = requirementsOf(current);
        const reqAfter = { ...reqBefore, ...(submissionRequirements ?? {}) };
        if (JSON.stringify(reqBefore) !== JSON.stringify(reqAfter)) {
          changedBefore.submissionRequirements = reqBefore;
          changedAfter.submissionRequirements = reqAfter;
          extraColumns.submissionRequirements = reqAfter;
        }
        if (Object.keys(changedAfter).length === 0) return null;

        const scalarsAfter: Partial<EditionScalars> = {};
        for (const k of Object.keys(before) as (keyof EditionScalars)[]) {
          if (k in changedAfter) (scalarsAfter as Record<string, unknown>)[k] = changedAfter[k];
        }
        const checked = EditionPatchSchema.safeParse({ ...before, ...scalarsAfter });
        if (!checked.success) throw new DomainError('VALIDATION_FAILED', describeZodError(checked.error));
        if (
          typeof changedAfter.slug === 'string' &&
          (await m.getRepository(EditionEntity).existsBy({ slug: changedAfter.slug }))
        ) {
          throw slugTaken(changedAfter.slug);
        }
        if (typeof scalarsAfter.judgingEndsAt === 'string')
          await this.assertExtensionsEndBefore(m, editionId, scalarsAfter.judgingEndsAt);
        await m.getRepository(EditionEntity).update(
          { id: editionId },
          {
            ...toColumns(scalarsAfter),
            ...extraColumns,
            // Rule 7: a freeze takes effect at leaderboardFreezeAt or when it is set, whichever is later.
            ...('leaderboardFreezeAt' in scalarsAfter
              ? { leaderboardFreezeSetAt: scalarsAfter.leaderboardFreezeAt ? () => 'now()' : null }
              : {}),
          },
        );
        await this.audit.record(m, {
          editionId,
          actorId,
          action: 'edition.updated',
          entity: 'edition',
          entityId: editionId,
          before: changedBefore,
          after: changedAfter,
        });
        if (RANKING_FIELDS.some((k) => k in changedAfter)) {
          // Last in the transaction (RankingLog): every instance learns who may see what now.
          await this.ranking.settingsChanged(
            m,
            editionId,
            await this.rankingSettings(editionId, m),
            'normalization' in changedAfter,
          );
        }
        if (!scalarsChanged) return null; // texts and requirements move no phase
        const now = Date.now();
        const updated = m.getRepository(EditionEntity).create({ ...current, ...toColumns(scalarsAfter) });
        return { before: phaseOf(current, now), after: phaseOf(updated, now) };
      });
    } catch (err) {
      if (isUniqueViolation(err) && patch.slug) throw slugTaken(patch.slug);
      throw checkViolation(err) ?? err;
    }
    const edition = await this.get(editionId, { includeDrafts: true, lang });
    if (phases) this.events.changed({ editionId, phaseBefore: phases.before, phaseAfter: phases.after });
    return edition;
  }

  /**
   * The edition's retention date (its own, else judging's end + 1 year), the database's now() and
   * whether it was purged, the edition row locked for the rest of `m`'s transaction.
   */
  async lockRetention(
    m: EntityManager,
    editionId: string,
  ): Promise<{ retentionUntil: Date; now: Date; purgedAt: Date | null }> {
    const [row]: { retention_until: Date; now: Date; purged_at: Date | null }[] = await m.query(
      `SELECT coalesce(personal_data_retention_until, judging_ends_at + interval '1 year') AS retention_until,
              now() AS now, personal_data_purged_at AS purged_at
         FROM editions WHERE id = $1 FOR UPDATE`,
      [editionId],
    );
    if (!row) throw notFound('Edition');
    return { retentionUntil: row.retention_until, now: row.now, purgedAt: row.purged_at };
  }

  /** Records the purge of the edition's personal data (the database's now()); when it was. */
  async markPurged(m: EntityManager, editionId: string): Promise<Date> {
    const [row] = await queryRows<{ at: Date }>(
      m,
      `UPDATE editions SET personal_data_purged_at = now() WHERE id = $1 RETURNING personal_data_purged_at AS at`,
      [editionId],
    );
    return row!.at;
  }
}
