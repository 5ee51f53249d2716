import { demoEdition } from '../../test/fixtures';
import { editionKeys } from './queries';
import { nextEntry, remaining, timelineEntries } from './timeline';

describe('timeline', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');

  it('orders the set instants by time and leaves out the unset ones', () => {
    const entries = timelineEntries(demoEdition(now));
    expect(entries.map((e) => e.field)).toEqual([
      'registrationOpensAt',
      'hackingStartsAt',
      'registrationClosesAt',
      'submissionDeadline',
      'judgingEndsAt',
    ]);
    const withResults = timelineEntries(
      demoEdition(now, {
        leaderboardFreezeAt: '2026-03-12T10:00:00Z',
        resultsPublishedAt: '2026-03-20T18:00:00Z',
      }),
    );
    expect(withResults.map((e) => e.field).slice(-3)).toEqual([
      'leaderboardFreezeAt',
      'judgingEndsAt',
      'resultsPublishedAt',
    ]);
  });

  it('finds the next instant strictly after now, and none once all have passed', () => {
    const entries = timelineEntries(demoEdition(now));
    expect(nextEntry(entries, now)?.field).toBe('registrationClosesAt');
    const closes = entries.find((e) => e.field === 'registrationClosesAt')!.ms;
    expect(nextEntry(entries, closes)?.field).toBe('submissionDeadline');
    expect(nextEntry(entries, now + 365 * 86_400_000)).toBeUndefined();
  });

  it('splits the time left into days, hours, minutes and seconds, never below zero', () => {
    expect(remaining(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000 + 999)).toEqual({
      days: 2,
      hours: 3,
      minutes: 4,
      seconds: 5,
    });
    expect(remaining(-5000)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
  });
});

describe('editionKeys', () => {
  it('nests every key under the wider ones, so invalidating a prefix reaches them', () => {
    expect(editionKeys.lists().slice(0, 1)).toEqual(editionKeys.all);
    expect(editionKeys.detail('challenge-accepted-vi')).toEqual([
      'editions',
      'detail',
      'challenge-accepted-vi',
    ]);
    expect(editionKeys.detail('x').slice(0, 2)).toEqual(editionKeys.details());
  });
});
