import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { meFixture, signedIn } from '../../../test/auth-fixtures';
import { LANGUAGE_STORAGE_KEY, setLanguage } from '../../../lib/i18n';
import { FakeSocket } from '../../../test/fake-socket';
import { json, stubFetch } from '../../../test/fetch-stub';
import { demoEdition } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { currentEditionOf } from './home-page';

const mockSocket = new FakeSocket();
jest.mock('../../../lib/socket', () => ({ getSocket: () => mockSocket }));

afterEach(async () => {
  await setLanguage('en');
  window.localStorage.clear();
});

describe('the current edition', () => {
  it('is a running edition (the longest running when several overlap), else the next to come', () => {
    const now = Date.now();
    const demo = demoEdition(now);
    const newer = { ...demoEdition(now + 86_400_000), id: 'b', slug: 'newer' };
    const upcoming = { ...demoEdition(now), id: 'c', slug: 'later', phase: 'upcoming' as const };
    const finished = { ...demoEdition(now), id: 'd', slug: 'old', phase: 'finished' as const };
    expect(currentEditionOf([newer, demo, upcoming])?.slug).toBe(demo.slug);
    expect(currentEditionOf([finished, upcoming])?.slug).toBe('later');
    expect(currentEditionOf([finished])).toBeUndefined();
  });
});

describe('Home page', () => {
  it('is the front door: the current edition with dates, phase, tracks, challenges and prizes, then past ones', async () => {
    const now = Date.now();
    const edition = demoEdition(now);
    const past = demoEdition(now, {
      id: '11111111-2222-4333-8444-555555555555',
      slug: 'challenge-accepted-v',
      name: 'Challenge Accepted — V edition',
      phase: 'finished',
    });
    const { calls } = stubFetch({
      'GET /api/editions': () => json(200, { items: [edition, past], nextCursor: null }),
      'GET /api/editions/challenge-accepted-vi': () => json(200, edition),
    });
    const { router } = renderApp('/');

    const current = await screen.findByTestId('current-edition');
    expect(within(current).getByRole('heading', { level: 1 }).textContent).toBe(edition.name);
    expect(within(current).getByTestId('phase-badge').textContent).toContain('Hacking');
    expect(within(current).getByTestId('home-dates').textContent).toMatch(/^Registration .+ · Hacking .+/);
    expect(within(current).getByTestId('home-venue').textContent).toBe('Place: Iași, Palas Campus');
    const tracks = within(current).getAllByTestId('track-card');
    expect(tracks).toHaveLength(3);
    expect(within(tracks[0]!).getByText('3,000 EUR')).toBeTruthy();
    // A visitor: the countdown to registration closing, and signing up as the next step.
    expect(within(current).getByTestId('edition-countdown').textContent).toContain(
      'Until: Registration closes',
    );
    expect(within(current).getByTestId('cta-signup').getAttribute('href')).toBe(
      '/signup?next=%2Feditions%2Fchallenge-accepted-vi',
    );

    const pastList = screen.getByTestId('past-editions');
    const card = within(pastList).getByTestId('edition-card');
    expect(
      within(card).getByRole('link', { name: 'Challenge Accepted — V edition' }).getAttribute('href'),
    ).toBe('/editions/challenge-accepted-v');

    fireEvent.click(within(current).getByTestId('home-open-edition'));
    expect((await screen.findByTestId('edition-name')).textContent).toBe(edition.name);
    expect(router.state.location.pathname).toBe('/editions/challenge-accepted-vi');
    // The edition came from the API once, the list was not fetched again.
    expect(calls.filter((c) => c.url === '/api/editions')).toHaveLength(1);
    expect(calls.filter((c) => c.url === '/api/editions/challenge-accepted-vi')).toHaveLength(1);
  });

  it('gives each role its next step on the front door', async () => {
    const edition = demoEdition(Date.now());
    stubFetch({
      ...signedIn(meFixture({ isOrganizer: true }, { [edition.id]: ['juror'] })),
      'GET /api/editions': () => json(200, { items: [edition], nextCursor: null }),
      'GET /api/editions/challenge-accepted-vi': () => json(200, edition),
    });
    renderApp('/');

    expect((await screen.findByTestId('cta-console')).getAttribute('href')).toBe(
      '/organize/editions/challenge-accepted-vi',
    );
    expect(screen.getByTestId('cta-jury').getAttribute('href')).toBe('/jury');
    expect(screen.queryByTestId('cta-signup')).toBeNull();
    expect(screen.queryByTestId('registration-form')).toBeNull();
  });

  it('refetches the texts in the new language when the language changes', async () => {
    const edition = demoEdition(Date.now());
    const { calls } = stubFetch({
      'GET /api/editions': () => json(200, { items: [edition], nextCursor: null }),
      'GET /api/editions/challenge-accepted-vi': (init) =>
        json(
          200,
          (init?.headers as Record<string, string>)['Accept-Language'] === 'ro'
            ? { ...edition, name: 'Challenge Accepted — ediția a VI-a' }
            : edition,
        ),
    });
    renderApp('/');
    await screen.findByTestId('current-edition');

    await act(() => setLanguage('ro'));
    expect((await screen.findByTestId('home-edition-name')).textContent).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('home-edition-name').textContent).toBe('Challenge Accepted — ediția a VI-a'),
    );
    expect(calls.filter((c) => c.url === '/api/editions/challenge-accepted-vi').length).toBeGreaterThan(1);
  });

  it('says when no edition is published', async () => {
    stubFetch({ 'GET /api/editions': () => json(200, { items: [], nextCursor: null }) });
    renderApp('/');

    expect(await screen.findByText('No edition is published yet. Come back soon.')).toBeTruthy();
  });

  it('has the landmarks, a skip link and a language switcher that changes the whole page', async () => {
    stubFetch({
      'GET /api/editions': () => json(200, { items: [demoEdition(Date.now())], nextCursor: null }),
      'GET /api/editions/challenge-accepted-vi': () => json(200, demoEdition(Date.now())),
    });
    renderApp('/');
    await screen.findByTestId('current-edition');

    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('main');
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main');

    const switcher = screen.getByRole('radiogroup', { name: 'Language' });
    expect(switcher.getAttribute('data-testid')).toBe('language-switcher');
    expect(within(switcher).getByRole('radio', { name: 'English' })).toHaveProperty('checked', true);

    fireEvent.click(within(switcher).getByRole('radio', { name: 'Română' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Secțiuni și provocări' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Limba' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Salt la conținutul principal' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ro');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ro');
  });

  it('shows the unknown page as not found, with a way back', async () => {
    stubFetch({});
    renderApp('/no/such/page');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the editions' }).getAttribute('href')).toBe('/');
  });
});
