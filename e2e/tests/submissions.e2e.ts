import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createOpenEdition, HACKING_TIMELINE } from '../support/open-edition';
import { baseUrl, launch, screenshot } from '../support/browser';
import { ORGANIZER_EMAIL, ORGANIZER_PASSWORD } from '../support/organizer';
import { api } from '../support/api';

/**
 * Issue 5's browser test: a team writes a draft, reloads, sees it kept, submits; after the
 * deadline the form is read-only and says why; a description with a script and an event handler,
 * stored verbatim, renders as harmless text. The edition is this test's own (its deadline moves).
 */

const HOSTILE_SCRIPT = '<script>window.__pwned=1</script>';
const HOSTILE_IMG = '<img src=x onerror="window.__pwned=2">';
const DESCRIPTION = `## How it works\n\nA **smart** pill box that reminds patients.\n\n${HOSTILE_SCRIPT}\n\n${HOSTILE_IMG}\n\n[evil](javascript:window.__pwned=3)`;

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;
let worlds = 0;

interface World {
  organizer: string;
  /** The team member's API token. */
  member: string;
  editionId: string;
  editionSlug: string;
  teamId: string;
}

/** An organizer's edition in its hacking phase with one track, and a participant's team in it. */
async function createWorld(context: BrowserContext): Promise<World> {
  worlds += 1;
  const unique = `${Date.now().toString(36)}-${worlds}`;
  const created = await createOpenEdition({
    slugPrefix: 'submissions-e2e',
    name: `Submissions e2e ${unique}`,
    timeline: HACKING_TIMELINE,
    tracks: [{ name: 'Health', slug: 'health' }],
    challenges: false,
  });
  const organizer = created.organizerToken;
  const edition = { id: created.id, slug: created.slug };
  const track = created.tracks[0]!;

  // The participant signs up through the browser context, whose cookie jar keeps the session.
  const signup = await context.request.post(`${baseUrl()}/api/auth/register`, {
    data: {
      email: `team-${unique}@e2e.test`,
      password: 'team-member-password',
      name: 'Ana Popescu',
      acceptTerms: true,
    },
  });
  expect(signup.status()).toBe(201);
  const { token } = (await signup.json()) as { token: string };
  await api(`/editions/${edition.id}/registrations`, {
    method: 'POST',
    token,
    body: { skills: ['React'], lookingForTeam: false },
  });
  const team = await api<{ id: string }>(`/editions/${edition.id}/teams`, {
    method: 'POST',
    token,
    body: { name: `Pill Pals ${unique}`, trackId: track.id },
  });
  return { organizer, member: token, editionId: edition.id, editionSlug: edition.slug, teamId: team.id };
}

async function expectHarmless(page: Page) {
  const preview = page.getByTestId('description-preview');
  await preview.getByText(HOSTILE_SCRIPT).waitFor();
  // Visible as text, as written.
  expect(await preview.getByText(HOSTILE_SCRIPT).isVisible()).toBe(true);
  expect(await preview.getByText(HOSTILE_IMG).isVisible()).toBe(true);
  expect(await preview.locator('script, img, iframe').count()).toBe(0);
  expect(await preview.locator('[onerror], [onclick], [onload]').count()).toBe(0);
  expect(await preview.locator('a[href^="javascript"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  // The Markdown itself is rendered.
  expect(await preview.locator('strong').first().textContent()).toBe('smart');
}

describe('project submission', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a team writes a draft, reloads, submits; after the deadline the form is read-only and says why', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const world = await createWorld(context);

    await page.goto(`${baseUrl()}/teams/${world.teamId}/submission`);
    await page.getByTestId('submission-form').waitFor();
    expect(await page.getByTestId('save-status').textContent()).toBe('Nothing saved yet');
    expect(await page.getByTestId('submission-status').textContent()).toContain('Draft');

    // ---- a draft, autosaved ----
    await page.getByLabel('Project title').fill('Pill reminder');
    await page.getByLabel('Tagline').fill('Never miss a dose');
    await page.getByLabel('Description', { exact: true }).fill(DESCRIPTION);
    await page.getByLabel('Code repository').fill('https://github.com/pill-pals/app');
    await page.getByTestId('field-techTags').fill('React');
    await page.keyboard.press('Enter');
    await page.getByTestId('field-techTags').fill('Bluetooth');
    await page.keyboard.press('Enter');
    // Saved after typing stops (no blur needed).
    await page.waitForFunction(
      () =>
        /^Saved at \d\d:\d\d:\d\d$/.test(
          document.querySelector('[data-testid="save-status"]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 10_000 },
    );
    await expectHarmless(page);
    await screenshot(page, 'submission-draft');

    // ---- kept across a reload, and still harmless ----
    await page.reload();
    await page.getByTestId('submission-form').waitFor();
    expect(await page.getByLabel('Project title').inputValue()).toBe('Pill reminder');
    expect(await page.getByLabel('Tagline').inputValue()).toBe('Never miss a dose');
    expect(await page.getByLabel('Description', { exact: true }).inputValue()).toBe(DESCRIPTION);
    expect(await page.getByLabel('Code repository').inputValue()).toBe('https://github.com/pill-pals/app');
    expect(await page.getByTestId('submission-form').textContent()).toContain('Bluetooth');
    expect(await page.getByTestId('save-status').textContent()).toMatch(/^Saved at/);
    await expectHarmless(page);

    // The API stored the description verbatim.
    const stored = await api<{ description: string; version: number }>(`/teams/${world.teamId}/submission`, {
      token: world.organizer,
    });
    expect(stored.description).toBe(DESCRIPTION);

    // ---- submitted, after the confirmation ----
    await page.getByTestId('submit').click();
    await page.getByTestId('submit-confirm').waitFor();
    await page.getByTestId('submit-confirm-button').click();
    await page.getByTestId('submitted-note').waitFor();
    expect(await page.getByTestId('submission-status').textContent()).toContain('Submitted');
    await page.getByTestId('unsubmit').waitFor();
    await screenshot(page, 'submission-submitted');

    // The history has who and when.
    await page.getByTestId('open-history').click();
    const entries = page.getByTestId('version-entry');
    await entries.first().waitFor();
    expect(await entries.first().textContent()).toMatch(/Submitted[\s\S]*by Ana Popescu/);
    await page.keyboard.press('Escape');
    await page.getByTestId('version-entry').first().waitFor({ state: 'detached' });

    // ---- the organizer moves the deadline: 2 s from now ----
    const deadline = Date.now() + 2000;
    await api(`/editions/${world.editionId}`, {
      method: 'PATCH',
      token: world.organizer,
      body: { registrationClosesAt: iso(deadline), submissionDeadline: iso(deadline) },
    });
    await page.waitForTimeout(Math.max(0, deadline - Date.now()) + 1000);

    // The open editor still believes in the old deadline; the API refuses the next save by its
    // own clock, and the editor turns read-only and says why.
    await page.getByLabel('Project title').fill('Pill reminder, late');
    await page.getByLabel('Tagline').focus(); // blur: save now
    const reason = page.getByTestId('read-only-reason');
    await reason.waitFor({ timeout: 10_000 });
    expect(await reason.textContent()).toMatch(
      /The submission deadline passed on .+; the project is read-only\./,
    );
    expect(await page.getByLabel('Project title').getAttribute('readonly')).not.toBeNull();

    // After a reload: read-only from the start, the late change was never stored, and it says why.
    await page.reload();
    await page.getByTestId('submission-form').waitFor();
    await reason.waitFor();
    expect(await reason.textContent()).toMatch(
      /The submission deadline passed on .+; the project is read-only\./,
    );
    expect(await page.getByLabel('Project title').inputValue()).toBe('Pill reminder');
    expect(await page.getByLabel('Project title').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByLabel('Description', { exact: true }).getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('submit').count()).toBe(0);
    expect(await page.getByTestId('unsubmit').count()).toBe(0);
    expect(await page.getByTestId('deadline-countdown').textContent()).toBe('The deadline has passed');
    await expectHarmless(page);
    await screenshot(page, 'submission-read-only');

    const after = await api<{ title: string; status: string }>(`/teams/${world.teamId}/submission`, {
      token: world.organizer,
    });
    expect(after).toMatchObject({ title: 'Pill reminder', status: 'submitted' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('fits a phone screen, in Romanian', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await context.addInitScript(() => window.localStorage.setItem('ca.language', 'ro'));
    const page = await context.newPage();
    const world = await createWorld(context);
    await page.goto(`${baseUrl()}/teams/${world.teamId}/submission`);
    await page.getByTestId('submission-form').waitFor();
    await page.getByLabel('Titlul proiectului').fill('Cutia de pastile');
    await page.getByLabel('Descriere', { exact: true }).fill(DESCRIPTION);
    await page.waitForFunction(
      () => /^Salvat la/.test(document.querySelector('[data-testid="save-status"]')?.textContent ?? ''),
      undefined,
      { timeout: 10_000 },
    );
    await expectHarmless(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'submission-phone-ro');
    await context.close();
  });

  it('organizers see the submissions; once results are published, the gallery shows the project harmlessly', async () => {
    const member = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const world = await createWorld(member);
    await member.close();
    await api(`/teams/${world.teamId}/submission`, {
      method: 'PUT',
      token: world.member,
      body: {
        title: 'Pill reminder',
        tagline: 'Never miss a dose',
        description: DESCRIPTION,
        techTags: ['React'],
      },
    });
    await api(`/teams/${world.teamId}/submission/submit`, { method: 'POST', token: world.member });

    // The organizers' list.
    const organizer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const login = await organizer.request.post(`${baseUrl()}/api/auth/login`, {
      data: { email: ORGANIZER_EMAIL, password: ORGANIZER_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const page = await organizer.newPage();
    await page.goto(`${baseUrl()}/organize/editions/${world.editionSlug}/submissions`);
    const row = page.getByTestId('submission-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toMatch(/Pill Pals[\s\S]*Pill reminder[\s\S]*Submitted/);
    await screenshot(page, 'submissions-organizer');
    await row.first().getByTestId('row-view').click();
    const description = page.getByTestId('organizer-description');
    await description.waitFor();
    expect(await description.getByText(HOSTILE_IMG).isVisible()).toBe(true);
    expect(await description.locator('script, img, [onerror]').count()).toBe(0);
    await page.keyboard.press('Escape');

    // Before publication the gallery says so.
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const gallery = await visitor.newPage();
    await gallery.goto(`${baseUrl()}/editions/${world.editionSlug}/gallery`);
    await gallery.getByTestId('gallery-not-published').waitFor();

    // The whole timeline in the past, results published.
    const now = Date.now();
    await api(`/editions/${world.editionId}`, {
      method: 'PATCH',
      token: world.organizer,
      body: {
        registrationOpensAt: iso(now - 10 * HOUR),
        registrationClosesAt: iso(now - 6 * HOUR),
        hackingStartsAt: iso(now - 8 * HOUR),
        submissionDeadline: iso(now - 4 * HOUR),
        judgingEndsAt: iso(now - 2 * HOUR),
        resultsPublishedAt: iso(now - HOUR),
      },
    });
    // The edition page now leads to the gallery.
    await gallery.goto(`${baseUrl()}/editions/${world.editionSlug}`);
    await gallery.getByTestId('open-gallery').click();
    const card = gallery.getByTestId('gallery-card');
    await card.first().waitFor();
    expect(await card.first().textContent()).toMatch(/Pill reminder[\s\S]*Never miss a dose/);
    expect(await card.first().getByTestId('gallery-rank').count()).toBe(0); // no ranks before judging exists
    await screenshot(gallery, 'gallery');
    await card.first().getByRole('link', { name: 'Pill reminder' }).click();
    const text = gallery.getByTestId('project-description-text');
    await text.waitFor();
    expect(await text.getByText(HOSTILE_SCRIPT).isVisible()).toBe(true);
    expect(await text.getByText(HOSTILE_IMG).isVisible()).toBe(true);
    expect(await text.locator('script, img, [onerror], a[href^="javascript"]').count()).toBe(0);
    expect(await gallery.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await screenshot(gallery, 'gallery-project');
    await organizer.close();
    await visitor.close();
  });
});
