import './test/fake-indexeddb';
import type { Coverage, Criterion, MyAssignment } from '@ca/shared';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { setLanguage } from '../../lib/i18n';
import { meFixture, signedIn } from '../../test/auth-fixtures';
import { FakeSocket } from '../../test/fake-socket';
import { json, stubFetch } from '../../test/fetch-stub';
import { demoEdition } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { resetOutboxes } from './offline/use-sheet-outbox';
import { IdbSheetStore } from './offline/sheet-store';

const mockSocket = new FakeSocket();
jest.mock('../../lib/socket', () => ({ getSocket: () => mockSocket, closeSocket: () => undefined }));

/**
 * The juror's screens in jsdom against a stubbed API and a real IndexedDB implementation: a
 * sheet goes into the outbox and out with its key; a refusal stays on the screen with its reason
 * in the juror's language; nothing is sent with a criterion left empty; the level descriptions are
 * read in the reader's language.
 */

const HOUR = 3_600_000;
const now = Date.now();
const criteria: Criterion[] = [
  {
    id: '0a1b2c3d-0000-4000-8000-000000000901',
    name: 'Innovation',
    nameI18n: { en: 'Innovation', ro: 'Inovație' },
    description: 'How new is it?',
    descriptionI18n: { en: 'How new is it?', ro: 'Cât de nou este?' },
    weight: 1,
    min: 1,
    max: 10,
    order: 0,
    levels: [
      { from: 1, to: 3, description: 'Idea only', descriptionI18n: { en: 'Idea only', ro: 'Doar o idee' } },
      { from: 4, to: 10, description: 'Working', descriptionI18n: { en: 'Working', ro: 'Funcționează' } },
    ],
  },
  {
    id: '0a1b2c3d-0000-4000-8000-000000000902',
    name: 'Impact',
    nameI18n: { en: 'Impact', ro: 'Impact' },
    description: '',
    descriptionI18n: { en: '', ro: '' },
    weight: 2,
    min: 1,
    max: 5,
    order: 1,
    levels: [],
  },
];
const edition = demoEdition(now, {
  phase: 'judging',
  submissionDeadline: new Date(now - HOUR).toISOString(),
  judgingEndsAt: new Date(now + 24 * HOUR).toISOString(),
  criteria,
});
const me = meFixture({}, { [edition.id]: ['juror'] });

const assignment = (n: number, overrides: Partial<MyAssignment> = {}): MyAssignment => ({
  submissionId: `3c4d5e6f-0000-4000-8000-00000000010${n}`,
  teamId: `3c4d5e6f-0000-4000-8000-00000000020${n}`,
  teamName: `Team ${n}`,
  trackId: edition.tracks[0]!.id,
  title: `Project ${n}`,
  sheet: null,
  tableLabel: `H-0${n}`,
  status: 'todo',
  flag: null,
  canScore: true,
  reopening: null,
  latest: {
    version: 3,
    updatedAt: new Date(now - 2 * HOUR).toISOString(),
    submittedAt: new Date(now - 2 * HOUR).toISOString(),
    tagline: `Tagline ${n}`,
    description: '**Bold** <script>alert(1)</script>',
    repoUrl: 'https://github.com/example/x',
    demoUrl: '',
    videoUrl: '',
    techTags: ['React'],
    challengeIds: [],
    deadline: new Date(now - HOUR).toISOString(),
    extensionRunning: false,
  },
  ...overrides,
});
const first = assignment(1);
const second = assignment(2);

function api(put: (body: unknown) => Response) {
  return stubFetch({
    ...signedIn(me),
    [`GET /api/editions/${edition.slug}`]: () => json(200, edition),
    [`GET /api/editions/${edition.id}/assignments/me`]: () =>
      json(200, { items: [first, second], nextCursor: null }),
    [`PUT /api/submissions/${first.submissionId}/scores/me`]: (init) => put(JSON.parse(String(init?.body))),
  });
}

beforeEach(() => {
  // A fresh IndexedDB per test: nothing queued by another test.
  globalThis.indexedDB = new IDBFactory();
});

afterEach(async () => {
  resetOutboxes();
  await act(() => setLanguage('en'));
});

async function chooseValues() {
  const [innovation, impact] = await screen.findAllByTestId('criterion');
  fireEvent.click(within(innovation!).getByRole('radio', { name: '8' }));
  fireEvent.click(within(impact!).getByRole('radio', { name: '4' }));
}

describe("the juror's sheet", () => {
  it('is saved into the outbox and sent with its idempotency key, then the next project opens', async () => {
    const bodies: { values: Record<string, number>; comment: string; idempotencyKey: string }[] = [];
    api((body) => {
      bodies.push(body as (typeof bodies)[0]);
      return json(200, {
        jurorId: me.id,
        submissionId: first.submissionId,
        values: (body as { values: Record<string, number> }).values,
        comment: (body as { comment: string }).comment,
        score: 75,
        updatedAt: new Date().toISOString(),
        submissionVersion: 3,
        counts: true,
      });
    });
    const { router } = renderApp(`/jury/${edition.slug}/projects/${first.submissionId}`);
    expect((await screen.findByTestId('project-title')).textContent).toBe('Project 1');
    // The description is Markdown rendered safely: no script element.
    expect(screen.getByTestId('project-description').querySelector('script')).toBeNull();

    await chooseValues();
    fireEvent.change(screen.getByTestId('sheet-comment'), { target: { value: 'Clear pitch.' } });
    fireEvent.click(screen.getByTestId('save-next'));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/jury/${edition.slug}/projects/${second.submissionId}`),
    );
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      values: { [criteria[0]!.id]: 8, [criteria[1]!.id]: 4 },
      comment: 'Clear pitch.',
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    // Sent: nothing left in the queue.
    await waitFor(async () => {
      const store = await IdbSheetStore.open();
      expect(await store.list(me.id)).toEqual([]);
      store.close();
    });
  });

  it('keeps a refused sheet on the screen with the reason in the juror language, and in IndexedDB', async () => {
    api(() => json(409, { statusCode: 409, code: 'PHASE_CLOSED', message: 'Judging ended' }));
    const { router } = renderApp(`/jury/${edition.slug}/projects/${first.submissionId}`);
    await chooseValues();
    fireEvent.click(screen.getByTestId('save-next'));
    await waitFor(() => expect(router.state.location.pathname).toContain(second.submissionId));

    await act(() => router.navigate(`/jury/${edition.slug}`));
    const refused = await screen.findByTestId('outbox-refused');
    expect(refused.getAttribute('data-code')).toBe('PHASE_CLOSED');
    expect(refused.textContent).toContain('Judging is not open for this project any more');
    const item = screen
      .getAllByTestId('route-item')
      .find((el) => el.getAttribute('data-submission-id') === first.submissionId);
    expect(item?.getAttribute('data-status')).toBe('refused');

    await act(() => setLanguage('ro'));
    expect((await screen.findByTestId('outbox-refused')).textContent).toContain(
      'Jurizarea nu mai este deschisă pentru acest proiect',
    );

    const store = await IdbSheetStore.open();
    const kept = await store.list(me.id);
    store.close();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ status: 'refused', error: { code: 'PHASE_CLOSED', status: 409 } });
  });

  it('sends nothing while a criterion has no score, and says which', async () => {
    const { fetch } = api(() => json(500, {}));
    renderApp(`/jury/${edition.slug}/projects/${first.submissionId}`);
    const [innovation] = await screen.findAllByTestId('criterion');
    fireEvent.click(within(innovation!).getByRole('radio', { name: '2' }));
    fireEvent.click(screen.getByTestId('save-next'));

    expect((await screen.findByTestId('sheet-missing')).textContent).toBe('1 criterion still has no score.');
    const [, impact] = screen.getAllByTestId('criterion');
    expect(impact!.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(within(impact!).getAllByRole('radio')[0]);
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);
  });

  it('shows each level description in the reader language, the chosen value’s level marked', async () => {
    api(() => json(500, {}));
    renderApp(`/jury/${edition.slug}/projects/${first.submissionId}`);
    const [innovation] = await screen.findAllByTestId('criterion');
    fireEvent.click(within(innovation!).getByRole('radio', { name: '2' }));
    const levels = within(innovation!).getAllByTestId('criterion-level');
    expect(levels.map((l) => l.textContent)).toEqual(['1–3 Idea only', '4–10 Working']);
    expect(levels[0]!.getAttribute('data-active')).toBe('true');
    // The radio is described by its level, for screen readers.
    const radio = within(innovation!).getByRole('radio', { name: '2' });
    expect(document.getElementById(radio.getAttribute('aria-describedby')!)?.textContent).toBe(
      '1–3 Idea only',
    );

    await act(() => setLanguage('ro'));
    await waitFor(() =>
      expect(
        within(innovation!)
          .getAllByTestId('criterion-level')
          .map((l) => l.textContent),
      ).toEqual(['1–3 Doar o idee', '4–10 Funcționează']),
    );
    // The criterion itself too, from its two languages (no refetch needed, so also offline).
    expect(within(innovation!).getByText('Inovație')).toBeTruthy();
    expect(within(innovation!).getByText('Cât de nou este?')).toBeTruthy();
  });
});

describe("the juror's route", () => {
  it('lists the projects in walking order with their tables and states', async () => {
    api(() => json(500, {}));
    stubFetch({
      ...signedIn(me),
      [`GET /api/editions/${edition.slug}`]: () => json(200, edition),
      [`GET /api/editions/${edition.id}/assignments/me`]: () =>
        json(200, {
          items: [
            first,
            assignment(2, { status: 'done' }),
            assignment(3, {
              status: 'flagged',
              flag: {
                id: '3c4d5e6f-0000-4000-8000-000000000301',
                editionId: edition.id,
                submissionId: assignment(3).submissionId,
                jurorId: me.id,
                kind: 'absent',
                reason: 'Nobody there',
                status: 'open',
                createdAt: new Date().toISOString(),
                resolvedAt: null,
                resolvedBy: null,
                reassignedTo: null,
                note: null,
              },
            }),
          ],
          nextCursor: null,
        }),
    });
    renderApp(`/jury/${edition.slug}`);
    const items = await screen.findAllByTestId('route-item');
    expect(
      items.map((i) => [i.querySelector('.route-table')?.textContent, i.getAttribute('data-status')]),
    ).toEqual([
      ['Table H-01', 'todo'],
      ['Table H-02', 'done'],
      ['Table H-03', 'flagged'],
    ]);
    expect(screen.getByTestId('route-progress').textContent).toBe('1 of 3 scored · 1 flagged · 1 to do');
    expect(screen.getByTestId('route-next').getAttribute('href')).toBe(
      `/jury/${edition.slug}/projects/${first.submissionId}`,
    );
  });
});

describe("the organizers' coverage", () => {
  const organizer = meFixture({ isOrganizer: true });
  const flagId = '3c4d5e6f-0000-4000-8000-000000000401';
  const coverage = (flags: number): Coverage => ({
    editionId: edition.id,
    reviewsPerSubmission: 2,
    seq: 7,
    totals: { submissions: 2, required: 4, assigned: 4, done: 1, flagsOpen: flags, notCounting: 0 },
    submissions: [
      {
        submissionId: first.submissionId,
        teamId: first.teamId,
        teamName: 'Team 1',
        trackId: first.trackId,
        title: 'Project 1',
        tableLabel: 'H-01',
        required: 2,
        assigned: 2,
        done: 0,
        notCounting: 0,
        flagsOpen: flags,
      },
      {
        submissionId: second.submissionId,
        teamId: second.teamId,
        teamName: 'Team 2',
        trackId: second.trackId,
        title: 'Project 2',
        tableLabel: 'H-02',
        required: 2,
        assigned: 2,
        done: 2,
        notCounting: 0,
        flagsOpen: 0,
      },
    ],
    jurors: [{ jurorId: me.id, name: 'Ana Popescu', assigned: 2, done: 1, flagsOpen: flags }],
    flags: flags
      ? [
          {
            id: flagId,
            editionId: edition.id,
            submissionId: first.submissionId,
            jurorId: me.id,
            kind: 'absent',
            reason: 'Nobody there',
            status: 'open',
            createdAt: new Date().toISOString(),
            resolvedAt: null,
            resolvedBy: null,
            reassignedTo: null,
            note: null,
            jurorName: 'Ana Popescu',
            teamId: first.teamId,
            teamName: 'Team 1',
            title: 'Project 1',
            tableLabel: 'H-01',
          },
        ]
      : [],
    notCounting: [],
  });

  it('shows who is behind and what is short, reassigns a flag in one click, and refetches on coverage:update', async () => {
    let flags = 1;
    let coverageCalls = 0;
    const { calls } = stubFetch({
      ...signedIn(organizer),
      [`GET /api/editions/${edition.slug}`]: () => json(200, edition),
      [`GET /api/editions/${edition.id}/coverage`]: () => {
        coverageCalls += 1;
        return json(200, coverage(flags));
      },
      [`POST /api/flags/${flagId}/reassign`]: () => {
        flags = 0;
        return json(200, { flag: {}, assignment: { jurorId: me.id, submissionId: first.submissionId } });
      },
    });
    renderApp(`/organize/editions/${edition.slug}/coverage`);
    await screen.findByTestId('coverage-totals');
    expect(screen.getByTestId('coverage-progress').textContent).toBe('1 of 4 sheets (25 %)');
    // Only the project still short of sheets, and the juror still behind.
    expect(screen.getAllByTestId('coverage-short').map((r) => r.textContent)).toEqual([
      expect.stringContaining('H-01 · Team 1 — Project 1'),
    ]);
    expect(screen.getAllByTestId('coverage-juror')).toHaveLength(1);

    fireEvent.click(within(screen.getByTestId('coverage-flag')).getByTestId('flag-reassign'));
    await screen.findByTestId('coverage-flags-none');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      `/api/flags/${flagId}/reassign`,
    ]);

    const before = coverageCalls;
    act(() =>
      mockSocket.receive('coverage:update', {
        ...coverage(0).submissions[0]!,
        editionId: edition.id,
        done: 1,
      }),
    );
    await waitFor(() => expect(coverageCalls).toBe(before + 1));
  });
});
