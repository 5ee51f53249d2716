import type { ExplainedProject, Leaderboard, LeaderboardExplanation, Team, TeamResult } from '@ca/shared';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setLanguage } from '../../lib/i18n';
import { meFixture, signedIn, USER_ID } from '../../test/auth-fixtures';
import { FakeSocket } from '../../test/fake-socket';
import { json, stubFetch, type Route } from '../../test/fetch-stub';
import { demoEdition } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { resetScreenWidth, setScreenWidth } from '../../test/screen-width';

const mockSocket = new FakeSocket();
jest.mock('../../lib/socket', () => ({ getSocket: () => mockSocket, closeSocket: () => undefined }));

const NOW = Date.parse('2026-03-10T12:00:00Z');
const judging = demoEdition(NOW, { phase: 'judging' });
const HEALTH = judging.tracks[0]!.id;
const [INNOVATION, IMPACT] = judging.criteria.map((c) => c.id);
const base = `/api/editions/${judging.id}`;
const SUB = '3c0d8e1f-0000-4000-8000-00000000aa01';
const JUROR = '3c0d8e1f-0000-4000-8000-00000000bb01';
const TEAM_ID = '3c0d8e1f-0000-4000-8000-00000000cc01';

function project(over: Partial<ExplainedProject> = {}): ExplainedProject {
  return {
    submissionId: SUB,
    teamId: TEAM_ID,
    teamName: 'Pill Pals',
    trackId: HEALTH,
    title: 'Pill Pal',
    rank: 1,
    score: 71.5,
    normalized: 0.8234,
    sheets: 1,
    criteria: { [INNOVATION!]: 7.5, [IMPACT!]: 6 },
    spread: { min: 71.5, max: 71.5, sd: 0 },
    jurorSheets: [
      {
        jurorId: JUROR,
        jurorName: 'Dr. Elena Marinescu',
        score: 71.5,
        zScore: 0.8234,
        counts: true,
        values: { [INNOVATION!]: 7.5, [IMPACT!]: 6 },
      },
    ],
    reason: {
      rank: 1,
      normalized: 0.8234,
      score: 71.5,
      sheets: 1,
      tieMean: 7.5,
      submittedAt: '2026-03-09T10:00:00Z',
      decidedBy: 'normalized',
      tiedWith: [],
    },
    sentence: {
      en: '1st place: normalized value 0.82 (mean score 71.50) from 1 sheet.',
      ro: 'Locul 1: valoare normalizată 0,82 (scor mediu 71,50) din 1 fișă.',
    },
    ...over,
  };
}

const explanation = (version: number, over: Partial<ExplainedProject> = {}): LeaderboardExplanation => ({
  editionId: judging.id,
  trackId: null,
  version,
  normalization: 'zscore',
  tieBreakCriterionId: INNOVATION!,
  criteria: judging.criteria.map((c) => ({
    id: c.id,
    name: c.name,
    weight: c.weight,
    min: c.min,
    max: c.max,
  })),
  jurors: [{ jurorId: JUROR, jurorName: 'Dr. Elena Marinescu', sheets: 1, mean: 71.5, sd: 0 }],
  projects: [project(over)],
});

const board = (version: number): Leaderboard => ({
  editionId: judging.id,
  trackId: null,
  version,
  publicMode: 'live',
  frozen: false,
  frozenAt: null,
  rows: [],
});

afterEach(async () => {
  resetScreenWidth();
  await setLanguage('en');
});

describe('console: results explained', () => {
  const organizer = (extra: Record<string, Route>) => ({
    ...signedIn(meFixture({ isOrganizer: true })),
    [`GET /api/editions/${judging.slug}`]: () => json(200, judging),
    'GET /api/editions': () => json(200, { items: [judging], nextCursor: null }),
    ...extra,
  });

  it("opens a project to its sentence in the reader's language, means, sheets with z-scores and spread", async () => {
    setScreenWidth(1366);
    await setLanguage('ro');
    stubFetch(
      organizer({
        [`GET ${base}/leaderboard/explain`]: () => json(200, explanation(3)),
        [`GET ${base}/leaderboard`]: () => json(200, board(3)),
      }),
    );
    renderApp(`/organize/editions/${judging.slug}/results`);
    const row = await screen.findByTestId('results-row');
    expect(within(row).queryByTestId('rank-sentence')).toBeNull(); // closed until opened
    fireEvent.click(within(row).getByRole('button'));
    const sentence = await within(row).findByTestId('rank-sentence');
    expect(sentence.textContent).toBe('Locul 1: valoare normalizată 0,82 (scor mediu 71,50) din 1 fișă.');
    const detail = within(row).getByTestId('results-detail');
    expect(detail.textContent).toContain('7,50'); // Innovation's mean, decimal comma
    expect(detail.textContent).toContain('departajare'); // Innovation breaks ties
    const sheet = within(detail).getByTestId('results-sheet');
    expect(sheet.textContent).toContain('Dr. Elena Marinescu');
    expect(sheet.textContent).toContain('0,82'); // the z-score
    expect(detail.textContent).toContain('71,50–71,50, abatere 0,00');
  });

  it('fetches the explanation again when the live board moves past it, and asks per track', async () => {
    setScreenWidth(1366);
    let version = 3;
    const { calls } = stubFetch(
      organizer({
        [`GET ${base}/leaderboard/explain`]: () => json(200, explanation(version)),
        [`GET ${base}/leaderboard/explain?trackId=${HEALTH}`]: () =>
          json(200, { ...explanation(version), trackId: HEALTH }),
        [`GET ${base}/leaderboard`]: () => json(200, board(3)),
        [`GET ${base}/leaderboard?trackId=${HEALTH}`]: () => json(200, { ...board(3), trackId: HEALTH }),
      }),
    );
    renderApp(`/organize/editions/${judging.slug}/results`);
    await screen.findByTestId('results-row');
    const explains = () => calls.filter((c) => c.url === `${base}/leaderboard/explain`).length;
    expect(explains()).toBe(1);
    await waitFor(() => expect(mockSocket.listenerCount('leaderboard:snapshot')).toBeGreaterThan(0));

    // A sheet changes the board: its snapshot carries a newer version.
    version = 4;
    act(() => mockSocket.receive('leaderboard:snapshot', board(4)));
    await waitFor(() => expect(explains()).toBe(2));

    fireEvent.click(screen.getByText('Health'));
    await waitFor(() =>
      expect(calls.some((c) => c.url === `${base}/leaderboard/explain?trackId=${HEALTH}`)).toBe(true),
    );
  });
});

describe("the team's result page", () => {
  const team: Team = {
    id: TEAM_ID,
    editionId: judging.id,
    trackId: HEALTH,
    name: 'Pill Pals',
    captainId: USER_ID,
    members: [{ userId: USER_ID, name: 'Ana Popescu' }],
    inviteCode: 'ABCDEFGHJK',
    freePlaces: 4,
    tableLabel: null,
  };
  const result: TeamResult = {
    teamId: TEAM_ID,
    editionId: judging.id,
    trackId: HEALTH,
    submissionId: SUB,
    title: 'Pill Pal',
    status: 'ranked',
    rank: 2,
    overallRank: 5,
    rankedInTrack: 4,
    rankedOverall: 12,
    score: 71.5,
    normalized: 0.8,
    sheets: 3,
    criteria: judging.criteria.map((c, i) => ({
      criterionId: c.id,
      name: c.name,
      weight: c.weight,
      min: c.min,
      max: c.max,
      mean: 6 + i,
    })),
    commentsShared: true,
    comments: ['Clear impact; polish the onboarding.'],
  };
  const member = (edition: typeof judging, extra: Record<string, Route> = {}) => ({
    ...signedIn(meFixture({}, { [judging.id]: ['participant'] })),
    [`GET /api/teams/${TEAM_ID}`]: () => json(200, team),
    [`GET /api/editions/${judging.id}`]: () => json(200, edition),
    ...extra,
  });

  it('before publication says the results are not out, without asking for them', async () => {
    const { calls } = stubFetch(member(judging));
    renderApp(`/teams/${TEAM_ID}/result`);
    await screen.findByTestId('team-result-pending');
    expect(calls.some((c) => c.url.endsWith('/result'))).toBe(false);
  });

  it('says "not out yet" when the API answers PHASE_CLOSED (publication moved back)', async () => {
    const published = {
      ...judging,
      resultsPublished: true,
      resultsPublishedAt: new Date(NOW - 1000).toISOString(),
    };
    const { calls } = stubFetch(
      member(published, {
        [`GET /api/teams/${TEAM_ID}/result`]: () =>
          json(409, { statusCode: 409, code: 'PHASE_CLOSED', message: 'Results are not published yet' }),
      }),
    );
    renderApp(`/teams/${TEAM_ID}/result`);
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/result'))).toBe(true));
    await screen.findByTestId('team-result-pending');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('after publication shows both ranks, the criterion means and the comments without names (ro)', async () => {
    await setLanguage('ro');
    const published = {
      ...judging,
      resultsPublished: true,
      resultsPublishedAt: new Date(NOW - 1000).toISOString(),
    };
    stubFetch(member(published, { [`GET /api/teams/${TEAM_ID}/result`]: () => json(200, result) }));
    renderApp(`/teams/${TEAM_ID}/result`);
    const view = await screen.findByTestId('team-result');
    expect(within(view).getByTestId('team-result-track-rank').textContent).toBe('În secțiunea Health2 din 4');
    expect(within(view).getByTestId('team-result-overall-rank').textContent).toBe('Toată ediția5 din 12');
    expect(within(view).getByTestId('team-result-criteria').textContent).toContain('6,00');
    expect(within(view).getByTestId('team-result-comments').textContent).toBe(
      'Clear impact; polish the onboarding.',
    );
    expect(view.textContent).toContain('Scor mediu 71,50 din 3 fișe.');
  });

  it('says so when the organizers do not share the comments', async () => {
    const published = {
      ...judging,
      resultsPublished: true,
      resultsPublishedAt: new Date(NOW - 1000).toISOString(),
    };
    stubFetch(
      member(published, {
        [`GET /api/teams/${TEAM_ID}/result`]: () =>
          json(200, { ...result, commentsShared: false, comments: null }),
      }),
    );
    renderApp(`/teams/${TEAM_ID}/result`);
    await screen.findByTestId('team-result');
    expect(
      screen.getByText("The organizers of this edition do not share the jurors' comments."),
    ).toBeTruthy();
    expect(screen.queryByTestId('team-result-comments')).toBeNull();
  });
});

describe('edition form: sharing the jurors’ comments', () => {
  it('sends shareJurorComments when the switch is turned on, and only that', async () => {
    setScreenWidth(1366);
    let patched: unknown;
    stubFetch({
      ...signedIn(meFixture({ isOrganizer: true })),
      [`GET /api/editions/${judging.slug}`]: () => json(200, judging),
      'GET /api/editions': () => json(200, { items: [judging], nextCursor: null }),
      [`PATCH /api/editions/${judging.id}`]: (init) => {
        patched = JSON.parse(String(init?.body));
        return json(200, { ...judging, shareJurorComments: true });
      },
    });
    renderApp(`/organize/editions/${judging.slug}/edition`);
    const toggle = await screen.findByTestId('edition-share-comments');
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(toggle);
    fireEvent.click(screen.getByTestId('edition-save'));
    await waitFor(() => expect(patched).toEqual({ shareJurorComments: true }));
  });
});
