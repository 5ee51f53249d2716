import type { Submission } from '@ca/shared';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setLanguage } from '../../../lib/i18n';
import { FakeSocket } from '../../../test/fake-socket';
import { json, stubFetch, type Route } from '../../../test/fetch-stub';
import { renderApp } from '../../../test/render-app';
import {
  ADHERENCE,
  apiError,
  editorRoutes,
  submissionFixture,
  TEAM_ID,
  TRIAGE,
  versionFixture,
} from '../test-fixtures';

const mockSocket = new FakeSocket();
jest.mock('../../../lib/socket', () => ({ getSocket: () => mockSocket }));

const PATH = `/teams/${TEAM_ID}/submission`;
const API = `/api${PATH}`;
const HOUR = 3_600_000;

/** A response the test releases when it wants, to look at the editor while a save is on its way. */
function deferred() {
  let release!: (r: Response) => void;
  const promise = new Promise<Response>((resolve) => (release = resolve));
  return { promise, release };
}

type PutBody = Record<string, unknown> & { baseVersion?: number; title?: string };
const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body)) as PutBody;

function saved(previous: Submission, body: PutBody, now = Date.now()): Submission {
  const { baseVersion: _, ...content } = body;
  return {
    ...previous,
    ...(content as Partial<Submission>),
    version: previous.version + 1,
    updatedAt: new Date(now).toISOString(),
  };
}

async function openEditor(routes: Record<string, Route>) {
  const stub = stubFetch(routes);
  const app = renderApp(PATH);
  await screen.findByTestId('submission-form');
  return { ...stub, ...app };
}

const status = () => screen.getByTestId('save-status');
const titleInput = () => screen.getByLabelText(/Project title/) as HTMLInputElement;

afterEach(async () => {
  await setLanguage('en');
});

// The countdown ticks every second on its own timer, outside any act(): React says so each tick.
const consoleError = console.error;
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('not wrapped in act')) return;
    consoleError(...args);
  });
});
afterAll(() => jest.restoreAllMocks());

describe('Submission editor: autosave', () => {
  it('saves 1.5 s after typing stops, with the version it started from: Not saved → Saving… → Saved at', async () => {
    const now = Date.now();
    const { routes } = editorRoutes(now);
    const current = submissionFixture(now);
    const put = deferred();
    const bodies: PutBody[] = [];
    const { calls } = await openEditor({
      ...routes,
      [`GET ${API}`]: () => json(200, current),
      [`PUT ${API}`]: (init) => {
        bodies.push(bodyOf(init));
        return put.promise;
      },
    });

    expect(titleInput().value).toBe('Pill reminder');
    expect(status().textContent).toMatch(/^Saved at \d\d:\d\d:\d\d$/);
    expect(status().getAttribute('aria-live')).toBe('polite');

    fireEvent.change(titleInput(), { target: { value: 'Pill reminder 2' } });
    expect(status().textContent).toBe('Not saved: changes waiting');
    // Nothing is sent while typing goes on.
    await new Promise((r) => setTimeout(r, 700));
    fireEvent.change(titleInput(), { target: { value: 'Pill reminder 2.0' } });
    await new Promise((r) => setTimeout(r, 1000));
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

    await waitFor(() => expect(status().textContent).toBe('Saving…'), { timeout: 2000 });
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({
      title: 'Pill reminder 2.0',
      baseVersion: 3,
      challengeIds: [ADHERENCE],
    });

    const savedAt = new Date(now + 5_000);
    await act(async () => put.release(json(200, saved(current, bodies[0]!, savedAt.getTime()))));
    const time = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).format(savedAt);
    await waitFor(() => expect(status().textContent).toBe(`Saved at ${time}`));
    expect(status().getAttribute('data-status')).toBe('clean');
  }, 15_000);

  it('saves at once when a field loses focus, and the next save starts from the new version', async () => {
    const now = Date.now();
    const { routes } = editorRoutes(now);
    let current = submissionFixture(now);
    const bodies: PutBody[] = [];
    await openEditor({
      ...routes,
      [`GET ${API}`]: () => json(200, current),
      [`PUT ${API}`]: (init) => {
        const body = bodyOf(init);
        bodies.push(body);
        current = saved(current, body);
        return json(200, current);
      },
    });

    const tagline = screen.getByLabelText('Tagline');
    fireEvent.change(tagline, { target: { value: 'Doses on time' } });
    fireEvent.blur(tagline);
    await waitFor(() => expect(status().getAttribute('data-status')).toBe('clean'));
    expect(bodies).toEqual([expect.objectContaining({ tagline: 'Doses on time', baseVersion: 3 })]);

    fireEvent.change(tagline, { target: { value: 'Doses on time, every time' } });
    fireEvent.blur(tagline);
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toMatchObject({ tagline: 'Doses on time, every time', baseVersion: 4 });
    // A blur with nothing changed sends nothing.
    fireEvent.blur(tagline);
    await new Promise((r) => setTimeout(r, 50));
    expect(bodies).toHaveLength(2);
  });

  it('does not save an invalid link, says why on the field, and saves once it is fixed', async () => {
    const now = Date.now();
    const { routes } = editorRoutes(now);
    let current = submissionFixture(now);
    const bodies: PutBody[] = [];
    await openEditor({
      ...routes,
      [`GET ${API}`]: () => json(200, current),
      [`PUT ${API}`]: (init) => {
        bodies.push(bodyOf(init));
        current = saved(current, bodyOf(init));
        return json(200, current);
      },
    });

    const demo = screen.getByLabelText('Live demo');
    fireEvent.change(demo, { target: { value: 'javascript:alert(1)' } });
    fireEvent.blur(demo);
    expect(
      await screen.findByText('Enter a full web address starting with http:// or https://.'),
    ).toBeTruthy();
    await waitFor(() => expect(status().textContent).toBe('Not saved: fix the highlighted fields'));
    expect(bodies).toHaveLength(0);

    fireEvent.change(demo, { target: { value: 'https://pill-pals.example' } });
    fireEvent.blur(demo);
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ demoUrl: 'https://pill-pals.example' });
  });

  it('creates the submission with the first save (baseVersion 0) when the team has none yet', async () => {
    const now = Date.now();
    const { routes } = editorRoutes(now);
    const bodies: PutBody[] = [];
    await openEditor({
      ...routes,
      [`GET ${API}`]: () => json(200, null),
      [`PUT ${API}`]: (init) => {
        bodies.push(bodyOf(init));
        return json(200, saved(submissionFixture(now, { version: 0 }), bodyOf(init)));
      },
    });

    expect(status().textContent).toBe('Nothing saved yet');
    expect(titleInput().value).toBe('');
    fireEvent.change(titleInput(), { target: { value: 'Triage bot' } });
    fireEvent.blur(titleInput());
    await waitFor(() => expect(status().getAttribute('data-status')).toBe('clean'));
    expect(bodies[0]).toMatchObject({ title: 'Triage bot', baseVersion: 0, description: '' });
  });
});

describe('Submission editor: two members at once', () => {
  it('on 409 STALE_VERSION shows their newer text, stops autosave, and overwrites only when asked', async () => {
    const now = Date.now();
    const { routes } = editorRoutes(now);
    const mine = submissionFixture(now);
    const theirs = submissionFixture(now, {
      version: 4,
      title: 'Pill reminder PRO',
      description: 'Written by **Mihai**',
      updatedAt: new Date(now - 1000).toISOString(),
    });
    const bodies: PutBody[] = [];
    await openEditor({
      ...routes,
      [`GET ${API}`]: () => json(200, mine),
      [`GET ${API}/versions?limit=50`]: () =>
        json(200, { items: [versionFixture(theirs, { authorName: 'Mihai Ionescu' })], nextCursor: null }),
      [`PUT ${API}`]: (init) => {
        const body = bodyOf(init);
        bodies.push(body);
        if (body.baseVersion === 3)
          return apiError(409, 'STALE_VERSION', 'baseVersion: the submission was changed meanwhile', theirs);
        return json(200, saved(theirs, body));
      },
    });

    fireEvent.change(titleInput(), { target: { value: 'My title' } });
    fireEvent.blur(titleInput());

    const warning = await screen.findByTestId('stale-warning');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(within(warning).getByText('Another member changed the project')).toBeTruthy();
    await waitFor(() => expect(warning.textContent).toContain('Mihai Ionescu saved version 4'));
    // Their text, rendered.
    expect(within(warning).getByText('Pill reminder PRO')).toBeTruthy();
    expect(within(warning).getByTestId('stale-description').querySelector('strong')?.textContent).toBe(
      'Mihai',
    );
    expect(status().textContent).toBe('Not saved: another member changed the project');
    // Mine is still on screen, and autosave has stopped: more typing sends nothing.
    expect(titleInput().value).toBe('My title');
    fireEvent.change(titleInput(), { target: { value: 'My title, still' } });
    fireEvent.blur(titleInput());
    await new Promise((r) => setTimeout(r, 1800));
    expect(bodies).toHaveLength(1);
    expect(screen.getByTestId('submit')).toHaveProperty('disabled', true);

    // Overwrite, knowingly: the save is based on their version.
    fireEvent.click(screen.getByTestId('stale-overwrite'));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toMatchObject({ title: 'My title, still', baseVersion: 4 });
    await waitFor(() => expect(screen.queryByTestId('stale-warning')).toBeNull());
    await waitFor(() => expect(status().textContent).toMatch(/^Saved at/));
  }, 15_000);

  it('loads their version on request, and then saves on top of it', async () => {
    const now = Date.now();
    const { routes } = editorRoutes(now);
    const theirs = submissionFixture(now, { version: 7, title: 'Their title', techTags: ['Vue'] });
    const bodies: PutBody[] = [];
    await openEditor({
      ...routes,
      [`GET ${API}`]: () => json(200, submissionFixture(now)),
      [`GET ${API}/versions?limit=50`]: () => json(200, { items: [], nextCursor: null }),
      [`PUT ${API}`]: (init) => {
        const body = bodyOf(init);
        bodies.push(body);
        if (body.baseVersion !== 7) return apiError(409, 'STALE_VERSION', 'stale', theirs);
        return json(200, saved(theirs, body));
      },
    });

    fireEvent.change(titleInput(), { target: { value: 'Mine' } });
    fireEvent.blur(titleInput());
    const warning = await screen.findByTestId('stale-warning');
    expect(warning.textContent).toContain('A team member saved version 7');

    fireEvent.click(screen.getByTestId('stale-load-theirs'));
    expect(titleInput().value).toBe('Their title');
    expect(screen.queryByTestId('stale-warning')).toBeNull();
    expect(status().textContent).toMatch(/^Saved at/);
    await new Promise((r) => setTimeout(r, 50));
    expect(bodies).toHaveLength(1); // loading theirs saves nothing

    fireEvent.change(titleInput(), { target: { value: 'Their title, improved' } });
    fireEvent.blur(titleInput());
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toMatchObject({ title: 'Their title, improved', baseVersion: 7, techTags: ['Vue'] });
  });
});

describe('Submission editor: read-only', () => {
  it('after the deadline: read-only fields, no submit, and it says why', async () => {
    const now = Date.now();
    const deadline = new Date(now - 2 * HOUR).toISOString();
    const { routes } = editorRoutes(now, {
      editionOverrides: { submissionDeadline: deadline, phase: 'judging' },
    });
    const { calls } = await openEditor({
      ...routes,
      [`GET ${API}`]: () => json(200, submissionFixture(now, { deadline, status: 'submitted' })),
    });

    const reason = screen.getByTestId('read-only-reason');
    const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(
      new Date(deadline),
    );
    expect(reason.textContent).toContain('The submission deadline passed on');
    expect(reason.textContent).toContain(date);
    expect(reason.textContent).toContain('the project is read-only');
    expect(titleInput().readOnly).toBe(true);
    expect((screen.getByLabelText('Tagline') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText(/^Description/) as HTMLTextAreaElement).readOnly).toBe(true);
    expect(screen.queryByTestId('submit')).toBeNull();
    expect(screen.queryByTestId('unsubmit')).toBeNull();
    expect(screen.queryByTestId('save-status')).toBeNull();
    expect(screen.getByTestId('deadline-countdown').textContent).toBe('The deadline has passed');

    fireEvent.change(titleInput(), { target: { value: 'Late change' } });
    fireEvent.blur(titleInput());
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('turns read-only when the API answers DEADLINE_PASSED (its clock decides), and says why', async () => {
    const now = Date.now();
    const { routes } = editorRoutes(now);
    const current = submissionFixture(now);
    await openEditor({
      ...routes,
      [`GET ${API}`]: () => json(200, current),
      [`PUT ${API}`]: () => apiError(409, 'DEADLINE_PASSED', "The team's deadline has passed"),
    });

    fireEvent.change(titleInput(), { target: { value: 'Too late' } });
    fireEvent.blur(titleInput());
    const reason = await screen.findByTestId('read-only-reason');
    expect(reason.textContent).toContain('The submission deadline passed on');
    expect(reason.getAttribute('data-reason')).toBe('deadline');
    expect(titleInput().readOnly).toBe(true);
  });

  it('counts down to the team’s own deadline on the server’s clock, and marks an extension', async () => {
    // This device runs 3 hours late; the team has an extension 4 hours after the edition's deadline.
    const serverNow = Date.now() + 3 * HOUR;
    const { routes, edition } = editorRoutes(serverNow);
    const extended = new Date(Date.parse(edition.submissionDeadline) + 4 * HOUR).toISOString();
    await openEditor({
      ...routes,
      [`GET ${API}`]: () => json(200, submissionFixture(serverNow, { deadline: extended })),
    });

    const card = screen.getByTestId('submission-deadline');
    expect(card.textContent).toContain("Your team's extended deadline");
    expect(card.querySelector('time')?.getAttribute('datetime')).toBe(extended);
    // 26 h + 4 h from server now: 1 day and 05:59:5x or 06:00:00 left.
    expect(screen.getByTestId('deadline-countdown').textContent).toMatch(
      /^1 day and (05:59:5\d|06:00:00) left$/,
    );
  });

  it('turns read-only by itself when the deadline passes on the server’s clock, and asks the API again', async () => {
    const now = Date.now();
    const deadline = new Date(now + 1200).toISOString();
    const { routes } = editorRoutes(now, { editionOverrides: { submissionDeadline: deadline } });
    const { calls } = await openEditor({
      ...routes,
      [`GET ${API}`]: () => json(200, submissionFixture(now, { deadline })),
    });

    expect(screen.queryByTestId('read-only-reason')).toBeNull();
    expect(titleInput().readOnly).toBe(false);
    const reason = await screen.findByTestId('read-only-reason', {}, { timeout: 3000 });
    expect(reason.textContent).toContain('The submission deadline passed on');
    expect(titleInput().readOnly).toBe(true);
    // An extension may have come meanwhile: the submission (and its deadline) is read again.
    await waitFor(() => expect(calls.filter((c) => c.url === API)).toHaveLength(2));
  });

  it('before hacking starts: read-only, and says when it opens', async () => {
    const now = Date.now();
    const hackingStartsAt = new Date(now + 5 * HOUR).toISOString();
    const { routes } = editorRoutes(now, { editionOverrides: { hackingStartsAt, phase: 'registration' } });
    await openEditor({ ...routes, [`GET ${API}`]: () => json(200, null) });

    const reason = screen.getByTestId('read-only-reason');
    expect(reason.textContent).toContain('Submissions open when hacking starts');
    expect(reason.getAttribute('data-reason')).toBe('notStarted');
  });

  it('a disqualified project is read-only, with the organizers’ reason', async () => {
    const now = Date.now();
    const { routes } = editorRoutes(now);
    await openEditor({
      ...routes,
      [`GET ${API}`]: () =>
        json(
          200,
          submissionFixture(now, { disqualified: true, disqualifiedReason: 'Built before the event' }),
        ),
    });

    expect(screen.getByTestId('read-only-reason').textContent).toContain(
      'The organizers disqualified this project, so it is read-only. Their reason: Built before the event',
    );
    expect(screen.getByTestId('submission-status').textContent).toContain('Disqualified');
  });

  it('says why in Romanian too', async () => {
    await setLanguage('ro');
    const now = Date.now();
    const deadline = new Date(now - HOUR).toISOString();
    const { routes } = editorRoutes(now, {
      editionOverrides: { submissionDeadline: deadline, phase: 'judging' },
    });
    await openEditor({ ...routes, [`GET ${API}`]: () => json(200, submissionFixture(now, { deadline })) });

    expect(screen.getByTestId('read-only-reason').textContent).toContain('Termenul de predare a trecut pe');
    expect(screen.getByTestId('read-only-reason').textContent).toContain('proiectul poate fi doar citit');
  });
});

describe('Submission editor: submit, preview, history', () => {
  it('submits after saving what is pending, then offers to withdraw', async () => {
    const now = Date.now();
    const { routes } = editorRoutes(now);
    let current = submissionFixture(now);
    const order: string[] = [];
    await openEditor({
      ...routes,
      [`GET ${API}`]: () => json(200, current),
      [`PUT ${API}`]: (init) => {
        order.push('save');
        current = saved(current, bodyOf(init));
        return json(200, current);
      },
      [`POST ${API}/submit`]: () => {
        order.push('submit');
        current = {
          ...current,
          status: 'submitted',
          version: current.version + 1,
          submittedAt: new Date().toISOString(),
        };
        return json(200, current);
      },
      [`POST ${API}/unsubmit`]: () => {
        order.push('unsubmit');
        current = { ...current, status: 'draft', version: current.version + 1, submittedAt: null };
        return json(200, current);
      },
    });

    expect(screen.getByTestId('submission-status').textContent).toContain('Draft');
    fireEvent.change(titleInput(), { target: { value: 'Final title' } });
    fireEvent.click(screen.getByTestId('submit'));
    // Saved first, then a confirmation with the checklist; nothing is submitted before the click.
    const confirm = await screen.findByTestId('submit-confirm');
    expect(order).toEqual(['save']);
    expect(within(confirm).getAllByTestId('checklist-item').length).toBeGreaterThan(0);
    fireEvent.click(within(confirm).getByTestId('submit-confirm-button'));
    await waitFor(() => expect(screen.getByTestId('submission-status').textContent).toContain('Submitted'));
    expect(order).toEqual(['save', 'submit']);
    // After submitting, the page no longer asks to write and submit.
    expect(screen.queryByText(/Submit the project before the deadline/)).toBeNull();
    expect(screen.getByTestId('submitted-note')).toBeTruthy();

    // Editing a submitted project goes on from the version the submit made.
    const bodies: PutBody[] = [];
    const previousPut = current;
    stubFetch({
      ...routes,
      [`GET ${API}`]: () => json(200, current),
      [`PUT ${API}`]: (init) => {
        bodies.push(bodyOf(init));
        current = saved(previousPut, bodyOf(init));
        return json(200, current);
      },
      [`POST ${API}/unsubmit`]: () =>
        json(200, { ...current, status: 'draft', version: current.version + 1 }),
    });
    fireEvent.change(titleInput(), { target: { value: 'Final title!' } });
    fireEvent.blur(titleInput());
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]!.baseVersion).toBe(previousPut.version);

    fireEvent.click(await screen.findByTestId('unsubmit'));
    await waitFor(() => expect(screen.getByTestId('submission-status').textContent).toContain('Draft'));
  });

  it('the checklist says what is missing; required items block the submit, a title alone still saves', async () => {
    const now = Date.now();
    const { routes } = editorRoutes(now, {
      editionOverrides: {
        submissionRequirements: {
          description: true,
          repoUrl: true,
          demoUrl: false,
          videoUrl: false,
          challenge: false,
        },
      },
    });
    const puts: PutBody[] = [];
    let current: Submission | null = null;
    const { calls } = await openEditor({
      ...routes,
      [`GET ${API}`]: () => json(200, current ?? null),
      [`PUT ${API}`]: (init) => {
        puts.push(bodyOf(init));
        current = saved(submissionFixture(now, { version: 0 }), {
          ...bodyOf(init),
          description: '',
          repoUrl: '',
          challengeIds: [],
          techTags: [],
        });
        return json(200, current);
      },
    });

    // Only a title: saved as a draft.
    fireEvent.change(titleInput(), { target: { value: 'Just a title' } });
    fireEvent.blur(titleInput());
    await waitFor(() => expect(puts).toHaveLength(1));
    await waitFor(() => expect(status().textContent).toMatch(/^Saved at/));

    fireEvent.click(screen.getByTestId('submit'));
    const confirm = await screen.findByTestId('submit-confirm');
    const items = within(confirm).getAllByTestId('checklist-item');
    const byKey = (text: RegExp) => items.find((i) => text.test(i.textContent ?? ''))!;
    expect(byKey(/description of at least 200/).textContent).toContain('missing (required by the edition)');
    expect(byKey(/code repository/).textContent).toContain('missing (required by the edition)');
    expect(byKey(/a demo/).textContent).not.toContain('required');
    expect(byKey(/challenge/).textContent).toContain('missing');
    expect(within(confirm).getByTestId('submit-blocked').textContent).toBe(
      'The edition requires 2 more items before the project can be submitted.',
    );
    expect((within(confirm).getByTestId('submit-confirm-button') as HTMLButtonElement).disabled).toBe(true);
    expect(calls.some((c) => c.url.endsWith('/submit'))).toBe(false);
  });

  it('previews the Markdown description live and safely', async () => {
    const now = Date.now();
    const { routes } = editorRoutes(now);
    await openEditor({ ...routes, [`GET ${API}`]: () => json(200, submissionFixture(now)) });

    const preview = screen.getByTestId('description-preview');
    expect(preview.querySelector('h4')?.textContent).toBe('How it works'); // ## under the page's h2
    fireEvent.change(screen.getByLabelText(/^Description/), {
      target: {
        value: 'Hi <script>window.__x=1</script> <img src=x onerror="alert(1)"> [x](javascript:alert(1))',
      },
    });
    await waitFor(() => expect(screen.getByTestId('description-preview').textContent).toContain('<script>'));
    const after = screen.getByTestId('description-preview');
    expect(after.querySelector('script, img')).toBeNull();
    expect(after.querySelector('a[href]')).toBeNull();
    expect((window as { __x?: number }).__x).toBeUndefined();
  });

  it('shows the version history: who and when, and an old version', async () => {
    const now = Date.now();
    const { routes } = editorRoutes(now);
    const current = submissionFixture(now);
    const v2 = versionFixture(
      submissionFixture(now, {
        version: 2,
        title: 'First idea',
        description: 'An *early* draft',
        challengeIds: [TRIAGE],
      }),
      { authorName: 'Mihai Ionescu', createdAt: new Date(now - 3 * HOUR).toISOString() },
    );
    const v3 = versionFixture(current, { action: 'save' });
    await openEditor({
      ...routes,
      [`GET ${API}`]: () => json(200, current),
      [`GET ${API}/versions?limit=50`]: () => json(200, { items: [v3, v2], nextCursor: null }),
    });

    fireEvent.click(screen.getByTestId('open-history'));
    const entries = await screen.findAllByTestId('version-entry');
    expect(entries.map((e) => e.textContent)).toEqual([
      expect.stringContaining('Version 3'),
      expect.stringContaining('Version 2'),
    ]);
    expect(entries[1]!.textContent).toContain('by Mihai Ionescu');
    expect(entries[1]!.querySelector('time')?.getAttribute('datetime')).toBe(v2.createdAt);

    fireEvent.click(within(entries[1]!).getByRole('button'));
    const old = await screen.findByTestId('version-description');
    expect(old.querySelector('em')?.textContent).toBe('early');
    const drawer = screen.getByRole('dialog');
    expect(within(drawer).getByText('First idea')).toBeTruthy();
    expect(within(drawer).getByText('Emergency room triage')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /All versions/ }));
    expect(await screen.findAllByTestId('version-entry')).toHaveLength(2);
  });

  it('shows one entry per group of saves, submits as their own entries, one badge each', async () => {
    const now = Date.now();
    const { routes } = editorRoutes(now);
    const current = submissionFixture(now, { version: 6, status: 'submitted' });
    const submit = versionFixture(current, { version: 6, firstVersion: 6, action: 'submit' });
    const saves = versionFixture(submissionFixture(now, { version: 5 }), {
      version: 5,
      firstVersion: 2,
      saves: 4,
      startedAt: new Date(now - 120_000).toISOString(),
    });
    await openEditor({
      ...routes,
      [`GET ${API}`]: () => json(200, current),
      [`GET ${API}/versions?limit=50`]: () => json(200, { items: [submit, saves], nextCursor: null }),
    });

    fireEvent.click(screen.getByTestId('open-history'));
    const entries = await screen.findAllByTestId('version-entry');
    expect(entries).toHaveLength(2);
    expect(entries[0]!.textContent).toContain('Version 6');
    expect(entries[1]!.textContent).toMatch(/Versions 2–5[\s\S]*4 saves/);
    expect(
      entries.map((e) =>
        within(e)
          .getAllByTestId('version-action')
          .map((b) => b.textContent),
      ),
    ).toEqual([['Submitted'], ['Saved']]);
    expect(within(entries[1]!).queryByTestId('submission-status')).toBeNull();
  });
});
