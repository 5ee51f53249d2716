import type { Submission } from '@ca/shared';
import type { TimedEdition } from '../editions/queries';

/**
 * Why the project cannot be changed now, or null when it can. Decided on the server's clock (the
 * edition's offset), and by what the API answered to the last write: the API's word wins, since
 * it decides with the database's clock.
 */
export type Lock =
  | { kind: 'disqualified'; reason: string | null }
  | { kind: 'forbidden' }
  | { kind: 'deadline'; at: string }
  | { kind: 'notStarted'; at: string }
  | { kind: 'phaseClosed' };

/** A refusal of the API, remembered with the deadline in force when it came. */
export interface ServerRefusal {
  code: 'DEADLINE_PASSED' | 'PHASE_CLOSED' | 'FORBIDDEN';
  deadline: string;
}

export function lockOf(input: {
  submission: Submission | null;
  edition: Pick<TimedEdition, 'hackingStartsAt' | 'submissionDeadline'>;
  /** The team's deadline (the submission's, else the edition's). */
  deadline: string;
  /** Server time, ms. */
  now: number;
  refusal: ServerRefusal | null;
}): Lock | null {
  const { submission, edition, deadline, now } = input;
  // A refusal under an older deadline (an extension came since) no longer holds.
  const refusal = input.refusal?.deadline === deadline ? input.refusal : null;
  if (submission?.disqualified) return { kind: 'disqualified', reason: submission.disqualifiedReason };
  if (refusal?.code === 'FORBIDDEN') return { kind: 'forbidden' };
  if (now >= Date.parse(deadline) || refusal?.code === 'DEADLINE_PASSED')
    return { kind: 'deadline', at: deadline };
  if (now < Date.parse(edition.hackingStartsAt)) return { kind: 'notStarted', at: edition.hackingStartsAt };
  if (refusal?.code === 'PHASE_CLOSED') return { kind: 'phaseClosed' };
  return null;
}
