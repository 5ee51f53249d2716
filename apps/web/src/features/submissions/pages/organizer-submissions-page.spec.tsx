import type { SubmissionListItem } from '@ca/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeSocket } from '../../../test/fake-socket';
import { demoEdition } from '../../../test/fixtures';
import { json, stubFetch } from '../../../test/fetch-stub';
import { renderApp } from '../../../test/render-app';
import { resetScreenWidth, setScreenWidth } from '../../../test/screen-width';
import { meFixture, SUBMISSION_ID, submissionFixture } from '../test-fixtures';

const mockSocket = new FakeSocket();
jest.mock('../../../lib/socket', () => ({ getSocket: () => mockSocket }));

const HOUR = 3_600_000;
const TOURISM = '0a1b2c3d-0000-4000-8000-000000000003';

function listItem(now: number, overrides: Partial<SubmissionListItem> = {}): SubmissionListItem {
  return { ...submissionFixture(now), teamName: 'Pill Pals', ...overrides };
}

function setup() {
  const now = Date.now();
  const edition = demoEdition(now);
  const list = `/api/editions/${edition.id}/submissions`;
  const items = [
    listItem(now, {
      status: 'submitted',
      description: 'Uses <script>alert(1)</script> and **sensors**',
    }),
    listItem(now, {
      id: '11111111-1111-4111-8111-111111111111',
      teamId: '22222222-2222-4222-8222-222222222222',
      teamName: 'Heritage Hackers',
      trackId: TOURISM,
      title: 'Ramp map',
      challengeIds: [],
      deadline: new Date(Date.parse(edition.submissionDeadline) + 3 * HOUR).toISOString(),
    }),
  ];
  const posts: { url: string; body: unknown }[] = [];
  const stub = stubFetch({
    'GET /api/auth/session': () => json(200, { user: meFixture({ isOrganizer: true }) }),
    'GET /api/editions': () => json(200, { items: [edition], nextCursor: null }),
    [`GET /api/editions/${edition.slug}`]: () => json(200, edition),
    [`GET ${list}?limit=50`]: () => json(200, { items, nextCursor: null }),
    [`GET ${list}?limit=50&trackId=${TOURISM}`]: () => json(200, { items: [items[1]], nextCursor: null }),
    [`GET ${list}?limit=50&status=submitted&disqualified=false`]: () =>
      json(200, { items: [items[0]], nextCursor: null }),
    [`GET ${list}?limit=50&disqualified=true`]: () => json(200, { items: [], nextCursor: null }),
    [`POST /api/submissions/${SUBMISSION_ID}/disqualify`]: (init) => {
      posts.push({ url: 'disqualify', body: JSON.parse(String(init?.body)) });
      return json(200, { ...items[0], disqualified: true, disqualifiedReason: 'Plagiarism' });
    },
    [`POST /api/teams/22222222-2222-4222-8222-222222222222/extension`]: (init) => {
      posts.push({ url: 'extension', body: JSON.parse(String(init?.body)) });
      const { until } = JSON.parse(String(init?.body)) as { until: string | null };
      return json(200, {
        teamId: items[1]!.teamId,
        extendedDeadline: until,
        deadline: until ?? edition.submissionDeadline,
      });
    },
  });
  return { ...stub, edition, items, posts, list };
}

afterEach(resetScreenWidth);

describe('Organizer submissions page', () => {
  it('lists the submissions with team, track, status and deadline, and filters by track and status', async () => {
    setScreenWidth(1366);
    const { edition, calls, list } = setup();
    renderApp(`/organize/editions/${edition.slug}/submissions`);

    const rows = await screen.findAllByTestId('submission-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('Pill Pals');
    expect(rows[0]!.textContent).toContain('Health');
    expect(within(rows[0]!).getByTestId('submission-status').textContent).toContain('Submitted');
    expect(rows[1]!.textContent).toContain('Tourism');
    expect(rows[1]!.textContent).toContain('Extended');
    expect(rows[0]!.textContent).not.toContain('Extended');

    fireEvent.click(screen.getByRole('combobox', { name: 'Track' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Tourism', hidden: true }));
    await waitFor(() => expect(screen.getAllByTestId('submission-row')).toHaveLength(1));
    expect(calls.map((c) => c.url)).toContain(`${list}?limit=50&trackId=${TOURISM}`);

    fireEvent.click(screen.getByRole('combobox', { name: 'Track' }));
    fireEvent.click(await screen.findByRole('option', { name: 'All tracks', hidden: true }));
    fireEvent.click(screen.getByRole('combobox', { name: 'Status' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Submitted', hidden: true }));
    await waitFor(() =>
      expect(calls.map((c) => c.url)).toContain(`${list}?limit=50&status=submitted&disqualified=false`),
    );
    fireEvent.click(screen.getByRole('combobox', { name: 'Status' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Disqualified', hidden: true }));
    expect(await screen.findByTestId('submissions-empty')).toBeTruthy();
  });

  it('on a phone, shows each submission as a card with all its actions, no sideways scrolling', async () => {
    setScreenWidth(390);
    const { edition } = setup();
    renderApp(`/organize/editions/${edition.slug}/submissions`);

    const cards = await screen.findAllByTestId('submission-row');
    expect(cards).toHaveLength(2);
    expect(cards[0]!.tagName).toBe('LI');
    expect(screen.queryByRole('table')).toBeNull();
    expect(cards[1]!.textContent).toMatch(/Heritage Hackers[\s\S]*Ramp map[\s\S]*Tourism[\s\S]*Extended/);
    for (const action of ['row-view', 'row-extend', 'row-disqualify'])
      expect(within(cards[1]!).getByTestId(action)).toBeTruthy();
  });

  it('is a section of the organizer console, one click from every other section', async () => {
    const { edition } = setup();
    renderApp(`/organize/editions/${edition.slug}/submissions`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Submissions' })).toBeTruthy();
    const menu = screen.getByRole('navigation', { name: 'Console menu' });
    expect(within(menu).getByRole('link', { name: 'Submissions' }).getAttribute('aria-current')).toBe('page');
    expect(within(menu).getByRole('link', { name: 'Jury' }).getAttribute('href')).toBe(
      `/organize/editions/${edition.slug}/jury`,
    );
  });

  it('shows a submission with its description rendered safely', async () => {
    const { edition } = setup();
    renderApp(`/organize/editions/${edition.slug}/submissions`);

    const rows = await screen.findAllByTestId('submission-row');
    fireEvent.click(within(rows[0]!).getByTestId('row-view'));
    const description = await screen.findByTestId('organizer-description');
    expect(description.querySelector('strong')?.textContent).toBe('sensors');
    expect(description.querySelector('script')).toBeNull();
    expect(description.textContent).toContain('<script>alert(1)</script>');
  });

  it('disqualifies only with a reason, after confirming', async () => {
    const { edition, posts } = setup();
    renderApp(`/organize/editions/${edition.slug}/submissions`);

    const rows = await screen.findAllByTestId('submission-row');
    fireEvent.click(within(rows[0]!).getByTestId('row-disqualify'));
    const modal = await screen.findByTestId('disqualify-modal');
    expect(screen.getByText('Disqualify Pill Pals?')).toBeTruthy();

    fireEvent.click(within(modal).getByTestId('disqualify-confirm'));
    expect(await within(modal).findByText('Reason is required.')).toBeTruthy();
    expect(posts).toHaveLength(0);

    fireEvent.change(within(modal).getByLabelText(/Reason/), { target: { value: '  Plagiarism  ' } });
    fireEvent.click(within(modal).getByTestId('disqualify-confirm'));
    await waitFor(() => expect(posts).toEqual([{ url: 'disqualify', body: { reason: 'Plagiarism' } }]));
    expect(await screen.findByText('Pill Pals was disqualified.')).toBeTruthy();
  });

  it('grants an extension within the allowed window, and withdraws it', async () => {
    const { edition, posts, items } = setup();
    renderApp(`/organize/editions/${edition.slug}/submissions`);

    const rows = await screen.findAllByTestId('submission-row');
    fireEvent.click(within(rows[1]!).getByTestId('row-extend'));
    let modal = await screen.findByTestId('extension-modal');
    expect(modal.textContent).toContain('An extension must end after it and before judging ends');
    // The picker starts at the team's current extension (to the second); granting sends it as an instant.
    fireEvent.click(within(modal).getByTestId('extension-grant'));
    await waitFor(() => expect(posts).toHaveLength(1));
    const until = (posts[0]!.body as { until: string }).until;
    expect(Math.abs(Date.parse(until) - Date.parse(items[1]!.deadline))).toBeLessThan(1000);
    await waitFor(() => expect(screen.queryByTestId('extension-modal')).toBeNull());

    fireEvent.click(within(screen.getAllByTestId('submission-row')[1]!).getByTestId('row-extend'));
    modal = await screen.findByTestId('extension-modal');
    fireEvent.click(within(modal).getByTestId('extension-withdraw'));
    await waitFor(() => expect(posts[1]).toEqual({ url: 'extension', body: { until: null } }));
    expect(await screen.findByText("Heritage Hackers has the edition's deadline again.")).toBeTruthy();
  });

  it('refuses an extension without a date', async () => {
    const { edition, posts } = setup();
    renderApp(`/organize/editions/${edition.slug}/submissions`);

    const rows = await screen.findAllByTestId('submission-row');
    fireEvent.click(within(rows[0]!).getByTestId('row-extend')); // no extension yet: no date chosen
    const modal = await screen.findByTestId('extension-modal');
    expect(within(modal).queryByTestId('extension-withdraw')).toBeNull();
    fireEvent.click(within(modal).getByTestId('extension-grant'));
    expect(await within(modal).findByText('New deadline is required.')).toBeTruthy();
    expect(posts).toHaveLength(0);
  });
});
