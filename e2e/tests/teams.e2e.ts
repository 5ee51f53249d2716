import type { Browser, Page } from 'playwright-core';
import { apiClient, uniqueSuffix } from '../support/api';
import { baseUrl, launch, screenshot } from '../support/browser';
import { createOpenEdition } from '../support/open-edition';
import { ORGANIZER_EMAIL, ORGANIZER_PASSWORD } from '../support/organizer';

/** An edition open for registration (the demo one is in judging): set in beforeAll. */
let SLUG = '';

async function signUp(page: Page, name: string, email: string) {
  await page.getByTestId('signup-name').fill(name);
  await page.getByTestId('signup-email').fill(email);
  await page.getByTestId('signup-password').fill('a long enough password');
  await page.getByTestId('signup-accept-terms').check();
  await page.getByTestId('signup-submit').click();
}

async function addSkills(page: Page, skills: string[]) {
  const input = page.getByTestId('registration-skills');
  for (const skill of skills) {
    await input.fill(skill);
    await input.press('Enter');
  }
}

/** The members table, a row per member: `name | role`. */
const memberNames = (page: Page) =>
  page
    .getByTestId('team-member')
    .evaluateAll((rows) =>
      rows.map((r) => Array.from((r as HTMLTableRowElement).cells, (c) => c.textContent?.trim()).join(' | ')),
    );

describe('registration and teams in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    SLUG = (await createOpenEdition()).slug;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a participant registers and creates a team; a second one joins by the invite link', async () => {
    const run = uniqueSuffix();
    const teamName = `Pill Pals ${run}`;

    // Participant A, on a laptop: sign up from the edition page, register, create a team.
    const a = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await a.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    const pageA = await a.newPage();
    await pageA.goto(`${baseUrl()}/editions/${SLUG}`);
    await pageA.getByTestId('cta-signup').click();
    await signUp(pageA, 'Ana Popescu', `ana.${run}@example.com`);
    // Back on the edition, signed in: the register window is open.
    await pageA.getByTestId('registration-form').waitFor();
    await addSkills(pageA, ['React', 'Data analysis']);
    await pageA.getByTestId('registration-submit').click();
    await pageA.getByTestId('registered-note').waitFor();
    await screenshot(pageA, 'teams-registered');

    await pageA.getByTestId('cta-my-team').click();
    await pageA.getByTestId('create-team-form').waitFor();
    await pageA.getByTestId('team-name').fill(teamName);
    await pageA.getByTestId('team-track').click();
    await pageA.getByRole('option', { name: 'Health' }).click();
    await pageA.getByTestId('create-team-submit').click();
    await pageA.getByTestId('team-panel').waitFor();
    expect(await pageA.getByTestId('team-name-heading').textContent()).toBe(teamName);
    expect(await pageA.getByTestId('captain-badge').count()).toBe(1);

    const link = await pageA.getByTestId('invite-link').inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl()}/join/[2-9A-HJ-NP-Z]{10}$`));
    await pageA.getByTestId('copy-invite').click();
    await pageA.getByTestId('copy-invite').getByText('Copied').waitFor();
    expect(await pageA.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await screenshot(pageA, 'teams-my-team-captain');

    // Participant B, on a phone, opens the link: signs up on the way, registers, joins.
    const b = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const pageB = await b.newPage();
    await pageB.goto(link);
    await pageB.getByTestId('login-form').waitFor();
    await pageB.getByRole('link', { name: 'Create an account' }).click();
    await signUp(pageB, 'Radu Ionescu', `radu.${run}@example.com`);
    expect(await (await pageB.waitForSelector('[data-testid="join-team-name"]')).textContent()).toBe(
      teamName,
    );
    expect(new URL(pageB.url()).pathname).toBe(new URL(link).pathname);
    await screenshot(pageB, 'teams-join-register-first-phone');
    await addSkills(pageB, ['Python']);
    await pageB.getByTestId('registration-submit').click();
    await pageB.getByTestId('team-panel').waitFor();
    expect(new URL(pageB.url()).pathname).toBe(`/editions/${SLUG}/team`);
    expect(await memberNames(pageB)).toEqual(['Ana Popescu | Captain', 'Radu Ionescu (you) | Member']);
    const overflow = await pageB.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(pageB, 'teams-my-team-phone');

    // A sees B in "My team" too.
    await pageA.reload();
    await pageA.getByTestId('team-panel').waitFor();
    expect(await memberNames(pageA)).toEqual(['Ana Popescu (you) | Captain', 'Radu Ionescu | Member']);

    // From "My team", the project editor is one click away.
    await pageA.getByTestId('open-submission').click();
    await pageA.getByTestId('submission-form').waitFor();
    await pageA.goBack();
    await pageA.getByTestId('team-panel').waitFor();

    // B, already in the team, opening the link again is told so.
    await pageB.goto(link);
    await pageB.getByTestId('already-member').waitFor();

    // The team-finder shows the team with its free places.
    await pageA.goto(`${baseUrl()}/editions/${SLUG}/find-team?tab=teams`);
    await pageA.getByTestId('finder-team').filter({ hasText: teamName }).waitFor();
    await screenshot(pageA, 'teams-finder');
    await a.close();
    await b.close();
  });

  it('an organizer edits an edition: a timeline out of order is named, tracks, challenges, criteria, publish', async () => {
    const run = uniqueSuffix();
    const DAY = 86_400_000;
    // Noon UTC, whole days from now: the calendar shows the dates this test clicks.
    const base = Math.floor(Date.now() / DAY) * DAY + 12 * 3_600_000;
    const at = (days: number) => new Date(base + days * DAY).toISOString();
    const api = await apiClient();
    expect(
      (
        await api.post('/api/auth/login', { data: { email: ORGANIZER_EMAIL, password: ORGANIZER_PASSWORD } })
      ).status(),
    ).toBe(200);
    const created = await api.post('/api/editions', {
      data: {
        slug: `e2e-${run}`,
        name: `E2E edition ${run}`,
        description: 'Made by the browser test of the edition editor.',
        registrationOpensAt: at(10),
        registrationClosesAt: at(20),
        hackingStartsAt: at(15),
        submissionDeadline: at(22),
        judgingEndsAt: at(25),
      },
    });
    expect(created.status()).toBe(201);
    await api.dispose();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/login?next=${encodeURIComponent(`/organize/editions/e2e-${run}`)}`);
    await page.getByTestId('login-email').fill(ORGANIZER_EMAIL);
    await page.getByTestId('login-password').fill(ORGANIZER_PASSWORD);
    await page.getByTestId('login-submit').click();
    // The console opens on its overview; every section is one click away in its menu.
    await page.getByTestId('console-nav').waitFor();
    expect(await page.getByTestId('nav-organize').count()).toBe(1);
    await page.getByTestId('console-nav-edition').click();
    await page.getByTestId('edition-form').waitFor();

    // Move the submission deadline three days earlier, before registration closes.
    const deadline = new Date(base + 22 * DAY);
    const target = new Date(base + 19 * DAY);
    await page.getByTestId('edition-submissionDeadline').click();
    if (target.getMonth() !== deadline.getMonth())
      await page.locator('[data-dates-dropdown] [data-direction="previous"]').click();
    const label = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(
      target,
    );
    await page.getByRole('button', { name: label, exact: true }).click();
    await page.getByRole('button', { name: 'Confirm the date: Submission deadline' }).click();
    await page.getByTestId('edition-save').click();
    await page.getByText('Submission deadline must not be before Registration closes.').waitFor();
    await screenshot(page, 'organizer-timeline-error');
    await page.reload();
    await page.getByTestId('edition-form').waitFor();

    await page.getByTestId('console-nav-tracks').click();
    await page.getByTestId('add-track').click();
    const trackForm = page.getByTestId('track-form');
    await trackForm.getByLabel('Track name (English)').fill('Smart Cities');
    await trackForm.getByLabel('Track name (Romanian)').fill('Orașe inteligente');
    await trackForm.getByLabel('Track name (English)').blur();
    await trackForm.getByRole('button', { name: 'Add a track' }).click();
    await page.getByTestId('organizer-track').filter({ hasText: 'Smart Cities' }).waitFor();
    await page.getByRole('button', { name: 'Add a challenge to Smart Cities' }).click();
    const challengeForm = page.getByTestId('challenge-form');
    await challengeForm.getByLabel('Title (English)').fill('Fewer traffic jams');
    await challengeForm.getByLabel('Prize (English)').fill('1,000 EUR');
    await challengeForm.getByRole('button', { name: 'Add a challenge' }).click();
    await page.getByTestId('organizer-track').filter({ hasText: 'Fewer traffic jams' }).waitFor();

    await page.getByTestId('console-nav-criteria').click();
    const weight = page.getByTestId('criterion-row').first().getByLabel('Weight');
    await weight.fill('2');
    await page.getByTestId('criteria-save').click();
    await page.getByText('The criteria are saved.').waitFor();

    await page.getByTestId('console-nav-edition').click();
    await page.getByTestId('publish-toggle').click();
    await page.getByText('Published: everyone can see this edition').waitFor();
    await screenshot(page, 'organizer-editor');

    // Everyone sees it now, with its new track and challenge.
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const publicPage = await visitor.newPage();
    await publicPage.goto(`${baseUrl()}/editions/e2e-${run}`);
    await publicPage.getByTestId('track-card').filter({ hasText: 'Fewer traffic jams' }).waitFor();
    expect(await publicPage.getByTestId('phase-badge').textContent()).toContain('Upcoming');
    // Romanian readers see the track's Romanian name, and the English text where none was written.
    await publicPage.getByTestId('language-switcher').getByText('RO', { exact: true }).click();
    await publicPage
      .getByTestId('track-card')
      .filter({ hasText: 'Orașe inteligente' })
      .filter({ hasText: 'Fewer traffic jams' })
      .waitFor();
    await visitor.close();
    await context.close();
  });
});
