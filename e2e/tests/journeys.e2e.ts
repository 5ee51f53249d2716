import type { Browser } from 'playwright-core';
import { uniqueSuffix } from '../support/api';
import { launch } from '../support/browser';
import { createOpenEdition } from '../support/open-edition';
import { ORGANIZER_EMAIL, ORGANIZER_PASSWORD } from '../support/organizer';
import {
  COMBOS,
  contextFor,
  expectFits,
  expectOneRowHeader,
  follow,
  goHome,
  openJourneyEdition,
  PASSWORD,
  registeredParticipant,
  shot,
  signIn,
  teamOf,
  watchFailures,
  useJourneyEdition,
  type Combo,
} from './journey-helpers';

/**
 * Issue 9's journeys: each role walks from the home page to its work by clicking, at a phone's and
 * a laptop's width, in English and Romanian. The home page is the only address typed. Screenshots
 * of every step land in e2e/artifacts (`journey-<who>-<step>-<width>-<language>.png`).
 */

describe('journeys from the home page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    useJourneyEdition(await createOpenEdition());
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(COMBOS)('$name', (combo: Combo) => {
    it('a newcomer signs up and registers', async () => {
      const context = await contextFor(browser, combo);
      const page = await context.newPage();
      const failures = watchFailures(page);
      await goHome(page);
      await expectOneRowHeader(page);
      await shot(page, 'newcomer', '1-home', combo);

      await openJourneyEdition(page);
      // When and where, next to each other, in the reader's language.
      expect(await page.getByTestId('edition-venue').textContent()).toBe(
        combo.lang === 'ro' ? 'Locul: Iași, Campusul Palas' : 'Place: Iași, Palas Campus',
      );
      await page.getByTestId('edition-dates').waitFor();
      await page.getByTestId('cta-signup').click();
      await page.getByTestId('signup-name').fill('Ioana Newcomer');
      await page.getByTestId('signup-email').fill(`ioana.${uniqueSuffix()}@journeys.test`);
      await page.getByTestId('signup-password').fill(PASSWORD);
      await page.getByTestId('signup-accept-terms').check();
      await page.getByTestId('signup-submit').click();

      // Back on the edition, signed in: its next step is the registration form.
      const form = page.getByTestId('registration-form');
      await form.waitFor();
      await page.getByTestId('edition-countdown').waitFor();
      await shot(page, 'newcomer', '2-edition', combo);
      await page.getByTestId('registration-skills').fill('Design');
      await page.getByTestId('registration-skills').press('Enter');
      await page.getByTestId('registration-submit').click();
      await page.getByTestId('registered-note').waitFor();
      await page.getByTestId('cta-my-team').click();
      await page.getByTestId('create-team-form').waitFor();
      await expectFits(page);
      await shot(page, 'newcomer', '3-my-team', combo);
      // A visitor's session, no team yet: expected states, not errors.
      expect(failures()).toEqual([]);
      await context.close();
    }, 90_000);

    it('a participant asks to join a team and its captain accepts', async () => {
      const run = uniqueSuffix();
      const captain = await registeredParticipant(`Captain ${run}`, false);
      const teamName = `Join Crew ${run}`;
      await teamOf(captain, teamName);
      const seeker = await registeredParticipant(`Seeker ${run}`, true);

      // The seeker finds the team from the home page and asks to join.
      const seekerContext = await contextFor(browser, combo);
      await signIn(seekerContext, seeker.email);
      const page = await seekerContext.newPage();
      const seekerFailures = watchFailures(page);
      await goHome(page);
      await openJourneyEdition(page);
      await page.getByTestId('cta-find-team').click();
      await page.getByTestId('finder-tab-teams').click();
      const row = page.getByTestId('finder-team').filter({ hasText: teamName });
      await row.getByTestId('ask-to-join').click();
      await page.getByTestId('join-message').fill('I design interfaces and would like to help.');
      await shot(page, 'join', '1-ask', combo);
      await page.getByTestId('join-message-send').click();
      await row.getByTestId('team-requested').waitFor();
      await page.getByTestId('join-requests').getByText(teamName).waitFor();
      await expectFits(page);
      await shot(page, 'join', '2-requested', combo);

      // The captain sees the request on My team and accepts it.
      const captainContext = await contextFor(browser, combo);
      await signIn(captainContext, captain.email);
      const captainPage = await captainContext.newPage();
      await goHome(captainPage);
      await follow(captainPage, combo, 'my-team');
      const request = captainPage.getByTestId('join-request').filter({ hasText: seeker.name });
      await request.getByText('I design interfaces and would like to help.').waitFor();
      await shot(captainPage, 'join', '3-captain-sees', combo);
      await request.getByTestId('request-accept').click();
      await captainPage.getByTestId('team-member').filter({ hasText: seeker.name }).waitFor();
      await expectFits(captainPage);
      await shot(captainPage, 'join', '4-accepted', combo);

      // The seeker is in the team now.
      await goHome(page);
      await follow(page, combo, 'my-team');
      await page.getByTestId('team-name-heading').getByText(teamName).waitFor();
      expect(seekerFailures()).toEqual([]);
      await seekerContext.close();
      await captainContext.close();
    }, 120_000);

    it('a captain submits the project, with the confirmation', async () => {
      const run = uniqueSuffix();
      const captain = await registeredParticipant(`Captain ${run}`, false);
      await teamOf(captain, `Submit Crew ${run}`);
      const context = await contextFor(browser, combo);
      await signIn(context, captain.email);
      const page = await context.newPage();
      const failures = watchFailures(page);
      await goHome(page);
      await follow(page, combo, 'my-team');
      await page.getByTestId('project-card').waitFor();
      await page.getByTestId('open-submission').click();

      await page.getByTestId('field-title').fill('Pill reminder');
      await page.getByTestId('field-tagline').fill('Never miss a dose');
      await page
        .getByTestId('field-description')
        .fill('A pill box that reminds patients when to take their medication. '.repeat(5));
      await page.getByTestId('field-repoUrl').fill('https://github.com/pill-pals/app');
      await page.getByTestId('field-tagline').focus(); // leaving a field saves at once
      await page.waitForFunction(
        () => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-status') === 'clean',
        undefined,
        { timeout: 10_000 },
      );
      await page.getByTestId('submit').click();
      const confirm = page.getByTestId('submit-confirm');
      await confirm.waitFor();
      // The checklist: description and repository there, the demo and video links still missing.
      expect(await confirm.locator('[data-testid="checklist-item"][data-done="true"]').count()).toBe(2);
      expect(
        await confirm.locator('[data-testid="checklist-item"][data-done="false"]').count(),
      ).toBeGreaterThan(0);
      await shot(page, 'captain', '1-confirm', combo);
      await page.getByTestId('submit-confirm-button').click();
      await page.getByTestId('submitted-note').waitFor();
      await expectFits(page);
      await shot(page, 'captain', '2-submitted', combo);

      // My team says it is submitted, first thing.
      await follow(page, combo, 'my-team');
      await page.getByTestId('project-card').locator('[data-testid="submission-status"]').waitFor();
      await page.waitForFunction(
        () =>
          !!document.querySelector('[data-testid="project-card"] [data-testid="submission-status"]') &&
          /(Submitted|Predat)/.test(
            document.querySelector('[data-testid="project-card"] [data-testid="submission-status"]')!
              .textContent ?? '',
          ),
      );
      await shot(page, 'captain', '3-my-team', combo);
      expect(failures()).toEqual([]);
      await context.close();
    }, 120_000);

    it('an organizer reaches every console section and invites a juror', async () => {
      const context = await contextFor(browser, combo);
      const page = await context.newPage();
      const failures = watchFailures(page);
      await goHome(page);
      await follow(page, combo, 'login');
      await page.getByTestId('login-email').fill(ORGANIZER_EMAIL);
      await page.getByTestId('login-password').fill(ORGANIZER_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('current-edition').getByTestId('cta-console').waitFor();
      await expectOneRowHeader(page);
      await shot(page, 'organizer', '0-home', combo);

      const sections = [
        'overview',
        'edition',
        'tracks',
        'criteria',
        'participants',
        'teams',
        'submissions',
        'jury',
      ];
      for (const section of sections) {
        // Each section is one click from the organizer's home.
        await follow(page, combo, 'organize');
        const card = page
          .getByTestId('organizer-edition')
          .filter({ hasText: /Challenge Accepted — (VI edition|ediția a VI-a)/ });
        await card.getByTestId(`open-section-${section}`).click();
        await page.getByTestId('console-section-title').waitFor();
        await page.getByTestId(`console-nav-${section}`).and(page.locator('[aria-current="page"]')).waitFor();
        await page.waitForLoadState('networkidle');
        await expectFits(page);
        await shot(page, 'organizer', `${sections.indexOf(section) + 1}-${section}`, combo);
      }

      // Jury: invite by email, with a track; the invitation is listed with its state.
      const email = `juror.${uniqueSuffix()}@journeys.test`;
      await page.getByTestId('invite-email').fill(email);
      await page.getByTestId('invite-tracks').click({ force: true });
      await page.getByRole('option').first().click();
      await page.keyboard.press('Escape');
      await page.getByTestId('invite-submit').click();
      await page.getByTestId('invite-sent').waitFor();
      const invitation = page.getByTestId('invitation-row').filter({ hasText: email });
      await invitation.getByTestId('invitation-status').waitFor();
      await shot(page, 'organizer', '9-invited', combo);
      expect(failures()).toEqual([]);
      await context.close();
    }, 180_000);
  });
});
