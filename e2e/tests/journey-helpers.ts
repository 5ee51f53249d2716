import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { apiClient, registerUser, uniqueSuffix } from '../support/api';
import { baseUrl, screenshot } from '../support/browser';

/** The widths and languages every journey is walked in. */
export const COMBOS = [
  { name: 'desktop-en', lang: 'en', phone: false },
  { name: 'desktop-ro', lang: 'ro', phone: false },
  { name: 'phone-en', lang: 'en', phone: true },
  { name: 'phone-ro', lang: 'ro', phone: true },
] as const;
export type Combo = (typeof COMBOS)[number];

/**
 * The edition the journeys register and form teams in: one open for registration, made by the
 * journeys' set-up (the demo edition is in judging). Set by `useJourneyEdition`.
 */
export const journeyEdition = { slug: '', name: '' };
export function useJourneyEdition(e: { slug: string; name: string }): void {
  Object.assign(journeyEdition, e);
}
export const PASSWORD = 'a journey password';

/** A browser context at the combo's width, in its language (as a returning visitor would have it). */
export async function contextFor(browser: Browser, combo: Combo): Promise<BrowserContext> {
  const context = await browser.newContext(
    combo.phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1366, height: 900 } },
  );
  await context.addInitScript((lng) => window.localStorage.setItem('ca.language', lng), combo.lang);
  return context;
}

/**
 * Every API answer of 400 or more the page received: expected states (a visitor's session, no
 * team yet, a closed gallery) must not be errors. `allowed` names known exceptions.
 */
export function watchFailures(page: Page): () => string[] {
  const failures: string[] = [];
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.pathname.startsWith('/api/') && res.status() >= 400)
      failures.push(`${res.request().method()} ${url.pathname} ${res.status()}`);
  });
  return () => failures;
}

/** The only address a journey types: the home page. */
export async function goHome(page: Page): Promise<void> {
  await page.goto(baseUrl());
  await page.getByTestId('current-edition').waitFor();
}

/** From the home page to the journeys' edition, by its card among the other editions. */
export async function openJourneyEdition(page: Page): Promise<void> {
  await page
    .getByTestId('edition-card')
    .filter({ hasText: journeyEdition.name })
    .getByRole('link')
    .first()
    .click();
  await page.getByTestId('edition-name').waitFor();
}

/** Follows a header link: in the header on a wide screen, in the burger's drawer on a phone. */
export async function follow(page: Page, combo: Combo, key: string): Promise<void> {
  if (combo.phone) {
    await page.getByTestId('nav-burger').click();
    await page.getByTestId(`drawer-${key}`).click();
    await page
      .getByTestId('nav-drawer')
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);
  } else {
    await page.getByTestId(`nav-${key}`).click();
  }
}

export async function expectFits(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The header stays one row (no wrapped links) at this width. */
export async function expectOneRowHeader(page: Page): Promise<void> {
  const height = await page.locator('.app-header-inner').evaluate((el) => el.getBoundingClientRect().height);
  expect(height).toBeLessThan(60);
}

/** A screenshot once transitions (a dialog fading in, a button's loader) have settled. */
export async function shot(page: Page, journey: string, step: string, combo: Combo): Promise<void> {
  await page.waitForTimeout(400);
  await screenshot(page, `journey-${journey}-${step}-${combo.name}`);
}

export interface Participant {
  email: string;
  name: string;
  token: string;
  userId: string;
}

interface EditionInfo {
  id: string;
  tracks: { id: string; slug: string }[];
}

let edition: EditionInfo | undefined;

async function demoEdition(api: APIRequestContext): Promise<EditionInfo> {
  edition ??= (await (await api.get(`/api/editions/${journeyEdition.slug}`)).json()) as EditionInfo;
  return edition;
}

/** A new account registered for the demo edition, through the API (as another device would). */
export async function registeredParticipant(name: string, lookingForTeam: boolean): Promise<Participant> {
  const api = await apiClient();
  try {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${uniqueSuffix()}@journeys.test`;
    const { token, user } = await registerUser(api, { email, password: PASSWORD, name });
    const e = await demoEdition(api);
    const res = await api.post(`/api/editions/${e.id}/registrations`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { skills: ['React'], lookingForTeam },
    });
    if (res.status() !== 201) throw new Error(`registration: ${res.status()} ${await res.text()}`);
    return { email, name, token, userId: user.id };
  } finally {
    await api.dispose();
  }
}

/** A team in the demo edition's Health track, captained by `captain`. */
export async function teamOf(captain: Participant, teamName: string): Promise<string> {
  const api = await apiClient();
  try {
    const e = await demoEdition(api);
    const health = e.tracks.find((t) => t.slug === 'health')!;
    const res = await api.post(`/api/editions/${e.id}/teams`, {
      headers: { Authorization: `Bearer ${captain.token}` },
      data: { name: teamName, trackId: health.id },
    });
    if (res.status() !== 201) throw new Error(`team: ${res.status()} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  } finally {
    await api.dispose();
  }
}

/** Signs the context in (its cookie jar), as if the person had signed in on that device before. */
export async function signIn(context: BrowserContext, email: string, password = PASSWORD): Promise<void> {
  const res = await context.request.post(`${baseUrl()}/api/auth/login`, { data: { email, password } });
  if (res.status() !== 200) throw new Error(`login ${email}: ${res.status()}`);
}
