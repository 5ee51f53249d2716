import type { AuditEntry, EditionDashboard } from '@ca/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { meFixture, signedIn } from '../../test/auth-fixtures';
import { FakeSocket } from '../../test/fake-socket';
import { json, stubFetch, type Route } from '../../test/fetch-stub';
import { demoEdition } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { resetScreenWidth, setScreenWidth } from '../../test/screen-width';

const mockSocket = new FakeSocket();
jest.mock('../../lib/socket', () => ({ getSocket: () => mockSocket, closeSocket: () => undefined }));

const NOW = Date.parse('2026-03-10T12:00:00Z');
const edition = demoEdition(NOW);
const [HEALTH, TOURISM] = edition.tracks.map((tr) => tr.id) as [string, string];
const base = `/api/editions/${edition.id}`;
const console_ = `/organize/editions/${edition.slug}`;

function routes(extra: Record<string, Route>) {
  return {
    ...signedIn(meFixture({ isOrganizer: true })),
    [`GET /api/editions/${edition.slug}`]: () => json(200, edition),
    'GET /api/editions': () => json(200, { items: [edition], nextCursor: null }),
    ...extra,
  };
}

const JUROR = '22222222-0000-4000-8000-000000000001';
const figures = (done: number): EditionDashboard => ({
  editionId: edition.id,
  at: '2026-03-10T12:00:00.000Z',
  registrations: {
    total: 5,
    perDay: [
      { day: '2026-03-02', count: 3, cumulative: 3 },
      { day: '2026-03-03', count: 2, cumulative: 5 },
    ],
  },
  teams: {
    total: 3,
    perTrack: [
      { trackId: HEALTH, teams: 2, members: 4 },
      { trackId: TOURISM, teams: 1, members: 1 },
    ],
  },
  submissions: { none: 0, draft: 1, submitted: 1, late: 1, disqualified: 0, extensions: 1 },
  judging: {
    reviewsPerSubmission: 2,
    required: 4,
    assigned: 4,
    done,
    jurors: 1,
    jurorsBehind:
      done < 4 ? [{ jurorId: JUROR, name: 'Ioana Juror', assigned: 4, done, left: 4 - done }] : [],
    flagsOpen: 1,
  },
});

afterEach(resetScreenWidth);

describe('console: dashboard', () => {
  it('tells the figures, joins the organizers room and refetches on a coverage event', async () => {
    setScreenWidth(1366);
    let done = 1;
    const { calls } = stubFetch(routes({ [`GET ${base}/dashboard`]: () => json(200, figures(done)) }));
    renderApp(`${console_}/dashboard`);

    expect((await screen.findByTestId('dashboard-registrations-total')).textContent).toContain(
      '5 people registered',
    );
    expect(screen.getByTestId('dashboard-teams-total')?.textContent).toContain('3 teams');
    const states = screen.getByTestId('dashboard-states');
    expect(within(states).getByText(/Late, with an extension/)?.textContent).toContain(
      'Late, with an extension: 1',
    );
    expect(screen.getByTestId('dashboard-coverage')?.textContent).toContain('1 of 4 sheets scored (25%)');
    expect(screen.getByTestId('dashboard-behind')?.textContent).toContain('Ioana Juror: 1 of 4 scored');
    expect(screen.getByTestId('dashboard-flags')?.textContent).toContain(
      '1 flag raised by jurors waits for you.',
    );
    expect(mockSocket.sent).toContainEqual({
      event: 'coverage:subscribe',
      payload: { editionId: edition.id },
    });

    done = 4;
    const before = calls.filter((c) => c.url.endsWith('/dashboard')).length;
    mockSocket.receive('coverage:update', {
      editionId: edition.id,
      submissionId: '33333333-0000-4000-8000-000000000001',
      teamId: '44444444-0000-4000-8000-000000000001',
      teamName: 'Pill Pals',
      trackId: HEALTH,
      title: 'Pill Pal',
      tableLabel: null,
      required: 2,
      assigned: 2,
      done: 2,
      notCounting: 0,
      flagsOpen: 0,
    });
    expect(await screen.findByTestId('dashboard-none-behind')).toBeTruthy();
    expect(screen.getByTestId('dashboard-coverage')?.textContent).toContain('4 of 4 sheets scored (100%)');
    expect(calls.filter((c) => c.url.endsWith('/dashboard')).length).toBe(before + 1);
  });

  it('refetches when registrations, teams or projects change (dashboard:changed)', async () => {
    setScreenWidth(1366);
    let registered = 5;
    const { calls } = stubFetch(
      routes({
        [`GET ${base}/dashboard`]: () =>
          json(200, { ...figures(1), registrations: { ...figures(1).registrations, total: registered } }),
      }),
    );
    renderApp(`${console_}/dashboard`);
    expect((await screen.findByTestId('dashboard-registrations-total')).textContent).toContain(
      '5 people registered',
    );
    const fetches = () => calls.filter((c) => c.url.endsWith('/dashboard')).length;
    const before = fetches();

    // Another edition's change is none of this dashboard's business.
    mockSocket.receive('dashboard:changed', {
      editionId: '99999999-0000-4000-8000-000000000009',
      what: ['registrations'],
    });
    registered = 6;
    mockSocket.receive('dashboard:changed', { editionId: edition.id, what: ['registrations'] });
    await waitFor(() =>
      expect(screen.getByTestId('dashboard-registrations-total').textContent).toContain(
        '6 people registered',
      ),
    );
    expect(fetches()).toBe(before + 1);
  });

  it('ignores another edition’s events', async () => {
    setScreenWidth(390);
    const { calls } = stubFetch(routes({ [`GET ${base}/dashboard`]: () => json(200, figures(1)) }));
    renderApp(`${console_}/dashboard`);
    await screen.findByTestId('dashboard-coverage');
    const before = calls.length;
    mockSocket.receive('edition:phase', {
      editionId: '99999999-0000-4000-8000-000000000009',
      phase: 'judging',
      serverTime: '2026-03-10T12:00:00.000Z',
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.length).toBe(before);
  });
});

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: '55555555-0000-4000-8000-000000000001',
  at: '2026-03-09T10:00:00.000Z',
  actorId: '11111111-0000-4000-8000-000000000001',
  actorName: 'Ana Organizer',
  action: 'edition.updated',
  entity: 'edition',
  entityId: edition.id,
  before: { name: 'Ediția VI', teamMaxSize: 5 },
  after: { name: 'Ediția VII', teamMaxSize: 5 },
  ...over,
});

describe('console: audit log', () => {
  it('shows each change old → new, filters by action in the request, and reaches entries without an edition', async () => {
    setScreenWidth(1366);
    const { calls } = stubFetch(
      routes({
        [`GET ${base}/audit?limit=50`]: () =>
          json(200, {
            items: [
              entry({}),
              entry({ id: '55555555-0000-4000-8000-000000000002', action: 'track.created' }),
            ],
            nextCursor: null,
          }),
        [`GET ${base}/audit?limit=50&action=edition.updated`]: () =>
          json(200, { items: [entry({})], nextCursor: null }),
        'GET /api/audit?limit=50&action=edition.updated': () =>
          json(200, {
            items: [],
            nextCursor: null,
          }),
      }),
    );
    renderApp(`${console_}/audit`);
    expect(await screen.findAllByTestId('audit-row')).toHaveLength(2);
    const diff = screen.getAllByTestId('audit-diff')[0]!;
    expect(diff.querySelector('del')?.textContent).toContain('Ediția VI');
    expect(diff.querySelector('ins')?.textContent).toContain('Ediția VII');
    expect(diff?.textContent).toContain('1 field unchanged');

    fireEvent.click(screen.getByTestId('audit-filter-action'));
    fireEvent.click(await screen.findByRole('option', { name: 'Edition changed', hidden: true }));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    expect(calls.map((c) => c.url)).toContain(`${base}/audit?limit=50&action=edition.updated`);

    fireEvent.click(screen.getByText('Without an edition'));
    expect(await screen.findByTestId('audit-empty')).toBeTruthy();
    expect(calls.map((c) => c.url)).toContain('/api/audit?limit=50&action=edition.updated');
  });
});

describe('console: audit log by who', () => {
  it('finds an account by name and lists only what it did', async () => {
    setScreenWidth(1366);
    const ana = entry({});
    const { calls } = stubFetch(
      routes({
        [`GET ${base}/audit?limit=50`]: () =>
          json(200, {
            items: [
              ana,
              entry({ id: '55555555-0000-4000-8000-000000000003', actorId: null, actorName: null }),
            ],
            nextCursor: null,
          }),
        'GET /api/users?limit=20&query=Ana': () =>
          json(200, {
            items: [
              {
                id: ana.actorId,
                name: 'Ana Organizer',
                email: 'ana@example.com',
                isOrganizer: true,
                disabledAt: null,
                createdAt: '2026-01-01T00:00:00.000Z',
              },
            ],
            nextCursor: null,
          }),
        [`GET ${base}/audit?limit=50&actorId=${ana.actorId}`]: () =>
          json(200, { items: [ana], nextCursor: null }),
      }),
    );
    renderApp(`${console_}/audit`);
    expect(await screen.findAllByTestId('audit-row')).toHaveLength(2);
    // An entry without an actor is the system's.
    expect(screen.getAllByTestId('audit-row')[1]!.textContent).toContain('The system');

    const who = screen.getByTestId('audit-filter-actor');
    who.focus(); // Mantine takes a change of an unfocused input for autofill
    fireEvent.change(who, { target: { value: 'Ana' } });
    fireEvent.click(
      await screen.findByRole('option', { name: 'Ana Organizer · ana@example.com', hidden: true }),
    );
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    expect(calls.map((c) => c.url)).toContain(`${base}/audit?limit=50&actorId=${ana.actorId}`);
  });
});

describe('console: exports', () => {
  it('links every CSV export of the edition', async () => {
    setScreenWidth(1366);
    stubFetch(routes({}));
    renderApp(`${console_}/exports`);
    for (const kind of ['participants', 'teams', 'submissions', 'scores', 'results']) {
      const link = await screen.findByTestId(`export-${kind}-link`);
      expect(link.getAttribute('href')).toBe(`${base}/exports/${kind}.csv`);
      expect(link.hasAttribute('download')).toBe(true);
    }
  });
});
