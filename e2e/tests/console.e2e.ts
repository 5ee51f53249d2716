import axe from 'axe-core';
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch, screenshot } from '../support/browser';
import { ORGANIZER_EMAIL, ORGANIZER_PASSWORD } from '../support/organizer';
import { api } from '../support/api';

/**
 * Issue 13's console sections in the browser, as an organizer: the dashboard of the demo edition
 * (its charts drawn, in English and Romanian, at phone and desktop width; Romanian screenshots
 * kept in e2e/artifacts), the audit log of an edition of this test (filtered to one action, an
 * entry's change shown old → new), and a CSV export downloaded (BOM and header checked).
 */

const DEMO_SLUG = 'challenge-accepted-vi';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const DESKTOP = { viewport: { width: 1280, height: 900 } } as const;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** axe-core's WCAG 2.1 AA violations on the page (injected through the debugging protocol, past the CSP). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const results = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.map(String).join(' ')).join(', ')}`,
    );
  });
}

describe('organizer console: dashboard, audit log, exports', () => {
  let browser: Browser;
  let token: string;
  /** An edition of this test, renamed once (so its log holds an `edition.updated` entry). */
  let audited: { id: string; slug: string };
  const renamed = { from: `Console e2e ${Date.now().toString(36)}`, to: '' };

  beforeAll(async () => {
    browser = await launch();
    ({ token } = await api<{ token: string }>('/auth/login', {
      method: 'POST',
      body: { email: ORGANIZER_EMAIL, password: ORGANIZER_PASSWORD },
    }));
    const now = Date.now();
    audited = await api('/editions', {
      method: 'POST',
      token,
      body: {
        slug: `console-e2e-${now.toString(36)}`,
        name: renamed.from,
        registrationOpensAt: iso(now + 24 * HOUR),
        registrationClosesAt: iso(now + 48 * HOUR),
        hackingStartsAt: iso(now + 48 * HOUR),
        submissionDeadline: iso(now + 72 * HOUR),
        judgingEndsAt: iso(now + 96 * HOUR),
      },
    });
    renamed.to = `${renamed.from} — Ediția a VII-a`;
    await api(`/editions/${audited.id}`, { method: 'PATCH', token, body: { name: renamed.to } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function organizerPage(
    language: 'en' | 'ro',
    device: typeof PHONE | typeof DESKTOP = DESKTOP,
    options: { acceptDownloads?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ ...device, ...options });
    await context.addInitScript((lng) => window.localStorage.setItem('ca.language', lng), language);
    const res = await context.request.post(`${baseUrl()}/api/auth/login`, {
      data: { email: ORGANIZER_EMAIL, password: ORGANIZER_PASSWORD },
    });
    expect(res.status()).toBe(200);
    return { context, page: await context.newPage() };
  }

  const heading = { en: 'Dashboard', ro: 'Tablou de bord' } as const;
  const cases = [
    ['en', 'desktop', DESKTOP],
    ['ro', 'desktop', DESKTOP],
    ['en', 'phone', PHONE],
    ['ro', 'phone', PHONE],
  ] as const;

  it.each(cases)('the dashboard draws its charts (%s, %s)', async (language, width, device) => {
    const { context, page } = await organizerPage(language, device);
    try {
      await page.goto(`${baseUrl()}/organize/editions/${DEMO_SLUG}`);
      if (width === 'phone') {
        await page.goto(`${baseUrl()}/organize/editions/${DEMO_SLUG}/dashboard`);
      } else {
        await page.getByTestId('console-nav-dashboard').click();
      }
      await page.waitForURL(/\/dashboard$/);
      await page.getByTestId('console-section-title').filter({ hasText: heading[language] }).waitFor();
      // The demo edition has registrations, teams in every track and projects: each chart is an SVG.
      for (const chart of ['chart-registrations', 'chart-teams', 'chart-projects'])
        await page.getByTestId(chart).locator('svg.recharts-surface').first().waitFor();
      const bars = await page.getByTestId('chart-teams').locator('.recharts-bar-rectangle').count();
      expect(bars).toBeGreaterThan(0);
      const total = await page.getByTestId('dashboard-registrations-total').textContent();
      expect(total).toMatch(language === 'ro' ? /înscris/ : /registered/);
      await page.getByTestId('dashboard-coverage').waitFor();
      // Nothing wider than the screen (charts shrink to the phone's width).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `console-dashboard-${language}-${width}`);
    } finally {
      await context.close();
    }
  });

  it('the dashboard follows the edition live: a phase change refetches it without a reload', async () => {
    // An edition whose registration opens a few seconds from now: the server announces the phase.
    const opensIn = 6_000;
    const now = Date.now();
    const live = await api<{ id: string; slug: string }>('/editions', {
      method: 'POST',
      token,
      body: {
        slug: `console-live-${now.toString(36)}`,
        name: `Console live ${now.toString(36)}`,
        published: true,
        registrationOpensAt: iso(now + opensIn),
        registrationClosesAt: iso(now + 48 * HOUR),
        hackingStartsAt: iso(now + 48 * HOUR),
        submissionDeadline: iso(now + 72 * HOUR),
        judgingEndsAt: iso(now + 96 * HOUR),
      },
    });
    const { context, page } = await organizerPage('en');
    try {
      const fetched: number[] = [];
      page.on('response', (res) => {
        if (res.url().endsWith(`/api/editions/${live.id}/dashboard`)) fetched.push(Date.now());
      });
      await page.goto(`${baseUrl()}/organize/editions/${live.slug}/dashboard`);
      await page.getByTestId('dashboard-updated').waitFor();
      const first = fetched.length;
      expect(first).toBeGreaterThanOrEqual(1);
      // Well before the 30 s periodic refresh, the phase event brings a new read of the figures.
      const deadline = now + opensIn + 15_000;
      while (fetched.length === first && Date.now() < deadline) await page.waitForTimeout(200);
      expect(fetched.length).toBeGreaterThan(first);
      expect(fetched[first]! - now).toBeGreaterThanOrEqual(opensIn - 1_000);
      expect(fetched[first]! - now).toBeLessThan(opensIn + 15_000);
    } finally {
      await context.close();
    }
  });

  it('the audit log filters one action and shows the change old → new', async () => {
    const { context, page } = await organizerPage('en');
    try {
      await page.goto(`${baseUrl()}/organize/editions/${audited.slug}/audit`);
      await page.getByTestId('audit-row').first().waitFor();
      // Created, then renamed: both entries, newest first.
      expect(await page.getByTestId('audit-row').count()).toBeGreaterThanOrEqual(2);
      await page.getByTestId('audit-filter-action').click();
      await page.getByRole('option', { name: 'Edition changed', exact: true }).click();
      await page.waitForURL(/action=edition\.updated/);
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="audit-row"]').length === 1,
        undefined,
        { timeout: 10_000 },
      );
      const row = page.getByTestId('audit-row');
      await expect(row.textContent()).resolves.toContain('edition.updated');
      const diff = row.getByTestId('audit-diff');
      await expect(diff.locator('del').first().textContent()).resolves.toBe(renamed.from);
      await expect(diff.locator('ins').first().textContent()).resolves.toBe(renamed.to);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'console-audit-en-desktop');

      // The entries without an edition are a click away (the organizer made at start-up, at least none fails).
      await page.getByTestId('audit-scope').getByText('Without an edition').click();
      await page.waitForURL(/scope=global/);
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="audit-empty"]') !== null ||
          document.querySelector('[data-testid="audit-row"]') !== null,
      );
    } finally {
      await context.close();
    }
  });

  it('the audit log reads at phone width in Romanian', async () => {
    const { context, page } = await organizerPage('ro', PHONE);
    try {
      await page.goto(`${baseUrl()}/organize/editions/${audited.slug}/audit?action=edition.updated`);
      const diff = page.getByTestId('audit-diff').first();
      await diff.waitFor();
      await expect(diff.locator('ins').first().textContent()).resolves.toBe(renamed.to);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'console-audit-ro-phone');
    } finally {
      await context.close();
    }
  });

  it('the next edition is created from this one, with a new address and timeline', async () => {
    const { context, page } = await organizerPage('ro');
    try {
      await page.goto(`${baseUrl()}/organize/editions/${audited.slug}`);
      await page.getByTestId('copy-edition-open').click();
      const form = page.getByTestId('copy-edition-form');
      await form.waitFor();
      const slug = `${audited.slug}-next`;
      // The address first: left empty, it is made from the name when the name field is left.
      await page.getByTestId('copy-slug').fill(slug);
      await page.getByTestId('copy-name').fill('Ediția a VIII-a');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'console-copy-ro-desktop');
      await page.getByTestId('copy-submit').click();
      await page.waitForURL(new RegExp(`/organize/editions/${slug}/edition$`));
      const copy = await api<{ name: string; tracks: unknown[]; published: boolean }>(`/editions/${slug}`, {
        token,
      });
      expect(copy).toMatchObject({ name: 'Ediția a VIII-a', published: false });
    } finally {
      await context.close();
    }
  });

  it('an export downloads as CSV with a byte-order mark and the documented header', async () => {
    const { context, page } = await organizerPage('ro', DESKTOP, { acceptDownloads: true });
    try {
      await page.goto(`${baseUrl()}/organize/editions/${DEMO_SLUG}/exports`);
      const link = page.getByTestId('export-participants-link');
      await link.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/participants.*\.csv$/);
      const file = await download.path();
      const bytes = fs.readFileSync(file);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      expect(text.split(/\r?\n/)[0]).toBe(
        'userId,name,email,skills,lookingForTeam,teamId,teamName,trackSlug,registeredAt',
      );
      expect(text.split(/\r?\n/).filter((l) => l !== '').length).toBeGreaterThan(1);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'console-exports-ro-desktop');
    } finally {
      await context.close();
    }
  });
});
