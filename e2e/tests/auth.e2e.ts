import type { Browser, Page } from 'playwright-core';
import { apiClient, registerUser, uniqueSuffix as unique } from '../support/api';
import { baseUrl, launch, screenshot } from '../support/browser';
import { createOpenEdition } from '../support/open-edition';

/** An edition open for registration (the demo one is in judging): set in beforeAll. */
let EDITION = '';

async function signUp(page: Page, name: string, email: string, password: string) {
  await page.getByTestId('signup-name').fill(name);
  await page.getByTestId('signup-email').fill(email);
  await page.getByTestId('signup-password').fill(password);
  await page.getByTestId('signup-accept-terms').check();
  await page.getByTestId('signup-submit').click();
}

describe('accounts in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    EDITION = (await createOpenEdition()).name;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs up, logs out, logs in and sees the edition; the session survives a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const email = `ana.${unique()}@example.com`;
    const password = 'correct horse battery staple';

    await page.goto(baseUrl());
    await page.getByTestId('nav-signup').click();
    await page.getByTestId('signup-form').waitFor();
    // The form names the field at fault before anything is sent.
    await page.getByTestId('signup-submit').click();
    await page.getByText('Full name is required.').waitFor();
    await screenshot(page, 'auth-signup-errors');

    await signUp(page, 'Ana Popescu', email, password);
    await page.getByTestId('nav-account-menu').waitFor();
    expect(await page.getByTestId('nav-account-menu').textContent()).toContain('Ana Popescu');
    expect(new URL(page.url()).pathname).toBe('/');

    // The httpOnly cookie keeps the session: after a reload, the app asks /auth/me and knows her.
    await page.reload();
    await page.getByTestId('nav-account-menu').waitFor();
    expect(await page.getByTestId('nav-login').count()).toBe(0);
    await screenshot(page, 'auth-signed-in');

    await page.getByTestId('nav-account-menu').click();
    await page.getByTestId('nav-logout').click();
    await page.getByTestId('nav-login').waitFor();
    // Signed out for real: a reload does not bring the session back.
    await page.reload();
    await page.getByTestId('nav-login').waitFor();
    expect(await page.getByTestId('nav-account-menu').count()).toBe(0);

    await page.getByTestId('nav-login').click();
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    await page.getByText('The email or the password is not correct.').waitFor();
    await screenshot(page, 'auth-login-wrong');
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-account-menu').waitFor();

    // The demo edition (in judging) is the home page's current one; this test's open edition is
    // among the others.
    await page.getByTestId('edition-card').filter({ hasText: EDITION }).getByRole('link').first().click();
    await page.getByTestId('edition-name').waitFor();
    expect(await page.getByTestId('edition-name').textContent()).toContain(EDITION);
    // Signed in and not registered: the edition offers registration.
    await page.getByTestId('registration-form').waitFor();
    await screenshot(page, 'auth-edition-signed-in');
    await context.close();
  });

  it('sends a visitor of a protected page through login and back', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const email = `radu.${unique()}@example.com`;
    const password = 'another long password';
    // An account made through the API, as another device would.
    const api = await apiClient();
    await registerUser(api, { email, password, name: 'Radu Ionescu' });
    await api.dispose();

    await page.goto(`${baseUrl()}/account`);
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).search).toBe('?next=%2Faccount');
    await page.getByTestId('login-email').fill(email.toUpperCase());
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('password-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await context.close();
  });

  it('fits a phone, in Romanian', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'ro-RO',
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/signup`);
    await page.getByTestId('signup-form').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ro');
    await page.getByRole('heading', { level: 1, name: 'Creați un cont' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'auth-signup-phone-ro');
    await context.close();
  });
});
