import type { RevealStep } from '@ca/shared';
import type { RevealEntity } from './entities/reveal.entity';

/**
 * A stored show as screens get it: `step` places from the last one up, then, once every place is
 * shown, one award per further step.
 */
export function toRevealStep(e: RevealEntity): RevealStep {
  const places = e.places.length;
  return {
    editionId: e.editionId,
    trackId: e.trackId,
    revealId: e.revealId,
    active: true,
    step: e.step,
    total: places + e.awards.length,
    places,
    revealed: e.places.slice(0, Math.min(e.step, places)),
    awards: e.awards.slice(0, Math.max(0, e.step - places)),
  };
}

/** What screens get after a reset: the show is over, back to the boards. */
export function inactiveStep(editionId: string, revealId: string, trackId: string | null): RevealStep {
  return {
    editionId,
    trackId,
    revealId,
    active: false,
    step: 0,
    total: 0,
    places: 0,
    revealed: [],
    awards: [],
  };
}
