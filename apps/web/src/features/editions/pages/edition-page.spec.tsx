import { act, screen, waitFor, within } from '@testing-library/react';
import { EVENT_TIME_ZONE } from '../../../lib/format';
import { setLanguage } from '../../../lib/i18n';
import { FakeSocket } from '../../../test/fake-socket';
import { json, stubFetch } from '../../../test/fetch-stub';
import { demoEdition } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { meFixture, signedIn } from '../../../test/auth-fixtures';
import { submissionFixture } from '../../submissions/test-fixtures';

const mockSocket = new FakeSocket();
jest.mock('../../../lib/socket', () => ({ getSocket: () => mockSocket }));

const PATH = '/api/editions/challenge-accepted-vi';
const HOUR = 3_600_000;

afterEach(async () => {
  await setLanguage('en');
});

describe('Edition page', () => {
  it('shows the name, the phase, the timeline and the three tracks with their challenges', async () => {
    const edition = demoEdition(Date.now());
    stubFetch({ [`GET ${PATH}`]: () => json(200, edition) });

    renderApp('/editions/challenge-accepted-vi');

    expect((await screen.findByTestId('edition-name')).textContent).toContain(
      'Challenge Accepted — VI edition',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Challenge Accepted — VI edition' })).toBeTruthy();
    expect(screen.getAllByText('Hacking')[0]).toBeTruthy();
    // When and where, next to each other under the name.
    expect(screen.getByTestId('edition-dates').textContent).toMatch(/^Registration .+ · Hacking .+/);
    expect(screen.getByTestId('edition-venue').textContent).toBe('Place: Iași, Palas Campus');

    const timeline = screen.getByTestId('edition-timeline');
    const labels = [
      'Registration opens',
      'Hacking starts',
      'Registration closes',
      'Submission deadline',
      'Judging ends',
    ];
    // In time order: registration closes after hacking has started in this edition.
    const text = timeline.textContent ?? '';
    const positions = labels.map((l) => text.indexOf(l));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toContain('Leaderboard freezes'); // not set
    const deadline = within(screen.getByTestId('timeline-submissionDeadline')).getByText(
      (_, el) => el?.tagName === 'TIME',
    );
    expect(deadline.getAttribute('datetime')).toBe(edition.submissionDeadline);

    const tracks = screen.getAllByTestId('track-card');
    expect(tracks.map((t) => within(t).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Health',
      'Environment & Ecology',
      'Tourism',
    ]);
    expect(within(tracks[0]!).getByText('Medication adherence')).toBeTruthy();
    expect(within(tracks[0]!).getByText('Regional Pharmacy Network')).toBeTruthy();
    expect(within(tracks[0]!).getByText('3,000 EUR')).toBeTruthy();
    expect(within(tracks[2]!).getByText('Accessible heritage')).toBeTruthy();
  });

  it("counts down on the server's clock, not the device's", async () => {
    // This device runs 10 days late: by its own clock, registration would not have opened yet.
    const serverNow = Date.now() + 10 * 24 * HOUR;
    stubFetch({ [`GET ${PATH}`]: () => json(200, demoEdition(serverNow)) });

    renderApp('/editions/challenge-accepted-vi');

    const countdown = await screen.findByTestId('edition-countdown');
    // Next on the server's clock: registration closes in 10 hours (0 days).
    expect(countdown.textContent).toContain('Until: Registration closes');
    const timer = within(countdown).getByRole('timer');
    expect(timer.textContent).toMatch(/^00 days (09 hours 5\d minutes|10 hours 00 minutes)/);
  });

  it('refetches the edition when the server announces a phase change', async () => {
    const edition = demoEdition(Date.now());
    let answer = edition;
    const { calls } = stubFetch({ [`GET ${PATH}`]: () => json(200, answer) });

    renderApp('/editions/challenge-accepted-vi');
    await screen.findByTestId('edition-name');
    expect(mockSocket.sent).toContainEqual({ event: 'screen:subscribe', payload: { editionId: edition.id } });
    expect(screen.getByTestId('phase-badge').textContent).toContain('Hacking');

    answer = { ...edition, phase: 'judging' };
    act(() =>
      mockSocket.receive('edition:phase', {
        editionId: edition.id,
        phase: 'judging',
        serverTime: new Date().toISOString(),
      }),
    );

    await waitFor(() => expect(screen.getByTestId('phase-badge').textContent).toContain('Judging'));
    expect(calls.filter((c) => c.url === PATH)).toHaveLength(2);
  });

  it('refetches once when the next instant passes, so the phase shown is the server’s', async () => {
    const serverNow = Date.now();
    // Hacking starts in just over a second.
    const before = demoEdition(serverNow, {
      phase: 'registration',
      hackingStartsAt: new Date(serverNow + 1200).toISOString(),
    });
    let answer = () => before;
    // A participant: hacking starting, then the submission deadline, are what matter to them.
    const { calls } = stubFetch({
      [`GET ${PATH}`]: () => json(200, answer()),
      ...signedIn(meFixture({}, { [before.id]: ['participant'] })),
      'GET /api/editions': () => json(200, { items: [before], nextCursor: null }),
      [`GET /api/editions/${before.id}/teams/me`]: () => json(200, null),
    });

    renderApp('/editions/challenge-accepted-vi');
    const countdown = await screen.findByTestId('edition-countdown');
    await waitFor(() => expect(countdown.textContent).toContain('Until: Hacking starts'));
    // The new answer's clock reads half a second behind: the countdown briefly steps back
    // across the instant it just passed, which must not cause a second refetch.
    answer = () => ({ ...before, phase: 'hacking', serverTime: new Date(Date.now() - 500).toISOString() });

    await waitFor(
      () => {
        expect(screen.getByTestId('phase-badge').textContent).toContain('Hacking');
        expect(screen.getByTestId('edition-countdown').textContent).toContain('Until: Submission deadline');
      },
      { timeout: 4000 },
    );
    await new Promise((r) => setTimeout(r, 1100));
    expect(calls.filter((c) => c.url === PATH)).toHaveLength(2);
  });

  it('ignores phase changes of other editions and stops listening when left', async () => {
    const edition = demoEdition(Date.now());
    const { calls } = stubFetch({ [`GET ${PATH}`]: () => json(200, edition) });

    const { unmount } = renderApp('/editions/challenge-accepted-vi');
    await screen.findByTestId('edition-name');
    act(() =>
      mockSocket.receive('edition:phase', {
        editionId: '11111111-2222-4333-8444-555555555555',
        phase: 'finished',
        serverTime: new Date().toISOString(),
      }),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.filter((c) => c.url === PATH)).toHaveLength(1);

    unmount();
    expect(mockSocket.listenerCount('edition:phase')).toBe(0);
  });

  it.each([
    ['juror', ['juror'], false, 'cta-jury', '/jury', 'Until: Judging starts'],
    [
      'organizer',
      [],
      true,
      'cta-console',
      '/organize/editions/challenge-accepted-vi',
      'Until: Registration closes',
    ],
  ] as const)(
    'a %s gets their own next step and countdown, never the registration form',
    async (_, roles, isOrganizer, cta, href, until) => {
      const edition = demoEdition(Date.now());
      stubFetch({
        [`GET ${PATH}`]: () => json(200, edition),
        ...signedIn(meFixture({ isOrganizer }, { [edition.id]: [...roles] })),
        'GET /api/editions': () => json(200, { items: [edition], nextCursor: null }),
      });
      renderApp('/editions/challenge-accepted-vi');

      expect((await screen.findByTestId(cta)).getAttribute('href')).toBe(href);
      expect(screen.queryByTestId('registration-form')).toBeNull();
      expect(screen.getByTestId('edition-countdown').textContent).toContain(until);
    },
  );

  it("counts a team member down to the team's own deadline, an extension included", async () => {
    const edition = demoEdition(Date.now());
    const extended = new Date(Date.parse(edition.submissionDeadline) + 6 * HOUR).toISOString();
    const teamId = '3c4d5e6f-0000-4000-8000-000000000abc';
    stubFetch({
      [`GET ${PATH}`]: () => json(200, edition),
      ...signedIn(meFixture({}, { [edition.id]: ['participant'] })),
      'GET /api/editions': () => json(200, { items: [edition], nextCursor: null }),
      [`GET /api/editions/${edition.id}/teams/me`]: () =>
        json(200, {
          id: teamId,
          editionId: edition.id,
          trackId: edition.tracks[0]!.id,
          name: 'Pill Pals',
          captainId: 'x',
          members: [],
          inviteCode: null,
          freePlaces: 3,
        }),
      [`GET /api/teams/${teamId}/submission`]: () =>
        json(200, { ...submissionFixture(Date.now()), teamId, deadline: extended }),
    });
    renderApp('/editions/challenge-accepted-vi');

    const countdown = await screen.findByTestId('edition-countdown');
    await waitFor(() => expect(countdown.textContent).toContain("Until: Your team's deadline"));
    expect(
      within(countdown)
        .getByText((_, el) => el?.tagName === 'TIME')
        .getAttribute('datetime'),
    ).toBe(extended);
    expect(screen.getByTestId('cta-my-team')).toBeTruthy();
    expect(screen.queryByTestId('registration-form')).toBeNull();
  });

  it('speaks Romanian, dates included', async () => {
    await setLanguage('ro');
    const edition = demoEdition(Date.now(), { phase: 'registration', venue: 'Iași, Campusul Palas' });
    stubFetch({ [`GET ${PATH}`]: () => json(200, edition) });

    renderApp('/editions/challenge-accepted-vi');

    await screen.findByTestId('edition-name');
    expect(screen.getByTestId('edition-venue').textContent).toBe('Locul: Iași, Campusul Palas');
    expect(screen.getByTestId('phase-badge').textContent).toContain('Înscrieri');
    expect(screen.getByTestId('edition-timeline').textContent).toContain('Termen de predare');
    expect(screen.getByRole('heading', { level: 2, name: 'Secțiuni și provocări' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 4, name: 'Provocări' })).toHaveLength(3);
    const deadline = new Date(edition.submissionDeadline);
    // Deadlines are shown on Romania's clock: near midnight there the day differs from UTC's.
    const roDate = new Intl.DateTimeFormat('ro-RO', {
      day: 'numeric',
      month: 'short',
      timeZone: EVENT_TIME_ZONE,
    }).format(deadline);
    expect(screen.getByTestId('timeline-submissionDeadline').textContent).toContain(roDate);
  });

  it('says no place when the edition has none', async () => {
    const edition = demoEdition(Date.now(), { venue: '', venueI18n: { en: '', ro: '' } });
    stubFetch({ [`GET ${PATH}`]: () => json(200, edition) });
    renderApp('/editions/challenge-accepted-vi');
    await screen.findByTestId('edition-dates');
    expect(screen.queryByTestId('edition-venue')).toBeNull();
  });

  it('says so, translated, when the edition does not exist', async () => {
    stubFetch({
      'GET /api/editions/nope': () =>
        json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'Edition nope not found' }),
    });

    renderApp('/editions/nope');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText('We could not find what you were looking for.')).toBeTruthy();
  });

  it('shows the translated network error with a way to try again', async () => {
    globalThis.fetch = jest.fn().mockRejectedValue(new TypeError('Failed to fetch'));

    renderApp('/editions/challenge-accepted-vi');

    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toContain('Cannot reach the server. Check your connection and try again.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  }, 15_000);
});
