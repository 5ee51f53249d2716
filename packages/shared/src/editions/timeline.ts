/** The timeline rules of docs/scoring.md and the phase derived from it, shared by API and web app. */

export const TIMELINE_FIELDS = [
  'registrationOpensAt',
  'registrationClosesAt',
  'hackingStartsAt',
  'submissionDeadline',
  'judgingEndsAt',
  'leaderboardFreezeAt',
  'resultsPublishedAt',
] as const;
export type TimelineField = (typeof TIMELINE_FIELDS)[number];
/** Epoch milliseconds; `null` for an optional time that is not set, absent when unknown. */
export type TimelineInput = Partial<Record<TimelineField, number | null>>;

export interface TimelineViolation {
  field: TimelineField;
  message: string;
}

type Rule = [TimelineField, '<' | '<=', TimelineField];
const RULES: Rule[] = [
  ['registrationOpensAt', '<', 'registrationClosesAt'],
  ['registrationClosesAt', '<=', 'submissionDeadline'],
  ['registrationOpensAt', '<=', 'hackingStartsAt'],
  ['hackingStartsAt', '<', 'submissionDeadline'],
  ['submissionDeadline', '<', 'judgingEndsAt'],
  ['judgingEndsAt', '<=', 'resultsPublishedAt'],
  ['leaderboardFreezeAt', '<', 'judgingEndsAt'],
];

/** Every broken rule among the times given; rules with an unknown or unset side are skipped. */
export function timelineViolations(t: TimelineInput): TimelineViolation[] {
  const out: TimelineViolation[] = [];
  for (const [a, op, b] of RULES) {
    const x = t[a];
    const y = t[b];
    if (x == null || y == null || Number.isNaN(x) || Number.isNaN(y)) continue;
    const ok = op === '<' ? x < y : x <= y;
    if (!ok) {
      // Blame the later field unless it is the one that is optional and newly set.
      const field = a === 'leaderboardFreezeAt' ? a : b;
      out.push({ field, message: `${a} must be ${op === '<' ? 'before' : 'at or before'} ${b}` });
    }
  }
  return out;
}

export interface PhaseInput {
  published: boolean;
  registrationOpensAt: number;
  hackingStartsAt: number;
  submissionDeadline: number;
  judgingEndsAt: number;
}

export type PhaseName = 'draft' | 'upcoming' | 'registration' | 'hacking' | 'judging' | 'finished';

/** The phase label of docs/domain.md at server time `now` (ms). */
export function phaseAt(e: PhaseInput, now: number): PhaseName {
  if (!e.published) return 'draft';
  if (now < e.registrationOpensAt) return 'upcoming';
  if (now < e.hackingStartsAt) return 'registration';
  if (now < e.submissionDeadline) return 'hacking';
  if (now < e.judgingEndsAt) return 'judging';
  return 'finished';
}

/** The instants at which the phase label of a published edition changes, in order. */
export function phaseBoundaries(e: PhaseInput): number[] {
  return [e.registrationOpensAt, e.hackingStartsAt, e.submissionDeadline, e.judgingEndsAt];
}

export interface WindowInput extends PhaseInput {
  registrationClosesAt: number;
}
/** What a request may do follows these windows, not the phase label (docs/domain.md). */
export const WINDOWS = {
  register: (e: WindowInput) => [e.registrationOpensAt, e.registrationClosesAt] as const,
  teams: (e: WindowInput) => [e.registrationOpensAt, e.submissionDeadline] as const,
  submit: (e: WindowInput) => [e.hackingStartsAt, e.submissionDeadline] as const,
  score: (e: WindowInput) => [e.submissionDeadline, e.judgingEndsAt] as const,
};
export type WindowName = keyof typeof WINDOWS;
export function windowOpen(name: WindowName, e: WindowInput, now: number): boolean {
  const [from, to] = WINDOWS[name](e);
  return now >= from && now < to;
}
