import { fireEvent, screen, within } from '@testing-library/react';
import { LANGUAGE_STORAGE_KEY, setLanguage } from '../../../lib/i18n';
import { FakeSocket } from '../../../test/fake-socket';
import { json, stubFetch } from '../../../test/fetch-stub';
import { demoEdition } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const mockSocket = new FakeSocket();
jest.mock('../../../lib/socket', () => ({ getSocket: () => mockSocket }));

afterEach(async () => {
  await setLanguage('en');
  window.localStorage.clear();
});

describe('Home page', () => {
  it('lists the published editions and opens one without leaving the app', async () => {
    const edition = demoEdition(Date.now());
    const { calls } = stubFetch({
      'GET /api/editions': () => json(200, { items: [edition], nextCursor: null }),
      'GET /api/editions/challenge-accepted-vi': () => json(200, edition),
    });
    const { router } = renderApp('/');

    const cards = await screen.findAllByTestId('edition-card');
    expect(cards).toHaveLength(1);
    const link = within(cards[0]!).getByRole('link', { name: 'Challenge Accepted — VI edition' });
    expect(link.getAttribute('href')).toBe('/editions/challenge-accepted-vi');

    fireEvent.click(link);

    expect((await screen.findByTestId('edition-name')).textContent).toBe(edition.name);
    expect(router.state.location.pathname).toBe('/editions/challenge-accepted-vi');
    expect(screen.getAllByTestId('track-card')).toHaveLength(3);
    // The edition came from the API once (prefetch or page), the list was not fetched again.
    expect(calls.filter((c) => c.url === '/api/editions')).toHaveLength(1);
    expect(calls.filter((c) => c.url === '/api/editions/challenge-accepted-vi')).toHaveLength(1);
  });

  it('says when no edition is published', async () => {
    stubFetch({ 'GET /api/editions': () => json(200, { items: [], nextCursor: null }) });
    renderApp('/');

    expect(await screen.findByText('No edition is published yet. Come back soon.')).toBeTruthy();
  });

  it('has the landmarks, a skip link and a language switcher that changes the whole page', async () => {
    stubFetch({
      'GET /api/editions': () => json(200, { items: [demoEdition(Date.now())], nextCursor: null }),
    });
    renderApp('/');
    await screen.findAllByTestId('edition-card');

    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('main');
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main');

    const switcher = screen.getByRole('radiogroup', { name: 'Language' });
    expect(switcher.getAttribute('data-testid')).toBe('language-switcher');
    expect(within(switcher).getByRole('radio', { name: 'English' })).toHaveProperty('checked', true);

    fireEvent.click(within(switcher).getByRole('radio', { name: 'Română' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Ediții' })).toBeTruthy();
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
