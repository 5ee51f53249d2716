import {
  NO_SUBMISSION_REQUIREMENTS,
  phaseAt,
  windowOpen,
  type Challenge,
  type Criterion,
  type Edition,
  type EditionCreate,
  type Phase,
  type PhaseInput,
  type Track,
  type WindowInput,
  type WindowName,
} from '@ca/shared';
import type { ChallengeEntity } from './entities/challenge.entity';
import type { CriterionEntity } from './entities/criterion.entity';
import type { EditionEntity } from './entities/edition.entity';
import type { TrackEntity } from './entities/track.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
// Transitional: English only until the Romanian columns land (next commit).
const en = (text: string | null) => ({ en: text ?? '', ro: '' });

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

/** Whether a window of PRODUCT.md is open at `now`; an unpublished edition opens none. */
export function isWindowOpen(e: EditionEntity, name: WindowName, now: number): boolean {
  return e.published && windowOpen(name, windowInputOf(e), now);
}

/** The writable fields in their API form (ISO strings), as a PATCH is merged into them. */
export function writableOf(e: EditionEntity): EditionCreate & { name: string; description: string } {
  return {
    slug: e.slug,
    name: e.name,
    description: e.description,
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
  };
}

export function toChallenge(c: ChallengeEntity): Challenge {
  return {
    id: c.id,
    trackId: c.trackId,
    title: c.title,
    titleI18n: en(c.title),
    description: c.description,
    descriptionI18n: en(c.description),
    sponsor: c.sponsor,
    sponsorI18n: en(c.sponsor),
    prize: c.prize,
    prizeI18n: en(c.prize),
  };
}

export function toTrack(t: TrackEntity): Track {
  const challenges = [...(t.challenges ?? [])].sort((a, b) => a.position - b.position).map(toChallenge);
  return {
    id: t.id,
    editionId: t.editionId,
    slug: t.slug,
    name: t.name,
    nameI18n: en(t.name),
    description: t.description,
    descriptionI18n: en(t.description),
    challenges,
  };
}

export function toCriterion(c: CriterionEntity): Criterion {
  return {
    id: c.id,
    name: c.name,
    nameI18n: en(c.name),
    description: c.description,
    descriptionI18n: en(c.description),
    weight: c.weight,
    min: c.min,
    max: c.max,
    order: c.position,
  };
}

/** The Edition of CONTRACT.md; `tracks` and `criteria` must be loaded. */
export function toEdition(e: EditionEntity, now: number): Edition {
  return {
    id: e.id,
    ...writableOf(e),
    nameI18n: en(e.name),
    descriptionI18n: en(e.description),
    submissionRequirements: NO_SUBMISSION_REQUIREMENTS,
    phase: phaseOf(e, now),
    resultsPublished: e.resultsPublishedAt !== null && e.resultsPublishedAt.getTime() <= now,
    serverTime: new Date(now).toISOString(),
    tracks: [...(e.tracks ?? [])].sort((a, b) => a.position - b.position).map(toTrack),
    criteria: [...(e.criteria ?? [])].sort((a, b) => a.position - b.position).map(toCriterion),
  };
}
