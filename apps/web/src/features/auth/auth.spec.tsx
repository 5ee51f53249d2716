import type { Me } from '@ca/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setLanguage } from '../../lib/i18n';
import { meFixture, signedIn } from '../../test/auth-fixtures';
import { FakeSocket } from '../../test/fake-socket';
import { json, stubFetch } from '../../test/fetch-stub';
import { demoEdition } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const mockSocket = new FakeSocket();
jest.mock('../../lib/socket', () => ({ getSocket: () => mockSocket, closeSocket: () => undefined }));

const input = (label: RegExp) => screen.getByLabelText(label, { selector: 'input' });
const type = (label: RegExp, value: string) => fireEvent.change(input(label), { target: { value } });
const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body)) as unknown;

afterEach(async () => {
  await setLanguage('en');
});

describe('auth state', () => {
  it('learns who is signed in from /auth/session, so a reload keeps the session', async () => {
    const { calls } = stubFetch({
      ...signedIn(meFixture()),
      'GET /api/editions': () => json(200, { items: [], nextCursor: null }),
    });

    renderApp('/');

    expect(await screen.findByTestId('nav-account-menu')).toBeTruthy();
    expect(screen.getByTestId('nav-account-menu').textContent).toContain('Ana Popescu');
    expect(screen.queryByTestId('nav-login')).toBeNull();
    expect(calls.filter((c) => c.url === '/api/auth/session')).toHaveLength(1);
  });

  it('shows Sign in and Sign up to visitors, coming back to the page they were on', async () => {
    const edition = demoEdition(Date.now());
    stubFetch({ 'GET /api/editions/challenge-accepted-vi': () => json(200, edition) });

    renderApp('/editions/challenge-accepted-vi');

    const login = await screen.findByTestId('nav-login');
    expect(login.getAttribute('href')).toBe('/login?next=%2Feditions%2Fchallenge-accepted-vi');
    expect(screen.getByTestId('nav-signup').getAttribute('href')).toBe(
      '/signup?next=%2Feditions%2Fchallenge-accepted-vi',
    );
    expect(screen.queryByTestId('nav-organize')).toBeNull();
  });

  it('gives each role its entries: participants their team, jurors the jury, organizers Organize', async () => {
    const edition = demoEdition(Date.now());
    stubFetch({
      ...signedIn(meFixture({ isOrganizer: true }, { [edition.id]: ['participant', 'juror'] })),
      'GET /api/editions': () => json(200, { items: [edition], nextCursor: null }),
    });

    renderApp('/');

    const myTeam = await screen.findByTestId('nav-my-team');
    expect(myTeam.getAttribute('href')).toBe('/editions/challenge-accepted-vi/team');
    expect(screen.getByTestId('nav-jury').getAttribute('href')).toBe('/jury');
    expect(screen.getByTestId('nav-organize').getAttribute('href')).toBe('/organize');
  });

  it('puts the same entries in the phone drawer, which closes when one is followed', async () => {
    const edition = demoEdition(Date.now());
    stubFetch({
      ...signedIn(meFixture({ isOrganizer: true }, { [edition.id]: ['participant', 'juror'] })),
      'GET /api/editions': () => json(200, { items: [edition], nextCursor: null }),
      'GET /api/editions/challenge-accepted-vi': () => json(200, edition),
    });

    const { router } = renderApp('/');

    await screen.findByTestId('nav-my-team');
    expect(screen.queryByTestId('drawer-organize')).toBeNull();
    const burger = screen.getByTestId('nav-burger');
    expect(burger.getAttribute('aria-label')).toBe('Open the menu');
    fireEvent.click(burger);
    expect((await screen.findByTestId('drawer-my-team')).getAttribute('href')).toBe(
      '/editions/challenge-accepted-vi/team',
    );
    expect(screen.getByTestId('drawer-jury').getAttribute('href')).toBe('/jury');
    expect(screen.getByTestId('drawer-organize').getAttribute('href')).toBe('/organize');
    expect(screen.getByTestId('drawer-logout')).toBeTruthy();
    fireEvent.click(screen.getByTestId('drawer-my-team'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/editions/challenge-accepted-vi/team'));
    await waitFor(() => expect(screen.queryByTestId('drawer-organize')).toBeNull());
  });

  it('shows no Organize or Jury entry to a participant', async () => {
    const edition = demoEdition(Date.now());
    stubFetch({
      ...signedIn(meFixture({}, { [edition.id]: ['participant'] })),
      'GET /api/editions': () => json(200, { items: [edition], nextCursor: null }),
    });

    renderApp('/');

    await screen.findByTestId('nav-my-team');
    expect(screen.queryByTestId('nav-organize')).toBeNull();
    expect(screen.queryByTestId('nav-jury')).toBeNull();
  });

  it('sends visitors of a protected page to the login page with ?next=', async () => {
    stubFetch({});

    const { router } = renderApp('/account');

    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Faccount');
  });

  it('signs out: the session ends, the cache is emptied and the visitor links are back', async () => {
    let me: Me | null = meFixture();
    const { calls } = stubFetch({
      ...signedIn(() => me),
      'GET /api/editions': () => json(200, { items: [], nextCursor: null }),
      'POST /api/auth/logout': () => {
        me = null;
        return new Response(null, { status: 204 });
      },
    });

    const { queryClient } = renderApp('/');
    fireEvent.click(await screen.findByTestId('nav-account-menu'));
    fireEvent.click(await screen.findByTestId('nav-logout'));

    expect(await screen.findByTestId('nav-login')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/auth/logout')).toBe(true);
    expect(queryClient.getQueryData(['auth', 'me'])).toBeNull();
    expect(queryClient.getQueryData(['editions', 'list'])).toBeUndefined();
  });
});

describe('login form', () => {
  it('names the fields at fault and sends nothing', async () => {
    const { calls } = stubFetch({});
    renderApp('/login');
    await screen.findByTestId('login-form');

    fireEvent.click(screen.getByTestId('login-submit'));

    expect(await screen.findByText('Email is required.')).toBeTruthy();
    expect(screen.getByText('Password is required.')).toBeTruthy();
    expect(input(/^Email/).getAttribute('aria-invalid')).toBe('true');

    type(/^Email/, 'not-an-email');
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('Email must be an email address, like name@example.com.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('says the email or password is wrong on a 401, and translates a 429', async () => {
    let status = 401;
    stubFetch({
      'POST /api/auth/login': () =>
        status === 401
          ? json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Wrong email or password' })
          : json(429, { statusCode: 429, code: 'RATE_LIMITED', message: 'Too many failed sign-ins' }),
    });
    renderApp('/login');
    await screen.findByTestId('login-form');
    type(/^Email/, 'ana@example.com');
    type(/^Password/, 'wrong password');

    fireEvent.click(screen.getByTestId('login-submit'));
    expect((await screen.findByTestId('form-error')).textContent).toContain(
      'The email or the password is not correct.',
    );

    status = 429;
    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('form-error').textContent).toContain(
        'Too many attempts. Wait a few minutes and try again.',
      ),
    );
  });

  it('signs in and goes on to ?next=, with the user in the navigation', async () => {
    let me: Me | null = null;
    const { fetch } = stubFetch({
      ...signedIn(() => me),
      'POST /api/auth/login': () => {
        me = meFixture();
        return json(200, { user: me, token: 't' });
      },
    });
    const { router } = renderApp('/login?next=%2Faccount');
    await screen.findByTestId('login-form');
    type(/^Email/, 'ana@example.com');
    type(/^Password/, 'correct horse battery');

    fireEvent.click(screen.getByTestId('login-submit'));

    await screen.findByRole('heading', { level: 1, name: 'Your account' });
    expect(router.state.location.pathname).toBe('/account');
    expect(screen.getByTestId('nav-account-menu').textContent).toContain('Ana Popescu');
    const login = fetch.mock.calls.find(([url]) => url === '/api/auth/login')!;
    expect(bodyOf(login[1])).toEqual({ email: 'ana@example.com', password: 'correct horse battery' });
  });

  it('never follows a ?next= that leaves the app', async () => {
    stubFetch({
      ...signedIn(meFixture()),
      'GET /api/editions': () => json(200, { items: [], nextCursor: null }),
    });
    const { router } = renderApp('/login?next=%2F%2Fevil.example.com');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('speaks Romanian', async () => {
    await setLanguage('ro');
    stubFetch({});
    renderApp('/login');
    await screen.findByTestId('login-form');
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('Câmpul „E-mail” este obligatoriu.')).toBeTruthy();
  });
});

describe('sign-up form', () => {
  it('asks for a 10-character password, naming the field', async () => {
    stubFetch({});
    renderApp('/signup');
    await screen.findByTestId('signup-form');
    type(/^Full name/, 'Ana');
    type(/^Email/, 'ana@example.com');
    type(/^Password/, 'short');

    fireEvent.click(screen.getByTestId('signup-submit'));

    expect(await screen.findByText('Password must have at least 10 characters.')).toBeTruthy();
  });

  it('puts EMAIL_TAKEN on the email field, translated', async () => {
    stubFetch({
      'POST /api/auth/register': () =>
        json(409, {
          statusCode: 409,
          code: 'EMAIL_TAKEN',
          message: 'email: an account with this address exists',
        }),
    });
    renderApp('/signup');
    await screen.findByTestId('signup-form');
    type(/^Full name/, 'Ana');
    type(/^Email/, 'ana@example.com');
    type(/^Password/, 'a long enough password');
    fireEvent.click(screen.getByTestId('signup-accept-terms'));

    fireEvent.click(screen.getByTestId('signup-submit'));

    await screen.findByTestId('form-error');
    const email = input(/^Email/);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    const error = describedBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(error).toContain('An account with this email address already exists.');
  });

  it('asks for the terms to be accepted before sending anything', async () => {
    const register = jest.fn(() => json(201, {}));
    stubFetch({ 'POST /api/auth/register': register });
    renderApp('/signup');
    await screen.findByTestId('signup-form');
    type(/^Full name/, 'Ana');
    type(/^Email/, 'ana@example.com');
    type(/^Password/, 'a long enough password');

    fireEvent.click(screen.getByTestId('signup-submit'));

    expect(
      await screen.findByText('Accept the terms and the privacy notice to create an account.'),
    ).toBeTruthy();
    expect(register).not.toHaveBeenCalled();
    expect(screen.getByRole('link', { name: 'terms and the privacy notice' }).getAttribute('href')).toBe(
      '/terms',
    );
  });

  it('creates the account and signs in at once', async () => {
    let sent: Record<string, unknown> = {};
    stubFetch({
      'POST /api/auth/register': (init) => {
        const body = bodyOf(init) as { name: string; email: string };
        sent = body;
        return json(201, {
          user: { id: meFixture().id, name: body.name, email: body.email, isOrganizer: false },
          token: 't',
        });
      },
      'GET /api/editions': () => json(200, { items: [], nextCursor: null }),
    });
    renderApp('/signup');
    await screen.findByTestId('signup-form');
    type(/^Full name/, 'Ana Popescu');
    type(/^Email/, 'ana@example.com');
    type(/^Password/, 'a long enough password');
    fireEvent.click(screen.getByTestId('signup-accept-terms'));

    fireEvent.click(screen.getByTestId('signup-submit'));

    expect((await screen.findByTestId('nav-account-menu')).textContent).toContain('Ana Popescu');
    expect(sent).toMatchObject({ acceptTerms: true, language: 'en' });
  });
});

describe('account page: emails', () => {
  it('shows the mail settings and saves each switch at once', async () => {
    let settings = { language: 'en', joinRequests: true, deadlineReminders: true, results: true };
    const { fetch } = stubFetch({
      ...signedIn(meFixture()),
      'GET /api/auth/me/notifications': () => json(200, settings),
      'PUT /api/auth/me/notifications': (init) => {
        settings = { ...settings, ...(bodyOf(init) as object) };
        return json(200, settings);
      },
    });
    renderApp('/account');
    const results = (await screen.findByTestId('notify-results')) as HTMLInputElement;
    expect(results.checked).toBe(true);
    expect(screen.getByLabelText('Results published')).toBe(results);

    fireEvent.click(results);

    await waitFor(() =>
      expect((screen.getByTestId('notify-results') as HTMLInputElement).checked).toBe(false),
    );
    const put = fetch.mock.calls.find(
      ([url, init]) => url === '/api/auth/me/notifications' && init?.method === 'PUT',
    )!;
    expect(bodyOf(put[1])).toEqual({ results: false });
    expect((screen.getByTestId('notify-deadlineReminders') as HTMLInputElement).checked).toBe(true);
  });
});

describe('password pages', () => {
  it('requests a reset link and says so without telling whether the account exists', async () => {
    const { fetch } = stubFetch({
      'POST /api/auth/password-reset/request': () => new Response(null, { status: 202 }),
    });
    renderApp('/forgot-password');
    await screen.findByLabelText(/^Email/, { selector: 'input' });
    type(/^Email/, 'ana@example.com');
    fireEvent.click(screen.getByTestId('forgot-submit'));
    expect((await screen.findByTestId('forgot-sent')).textContent).toContain(
      'If an account exists for ana@example.com',
    );
    expect(bodyOf(fetch.mock.calls.find(([u]) => u === '/api/auth/password-reset/request')![1])).toEqual({
      email: 'ana@example.com',
    });
  });

  it('sets a new password with the token of the link, and explains an expired link', async () => {
    let answer = () =>
      json(410, { statusCode: 410, code: 'INVALID_TOKEN', message: 'token: this reset link is unknown' });
    const { fetch } = stubFetch({ 'POST /api/auth/password-reset/confirm': () => answer() });
    renderApp('/reset-password?token=abc123');
    await screen.findByLabelText(/^New password/, { selector: 'input' });
    type(/^New password/, 'a brand new password');

    fireEvent.click(screen.getByTestId('reset-submit'));
    const error = await screen.findByTestId('form-error');
    expect(error.textContent).toContain('This link is no longer valid.');
    expect(within(error).getByRole('link', { name: 'Send me a new link' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
    expect(bodyOf(fetch.mock.calls.find(([u]) => u === '/api/auth/password-reset/confirm')![1])).toEqual({
      token: 'abc123',
      password: 'a brand new password',
    });

    answer = () => new Response(null, { status: 204 });
    fireEvent.click(screen.getByTestId('reset-submit'));
    expect(await screen.findByTestId('reset-done')).toBeTruthy();
  });

  it('changes the password; a wrong current one is marked on its field', async () => {
    let wrong = true;
    stubFetch({
      ...signedIn(meFixture()),
      'POST /api/auth/password': () =>
        wrong
          ? json(403, {
              statusCode: 403,
              code: 'WRONG_PASSWORD',
              message: 'currentPassword: this is not your current password',
            })
          : new Response(null, { status: 204 }),
    });
    renderApp('/account');
    await screen.findByTestId('password-form');
    type(/^Current password/, 'not my password');
    type(/^New password/, 'a brand new password');

    fireEvent.click(screen.getByTestId('password-submit'));
    await screen.findByTestId('form-error');
    await waitFor(() => expect(input(/^Current password/).getAttribute('aria-invalid')).toBe('true'));

    wrong = false;
    fireEvent.click(screen.getByTestId('password-submit'));
    expect(await screen.findByText('Your password has been changed.')).toBeTruthy();
  });
});

describe('jury invitation', () => {
  it('sends a visitor through login and back; accepting makes them a juror', async () => {
    const edition = demoEdition(Date.now());
    let me: Me | null = null;
    stubFetch({
      ...signedIn(() => me),
      'POST /api/auth/login': () => {
        me = meFixture();
        return json(200, { user: me, token: 't' });
      },
      'POST /api/jury/invitations/tok%2F1/accept': () => {
        me = meFixture({}, { [edition.id]: ['juror'] });
        return json(200, { editionId: edition.id, roles: ['juror'] });
      },
      'GET /api/jury/invitations/tok%2F1': () =>
        json(200, {
          editionId: edition.id,
          editionSlug: edition.slug,
          editionName: edition.name,
          editionNameI18n: edition.nameI18n,
          trackIds: [],
          status: 'pending',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          acceptable: true,
        }),
    });

    const { router } = renderApp('/jury/accept?token=tok%2F1');
    await screen.findByTestId('login-form');
    expect(router.state.location.search).toBe('?next=%2Fjury%2Faccept%3Ftoken%3Dtok%252F1');
    type(/^Email/, 'ana@example.com');
    type(/^Password/, 'correct horse battery');
    fireEvent.click(screen.getByTestId('login-submit'));

    fireEvent.click(await screen.findByTestId('jury-accept'));
    await waitFor(() =>
      expect(screen.getByTestId('jury-accepted').textContent).toContain(
        'You are now a juror of Challenge Accepted — VI edition.',
      ),
    );
    expect(await screen.findByTestId('nav-jury')).toBeTruthy();
  });

  it('an invalid link names no edition, says so, and offers no Accept button', async () => {
    stubFetch({
      ...signedIn(meFixture()),
      'GET /api/jury/invitations/nope': () =>
        json(410, { statusCode: 410, code: 'INVALID_TOKEN', message: 'Unknown invitation' }),
    });
    renderApp('/jury/accept?token=nope');

    const alert = await screen.findByTestId('jury-invalid');
    expect(alert.textContent).toContain('This invitation link is not valid');
    expect(screen.queryByTestId('jury-accept')).toBeNull();
    expect(document.body.textContent).not.toContain('Challenge Accepted — VI edition');
  });

  it('a revoked invitation names its edition and offers no Accept button', async () => {
    const edition = demoEdition(Date.now());
    stubFetch({
      ...signedIn(meFixture()),
      'GET /api/jury/invitations/old': () =>
        json(200, {
          editionId: edition.id,
          editionSlug: edition.slug,
          editionName: edition.name,
          editionNameI18n: edition.nameI18n,
          trackIds: [],
          status: 'revoked',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          acceptable: false,
        }),
    });
    renderApp('/jury/accept?token=old');

    expect((await screen.findByTestId('jury-invalid')).textContent).toContain(
      'This invitation to the jury of Challenge Accepted — VI edition was withdrawn by the organizers.',
    );
    expect(screen.queryByTestId('jury-accept')).toBeNull();
  });
});
