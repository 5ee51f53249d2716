import type { Edition } from '@ca/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setLanguage } from '../../lib/i18n';
import { meFixture, signedIn } from '../../test/auth-fixtures';
import { FakeSocket } from '../../test/fake-socket';
import { json, stubFetch } from '../../test/fetch-stub';
import { demoEdition } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { slugify } from './mutations';

const mockSocket = new FakeSocket();
jest.mock('../../lib/socket', () => ({ getSocket: () => mockSocket, closeSocket: () => undefined }));

// A fixed server time, so that the calendar shows a known month (jest runs in UTC).
const NOW = Date.parse('2026-03-10T12:00:00Z');
const organizer = meFixture({ isOrganizer: true });
const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body)) as unknown;
const input = (label: RegExp) => screen.getByLabelText(label, { selector: 'input' });
const type = (label: RegExp, value: string) => fireEvent.change(input(label), { target: { value } });
/** The message under a field, through its aria-describedby (what a screen reader announces). */
const describedBy = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

afterEach(async () => {
  await setLanguage('en');
});

function editorRoutes(edition: Edition, extra: Record<string, (init?: RequestInit) => Response> = {}) {
  return {
    ...signedIn(organizer),
    [`GET /api/editions/${edition.slug}`]: () => json(200, edition),
    'GET /api/editions': () => json(200, { items: [edition], nextCursor: null }),
    ...extra,
  };
}

describe('organizer access', () => {
  it('tells a participant the page is for organizers', async () => {
    stubFetch(signedIn(meFixture()));
    renderApp('/organize');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not available to you' })).toBeTruthy();
  });

  it('lists every edition, drafts included, for organizers', async () => {
    const draft = demoEdition(NOW, {
      published: false,
      phase: 'draft',
      name: 'Challenge Accepted — VII edition',
      slug: 'vii',
      id: '11111111-2222-4333-8444-555555555555',
    });
    stubFetch({
      ...signedIn(organizer),
      'GET /api/editions': () => json(200, { items: [demoEdition(NOW), draft], nextCursor: null }),
    });
    renderApp('/organize');
    const table = await screen.findByTestId('organizer-editions');
    expect(
      within(table).getByRole('link', { name: 'Challenge Accepted — VII edition' }).getAttribute('href'),
    ).toBe('/organize/editions/vii');
    expect(within(table).getAllByText('Draft').length).toBeGreaterThan(0);
  });
});

describe('new edition', () => {
  it('names every missing field and sends nothing', async () => {
    const { calls } = stubFetch({ ...signedIn(organizer) });
    renderApp('/organize/editions/new');
    await screen.findByTestId('edition-form');

    fireEvent.click(screen.getByTestId('edition-save'));

    expect(await screen.findByText('Name is required, in English or in Romanian.')).toBeTruthy();
    expect(screen.getByText('Registration opens is required.')).toBeTruthy();
    expect(screen.getByText('Submission deadline is required.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('preselects the juror-effects model, the recommended normalization (issue 14)', async () => {
    stubFetch({ ...signedIn(organizer) });
    renderApp('/organize/editions/new');
    await screen.findByTestId('edition-form');
    expect((input(/^Score normalization/) as HTMLInputElement).value).toBe(
      "Juror-effects model: each juror's severity fitted on the whole edition (recommended)",
    );
  });

  it('derives the slug from the name, and names a malformed one', async () => {
    stubFetch({ ...signedIn(organizer) });
    renderApp('/organize/editions/new');
    await screen.findByTestId('edition-form');
    // Only the Romanian name: the slug comes from it, and the English one may stay empty.
    type(/^Name \(Romanian\)/, 'Challenge Accepted — VII ediție');
    fireEvent.blur(input(/^Name \(Romanian\)/));
    expect((input(/^Address/) as HTMLInputElement).value).toBe('challenge-accepted-vii-editie');

    type(/^Address/, 'Not A Slug');
    fireEvent.click(screen.getByTestId('edition-save'));
    expect(
      await screen.findByText('Address (slug) may contain only lowercase letters, digits and single dashes.'),
    ).toBeTruthy();
  });
});

describe('edition editor', () => {
  it('shows the field at fault when the timeline is out of order, and sends nothing', async () => {
    const edition = demoEdition(NOW);
    const { calls } = stubFetch(editorRoutes(edition));
    renderApp(`/organize/editions/${edition.slug}/edition`);
    await screen.findByTestId('edition-form');

    // Move the submission deadline (11 March) to 5 March, before registration closes (10 March).
    fireEvent.click(screen.getByTestId('edition-submissionDeadline'));
    fireEvent.click(await screen.findByRole('button', { name: '5 March 2026', hidden: true }));
    fireEvent.click(
      screen.getByRole('button', { name: 'Confirm the date: Submission deadline', hidden: true }),
    );
    fireEvent.click(screen.getByTestId('edition-save'));

    const deadline = screen.getByTestId('edition-submissionDeadline');
    await waitFor(() =>
      expect(describedBy(deadline)).toContain('Submission deadline must not be before Registration closes.'),
    );
    expect(deadline.getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
  });

  it('sends only the changed fields, and shows a VALIDATION_FAILED field from the API', async () => {
    const edition = demoEdition(NOW);
    let answer = () =>
      json(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'teamMaxSize: must be at least teamMinSize',
      });
    const { fetch } = stubFetch(
      editorRoutes(edition, { [`PATCH /api/editions/${edition.id}`]: () => answer() }),
    );
    renderApp(`/organize/editions/${edition.slug}/edition`);
    await screen.findByTestId('edition-form');

    type(/^Largest team/, '4');
    fireEvent.click(screen.getByTestId('edition-save'));

    expect((await screen.findByTestId('form-error')).textContent).toContain(
      'Some of the information is not valid. Check it and try again.',
    );
    await waitFor(() =>
      expect(describedBy(input(/^Largest team/))).toContain(
        'Largest team: the server did not accept this value.',
      ),
    );
    const patch = fetch.mock.calls.find(([, i]) => i?.method === 'PATCH')!;
    expect(bodyOf(patch[1])).toEqual({ teamMaxSize: 4 });

    answer = () => json(200, { ...edition, teamMaxSize: 4 });
    fireEvent.click(screen.getByTestId('edition-save'));
    await waitFor(() => expect(screen.queryByTestId('form-error')).toBeNull());
  });

  it('edits the place in both languages; only the venue is sent', async () => {
    const edition = demoEdition(NOW);
    const { fetch } = stubFetch(
      editorRoutes(edition, {
        [`PATCH /api/editions/${edition.id}`]: (init) =>
          json(200, { ...edition, ...(bodyOf(init) as object) }),
      }),
    );
    renderApp(`/organize/editions/${edition.slug}/edition`);
    await screen.findByTestId('edition-form');
    const en = screen.getByTestId('edition-venue-en') as HTMLInputElement;
    expect(en.value).toBe('Iași, Palas Campus');
    expect(screen.getByLabelText('Place (Romanian)')).toBe(screen.getByTestId('edition-venue-ro'));
    fireEvent.change(screen.getByTestId('edition-venue-ro'), {
      target: { value: 'Iași, Universitatea Tehnică' },
    });
    fireEvent.click(screen.getByTestId('edition-save'));
    await waitFor(() => expect(fetch.mock.calls.some(([, i]) => i?.method === 'PATCH')).toBe(true));
    const patch = fetch.mock.calls.find(([, i]) => i?.method === 'PATCH')!;
    expect(bodyOf(patch[1])).toEqual({
      venueI18n: { en: 'Iași, Palas Campus', ro: 'Iași, Universitatea Tehnică' },
    });
  });

  it('names the team-size rule on the field, in Romanian too', async () => {
    await setLanguage('ro');
    const edition = demoEdition(NOW);
    stubFetch(editorRoutes(edition));
    renderApp(`/organize/editions/${edition.slug}/edition`);
    await screen.findByTestId('edition-form');

    type(/^Echipa cea mai mică/, '6');
    fireEvent.click(screen.getByTestId('edition-save'));

    await waitFor(() =>
      expect(describedBy(input(/^Echipa cea mai mare/))).toContain(
        '„Echipa cea mai mare” trebuie să fie cel puțin cât „Echipa cea mai mică”.',
      ),
    );
  });

  it('publishes with the toggle', async () => {
    const edition = demoEdition(NOW, { published: false, phase: 'draft' });
    const { fetch } = stubFetch(
      editorRoutes(edition, {
        [`PATCH /api/editions/${edition.id}`]: () =>
          json(200, { ...edition, published: true, phase: 'hacking' }),
      }),
    );
    renderApp(`/organize/editions/${edition.slug}/edition`);
    const toggle = await screen.findByTestId('publish-toggle');

    fireEvent.click(toggle);

    await waitFor(() =>
      expect((screen.getByTestId('publish-toggle') as HTMLInputElement).checked).toBe(true),
    );
    const patch = fetch.mock.calls.find(([, i]) => i?.method === 'PATCH')!;
    expect(bodyOf(patch[1])).toEqual({ published: true });
  });

  it('adds a track and a challenge', async () => {
    const edition = demoEdition(NOW);
    const { fetch } = stubFetch(
      editorRoutes(edition, {
        [`POST /api/editions/${edition.id}/tracks`]: (init) =>
          json(201, { id: 'x', editionId: edition.id, challenges: [], ...(bodyOf(init) as object) }),
        [`POST /api/tracks/${edition.tracks[0]!.id}/challenges`]: (init) =>
          json(201, { id: 'y', trackId: edition.tracks[0]!.id, ...(bodyOf(init) as object) }),
      }),
    );
    renderApp(`/organize/editions/${edition.slug}/tracks`);
    fireEvent.click(await screen.findByTestId('add-track'));
    const trackForm = await screen.findByTestId('track-form');
    fireEvent.click(within(trackForm).getByRole('button', { name: 'Add a track' }));
    expect(
      await within(trackForm).findByText('Track name is required, in English or in Romanian.'),
    ).toBeTruthy();
    const trackName = (lang: string) => within(trackForm).getByLabelText(`Track name (${lang})`);
    fireEvent.change(trackName('English'), { target: { value: 'Smart Cities' } });
    fireEvent.change(trackName('Romanian'), { target: { value: 'Orașe inteligente' } });
    fireEvent.blur(trackName('English'));
    fireEvent.click(within(trackForm).getByRole('button', { name: 'Add a track' }));
    await waitFor(() => expect(fetch.mock.calls.some(([u]) => String(u).endsWith('/tracks'))).toBe(true));
    const track = fetch.mock.calls.find(([u]) => String(u).endsWith('/tracks'))!;
    expect(bodyOf(track[1])).toEqual({
      nameI18n: { en: 'Smart Cities', ro: 'Orașe inteligente' },
      slug: 'smart-cities',
      descriptionI18n: { en: '', ro: '' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Add a challenge to Health' }));
    const challengeForm = await screen.findByTestId('challenge-form');
    fireEvent.change(within(challengeForm).getByLabelText('Title (English)'), {
      target: { value: 'Fewer no-shows' },
    });
    fireEvent.change(within(challengeForm).getByLabelText('Prize (English)'), {
      target: { value: '1,000 EUR' },
    });
    fireEvent.click(within(challengeForm).getByRole('button', { name: 'Add a challenge' }));
    await waitFor(() => expect(fetch.mock.calls.some(([u]) => String(u).endsWith('/challenges'))).toBe(true));
    const challenge = fetch.mock.calls.find(([u]) => String(u).endsWith('/challenges'))!;
    expect(bodyOf(challenge[1])).toEqual({
      titleI18n: { en: 'Fewer no-shows', ro: '' },
      descriptionI18n: { en: '', ro: '' },
      sponsorI18n: { en: '', ro: '' },
      prizeI18n: { en: '1,000 EUR', ro: '' },
    });
  });

  it('edits the criteria: the row and field at fault are named; PHASE_CLOSED is explained', async () => {
    const edition = demoEdition(NOW);
    const { fetch } = stubFetch(
      editorRoutes(edition, {
        [`PUT /api/editions/${edition.id}/criteria`]: () =>
          json(409, { statusCode: 409, code: 'PHASE_CLOSED', message: 'scores exist' }),
      }),
    );
    renderApp(`/organize/editions/${edition.slug}/criteria`);
    const form = await screen.findByTestId('criteria-form');
    const rows = within(form).getAllByTestId('criterion-row');
    expect(rows).toHaveLength(4);

    const weight = within(rows[1]!).getByLabelText(/^Weight/, { selector: 'input' });
    fireEvent.change(weight, { target: { value: '0' } });
    const max = within(rows[2]!).getByLabelText(/^Highest score/, { selector: 'input' });
    fireEvent.change(max, { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('criteria-save'));

    await waitFor(() =>
      expect(describedBy(weight)).toContain('Weight (criterion 2) must be greater than 0.'),
    );
    expect(describedBy(max)).toContain(
      'Highest score (criterion 3) must be greater than Lowest score (criterion 3).',
    );
    expect(fetch.mock.calls.filter(([, i]) => i?.method === 'PUT')).toHaveLength(0);

    fireEvent.change(weight, { target: { value: '2' } });
    fireEvent.change(max, { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('criteria-save'));
    expect((await screen.findAllByTestId('form-error')).map((e) => e.textContent).join()).toContain(
      'Scores have been saved already, so the criteria can no longer change.',
    );
    const put = fetch.mock.calls.find(([, i]) => i?.method === 'PUT')!;
    const body = bodyOf(put[1]) as { nameI18n: { en: string }; weight: number; max: number }[];
    expect(body.map((c) => [c.nameI18n.en, c.weight, c.max])).toEqual([
      ['Innovation', 1, 10],
      ['Impact', 2, 10],
      ['Technical execution', 1, 5],
      ['Presentation', 1, 10],
    ]);
  });
});

describe('tracks and challenges', () => {
  it('edits a track in both languages and deletes a challenge after confirming', async () => {
    const edition = demoEdition(NOW);
    const health = edition.tracks[0]!;
    const challenge = health.challenges[0]!;
    const { fetch } = stubFetch(
      editorRoutes(edition, {
        [`PATCH /api/tracks/${health.id}`]: (init) => json(200, { ...health, ...(bodyOf(init) as object) }),
        [`DELETE /api/challenges/${challenge.id}`]: () => new Response(null, { status: 204 }),
      }),
    );
    renderApp(`/organize/editions/${edition.slug}/tracks`);

    const card = (await screen.findAllByTestId('organizer-track'))[0]!;
    fireEvent.click(within(card).getByTestId('edit-track'));
    const form = await screen.findByTestId('track-form');
    expect((within(form).getByLabelText('Track name (English)') as HTMLInputElement).value).toBe('Health');
    fireEvent.change(within(form).getByLabelText('Track name (Romanian)'), { target: { value: 'Sănătate' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fetch.mock.calls.some(([, i]) => i?.method === 'PATCH')).toBe(true));
    const patch = fetch.mock.calls.find(([, i]) => i?.method === 'PATCH')!;
    expect(bodyOf(patch[1])).toMatchObject({ nameI18n: { en: 'Health', ro: 'Sănătate' }, slug: 'health' });
    await waitFor(() => expect(screen.queryByTestId('track-form')).toBeNull());

    fireEvent.click(within(card).getAllByTestId('delete-challenge')[0]!);
    expect(await screen.findByText('Delete the challenge Medication adherence?')).toBeTruthy();
    expect(fetch.mock.calls.some(([, i]) => i?.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByTestId('confirm'));
    await waitFor(() =>
      expect(
        fetch.mock.calls.some(([u, i]) => i?.method === 'DELETE' && String(u).endsWith(challenge.id)),
      ).toBe(true),
    );
    expect(
      await screen.findByText('Challenge Medication adherence deleted.', {}, { timeout: 3000 }),
    ).toBeTruthy();
  });
});

describe('deleting a track', () => {
  it('asks first, shows what still names the track on 409 TRACK_IN_USE, and deletes an unused one', async () => {
    const edition = demoEdition(NOW);
    const [health, second] = edition.tracks;
    const { fetch } = stubFetch(
      editorRoutes(edition, {
        [`DELETE /api/tracks/${health!.id}`]: () =>
          json(409, {
            statusCode: 409,
            code: 'TRACK_IN_USE',
            message: 'The track is still in use',
            details: { teams: 2, submissions: 1, jurors: 0, invitations: 0 },
          }),
        [`DELETE /api/tracks/${second!.id}`]: () => new Response(null, { status: 204 }),
      }),
    );
    const deletes = () => fetch.mock.calls.filter(([, i]) => i?.method === 'DELETE').map(([u]) => String(u));
    renderApp(`/organize/editions/${edition.slug}/tracks`);

    const cards = await screen.findAllByTestId('organizer-track');
    fireEvent.click(within(cards[0]!).getByTestId('delete-track'));
    expect(await screen.findByText(`Delete the track ${health!.name}?`)).toBeTruthy();
    expect(deletes()).toEqual([]);
    fireEvent.click(screen.getByTestId('confirm'));
    const refusal = await screen.findByTestId('form-error');
    expect(refusal.textContent).toContain('This track is still used by 2 teams, 1 project.');
    // The dialog stays open with the reason; cancelling closes it and forgets the error.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByTestId('form-error')).toBeNull());

    fireEvent.click(within(cards[1]!).getByTestId('delete-track'));
    expect(await screen.findByText(`Delete the track ${second!.name}?`)).toBeTruthy();
    expect(screen.queryByTestId('form-error')).toBeNull();
    fireEvent.click(screen.getByTestId('confirm'));
    expect(await screen.findByText(`Track ${second!.name} deleted.`, {}, { timeout: 3000 })).toBeTruthy();
    expect(deletes()).toEqual([
      expect.stringMatching(new RegExp(`/api/tracks/${health!.id}$`)),
      expect.stringMatching(new RegExp(`/api/tracks/${second!.id}$`)),
    ]);
  });
});

describe('console', () => {
  it("reaches every section in one click from the organizer's home", async () => {
    const edition = demoEdition(NOW);
    stubFetch(editorRoutes(edition));
    renderApp('/organize');
    const card = (await screen.findAllByTestId('organizer-edition'))[0]!;
    const links = within(card)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href'));
    for (const path of [
      '',
      '/edition',
      '/tracks',
      '/criteria',
      '/participants',
      '/teams',
      '/submissions',
      '/jury',
    ])
      expect(links).toContain(`/organize/editions/${edition.slug}${path}`);
  });
});

describe('slugify', () => {
  it('drops diacritics and punctuation', () => {
    expect(slugify('Ediția a VII-a — Iași & Cluj')).toBe('editia-a-vii-a-iasi-cluj');
  });
});
