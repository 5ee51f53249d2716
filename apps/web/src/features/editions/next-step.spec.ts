import { demoEdition } from '../../test/fixtures';
import { loginPath } from '../auth/queries';
import { milestoneFor, nextSteps, type Viewer } from './next-step';

const HOUR = 3_600_000;
const now = Date.parse('2026-03-10T12:00:00Z');
// Registration open until +10 h, hacking since −1 day, deadline in 26 h, judging ends in 3 days.
const edition = demoEdition(now);
const visitor: Viewer = { signedIn: false, organizer: false, participant: false, juror: false };
const participant: Viewer = { ...visitor, signedIn: true, participant: true };
const juror: Viewer = { ...visitor, signedIn: true, juror: true };
const organizer: Viewer = { ...visitor, signedIn: true, organizer: true };
const open: { registerOpen: boolean; teamsOpen: boolean; registrationUpcoming: boolean; hasTeam?: boolean } =
  {
    registerOpen: true,
    teamsOpen: true,
    registrationUpcoming: false,
  };

describe('the milestone that matters to each person', () => {
  it('during hacking: registration closing for a newcomer, the team deadline for a participant', () => {
    expect(milestoneFor(edition, visitor, now)?.key).toBe('registrationClosesAt');
    expect(milestoneFor(edition, participant, now)).toEqual({
      key: 'submissionDeadline',
      at: edition.submissionDeadline,
    });
    const extended = new Date(Date.parse(edition.submissionDeadline) + 5 * HOUR).toISOString();
    expect(milestoneFor(edition, participant, now, extended)).toEqual({ key: 'teamDeadline', at: extended });
  });

  it('a juror counts down to judging, then to its end', () => {
    expect(milestoneFor(edition, juror, now)?.key).toBe('judgingStartsAt');
    expect(milestoneFor(edition, juror, Date.parse(edition.submissionDeadline) + HOUR)?.key).toBe(
      'judgingEndsAt',
    );
  });

  it('before hacking, a participant counts down to its start; afterwards nothing is left', () => {
    const early = Date.parse(edition.hackingStartsAt) - HOUR;
    expect(milestoneFor(edition, participant, early)?.key).toBe('hackingStartsAt');
    expect(milestoneFor(edition, organizer, Date.parse(edition.judgingEndsAt) + HOUR)).toBeNull();
  });
});

describe('the next step of each role', () => {
  const keys = (viewer: Viewer, windows = open) =>
    nextSteps(edition, viewer, windows, loginPath).map((s) => s.key);

  it('a visitor signs up, a signed-in newcomer registers', () => {
    expect(nextSteps(edition, visitor, open, loginPath)).toEqual([
      { key: 'signUp', to: '/signup?next=%2Feditions%2Fchallenge-accepted-vi' },
    ]);
    expect(keys({ ...visitor, signedIn: true })).toEqual(['register']);
  });

  it('a participant goes to the team (and, without one, the finder while teams form)', () => {
    expect(keys(participant)).toEqual(['myTeam', 'findTeam']);
    expect(keys(participant, { ...open, teamsOpen: false })).toEqual(['myTeam']);
    expect(keys(participant, { ...open, hasTeam: true })).toEqual(['myTeam']);
  });

  it('jurors and organizers get their own work, never the registration form', () => {
    expect(keys(juror)).toEqual(['jury']);
    expect(keys(organizer)).toEqual(['console']);
    expect(keys({ ...organizer, participant: true })).toEqual(['console', 'myTeam', 'findTeam']);
  });

  it('says when registration opens or that it closed, with nothing to click', () => {
    expect(keys(visitor, { registerOpen: false, teamsOpen: false, registrationUpcoming: true })).toEqual([
      'registrationOpensSoon',
    ]);
    expect(keys(visitor, { registerOpen: false, teamsOpen: false, registrationUpcoming: false })).toEqual([
      'registrationClosed',
    ]);
  });
});
