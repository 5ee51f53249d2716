import type { JoinRequest, Me, Team } from '@ca/shared';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setLanguage } from '../../lib/i18n';
import { USER_ID, meFixture, signedIn } from '../../test/auth-fixtures';
import { FakeSocket } from '../../test/fake-socket';
import { json, stubFetch } from '../../test/fetch-stub';
import { demoEdition } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { submissionFixture } from '../submissions/test-fixtures';

const mockSocket = new FakeSocket();
jest.mock('../../lib/socket', () => ({ getSocket: () => mockSocket, closeSocket: () => undefined }));

const edition = demoEdition(Date.now());
const E = edition.id;
const SLUG = edition.slug;
const HEALTH = edition.tracks[0]!.id;
const TOURISM = edition.tracks[2]!.id;
const OTHER = '9a8b7c6d-0000-4000-8000-00000000aaaa';

const team = (overrides: Partial<Team> = {}): Team => ({
  id: '3c4d5e6f-0000-4000-8000-000000000abc',
  editionId: E,
  trackId: HEALTH,
  name: 'Pill Pals',
  captainId: USER_ID,
  members: [
    { userId: USER_ID, name: 'Ana Popescu' },
    { userId: OTHER, name: 'Radu Ionescu' },
  ],
  inviteCode: 'K7M2Q9XHTP',
  freePlaces: 3,
  tableLabel: null,
  ...overrides,
});

const error = (status: number, code: string, message = code) =>
  json(status, { statusCode: status, code, message });
const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body)) as unknown;
const input = (label: RegExp) => screen.getByLabelText(label, { selector: 'input' });
/** Picks an option of a Mantine Select (its dropdown stays display:none in jsdom, as transitions never run). */
async function pick(label: RegExp, option: string) {
  fireEvent.click(input(label));
  fireEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
}
const editionRoutes = {
  // What My team asks besides the team: no request pending, no project saved yet.
  [`GET /api/editions/${E}/join-requests?limit=200`]: () => json(200, { items: [], nextCursor: null }),
  [`GET /api/teams/3c4d5e6f-0000-4000-8000-000000000abc/submission`]: () => json(200, null),
  [`GET /api/editions/${SLUG}`]: () => json(200, edition),
  [`GET /api/editions/${E}`]: () => json(200, edition),
  'GET /api/editions': () => json(200, { items: [edition], nextCursor: null }),
};

afterEach(async () => {
  await setLanguage('en');
});

describe('registration on the edition page', () => {
  it('invites visitors to sign up, coming back to the edition', async () => {
    stubFetch(editionRoutes);
    renderApp(`/editions/${SLUG}`);
    const signup = await screen.findByTestId('cta-signup');
    expect(signup.getAttribute('href')).toBe(`/signup?next=%2Feditions%2F${SLUG}`);
  });

  it('registers a signed-in user with skills and "looking for a team"', async () => {
    let me: Me = meFixture();
    const { fetch } = stubFetch({
      ...editionRoutes,
      ...signedIn(() => me),
      [`POST /api/editions/${E}/registrations`]: (init) => {
        me = meFixture({}, { [E]: ['participant'] });
        return json(201, { editionId: E, userId: USER_ID, ...(bodyOf(init) as object) });
      },
    });
    renderApp(`/editions/${SLUG}`);
    const form = await screen.findByTestId('registration-form');

    const skills = within(form).getByLabelText(/^Your skills/, { selector: 'input' });
    // Mantine ignores changes to an input without focus (autofill); people type into a focused one.
    act(() => skills.focus());
    fireEvent.change(skills, { target: { value: 'React' } });
    fireEvent.keyDown(skills, { key: 'Enter' });
    fireEvent.change(skills, { target: { value: 'Data analysis' } });
    fireEvent.keyDown(skills, { key: 'Enter' });
    fireEvent.click(screen.getByTestId('registration-submit'));

    expect(await screen.findByTestId('registered-note')).toBeTruthy();
    expect(screen.getByTestId('cta-my-team').getAttribute('href')).toBe(`/editions/${SLUG}/team`);
    const call = fetch.mock.calls.find(
      ([u, i]) => u === `/api/editions/${E}/registrations` && i?.method === 'POST',
    )!;
    expect(bodyOf(call[1])).toEqual({
      skills: ['React', 'Data analysis'],
      lookingForTeam: true,
      shareContact: false,
    });
    // The navigation now leads to the team page.
    expect((await screen.findByTestId('nav-my-team')).getAttribute('href')).toBe(`/editions/${SLUG}/team`);
  });

  it('shows PHASE_CLOSED translated when registration closed meanwhile', async () => {
    stubFetch({
      ...editionRoutes,
      ...signedIn(meFixture()),
      [`POST /api/editions/${E}/registrations`]: () => error(409, 'PHASE_CLOSED'),
    });
    renderApp(`/editions/${SLUG}`);
    await screen.findByTestId('registration-form');
    fireEvent.click(screen.getByTestId('registration-submit'));
    expect((await screen.findByTestId('form-error')).textContent).toContain(
      'This is not possible in the current phase of the edition.',
    );
  });

  it('says when registration opens, and offers no form before', async () => {
    const later = demoEdition(Date.now(), {
      phase: 'upcoming',
      registrationOpensAt: new Date(Date.now() + 86_400_000).toISOString(),
      hackingStartsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    stubFetch({ [`GET /api/editions/${SLUG}`]: () => json(200, later), ...signedIn(meFixture()) });
    renderApp(`/editions/${SLUG}`);
    expect((await screen.findByTestId('participation')).textContent).toContain('Registration opens on');
    expect(screen.queryByTestId('registration-form')).toBeNull();
  });
});

describe('My team', () => {
  const participant = meFixture({}, { [E]: ['participant'] });

  it('without a team: names the fields at fault, and NAME_TAKEN lands on the name', async () => {
    const { calls } = stubFetch({
      ...editionRoutes,
      ...signedIn(participant),
      [`GET /api/editions/${E}/teams/me`]: () => json(200, null),
      [`POST /api/editions/${E}/teams`]: () =>
        error(409, 'NAME_TAKEN', 'name: "Pill Pals" is already used by another team of this edition'),
    });
    renderApp(`/editions/${SLUG}/team`);
    await screen.findByTestId('create-team-form');

    fireEvent.click(screen.getByTestId('create-team-submit'));
    expect(await screen.findByText('Team name is required.')).toBeTruthy();
    expect(screen.getByText('Track is required.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(input(/^Team name/), { target: { value: 'Pill Pals' } });
    await pick(/^Track/, 'Health');
    fireEvent.click(screen.getByTestId('create-team-submit'));

    await screen.findByTestId('form-error');
    await waitFor(() => expect(input(/^Team name/).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText('This name is already taken.').length).toBeGreaterThan(0);
  });

  it('creates a team and shows it, with the invite link to copy', async () => {
    let mine: Team | null = null;
    const { fetch } = stubFetch({
      ...editionRoutes,
      ...signedIn(participant),
      [`GET /api/editions/${E}/teams/me`]: () => json(200, mine ?? null),
      [`POST /api/editions/${E}/teams`]: (init) => {
        const body = bodyOf(init) as { name: string; trackId: string };
        mine = team({ ...body, members: [{ userId: USER_ID, name: 'Ana Popescu' }], freePlaces: 4 });
        return json(201, mine);
      },
    });
    renderApp(`/editions/${SLUG}/team`);
    await screen.findByTestId('create-team-form');
    fireEvent.change(input(/^Team name/), { target: { value: 'Pill Pals' } });
    await pick(/^Track/, 'Tourism');
    fireEvent.click(screen.getByTestId('create-team-submit'));

    expect((await screen.findByTestId('team-name-heading')).textContent).toBe('Pill Pals');
    const call = fetch.mock.calls.find(([u, i]) => u === `/api/editions/${E}/teams` && i?.method === 'POST')!;
    expect(bodyOf(call[1])).toEqual({ name: 'Pill Pals', trackId: TOURISM });
    expect((screen.getByTestId('invite-link') as HTMLInputElement).value).toBe(
      'http://localhost/join/K7M2Q9XHTP',
    );
    expect(screen.getByTestId('copy-invite').textContent).toBe('Copy link');
    expect(screen.getByTestId('captain-badge')).toBeTruthy();
  });

  it('lists the members with the captain marked; the captain hands over captaincy', async () => {
    let current = team();
    const { fetch } = stubFetch({
      ...editionRoutes,
      ...signedIn(participant),
      [`GET /api/editions/${E}/teams/me`]: () => json(200, current),
      [`PATCH /api/teams/${current.id}`]: (init) => {
        current = { ...current, ...(bodyOf(init) as Partial<Team>) };
        return json(200, current);
      },
    });
    renderApp(`/editions/${SLUG}/team`);

    const rows = await screen.findAllByTestId('team-member');
    expect(rows.map((r) => r.textContent)).toEqual(['Ana Popescu (you)Captain', 'Radu IonescuMember']);

    await pick(/^Hand over captaincy to/, 'Radu Ionescu');
    fireEvent.click(screen.getByRole('button', { name: 'Hand over captaincy' }));
    fireEvent.click(await screen.findByTestId('confirm'));

    await waitFor(() => expect(screen.queryByText("Captain's tools")).toBeNull());
    const patch = fetch.mock.calls.find(([, i]) => i?.method === 'PATCH')!;
    expect(bodyOf(patch[1])).toEqual({ captainId: OTHER });
    const after = screen.getAllByTestId('team-member').map((r) => r.textContent);
    expect(after).toEqual(['Ana Popescu (you)Member', 'Radu IonescuCaptain']);
  });

  it("puts the project's state first: submitted, last saved, what is missing, the way to the editor", async () => {
    const submitted = {
      ...submissionFixture(Date.now()),
      teamId: team().id,
      status: 'submitted' as const,
      submittedAt: new Date().toISOString(),
      description: 'Short.',
      demoUrl: '',
      videoUrl: '',
    };
    stubFetch({
      ...editionRoutes,
      ...signedIn(meFixture({}, { [E]: ['participant'] })),
      [`GET /api/editions/${E}/teams/me`]: () => json(200, team()),
      [`GET /api/teams/${team().id}/submission`]: () => json(200, submitted),
    });
    renderApp(`/editions/${SLUG}/team`);

    const card = await screen.findByTestId('project-card');
    await waitFor(() =>
      expect(within(card).getByTestId('submission-status').textContent).toContain('Submitted'),
    );
    expect(within(card).getByTestId('project-summary').textContent).toMatch(
      /^Submitted on .+You can still improve it/,
    );
    expect(card.textContent).not.toContain('write, save and submit');
    expect(within(card).getByTestId('project-missing').textContent).toMatch(
      /A description of at least 200 characters[\s\S]*A link to a demo[\s\S]*A link to a video/,
    );
    // The editor comes before the team's own tools, "Leave the team" last.
    const order = [within(card).getByTestId('open-submission'), screen.getByTestId('leave-team')];
    expect(order[0]!.compareDocumentPosition(order[1]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('a member who is not captain sees no captain tools, and can leave', async () => {
    let current: Team | null = team({ captainId: OTHER });
    stubFetch({
      ...editionRoutes,
      ...signedIn(participant),
      [`GET /api/editions/${E}/teams/me`]: () => json(200, current ?? null),
      [`POST /api/teams/${team().id}/leave`]: () => {
        current = null;
        return json(200, { teamDeleted: false });
      },
    });
    renderApp(`/editions/${SLUG}/team`);
    await screen.findByTestId('team-panel');
    expect(screen.queryByText("Captain's tools")).toBeNull();

    fireEvent.click(screen.getByTestId('leave-team'));
    fireEvent.click(await screen.findByTestId('confirm'));
    expect(await screen.findByTestId('create-team-form')).toBeTruthy();
  });

  it('asks someone not registered to register first', async () => {
    stubFetch({ ...editionRoutes, ...signedIn(meFixture()) });
    renderApp(`/editions/${SLUG}/team`);
    expect(await screen.findByTestId('registration-form')).toBeTruthy();
  });
});

describe('joining by invite link', () => {
  const participant = meFixture({}, { [E]: ['participant'] });
  const invite = team({ captainId: OTHER, members: [{ userId: OTHER, name: 'Radu Ionescu' }] });
  const joinRoutes = (answer: () => Response, me: Me | (() => Me) = participant) => ({
    ...editionRoutes,
    ...signedIn(me),
    'GET /api/teams/invite/K7M2Q9XHTP': () => json(200, invite),
    'POST /api/teams/join': answer,
    [`GET /api/editions/${E}/teams/me`]: () =>
      json(200, { ...invite, members: [...invite.members, { userId: USER_ID, name: 'Ana Popescu' }] }),
  });

  it.each([
    ['TEAM_FULL', 'This team is full.', 'Find a team with free places', `/editions/${SLUG}/find-team`],
    [
      'ALREADY_IN_TEAM',
      'You are already in a team in this edition.',
      'See your team',
      `/editions/${SLUG}/team`,
    ],
    [
      'PHASE_CLOSED',
      'This is not possible in the current phase of the edition.',
      "See the edition's timeline",
      `/editions/${SLUG}`,
    ],
  ])('%s: the translated message and a way forward', async (code, message, link, href) => {
    stubFetch(joinRoutes(() => error(409, code)));
    renderApp('/join/K7M2Q9XHTP');
    expect((await screen.findByTestId('join-team-name')).textContent).toBe('Pill Pals');

    fireEvent.click(screen.getByTestId('join-team'));

    const alert = await screen.findByTestId('form-error');
    expect(alert.textContent).toContain(message);
    expect(within(alert).getByRole('link', { name: link }).getAttribute('href')).toBe(href);
  });

  it('NOT_REGISTERED: register first, then the join happens', async () => {
    let me: Me = meFixture();
    const { calls } = stubFetch({
      ...joinRoutes(
        () => json(200, invite),
        () => me,
      ),
      [`POST /api/editions/${E}/registrations`]: () => {
        me = participant;
        return json(201, { editionId: E, userId: USER_ID, skills: [], lookingForTeam: true });
      },
    });
    const { router } = renderApp('/join/K7M2Q9XHTP');
    expect((await screen.findByRole('heading', { level: 2, name: /Register for/ })).textContent).toContain(
      'Challenge Accepted — VI edition',
    );

    fireEvent.click(screen.getByTestId('registration-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/editions/${SLUG}/team`));
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(
      expect.arrayContaining([`POST /api/editions/${E}/registrations`, 'POST /api/teams/join']),
    );
  });

  it('shows the NOT_REGISTERED message translated in Romanian', async () => {
    await setLanguage('ro');
    stubFetch(joinRoutes(() => error(409, 'TEAM_FULL')));
    renderApp('/join/K7M2Q9XHTP');
    fireEvent.click(await screen.findByTestId('join-team'));
    expect((await screen.findByTestId('form-error')).textContent).toContain('Această echipă este completă.');
  });

  it('joins and opens My team', async () => {
    const joined = { ...invite, members: [...invite.members, { userId: USER_ID, name: 'Ana Popescu' }] };
    const { fetch } = stubFetch(joinRoutes(() => json(200, joined)));
    renderApp('/join/K7M2Q9XHTP');
    fireEvent.click(await screen.findByTestId('join-team'));
    expect(await screen.findByTestId('team-panel')).toBeTruthy();
    const call = fetch.mock.calls.find(([u]) => u === '/api/teams/join')!;
    expect(bodyOf(call[1])).toEqual({ inviteCode: 'K7M2Q9XHTP' });
    expect(screen.getAllByTestId('team-member')).toHaveLength(2);
  });

  it('says so when the link leads nowhere', async () => {
    stubFetch({
      ...signedIn(participant),
      'GET /api/teams/invite/NOPE': () => error(404, 'NOT_FOUND'),
    });
    renderApp('/join/NOPE');
    expect(await screen.findByTestId('invite-unknown')).toBeTruthy();
  });

  it('sends a visitor to sign in first, then back to the link', async () => {
    stubFetch({});
    const { router } = renderApp('/join/K7M2Q9XHTP');
    await screen.findByTestId('login-form');
    expect(router.state.location.search).toBe('?next=%2Fjoin%2FK7M2Q9XHTP');
  });
});

describe('team-finder', () => {
  const participant = meFixture({}, { [E]: ['participant'] });

  it('lists people looking for a team, filtered by skill, and teams with free places by track', async () => {
    const { calls } = stubFetch({
      ...editionRoutes,
      ...signedIn(participant),
      [`GET /api/editions/${E}/registrations/me`]: () =>
        json(200, { editionId: E, userId: USER_ID, skills: [], lookingForTeam: true }),
      [`GET /api/editions/${E}/participants?limit=50&lookingForTeam=true`]: () =>
        json(200, {
          items: [
            {
              userId: OTHER,
              name: 'Radu Ionescu',
              skills: ['Python', 'UX'],
              lookingForTeam: true,
              teamId: null,
            },
          ],
          nextCursor: null,
        }),
      [`GET /api/editions/${E}/participants?limit=50&lookingForTeam=true&skill=pyth`]: () =>
        json(200, { items: [], nextCursor: null }),
      [`GET /api/editions/${E}/teams?limit=50&hasFreePlaces=true`]: () =>
        json(200, { items: [team({ inviteCode: null })], nextCursor: null }),
      [`GET /api/editions/${E}/teams?limit=50&hasFreePlaces=true&trackId=${TOURISM}`]: () =>
        json(200, { items: [], nextCursor: null }),
    });
    renderApp(`/editions/${SLUG}/find-team`);

    const person = await screen.findByTestId('finder-person');
    expect(person.textContent).toContain('Radu Ionescu');
    expect(person.textContent).toContain('Python');

    fireEvent.change(screen.getByTestId('finder-skill'), { target: { value: 'pyth' } });
    expect(await screen.findByTestId('finder-people-empty', {}, { timeout: 2000 })).toBeTruthy();

    fireEvent.click(screen.getByTestId('finder-tab-teams'));
    const row = await screen.findByTestId('finder-team');
    expect(row.textContent).toContain('Pill Pals');
    expect(row.textContent).toContain('Health');

    await pick(/^Track/, 'Tourism');
    expect(await screen.findByTestId('finder-teams-empty')).toBeTruthy();
    expect(calls.some((c) => c.url.endsWith(`trackId=${TOURISM}`))).toBe(true);
  });

  const request = (overrides: Partial<JoinRequest> = {}): JoinRequest => ({
    id: '5a5a5a5a-0000-4000-8000-000000000001',
    editionId: E,
    kind: 'request',
    teamId: team().id,
    teamName: 'Pill Pals',
    trackId: HEALTH,
    userId: OTHER,
    userName: 'Radu Ionescu',
    userEmail: null,
    userSkills: ['Python'],
    message: 'I do data analysis.',
    status: 'pending',
    createdBy: OTHER,
    createdAt: new Date().toISOString(),
    decidedAt: null,
    decidedBy: null,
    ...overrides,
  });
  const empty = () => json(200, { items: [], nextCursor: null });

  it('someone without a team asks a team to join with a message, and then sees the request pending', async () => {
    let pending: JoinRequest[] = [];
    const { fetch } = stubFetch({
      ...editionRoutes,
      ...signedIn(participant),
      [`GET /api/editions/${E}/teams/me`]: () => json(200, null),
      [`GET /api/editions/${E}/join-requests?limit=200`]: () =>
        json(200, { items: pending, nextCursor: null }),
      [`GET /api/editions/${E}/registrations/me`]: () =>
        json(200, { editionId: E, userId: USER_ID, skills: [], lookingForTeam: true, shareContact: false }),
      [`GET /api/editions/${E}/participants?limit=50&lookingForTeam=true`]: empty,
      [`GET /api/editions/${E}/teams?limit=50&hasFreePlaces=true`]: () =>
        json(200, { items: [team({ captainId: OTHER, inviteCode: null })], nextCursor: null }),
      [`POST /api/teams/${team().id}/join-requests`]: (init) => {
        pending = [request({ userId: USER_ID, userName: 'Ana Popescu', ...(bodyOf(init) as object) })];
        return json(201, pending[0]);
      },
    });
    renderApp(`/editions/${SLUG}/find-team?tab=teams`);

    const row = await screen.findByTestId('finder-team');
    fireEvent.click(within(row).getByTestId('ask-to-join'));
    const form = await screen.findByTestId('join-message-form');
    expect(screen.getByText('Ask to join Pill Pals')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText(/^Message/), { target: { value: ' x'.repeat(300) } });
    fireEvent.click(within(form).getByTestId('join-message-send'));
    expect(await within(form).findByText('Message must have at most 500 characters.')).toBeTruthy();
    expect(fetch.mock.calls.some(([, i]) => i?.method === 'POST')).toBe(false);

    fireEvent.change(within(form).getByLabelText(/^Message/), { target: { value: 'I do React.' } });
    fireEvent.click(within(form).getByTestId('join-message-send'));
    expect(await screen.findByText('Your request was sent to Pill Pals.')).toBeTruthy();
    const post = fetch.mock.calls.find(([, i]) => i?.method === 'POST')!;
    expect(bodyOf(post[1])).toEqual({ message: 'I do React.' });
    // Both the list and the panel of pending requests say so.
    expect(
      await within(screen.getAllByTestId('finder-team')[0]!).findByTestId('team-requested'),
    ).toBeTruthy();
    const panel = await screen.findByTestId('join-requests');
    expect(panel.textContent).toMatch(/Your requests[\s\S]*Pill Pals[\s\S]*I do React\./);
    expect(within(panel).getByTestId('request-withdraw')).toBeTruthy();
  });

  it('the captain sees the request on My team and accepts it; the new member is in the team', async () => {
    let pending = [request()];
    let current = team({ members: [{ userId: USER_ID, name: 'Ana Popescu' }], freePlaces: 4 });
    const { fetch } = stubFetch({
      ...editionRoutes,
      ...signedIn(participant),
      [`GET /api/editions/${E}/teams/me`]: () => json(200, current),
      [`GET /api/teams/${team().id}/submission`]: () => json(200, null),
      [`GET /api/editions/${E}/join-requests?limit=200`]: () =>
        json(200, { items: pending, nextCursor: null }),
      [`POST /api/join-requests/${request().id}/accept`]: () => {
        current = team();
        pending = [];
        return json(200, { request: request({ status: 'accepted' }), team: current });
      },
    });
    renderApp(`/editions/${SLUG}/team`);

    const panel = await screen.findByTestId('join-requests');
    expect(panel.textContent).toMatch(
      /People asking to join[\s\S]*Radu Ionescu[\s\S]*Python[\s\S]*I do data analysis\./,
    );
    fireEvent.click(within(panel).getByTestId('request-accept'));
    expect(await screen.findByText('Radu Ionescu joined the team.')).toBeTruthy();
    expect(fetch.mock.calls.some(([u, i]) => i?.method === 'POST' && String(u).endsWith('/accept'))).toBe(
      true,
    );
    await waitFor(() => expect(screen.getAllByTestId('team-member')).toHaveLength(2));
    await waitFor(() => expect(screen.queryByTestId('join-requests')).toBeNull());
  });

  it('a captain invites a person looking for a team', async () => {
    const { fetch } = stubFetch({
      ...editionRoutes,
      ...signedIn(participant),
      [`GET /api/editions/${E}/teams/me`]: () => json(200, team()),
      [`GET /api/editions/${E}/join-requests?limit=200`]: empty,
      [`GET /api/editions/${E}/registrations/me`]: () =>
        json(200, { editionId: E, userId: USER_ID, skills: [], lookingForTeam: false, shareContact: false }),
      [`GET /api/editions/${E}/participants?limit=50&lookingForTeam=true`]: () =>
        json(200, {
          items: [
            {
              userId: '7b7b7b7b-0000-4000-8000-000000000001',
              name: 'Ioana Marin',
              skills: ['UX'],
              lookingForTeam: true,
              teamId: null,
              teamName: null,
              email: 'ioana@example.com',
              registeredAt: new Date().toISOString(),
            },
          ],
          nextCursor: null,
        }),
      [`POST /api/teams/${team().id}/invitations`]: (init) =>
        json(201, request({ kind: 'invitation', ...(bodyOf(init) as object) })),
    });
    renderApp(`/editions/${SLUG}/find-team`);

    const person = await screen.findByTestId('finder-person');
    expect(person.textContent).toContain('ioana@example.com');
    fireEvent.click(within(person).getByTestId('invite-person'));
    const form = await screen.findByTestId('join-message-form');
    fireEvent.click(within(form).getByTestId('join-message-send'));
    expect(await screen.findByText('Ioana Marin was invited.')).toBeTruthy();
    const post = fetch.mock.calls.find(([, i]) => i?.method === 'POST')!;
    expect(bodyOf(post[1])).toEqual({ userId: '7b7b7b7b-0000-4000-8000-000000000001', message: '' });
  });
});
