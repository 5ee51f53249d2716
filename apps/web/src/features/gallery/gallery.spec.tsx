import type { GalleryItem, GalleryProject } from '@ca/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setLanguage } from '../../lib/i18n';
import { FakeSocket } from '../../test/fake-socket';
import { demoEdition } from '../../test/fixtures';
import { json, stubFetch, type Route } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';

const mockSocket = new FakeSocket();
jest.mock('../../lib/socket', () => ({ getSocket: () => mockSocket }));

const DAY = 86_400_000;
const HEALTH = '0a1b2c3d-0000-4000-8000-000000000001';
const TOURISM = '0a1b2c3d-0000-4000-8000-000000000003';
const S1 = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01';
const S2 = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c02';

function item(editionId: string, overrides: Partial<GalleryItem> = {}): GalleryItem {
  return {
    submissionId: S1,
    editionId,
    teamId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
    teamName: 'Pill Pals',
    trackId: HEALTH,
    trackName: 'Health',
    trackNameI18n: { en: 'Health', ro: 'Sănătate' },
    title: 'Pill reminder',
    tagline: 'Never miss a dose',
    techTags: ['React', 'BLE'],
    challengeIds: ['0a1b2c3d-0000-4000-8000-000000000101'],
    submittedAt: new Date(Date.now() - 3 * DAY).toISOString(),
    rank: null,
    score: null,
    ...overrides,
  };
}

const finished = (now: number) =>
  demoEdition(now, {
    phase: 'finished',
    registrationOpensAt: new Date(now - 30 * DAY).toISOString(),
    registrationClosesAt: new Date(now - 20 * DAY).toISOString(),
    hackingStartsAt: new Date(now - 10 * DAY).toISOString(),
    submissionDeadline: new Date(now - 8 * DAY).toISOString(),
    judgingEndsAt: new Date(now - 5 * DAY).toISOString(),
    resultsPublishedAt: new Date(now - 4 * DAY).toISOString(),
    resultsPublished: true,
  });

function setup(routes: (editionId: string) => Record<string, Route>, edition = finished(Date.now())) {
  const stub = stubFetch({
    [`GET /api/editions/${edition.slug}`]: () => json(200, edition),
    ...routes(edition.id),
  });
  return { ...stub, edition };
}

afterEach(async () => {
  await setLanguage('en');
});

describe('Gallery', () => {
  it('before publication: says the results are not published yet, with the date', async () => {
    const now = Date.now();
    const edition = demoEdition(now, { resultsPublishedAt: new Date(now + 5 * DAY).toISOString() });
    // The edition says the results are not published: the gallery is not even asked (no 409).
    const { calls } = setup(() => ({}), edition);
    renderApp(`/editions/${edition.slug}/gallery`);

    const notice = await screen.findByTestId('gallery-not-published');
    expect(notice.textContent).toContain('The results are not published yet');
    expect(notice.textContent).toContain('The gallery opens when the organizers publish the results, on');
    expect(screen.queryByTestId('gallery-search')).toBeNull();
    expect(calls.some((c) => c.url.includes('/gallery'))).toBe(false);
  });

  it('shows cards with title, tagline, team and track, a rank only when there is one; searches and filters', async () => {
    const { edition, calls } = setup((id) => ({
      [`GET /api/editions/${id}/gallery?limit=48`]: () =>
        json(200, {
          items: [
            item(id),
            item(id, {
              submissionId: S2,
              title: 'Ramp map',
              teamName: 'Heritage Hackers',
              trackId: TOURISM,
              trackName: 'Tourism',
              rank: 1,
            }),
          ],
          nextCursor: null,
        }),
      [`GET /api/editions/${id}/gallery?limit=48&q=ramp`]: () =>
        json(200, { items: [item(id, { submissionId: S2, title: 'Ramp map', rank: 1 })], nextCursor: null }),
      [`GET /api/editions/${id}/gallery?limit=48&q=ramp&trackId=${HEALTH}`]: () =>
        json(200, { items: [], nextCursor: null }),
    }));
    renderApp(`/editions/${edition.slug}/gallery`);

    const cards = await screen.findAllByTestId('gallery-card');
    expect(cards).toHaveLength(2);
    const first = cards[0]!;
    expect(within(first).getByRole('link', { name: 'Pill reminder' }).getAttribute('href')).toBe(
      `/editions/${edition.slug}/gallery/${S1}`,
    );
    expect(first.textContent).toContain('Never miss a dose');
    expect(first.textContent).toContain('by Pill Pals');
    expect(first.textContent).toContain('Health');
    expect(within(first).queryByTestId('gallery-rank')).toBeNull(); // no rank until judging gives one
    expect(within(cards[1]!).getByTestId('gallery-rank').textContent).toBe('Rank 1');

    fireEvent.change(screen.getByLabelText(/Search projects/), { target: { value: ' ramp ' } });
    await waitFor(() => expect(screen.getAllByTestId('gallery-card')).toHaveLength(1));
    expect(calls.map((c) => c.url)).toContain(`/api/editions/${edition.id}/gallery?limit=48&q=ramp`);

    fireEvent.click(screen.getByLabelText('Track', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Health', hidden: true }));
    expect(await screen.findByTestId('gallery-empty')).toBeTruthy();
    expect(screen.getByTestId('gallery-empty').textContent).toBe('No project matches your search.');
  });

  it('a project page renders the description safely, with its links and members', async () => {
    const project = (id: string): GalleryProject => ({
      ...item(id),
      description:
        '## Idea\n\nA **box** <script>window.__g=1</script> <img src=x onerror="window.__g=2"> [bad](javascript:alert(1))',
      repoUrl: 'https://github.com/pill-pals/app',
      demoUrl: '',
      videoUrl: 'https://video.example/pill',
      members: [
        { userId: '5e0d7a4c-1b2f-4c3d-9e8f-0a1b2c3d4e5f', name: 'Ana Popescu' },
        { userId: '5e0d7a4c-1b2f-4c3d-9e8f-0a1b2c3d4e60', name: 'Mihai Ionescu' },
      ],
    });
    const { edition } = setup((id) => ({
      [`GET /api/editions/${id}/gallery/${S1}`]: () => json(200, project(id)),
    }));
    renderApp(`/editions/${edition.slug}/gallery/${S1}`);

    expect((await screen.findByTestId('project-title')).textContent).toBe('Pill reminder');
    const description = screen.getByTestId('project-description-text');
    expect(description.querySelector('h4')?.textContent).toBe('Idea');
    expect(description.querySelector('strong')?.textContent).toBe('box');
    expect(description.querySelector('script, img, a[href]')).toBeNull();
    expect(description.textContent).toContain('<script>window.__g=1</script>');
    expect((window as { __g?: number }).__g).toBeUndefined();

    const repo = screen.getByRole('link', { name: /Code repository/ });
    expect(repo.getAttribute('href')).toBe('https://github.com/pill-pals/app');
    expect(repo.getAttribute('target')).toBe('_blank');
    expect(repo.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(screen.queryByRole('link', { name: /Live demo/ })).toBeNull();
    expect(screen.getByText('Mihai Ionescu')).toBeTruthy();
    expect(screen.getByText('Medication adherence')).toBeTruthy();
  });

  it('speaks Romanian', async () => {
    await setLanguage('ro');
    const { edition } = setup((id) => ({
      [`GET /api/editions/${id}/gallery?limit=48`]: () =>
        json(200, {
          items: [
            item(id),
            item(id, { submissionId: S2 }),
            item(id, { submissionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03' }),
          ],
          nextCursor: null,
        }),
    }));
    renderApp(`/editions/${edition.slug}/gallery`);

    await screen.findAllByTestId('gallery-card');
    expect(screen.getByRole('heading', { level: 1, name: 'Galeria proiectelor' })).toBeTruthy();
    expect(screen.getByText('3 proiecte')).toBeTruthy();
    expect(screen.getAllByText('de echipa Pill Pals')).toHaveLength(3);
  });
});
