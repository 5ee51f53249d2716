import {
  localize,
  phaseAt,
  windowOpen,
  type Challenge,
  type Criterion,
  type Edition,
  type EditionCreate,
  type Language,
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
export function writableOf(e: EditionEntity): EditionCreate {
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
    description: c.description,
    sponsor: c.sponsor,
    prize: c.prize,
  };
}

export function toTrack(t: TrackEntity): Track {
  const challenges = [...(t.challenges ?? [])].sort((a, b) => a.position - b.position).map(toChallenge);
  return {
    id: t.id,
    editionId: t.editionId,
    slug: t.slug,
    name: t.name,
    description: t.description,
    challenges,
  };
}

export function toCriterion(c: CriterionEntity, lang: Language = 'en'): Criterion {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
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

/** The Edition of CONTRACT.md; `tracks` and `criteria` must be loaded. */
export function toEdition(e: EditionEntity, now: number): Edition {
  return {
    id: e.id,
    ...writableOf(e),
    phase: phaseOf(e, now),
    serverTime: new Date(now).toISOString(),
    tracks: [...(e.tracks ?? [])].sort((a, b) => a.position - b.position).map(toTrack),
    criteria: [...(e.criteria ?? [])].sort((a, b) => a.position - b.position).map((c) => toCriterion(c)),
  };
}
