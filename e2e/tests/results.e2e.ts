import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch, screenshot } from '../support/browser';
import { ORGANIZER_EMAIL, ORGANIZER_PASSWORD } from '../support/organizer';
import { api } from '../support/api';

/**
 * Issue 11's browser test: the organizers' "Results explained" section on the demo edition (in
 * judging, with the seed's sheets) shows each rank's sentence in the reader's language; a team
 * member's result page says the results are not out before publication (without a failed request)
 * and shows the ranks, criterion means and the shared comments after it; the organizer turns the
 * sharing on with the edition form's switch. Screenshots at 390 and 1280 px, English and Romanian.
 */

const DEMO_SLUG = 'challenge-accepted-vi';
const HOUR = 3_600_000;
/** Whole seconds: the edition form's pickers keep no milliseconds, so saving it changes no time. */
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
const WIDTHS = [
  { width: 390, height: 844, phone: true },
  { width: 1280, height: 900, phone: false },
] as const;
const LANGUAGES = ['en', 'ro'] as const;
type Language = (typeof LANGUAGES)[number];

/** A context at `width`, in `language`, signed in (its cookie jar) as `email`. */
async function contextFor(
  browser: Browser,
  language: Language,
  email: string,
  password: string,
  phone = false,
): Promise<BrowserContext> {
  const context = await browser.newContext(
    phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1280, height: 900 } },
  );
  await context.addInitScript((lng) => window.localStorage.setItem('ca.language', lng), language);
  const res = await context.request.post(`${baseUrl()}/api/auth/login`, { data: { email, password } });
  if (res.status() !== 200) throw new Error(`login ${email}: ${res.status()}`);
  return context;
}

/** Every API answer of 400 or more, and every console error, the page met. */
function watchFailures(page: Page): () => string[] {
  const failures: string[] = [];
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.pathname.startsWith('/api/') && res.status() >= 400)
      failures.push(`${res.request().method()} ${url.pathname} ${res.status()}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') failures.push(`console: ${msg.text()}`);
  });
  return () => failures;
}

/** The page is no wider than its viewport: nothing spills sideways at phone width. */
async function expectFits(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client + 1);
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

/** WCAG 2.1 AA by axe-core on the page as it stands (the opened row included). */
async function expectAccessible(page: Page, where: string): Promise<void> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return results.violations.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.map(String).join(' '))
          .join(', ')}`,
    );
  });
  expect({ where, violations }).toEqual({ where, violations: [] });
}

const SENTENCE = { en: /^\d+(st|nd|rd|th) place: /, ro: /^Locul \d+: / };

describe('results explained (console) and a team result page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(LANGUAGES)(
    'the organizer sees each rank with its sentence on the demo edition (%s, 390 and 1280 px)',
    async (language) => {
      const context = await contextFor(browser, language, ORGANIZER_EMAIL, ORGANIZER_PASSWORD);
      const page = await context.newPage();
      const failures = watchFailures(page);
      try {
        await page.goto(`${baseUrl()}/organize/editions/${DEMO_SLUG}`);
        await page.getByTestId('console-nav-results').first().click();
        const rows = page.getByTestId('results-row');
        await rows.first().waitFor();
        expect(await rows.count()).toBeGreaterThan(1);
        // The seed's sheets rank the first project: open it and read why.
        await rows.first().getByRole('button').first().click();
        const sentence = rows.first().getByTestId('rank-sentence');
        await sentence.waitFor();
        expect(await sentence.innerText()).toMatch(SENTENCE[language]);
        expect(await sentence.getAttribute('lang')).toBe(language);
        await rows.first().getByTestId('results-sheet').first().waitFor();
        expect(await page.getByTestId('results-method').innerText()).toMatch(
          language === 'ro' ? /valoarea normalizată/ : /normalized value/,
        );

        // A track's board: its own projects, each with a sentence once opened.
        await page
          .getByTestId('results-board')
          .getByText(language === 'ro' ? 'Sănătate' : 'Health')
          .click();
        await page.waitForFunction(
          () =>
            document.querySelectorAll('[data-testid="results-row"] [data-testid="rank-sentence"]').length ===
            0,
        );
        await rows.first().waitFor();
        await rows.first().getByRole('button').first().click();
        await rows.first().getByTestId('rank-sentence').waitFor();
        await screenshot(page, `results-console-${language}-1280`);
        await expectAccessible(page, `results section (${language}, 1280)`);

        await page.setViewportSize({ width: 390, height: 844 });
        await rows.first().getByTestId('results-sheet').first().waitFor(); // cards now
        await expectFits(page);
        await screenshot(page, `results-console-${language}-390`);
        await expectAccessible(page, `results section (${language}, 390)`);
        expect(failures()).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('a team member sees "not out yet" before publication and the result after it; the comments follow the switch', async () => {
    const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const { token: organizer } = await api<{ token: string }>('/auth/login', {
      method: 'POST',
      body: { email: ORGANIZER_EMAIL, password: ORGANIZER_PASSWORD },
    });
    const now = Date.now();
    const edition = await api<{ id: string; slug: string }>('/editions', {
      method: 'POST',
      token: organizer,
      body: {
        slug: `results-${unique}`,
        name: `Results ${unique}`,
        published: true,
        registrationOpensAt: iso(now - 24 * HOUR),
        registrationClosesAt: iso(now + 24 * HOUR),
        hackingStartsAt: iso(now - HOUR),
        submissionDeadline: iso(now + 48 * HOUR),
        judgingEndsAt: iso(now + 72 * HOUR),
        reviewsPerSubmission: 1,
      },
    });
    const track = await api<{ id: string }>(`/editions/${edition.id}/tracks`, {
      method: 'POST',
      token: organizer,
      body: { name: 'Health', slug: 'health' },
    });
    const password = 'captain-password';
    const teams: { id: string; email: string; submissionId: string }[] = [];
    for (const [i, name] of ['Pill Pals', 'Green Wave', 'Clinic Queue'].entries()) {
      const email = `res-cap-${i}-${unique}@e2e.test`;
      const { token } = await api<{ token: string }>('/auth/register', {
        method: 'POST',
        body: { email, password, name: `Captain ${i}` },
      });
      await api(`/editions/${edition.id}/registrations`, {
        method: 'POST',
        token,
        body: { skills: [], lookingForTeam: false },
      });
      const team = await api<{ id: string }>(`/editions/${edition.id}/teams`, {
        method: 'POST',
        token,
        body: { name, trackId: track.id },
      });
      const sub = await api<{ id: string }>(`/teams/${team.id}/submission`, {
        method: 'PUT',
        token,
        body: { title: `${name} app`, tagline: 'Made in 48 hours' },
      });
      await api(`/teams/${team.id}/submission/submit`, { method: 'POST', token });
      teams.push({ id: team.id, email, submissionId: sub.id });
    }
    const jurorEmail = `res-juror-${unique}@e2e.test`;
    const { token: juror } = await api<{ token: string }>('/auth/register', {
      method: 'POST',
      body: { email: jurorEmail, password: 'juror-password-1', name: 'Juror Jane' },
    });
    const invitation = await api<{ token: string }>(`/editions/${edition.id}/jury/invitations`, {
      method: 'POST',
      token: organizer,
      body: { email: jurorEmail },
    });
    await api(`/jury/invitations/${invitation.token}/accept`, { method: 'POST', token: juror });
    let t = Date.now();
    await api(`/editions/${edition.id}`, {
      method: 'PATCH',
      token: organizer,
      body: {
        registrationClosesAt: iso(t - 60_000),
        submissionDeadline: iso(t - 60_000),
        judgingEndsAt: iso(t + 3 * HOUR),
      },
    });
    await api(`/editions/${edition.id}/assignments/auto`, { method: 'POST', token: organizer, body: {} });
    const { criteria } = await api<{ criteria: { id: string; min: number; max: number }[] }>(
      `/editions/${edition.id}`,
    );
    // The first team's project comes first: the highest value on every criterion.
    for (const [i, team] of teams.entries()) {
      await api(`/submissions/${team.submissionId}/scores/me`, {
        method: 'PUT',
        token: juror,
        body: {
          values: Object.fromEntries(criteria.map((c) => [c.id, c.max - i])),
          comment: i === 0 ? 'Clear impact on patients; polish the onboarding.' : '',
          idempotencyKey: `${team.submissionId}-${unique}`,
        },
      });
    }
    const captain = teams[0]!;

    // Before publication: the page says so, and asks nothing that fails.
    const member = await contextFor(browser, 'en', captain.email, password);
    const page = await member.newPage();
    const failures = watchFailures(page);
    try {
      await page.goto(`${baseUrl()}/teams/${captain.id}/result`);
      await page.getByTestId('team-result-pending').waitFor();
      await screenshot(page, 'results-team-pending-en-1280');
      await expectAccessible(page, 'team result before publication');
      await page.goto(`${baseUrl()}/editions/${edition.slug}/team`);
      await page.getByTestId('project-card').waitFor();
      expect(await page.getByTestId('open-team-result').count()).toBe(0);
      expect(failures()).toEqual([]);

      // The organizer turns on the comments with the edition form's switch.
      const org = await contextFor(browser, 'ro', ORGANIZER_EMAIL, ORGANIZER_PASSWORD);
      const console_ = await org.newPage();
      try {
        await console_.goto(`${baseUrl()}/organize/editions/${edition.slug}/edition`);
        const toggle = console_.getByTestId('edition-share-comments');
        await toggle.waitFor({ state: 'attached' });
        expect(await toggle.isChecked()).toBe(false);
        await console_.getByRole('switch', { name: 'Partajați comentariile juraților cu echipele' }).check();
        await console_.getByTestId('edition-save').click();
        const deadline = Date.now() + 15_000;
        while (!(await api<{ shareJurorComments: boolean }>(`/editions/${edition.id}`)).shareJurorComments) {
          if (Date.now() > deadline) throw new Error('the switch did not save shareJurorComments');
          await new Promise((r) => setTimeout(r, 200));
        }
        await console_.getByTestId('edition-share-comments').scrollIntoViewIfNeeded();
        await screenshot(console_, 'results-edition-switch-ro-1280');
      } finally {
        await org.close();
      }

      // Publication: the whole timeline in the past.
      t = Date.now();
      await api(`/editions/${edition.id}`, {
        method: 'PATCH',
        token: organizer,
        body: { judgingEndsAt: iso(t - 2000), resultsPublishedAt: iso(t - 1000) },
      });

      for (const language of LANGUAGES) {
        for (const size of WIDTHS) {
          const context = await contextFor(browser, language, captain.email, password, size.phone);
          const p = await context.newPage();
          const seen = watchFailures(p);
          try {
            await p.goto(`${baseUrl()}/editions/${edition.slug}/team`);
            await p.getByTestId('open-team-result').waitFor();
            if (size.phone) await screenshot(p, `results-my-team-${language}-390`);
            await p.getByTestId('open-team-result').click();
            await p.getByTestId('team-result').waitFor();
            expect(await p.getByTestId('team-result-track-rank').innerText()).toMatch(
              language === 'ro' ? /1 din 3/ : /1 of 3/,
            );
            expect(await p.getByTestId('team-result-overall-rank').innerText()).toMatch(
              language === 'ro' ? /1 din 3/ : /1 of 3/,
            );
            expect(await p.getByTestId('team-result-criteria').locator('dt').count()).toBe(criteria.length);
            const comments = await p.getByTestId('team-result-comments').innerText();
            expect(comments).toContain('Clear impact on patients');
            expect(comments).not.toContain('Juror Jane');
            if (size.phone) await expectFits(p);
            await screenshot(p, `results-team-${language}-${size.width}`);
            await expectAccessible(p, `team result (${language}, ${size.width})`);
            expect(seen()).toEqual([]);
          } finally {
            await context.close();
          }
        }
      }
    } finally {
      await member.close();
    }
  });
});
