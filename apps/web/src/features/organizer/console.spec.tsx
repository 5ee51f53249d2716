import type { JuryInvitation, Participant, TeamOverview } from '@ca/shared';
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
const HEALTH = edition.tracks[0]!.id;
const base = `/api/editions/${edition.id}`;
const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body)) as unknown;
const page = <T,>(items: T[]) => json(200, { items, nextCursor: null });

function routes(extra: Record<string, Route>) {
  return {
    ...signedIn(meFixture({ isOrganizer: true })),
    [`GET /api/editions/${edition.slug}`]: () => json(200, edition),
    'GET /api/editions': () => page([edition]),
    ...extra,
  };
}

const person = (overrides: Partial<Participant>): Participant => ({
  userId: '11111111-0000-4000-8000-000000000001',
  name: 'Ana Popescu',
  skills: ['React'],
  lookingForTeam: true,
  teamId: null,
  teamName: null,
  email: 'ana@example.com',
  registeredAt: '2026-03-01T10:00:00Z',
  ...overrides,
});

function team(overrides: Partial<TeamOverview> & { id: string; name: string }): TeamOverview {
  return {
    editionId: edition.id,
    trackId: HEALTH,
    captainId: '11111111-0000-4000-8000-000000000001',
    members: [
      { userId: '11111111-0000-4000-8000-000000000001', name: 'Ana Popescu', email: 'ana@example.com' },
    ],
    inviteCode: 'ABCDEFGHJK',
    freePlaces: 4,
    tableLabel: null,
    project: {
      state: 'none',
      submissionId: null,
      title: null,
      updatedAt: null,
      submittedAt: null,
      disqualified: false,
    },
    ...overrides,
  };
}

afterEach(resetScreenWidth);

describe('console: participants', () => {
  it('lists everyone registered and filters by team, in the address and in the request', async () => {
    setScreenWidth(1366);
    const { calls } = stubFetch(
      routes({
        [`GET ${base}/participants?limit=50`]: () =>
          page([
            person({}),
            person({
              userId: '11111111-0000-4000-8000-000000000002',
              name: 'Radu',
              teamId: 'x',
              teamName: 'Pill Pals',
              lookingForTeam: false,
            }),
          ]),
        [`GET ${base}/participants?limit=50&inTeam=false`]: () => page([person({})]),
      }),
    );
    const { router } = renderApp(`/organize/editions/${edition.slug}/participants`);

    const rows = await screen.findAllByTestId('participant-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toMatch(
      /Ana Popescu[\s\S]*ana@example\.com[\s\S]*React[\s\S]*Looking for a team/,
    );
    expect(rows[1]!.textContent).toContain('Pill Pals');

    fireEvent.click(screen.getByRole('radio', { name: 'Without a team' }));
    await waitFor(() => expect(screen.getAllByTestId('participant-row')).toHaveLength(1));
    expect(calls.map((c) => c.url)).toContain(`${base}/participants?limit=50&inTeam=false`);
    expect(router.state.location.search).toBe('?team=without');
  });
});

describe('console: teams', () => {
  it('shows every team with the state of its project, those without one as such; cards on a phone', async () => {
    setScreenWidth(390);
    stubFetch(
      routes({
        [`GET ${base}/teams/projects?limit=50`]: () =>
          page([
            team({ id: '22222222-0000-4000-8000-000000000001', name: 'Pill Pals' }),
            team({
              id: '22222222-0000-4000-8000-000000000002',
              name: 'Heritage Hackers',
              project: {
                state: 'submitted',
                submissionId: '33333333-0000-4000-8000-000000000001',
                title: 'Ramp map',
                updatedAt: '2026-03-10T09:00:00Z',
                submittedAt: '2026-03-10T09:00:00Z',
                disqualified: false,
              },
            }),
          ]),
      }),
    );
    renderApp(`/organize/editions/${edition.slug}/teams`);

    const cards = await screen.findAllByTestId('console-team-row');
    expect(cards[0]!.tagName).toBe('LI');
    expect(within(cards[0]!).getByTestId('project-state').textContent).toBe('No project yet');
    expect(within(cards[1]!).getByTestId('project-state').textContent).toBe('Submitted');
    expect(cards[1]!.textContent).toContain('Ramp map');
    expect(cards[0]!.textContent).toMatch(/Ana Popescu \(Captain\)[\s\S]*ana@example\.com/);
    expect(cards[0]!.textContent).toMatch(/Free places\s*4/);
  });
});

describe('console: jury', () => {
  const invitation: JuryInvitation = {
    id: '44444444-0000-4000-8000-000000000001',
    editionId: edition.id,
    email: 'juror@example.com',
    trackIds: [HEALTH],
    status: 'pending',
    createdAt: '2026-03-09T10:00:00Z',
    expiresAt: '2026-03-23T10:00:00Z',
    acceptedAt: null,
    acceptedBy: null,
    lastSentAt: '2026-03-09T10:00:00Z',
    revokedAt: null,
  };

  it('names a wrong email before sending, invites with tracks, and shows the link when mail is not set up', async () => {
    const { fetch } = stubFetch(
      routes({
        [`GET ${base}/jury/invitations?limit=50`]: () => page([invitation]),
        [`GET ${base}/jurors?limit=50`]: () => page([]),
        [`POST ${base}/jury/invitations`]: () => json(201, { token: 'tok-123', delivery: 'outbox' }),
      }),
    );
    renderApp(`/organize/editions/${edition.slug}/jury`);

    const row = await screen.findByTestId('invitation-row', {}, { timeout: 4000 });
    expect(row.textContent).toMatch(/juror@example\.com[\s\S]*Health[\s\S]*Pending/);
    expect(await screen.findByTestId('jurors-empty')).toBeTruthy();

    const form = screen.getByTestId('invite-juror-form');
    fireEvent.change(within(form).getByLabelText(/^Email/), { target: { value: 'not an email' } });
    fireEvent.click(within(form).getByTestId('invite-submit'));
    expect(
      await within(form).findByText('Email must be an email address, like name@example.com.'),
    ).toBeTruthy();
    expect(fetch.mock.calls.some(([, i]) => i?.method === 'POST')).toBe(false);

    fireEvent.change(within(form).getByLabelText(/^Email/), { target: { value: 'new.juror@example.com' } });
    fireEvent.click(within(form).getByTestId('invite-submit'));
    const sent = await screen.findByTestId('invite-sent');
    expect(sent.textContent).toContain('send this link to new.juror@example.com yourself');
    expect(within(sent).getByTestId('invite-link').textContent).toBe(
      'http://localhost/jury/accept?token=tok-123',
    );
    const post = fetch.mock.calls.find(([, i]) => i?.method === 'POST')!;
    expect(bodyOf(post[1])).toEqual({ email: 'new.juror@example.com', trackIds: [] });
  });

  it('resends an invitation (a new link) and revokes one after confirming', async () => {
    let status: JuryInvitation['status'] = 'pending';
    const { fetch } = stubFetch(
      routes({
        [`GET ${base}/jury/invitations?limit=50`]: () => page([{ ...invitation, status }]),
        [`GET ${base}/jurors?limit=50`]: () => page([]),
        [`POST ${base}/jury/invitations/${invitation.id}/resend`]: () =>
          json(200, { token: 'tok-new', delivery: 'outbox' }),
        [`POST ${base}/jury/invitations/${invitation.id}/revoke`]: () => {
          status = 'revoked';
          return json(200, { ...invitation, status, revokedAt: new Date().toISOString() });
        },
      }),
    );
    renderApp(`/organize/editions/${edition.slug}/jury`);

    const row = await screen.findByTestId('invitation-row', {}, { timeout: 4000 });
    fireEvent.click(within(row).getByTestId('invitation-resend'));
    expect((await screen.findByTestId('invite-link')).textContent).toBe(
      'http://localhost/jury/accept?token=tok-new',
    );

    fireEvent.click(within(screen.getByTestId('invitation-row')).getByTestId('invitation-revoke'));
    expect(await screen.findByText('Revoke the invitation of juror@example.com?')).toBeTruthy();
    fireEvent.click(screen.getByTestId('confirm'));
    await waitFor(() =>
      expect(within(screen.getByTestId('invitation-row')).getByTestId('invitation-status').textContent).toBe(
        'Revoked',
      ),
    );
    expect(within(screen.getByTestId('invitation-row')).queryByTestId('invitation-revoke')).toBeNull();
    expect(fetch.mock.calls.filter(([, i]) => i?.method === 'POST')).toHaveLength(2);
  });

  it('filters the invitations by state and email, and the jurors by name and track, through the API', async () => {
    const expired = {
      ...invitation,
      id: '44444444-0000-4000-8000-000000000002',
      email: 'old@example.com',
      status: 'expired' as const,
    };
    const elena = {
      userId: 'a',
      name: 'Elena Marinescu',
      email: 'elena@example.com',
      trackIds: [],
      since: '2026-03-01T10:00:00Z',
    };
    const mihai = {
      userId: 'b',
      name: 'Mihai Dumitrescu',
      email: 'mihai@example.com',
      trackIds: [HEALTH],
      since: '2026-03-01T10:00:00Z',
    };
    const { fetch } = stubFetch(
      routes({
        [`GET ${base}/jury/invitations?limit=50`]: () => page([invitation, expired]),
        [`GET ${base}/jury/invitations?limit=50&status=expired`]: () => page([expired]),
        [`GET ${base}/jury/invitations?limit=50&q=nobody&status=expired`]: () => page([]),
        [`GET ${base}/jurors?limit=50`]: () => page([elena, mihai]),
        [`GET ${base}/jurors?limit=50&q=mihai`]: () => page([mihai]),
        [`GET ${base}/jurors?limit=50&q=mihai&trackId=${HEALTH}`]: () => page([mihai]),
      }),
    );
    const asked = () => fetch.mock.calls.map(([u]) => String(u));
    renderApp(`/organize/editions/${edition.slug}/jury`);

    expect(await screen.findAllByTestId('invitation-row')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('invitations-filter'));
    fireEvent.click(await screen.findByRole('option', { name: 'Expired', hidden: true }));
    await waitFor(() => expect(screen.getAllByTestId('invitation-row')).toHaveLength(1));
    expect(screen.getByTestId('invitation-row').textContent).toContain('old@example.com');
    expect(asked()).toContain(`${base}/jury/invitations?limit=50&status=expired`);
    fireEvent.change(screen.getByTestId('invitations-search'), { target: { value: 'nobody' } });
    expect((await screen.findByTestId('invitations-empty', {}, { timeout: 3000 })).textContent).toBe(
      'Nothing matches these filters.',
    );

    expect(await screen.findAllByTestId('juror-row')).toHaveLength(2);
    fireEvent.change(screen.getByTestId('jurors-search'), { target: { value: 'mihai' } });
    await waitFor(() => expect(screen.getAllByTestId('juror-row')).toHaveLength(1));
    expect(screen.getByTestId('juror-row').textContent).toContain('Mihai Dumitrescu');
    fireEvent.click(screen.getByTestId('jurors-track-filter'));
    // The invite form's track picker offers Health too: take the track filter's own option.
    const options = await screen.findAllByRole('option', { name: 'Health', hidden: true });
    fireEvent.click(options.find((o) => o.className.includes('mantine-Select-option'))!);
    await waitFor(() => expect(asked()).toContain(`${base}/jurors?limit=50&q=mihai&trackId=${HEALTH}`));
    // Nothing was filtered in the page: every filter went to the API.
    expect(asked().filter((u) => u.includes('/jurors?'))).toEqual([
      `${base}/jurors?limit=50`,
      `${base}/jurors?limit=50&q=mihai`,
      `${base}/jurors?limit=50&q=mihai&trackId=${HEALTH}`,
    ]);
  });

  it('purges the personal data only after the retention date, after confirming', async () => {
    const kept = stubFetch(routes({}));
    const first = renderApp(`/organize/editions/${edition.slug}/edition`);
    const button = (await screen.findByTestId(
      'purge-personal-data',
      {},
      { timeout: 4000 },
    )) as HTMLButtonElement;
    // no date set: a year after judging ends, still ahead
    expect(button.disabled).toBe(true);
    expect(screen.getByTestId('personal-data-panel').textContent).toContain('is kept until');
    expect(kept.fetch.mock.calls.some(([url]) => String(url).includes('purge'))).toBe(false);
    first.unmount();

    const past = { ...edition, personalDataRetentionUntil: '2026-03-01T00:00:00Z' };
    const { fetch } = stubFetch({
      ...routes({}),
      [`GET /api/editions/${edition.slug}`]: () => json(200, past),
      [`POST ${base}/purge-personal-data`]: () =>
        json(200, {
          editionId: edition.id,
          purgedAt: '2026-03-10T12:00:01Z',
          registrationsCleared: 4,
          joinRequestMessagesCleared: 2,
          accountsAnonymised: 3,
          accountsKept: 1,
        }),
    });
    renderApp(`/organize/editions/${edition.slug}/edition`);
    const enabled = (await screen.findByTestId(
      'purge-personal-data',
      {},
      { timeout: 4000 },
    )) as HTMLButtonElement;
    await waitFor(() => expect(enabled.disabled).toBe(false));
    fireEvent.click(enabled);
    expect(await screen.findByText("Purge this edition's personal data?")).toBeTruthy();
    fireEvent.click(screen.getByTestId('confirm'));
    expect(
      await screen.findByText(
        'Personal data purged: 3 accounts anonymised, 1 kept (they take part in another edition).',
      ),
    ).toBeTruthy();
    expect(
      fetch.mock.calls.filter(
        ([url, i]) => i?.method === 'POST' && String(url).endsWith('/purge-personal-data'),
      ),
    ).toHaveLength(1);
  });
});
