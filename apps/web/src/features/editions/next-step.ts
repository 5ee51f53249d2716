import type { Edition, Me } from '@ca/shared';
import { editionRolesOf } from '../auth/queries';

/** Who is looking at an edition, as far as its next step goes. */
export interface Viewer {
  signedIn: boolean;
  organizer: boolean;
  participant: boolean;
  juror: boolean;
}

export function viewerOf(me: Me | null | undefined, editionId: string): Viewer {
  const roles = editionRolesOf(me, editionId);
  return {
    signedIn: !!me,
    organizer: !!me?.isOrganizer,
    participant: roles.includes('participant'),
    juror: roles.includes('juror'),
  };
}

export type MilestoneKey =
  | 'registrationOpensAt'
  | 'registrationClosesAt'
  | 'hackingStartsAt'
  | 'submissionDeadline'
  | 'teamDeadline'
  | 'judgingStartsAt'
  | 'judgingEndsAt'
  | 'resultsPublishedAt';

export interface Milestone {
  key: MilestoneKey;
  at: string;
}

type Times = Pick<
  Edition,
  | 'registrationOpensAt'
  | 'registrationClosesAt'
  | 'hackingStartsAt'
  | 'submissionDeadline'
  | 'judgingEndsAt'
  | 'resultsPublishedAt'
>;

const first = (now: number, candidates: (Milestone | null)[]): Milestone | null =>
  candidates.find((m): m is Milestone => !!m && Date.parse(m.at) > now) ?? null;

/**
 * The instant that matters now for this person, on the server's clock: a participant counts down
 * to hacking, then to their team's own deadline (an extension included); a juror to the start of
 * judging, then its end; everyone else to registration, then the edition's own milestones.
 */
export function milestoneFor(
  edition: Times,
  viewer: Viewer,
  now: number,
  teamDeadline?: string,
): Milestone | null {
  const m = (key: MilestoneKey, at: string | null): Milestone | null => (at ? { key, at } : null);
  const after = [
    m('judgingEndsAt', edition.judgingEndsAt),
    m('resultsPublishedAt', edition.resultsPublishedAt),
  ];
  if (viewer.participant) {
    const deadline =
      teamDeadline && Date.parse(teamDeadline) > Date.parse(edition.submissionDeadline)
        ? m('teamDeadline', teamDeadline)
        : m('submissionDeadline', edition.submissionDeadline);
    return first(now, [m('hackingStartsAt', edition.hackingStartsAt), deadline, ...after]);
  }
  if (viewer.juror) return first(now, [m('judgingStartsAt', edition.submissionDeadline), ...after]);
  return first(now, [
    m('registrationOpensAt', edition.registrationOpensAt),
    m('registrationClosesAt', edition.registrationClosesAt),
    m('hackingStartsAt', edition.hackingStartsAt),
    m('submissionDeadline', edition.submissionDeadline),
    ...after,
  ]);
}

export type StepKey =
  | 'console'
  | 'jury'
  | 'myTeam'
  | 'findTeam'
  | 'register'
  | 'signUp'
  | 'registrationOpensSoon'
  | 'registrationClosed'
  | 'gallery';

export interface Step {
  key: StepKey;
  /** Where the step's button leads; none for a step that is only news. */
  to?: string;
}

/**
 * What each person can do next with an edition, most specific first. Organizers and jurors get
 * their own work, never the participant's registration form (an organizer who also registered
 * sees both).
 */
export function nextSteps(
  edition: Pick<Edition, 'slug' | 'resultsPublished'>,
  viewer: Viewer,
  windows: { registerOpen: boolean; teamsOpen: boolean; registrationUpcoming: boolean; hasTeam?: boolean },
  loginPath: (path: string, page: 'login' | 'signup') => string,
): Step[] {
  const here = `/editions/${edition.slug}`;
  const steps: Step[] = [];
  if (viewer.organizer) steps.push({ key: 'console', to: `/organize${here}` });
  if (viewer.juror) steps.push({ key: 'jury', to: '/jury' });
  if (viewer.participant) {
    steps.push({ key: 'myTeam', to: `${here}/team` });
    // Someone still without a team (or not known yet) is shown the team-finder too.
    if (windows.teamsOpen && !windows.hasTeam) steps.push({ key: 'findTeam', to: `${here}/find-team` });
  } else if (!viewer.organizer && !viewer.juror) {
    if (windows.registerOpen)
      steps.push(
        viewer.signedIn ? { key: 'register', to: here } : { key: 'signUp', to: loginPath(here, 'signup') },
      );
    else steps.push({ key: windows.registrationUpcoming ? 'registrationOpensSoon' : 'registrationClosed' });
  }
  if (edition.resultsPublished) steps.push({ key: 'gallery', to: `${here}/gallery` });
  return steps;
}
