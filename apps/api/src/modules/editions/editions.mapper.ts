import {
  NO_SUBMISSION_REQUIREMENTS,
  localize,
  phaseAt,
  type Challenge,
  type Criterion,
  type Edition,
  type EditionCreate,
  type Language,
  type Phase,
  type PhaseInput,
  type SubmissionRequirements,
  type Track,
  type WindowInput,
} from '@ca/shared';
import type { RankingSettings } from '../ranking/ranking-change';
import type { ChallengeEntity } from './entities/challenge.entity';
import type { CriterionEntity } from './entities/criterion.entity';
import type { EditionEntity } from './entities/edition.entity';
import type { TrackEntity } from './entities/track.entity';
import { textOf } from './texts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The scalar writable fields (no texts, no requirements), in their API form, as a PATCH is merged into them. */
export type EditionScalars = Omit<
  EditionCreate,
  'name' | 'nameI18n' | 'description' | 'descriptionI18n' | 'venue' | 'venueI18n' | 'submissionRequirements'
>;

export function windowInputOf(e: EditionEntity): WindowInput & PhaseInput {
  return {
    published: e.published,
    registrationOpensAt: e.registrationOpensAt.getTime(),
    registrationClosesAt: e.registrationClosesAt.getTime(),
    hackingStartsAt: e.hackingStartsAt.getTime(),
    submissionDeadline: e.submissionDeadline.getTime(),
    judgingEndsAt: e.judgingEndsAt.getTime(),
  };
}

export function phaseOf(e: EditionEntity, now: number): Phase {
  return phaseAt(windowInputOf(e), now);
}

export function scalarsOf(e: EditionEntity): EditionScalars {
  return {
    slug: e.slug,
    published: e.published,
    registrationOpensAt: e.registrationOpensAt.toISOString(),
    registrationClosesAt: e.registrationClosesAt.toISOString(),
    hackingStartsAt: e.hackingStartsAt.toISOString(),
    submissionDeadline: e.submissionDeadline.toISOString(),
    judgingEndsAt: e.judgingEndsAt.toISOString(),
    leaderboardFreezeAt: iso(e.leaderboardFreezeAt),
    resultsPublishedAt: iso(e.resultsPublishedAt),
    teamMinSize: e.teamMinSize,
    teamMaxSize: e.teamMaxSize,
    reviewsPerSubmission: e.reviewsPerSubmission,
    normalization: e.normalization,
    leaderboardVisibility: e.leaderboardVisibility,
    shareJurorComments: e.shareJurorComments,
    personalDataRetentionUntil: iso(e.personalDataRetentionUntil),
  };
}

/** What the ranking needs of the edition: who sees what (rule 7), and how projects are ranked. */
export function rankingSettingsOf(e: EditionEntity): RankingSettings {
  return {
    published: e.published,
    normalization: e.normalization,
    leaderboardVisibility: e.leaderboardVisibility,
    leaderboardFreezeAt: iso(e.leaderboardFreezeAt),
    leaderboardFreezeSetAt: iso(e.leaderboardFreezeSetAt),
    resultsPublishedAt: iso(e.resultsPublishedAt),
    shareJurorComments: e.shareJurorComments,
  };
}

/** The stored requirements, every item present (a key never written is not required). */
export function requirementsOf(e: Pick<EditionEntity, 'submissionRequirements'>): SubmissionRequirements {
  return { ...NO_SUBMISSION_REQUIREMENTS, ...(e.submissionRequirements ?? {}) };
}

export const editionTexts = (e: EditionEntity) => ({
  name: textOf(e.name, e.nameRo),
  description: textOf(e.description, e.descriptionRo),
  venue: textOf(e.venue, e.venueRo),
});
export const trackTexts = (t: TrackEntity) => ({
  name: textOf(t.name, t.nameRo),
  description: textOf(t.description, t.descriptionRo),
});
export const challengeTexts = (c: ChallengeEntity) => ({
  title: textOf(c.title, c.titleRo),
  description: textOf(c.description, c.descriptionRo),
  sponsor: textOf(c.sponsor, c.sponsorRo),
  prize: textOf(c.prize, c.prizeRo),
});
export const criterionTexts = (c: CriterionEntity) => ({
  name: textOf(c.name, c.nameRo),
  description: textOf(c.description, c.descriptionRo),
});

/** A text that may be absent (sponsor, prize): null when empty in the reader's language and the other. */
const orNull = (s: string) => (s.trim() === '' ? null : s);

export function toChallenge(c: ChallengeEntity, lang: Language = 'en'): Challenge {
  const t = challengeTexts(c);
  return {
    id: c.id,
    trackId: c.trackId,
    title: localize(t.title, lang),
    titleI18n: t.title,
    description: localize(t.description, lang),
    descriptionI18n: t.description,
    sponsor: orNull(localize(t.sponsor, lang)),
    sponsorI18n: t.sponsor,
    prize: orNull(localize(t.prize, lang)),
    prizeI18n: t.prize,
  };
}

export function toTrack(t: TrackEntity, lang: Language = 'en'): Track {
  const challenges = [...(t.challenges ?? [])]
    .sort((a, b) => a.position - b.position)
    .map((c) => toChallenge(c, lang));
  const texts = trackTexts(t);
  return {
    id: t.id,
    editionId: t.editionId,
    slug: t.slug,
    name: localize(texts.name, lang),
    nameI18n: texts.name,
    description: localize(texts.description, lang),
    descriptionI18n: texts.description,
    challenges,
  };
}

export function toCriterion(c: CriterionEntity, lang: Language = 'en'): Criterion {
  const t = criterionTexts(c);
  return {
    id: c.id,
    name: localize(t.name, lang),
    nameI18n: t.name,
    description: localize(t.description, lang),
    descriptionI18n: t.description,
    weight: c.weight,
    min: c.min,
    max: c.max,
    order: c.position,
    levels: (c.levels ?? []).map((l) => ({
      from: l.from,
      to: l.to,
      description: localize(l.descriptionI18n, lang),
      descriptionI18n: l.descriptionI18n,
    })),
  };
}

/** The Edition of docs/api.md in the reader's language; `tracks` and `criteria` must be loaded. */
export function toEdition(e: EditionEntity, now: number, lang: Language = 'en'): Edition {
  const t = editionTexts(e);
  return {
    id: e.id,
    ...scalarsOf(e),
    name: localize(t.name, lang),
    nameI18n: t.name,
    description: localize(t.description, lang),
    descriptionI18n: t.description,
    venue: localize(t.venue, lang),
    venueI18n: t.venue,
    submissionRequirements: requirementsOf(e),
    phase: phaseOf(e, now),
    resultsPublished: e.resultsPublishedAt !== null && e.resultsPublishedAt.getTime() <= now,
    personalDataPurgedAt: iso(e.personalDataPurgedAt),
    serverTime: new Date(now).toISOString(),
    tracks: [...(e.tracks ?? [])].sort((a, b) => a.position - b.position).map((tr) => toTrack(tr, lang)),
    criteria: [...(e.criteria ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((c) => toCriterion(c, lang)),
  };
}
