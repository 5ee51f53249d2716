import axe from 'axe-core';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { apiClient, registerUser, uniqueSuffix } from '../support/api';
import { baseUrl, launch, screenshot } from '../support/browser';
import { appRoutePatterns } from '../support/app-routes';
import { createOpenEdition } from '../support/open-edition';
import { ORGANIZER_EMAIL, ORGANIZER_PASSWORD } from '../support/organizer';

/**
 * WCAG 2.1 AA, checked by axe-core in the real browser: every main page, in English and Romanian,
 * at a desktop and a phone width, as the visitor, participant or organizer who sees it. A failure
 * names each rule, its impact and the first elements at fault.
 */

const SLUG = 'challenge-accepted-vi';
/** An edition open for registration (the demo one is in judging), for the participant's pages: set in beforeAll. */
let OPEN = '';
const PASSWORD = 'an accessible password';
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Who = 'visitor' | 'participant' | 'organizer' | 'juror';

interface Target {
  name: string;
  /** The router's pattern this target visits (`appRoutePatterns()`): every pattern needs one. */
  route: string;
  who: Who;
  path: () => string;
  /** The page's main content, present once its data has loaded. */
  ready: (page: Page) => Promise<void>;
}

const byTestId = (id: string) => (page: Page) => page.getByTestId(id).first().waitFor();
/** The first of several test ids (a page that shows one of a few states). */
const anyTestId =
  (...ids: string[]) =>
  (page: Page) =>
    page
      .locator(ids.map((id) => `[data-testid="${id}"]`).join(', '))
      .first()
      .waitFor();

/** A demo juror of the demo edition (in judging), and the first project on their route. */
const JUROR = { email: 'juror1@demo.challenge-accepted.ro', password: 'demo-juror-1' };
const juror = { submissionId: '' };

/** The participant with a team in the open edition, made through the API in `beforeAll`. */
const participant = { email: '', teamId: '', teamName: '', inviteCode: '' };

const TARGETS: Target[] = [
  { name: 'home', route: '/', who: 'visitor', path: () => '/', ready: byTestId('current-edition') },
  // The home page's current edition is the demo one (in judging); the participant's team is in the
  // open edition, listed among the others.
  {
    name: 'home-participant',
    route: '/',
    who: 'participant',
    path: () => '/',
    ready: byTestId('current-edition'),
  },
  { name: 'home-organizer', route: '/', who: 'organizer', path: () => '/', ready: byTestId('cta-console') },
  {
    name: 'edition',
    route: '/editions/:slug',
    who: 'visitor',
    path: () => `/editions/${SLUG}`,
    ready: byTestId('edition-timeline'),
  },
  { name: 'login', route: '/login', who: 'visitor', path: () => '/login', ready: byTestId('login-form') },
  {
    name: 'sign-up',
    route: '/signup',
    who: 'visitor',
    path: () => '/signup',
    ready: byTestId('signup-form'),
  },
  { name: 'terms', route: '/terms', who: 'visitor', path: () => '/terms', ready: byTestId('terms') },
  {
    name: 'forgot-password',
    route: '/forgot-password',
    who: 'visitor',
    path: () => '/forgot-password',
    ready: byTestId('forgot-email'),
  },
  {
    name: 'my-team',
    route: '/editions/:slug/team',
    who: 'participant',
    path: () => `/editions/${OPEN}/team`,
    ready: byTestId('team-panel'),
  },
  {
    name: 'team-finder-people',
    route: '/editions/:slug/find-team',
    who: 'participant',
    path: () => `/editions/${OPEN}/find-team`,
    ready: (page) =>
      page.locator('[data-testid="finder-people"], [data-testid="finder-people-empty"]').first().waitFor(),
  },
  {
    name: 'team-finder-teams',
    route: '/editions/:slug/find-team',
    who: 'participant',
    path: () => `/editions/${OPEN}/find-team?tab=teams`,
    ready: (page) => page.getByTestId('finder-team').filter({ hasText: participant.teamName }).waitFor(),
  },
  {
    name: 'submission-editor',
    route: '/teams/:teamId/submission',
    who: 'participant',
    path: () => `/teams/${participant.teamId}/submission`,
    ready: byTestId('submission-form'),
  },
  {
    name: 'juror-route',
    route: '/jury/:slug',
    who: 'juror',
    path: () => `/jury/${SLUG}`,
    ready: byTestId('route-list'),
  },
  {
    name: 'juror-sheet',
    route: '/jury/:slug/projects/:submissionId',
    who: 'juror',
    path: () => `/jury/${SLUG}/projects/${juror.submissionId}`,
    ready: byTestId('sheet-form'),
  },
  {
    name: 'organizer-coverage',
    route: '/organize/editions/:slug/coverage',
    who: 'organizer',
    path: () => `/organize/editions/${SLUG}/coverage`,
    ready: byTestId('coverage-totals'),
  },
  ...(
    [
      ['assignments', 'assignment-row'],
      ['conflicts', 'declare-conflict-form'],
      ['tables', 'table-row'],
      ['corrections', 'corrections-project'],
    ] as const
  ).map(([section, ready]): Target => ({
    name: `organizer-${section}`,
    route: `/organize/editions/:slug/${section}`,
    who: 'organizer',
    path: () => `/organize/editions/${SLUG}/${section}`,
    ready: byTestId(ready),
  })),
  {
    name: 'jury-invalid-link',
    route: '/jury/accept',
    who: 'participant',
    path: () => '/jury/accept?token=not-a-real-token',
    ready: byTestId('jury-invalid'),
  },
  {
    name: 'organizer-home',
    route: '/organize',
    who: 'organizer',
    path: () => '/organize',
    ready: byTestId('organizer-editions'),
  },
  ...(
    [
      ['overview', '', 'setup-steps'],
      ['edition', '/edition', 'edition-form'],
      ['tracks', '/tracks', 'organizer-track'],
      ['criteria', '/criteria', 'criteria-form'],
      ['participants', '/participants', 'participants'],
      ['teams', '/teams', 'console-teams'],
      ['submissions', '/submissions', 'submissions-empty'],
      ['jury', '/jury', 'invitations'],
      ['dashboard', '/dashboard', 'dashboard-registrations-total'],
      ['audit', '/audit', 'audit-scope'],
      ['exports', '/exports', 'export-participants'],
      ['results', '/results', 'results-list'],
    ] as const
  ).map(([section, path, ready]): Target => ({
    name: `console-${section}`,
    route: `/organize/editions/:slug${path}`,
    who: 'organizer',
    path: () => `/organize/editions/${SLUG}${path}`,
    ready: (page) =>
      page.locator(`[data-testid="${ready}"], [data-testid="submissions-table"]`).first().waitFor(),
  })),
];

TARGETS.push(
  {
    // The open edition has no results yet: the page says so.
    name: 'team-result',
    route: '/teams/:teamId/result',
    who: 'participant',
    path: () => `/teams/${participant.teamId}/result`,
    ready: (page) =>
      page.locator('[data-testid="team-result-pending"], [data-testid="team-result"]').first().waitFor(),
  },
  {
    name: 'account',
    route: '/account',
    who: 'participant',
    path: () => '/account',
    ready: byTestId('password-form'),
  },
  {
    name: 'reset-password',
    route: '/reset-password',
    who: 'visitor',
    path: () => '/reset-password?token=not-a-real-token',
    ready: byTestId('reset-password'),
  },
  {
    name: 'join-team',
    route: '/join/:inviteCode',
    who: 'participant',
    path: () => `/join/${participant.inviteCode}`,
    ready: byTestId('already-member'),
  },
  // A juror of one edition goes straight to its route; the page itself shows to someone else.
  {
    name: 'jury-editions',
    route: '/jury',
    who: 'participant',
    path: () => '/jury',
    ready: (page) => page.getByRole('heading', { level: 1 }).waitFor(),
  },
  {
    name: 'gallery',
    route: '/editions/:slug/gallery',
    who: 'visitor',
    path: () => `/editions/${SLUG}/gallery`,
    ready: anyTestId('gallery-not-published', 'gallery-track', 'gallery-empty'),
  },
  {
    name: 'gallery-project',
    route: '/editions/:slug/gallery/:submissionId',
    who: 'visitor',
    path: () => `/editions/${SLUG}/gallery/${juror.submissionId}`,
    ready: anyTestId('gallery-not-published', 'project-title'),
  },
  {
    name: 'event-screen',
    route: '/screen/:editionSlug',
    who: 'visitor',
    path: () => `/screen/${SLUG}`,
    ready: byTestId('event-screen'),
  },
  {
    name: 'console-live',
    route: '/organize/editions/:slug/live',
    who: 'organizer',
    path: () => `/organize/editions/${SLUG}/live`,
    ready: byTestId('live-console'),
  },
  {
    name: 'new-edition',
    route: '/organize/editions/new',
    who: 'organizer',
    path: () => '/organize/editions/new',
    ready: byTestId('edition-form'),
  },
  {
    name: 'not-found',
    route: '/*',
    who: 'visitor',
    path: () => '/no-such-page/here',
    ready: (page) => page.getByRole('heading', { level: 1 }).waitFor(),
  },
);

/** The router's patterns no target visits, and the targets' patterns the router does not have. */
function coverageGaps(appRoutes: string[], targets: Pick<Target, 'route'>[]) {
  const visited = new Set(targets.map((t) => t.route));
  return {
    notCovered: appRoutes.filter((r) => !visited.has(r)),
    notARoute: [...visited].filter((r) => !appRoutes.includes(r)).sort(),
  };
}

describe('accessibility targets', () => {
  const appRoutes = appRoutePatterns();

  it('visit every route of the web app (a new route or console section needs a target here)', () => {
    expect(appRoutes.length).toBeGreaterThan(30);
    expect(appRoutes).toEqual(
      expect.arrayContaining(['/screen/:editionSlug', '/organize/editions/:slug/live', '/*']),
    );
    expect(coverageGaps(appRoutes, TARGETS)).toEqual({ notCovered: [], notARoute: [] });
  });

  it('notice a route without a target, and a target of no route (the comparison itself can fail)', () => {
    const withoutLive = TARGETS.filter((t) => t.route !== '/organize/editions/:slug/live');
    expect(coverageGaps([...appRoutes, '/organize/editions/:slug/not-a-section'], withoutLive)).toEqual({
      notCovered: ['/organize/editions/:slug/live', '/organize/editions/:slug/not-a-section'],
      notARoute: [],
    });
    expect(coverageGaps(appRoutes, [...TARGETS, { route: '/editions/:slug/nowhere' }]).notARoute).toEqual([
      '/editions/:slug/nowhere',
    ]);
  });
});

const VIEWPORTS = [
  { name: 'desktop', options: { viewport: { width: 1280, height: 900 } } },
  { name: 'phone', options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
] as const;

const LANGUAGES = ['en', 'ro'] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
  count: number;
}

/** Injects axe (through the debugging protocol, so the app's CSP does not apply) and runs it. */
async function runAxe(page: Page): Promise<Violation[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      count: v.nodes.length,
      nodes: v.nodes.slice(0, 3).map((n) => ({
        target: n.target.map(String).join(' '),
        html: n.html.replace(/\s+/g, ' ').slice(0, 200),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
  }, WCAG_AA);
}

function describeViolations(where: string, violations: Violation[]): string {
  const lines = violations.map(
    (v) =>
      `- ${v.id} (${v.impact}, ${v.count} element${v.count === 1 ? '' : 's'}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target}\n      ${n.html}\n      ${n.summary}`).join('\n'),
  );
  return `axe found ${violations.length} WCAG 2.1 AA violation(s) on ${where}:\n${lines.join('\n')}`;
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

async function signIn(context: BrowserContext, email: string, password: string): Promise<void> {
  const res = await context.request.post(`${baseUrl()}/api/auth/login`, { data: { email, password } });
  if (res.status() !== 200) throw new Error(`login ${email}: ${res.status()} ${await res.text()}`);
}

async function createParticipantWithTeam(api: APIRequestContext): Promise<void> {
  const run = uniqueSuffix();
  participant.email = `a11y.${run}@example.com`;
  participant.teamName = `Accessible Pills ${run}`;
  const { token } = await registerUser(api, {
    email: participant.email,
    password: PASSWORD,
    name: 'Ana Popescu',
  });
  const headers = { Authorization: `Bearer ${token}` };
  const edition = await (await api.get(`/api/editions/${OPEN}`)).json();
  const health = (edition.tracks as { id: string; name: string }[]).find((t) => t.name === 'Health');
  if (!health) throw new Error('the open edition has no Health track');
  const registration = await api.post(`/api/editions/${edition.id}/registrations`, {
    headers,
    data: { skills: ['React', 'Accessibility'], lookingForTeam: false },
  });
  if (registration.status() !== 201)
    throw new Error(`registration: ${registration.status()} ${await registration.text()}`);
  const team = await api.post(`/api/editions/${edition.id}/teams`, {
    headers,
    data: { name: participant.teamName, trackId: health.id },
  });
  if (team.status() !== 201) throw new Error(`team: ${team.status()} ${await team.text()}`);
  const created = await team.json();
  participant.teamId = created.id;
  participant.inviteCode = created.inviteCode;
  if (!participant.inviteCode) throw new Error('the new team has no invite code');
}

/** The first project on the demo juror's route (the demo seed assigns them). */
async function findJurorProject(api: APIRequestContext): Promise<void> {
  const login = await api.post('/api/auth/login', { data: JUROR });
  if (login.status() !== 200) throw new Error(`juror login: ${login.status()} ${await login.text()}`);
  const { token } = await login.json();
  const edition = await (await api.get(`/api/editions/${SLUG}`)).json();
  const mine = await api.get(`/api/editions/${edition.id}/assignments/me`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (mine.status() !== 200) throw new Error(`assignments/me: ${mine.status()} ${await mine.text()}`);
  const first = (await mine.json()).items[0];
  if (!first) throw new Error('the demo juror has no assignment');
  juror.submissionId = first.submissionId;
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    OPEN = (await createOpenEdition()).slug;
    const api = await apiClient();
    try {
      await createParticipantWithTeam(api);
      await findJurorProject(api);
    } finally {
      await api.dispose();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('axe itself reports a known violation (so a pass above means something)', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent('<!doctype html><title>t</title><main><img src="x.png"></main>');
      expect((await runAxe(page)).map((v) => v.id)).toEqual(
        expect.arrayContaining(['html-has-lang', 'image-alt']),
      );
    } finally {
      await page.close();
    }
  });

  describe.each(LANGUAGES.flatMap((language) => VIEWPORTS.map((viewport) => ({ language, viewport }))))(
    '$language · $viewport.name',
    ({ language, viewport }) => {
      const contexts = {} as Record<Who, BrowserContext>;
      beforeAll(async () => {
        for (const who of ['visitor', 'participant', 'organizer', 'juror'] as const) {
          const context = await browser.newContext(viewport.options);
          await context.addInitScript((lng) => window.localStorage.setItem('ca.language', lng), language);
          if (who === 'participant') await signIn(context, participant.email, PASSWORD);
          if (who === 'organizer') await signIn(context, ORGANIZER_EMAIL, ORGANIZER_PASSWORD);
          if (who === 'juror') await signIn(context, JUROR.email, JUROR.password);
          contexts[who] = context;
        }
      });
      afterAll(async () => {
        for (const context of Object.values(contexts)) await context.close();
      });

      it.each(TARGETS)('$name has no violations', async (target) => {
        const page = await contexts[target.who].newPage();
        try {
          await page.goto(`${baseUrl()}${target.path()}`);
          await target.ready(page);
          expect(await page.getAttribute('html', 'lang')).toBe(language);
          await page.waitForLoadState('networkidle');
          const violations = await runAxe(page);
          if (violations.length > 0) {
            await screenshot(page, `a11y-${target.name}-${language}-${viewport.name}`);
            throw new Error(describeViolations(`${target.name} (${language}, ${viewport.name})`, violations));
          }
        } finally {
          await page.close();
        }
      });
    },
  );

  describe.each([
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ])('the event screen at $width×$height, in Romanian', (size) => {
    it('has no violations, fits the screen, and its smallest text is readable from afar', async () => {
      const context = await browser.newContext({ viewport: size });
      await context.addInitScript(() => window.localStorage.setItem('ca.language', 'ro'));
      const page = await context.newPage();
      try {
        await page.goto(`${baseUrl()}/screen/${SLUG}`);
        await page.getByTestId('event-screen').waitFor();
        await page.getByTestId('screen-board').first().waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe('ro');
        await page.waitForLoadState('networkidle');
        const file = await screenshot(page, `a11y-event-screen-ro-${size.width}x${size.height}`);
        const violations = await runAxe(page);
        if (violations.length > 0)
          throw new Error(
            describeViolations(`the event screen (ro, ${size.width}×${size.height})`, violations),
          );
        const layout = await page.evaluate(() => {
          const screen = document.querySelector('[data-testid="event-screen"]')!;
          const texts = Array.from(screen.querySelectorAll<HTMLElement>('*')).filter((el) => {
            const own = Array.from(el.childNodes).some(
              (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim(),
            );
            const box = el.getBoundingClientRect();
            return own && box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
          });
          const heading = screen.querySelector('h1')?.getBoundingClientRect();
          return {
            scrollWidth: document.documentElement.scrollWidth,
            scrollHeight: document.documentElement.scrollHeight,
            smallest: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize))),
            texts: texts.length,
            heading: heading && { top: heading.top, right: heading.right },
          };
        });
        expect(file).toMatch(/\.png$/);
        expect(layout.texts).toBeGreaterThan(3);
        // No scroll bar on a screen nobody can scroll; the heading in view.
        expect(layout.scrollWidth).toBeLessThanOrEqual(size.width);
        expect(layout.scrollHeight).toBeLessThanOrEqual(size.height);
        expect(layout.heading).toBeDefined();
        expect(layout.heading!.top).toBeGreaterThanOrEqual(0);
        expect(layout.heading!.right).toBeLessThanOrEqual(size.width);
        // From the back of a hall: no text under 1.8% of the screen's height (13 px at 720, 19 at
        // 1080); the smallest are the board's column headings, in capitals, at 1.9%.
        expect(layout.smallest).toBeGreaterThanOrEqual(size.height * 0.018);
      } finally {
        await context.close();
      }
    });
  });
});
