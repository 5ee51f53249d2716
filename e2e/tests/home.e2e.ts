import type { Browser } from 'playwright-core';
import { baseUrl, launch, screenshot } from '../support/browser';

describe('home and edition pages, in English and Romanian', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the demo edition, its timeline and three tracks in both languages', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(baseUrl());
    const current = page.getByTestId('current-edition');
    await current.getByRole('heading', { level: 1, name: 'Challenge Accepted — VI edition' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, 'home-en');

    // The organizers wrote the edition in both languages: switching shows the Romanian texts.
    await page.getByTestId('language-switcher').getByText('RO', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ro');
    await current.getByRole('heading', { level: 1, name: 'Challenge Accepted — ediția a VI-a' }).waitFor();
    await page.getByRole('heading', { name: 'Secțiuni și provocări' }).waitFor();
    await screenshot(page, 'home-ro');

    await page.getByTestId('home-open-edition').click();
    await page.getByTestId('edition-name').waitFor();
    expect(await page.getByTestId('edition-name').textContent()).toContain(
      'Challenge Accepted — ediția a VI-a',
    );
    await page.getByTestId('edition-timeline').waitFor();
    const tracks = await page.getByTestId('track-card').allTextContents();
    expect(tracks.join(' ')).toMatch(/Sănătate[\s\S]*Mediu și ecologie[\s\S]*Turism/);
    expect(await page.getByTestId('edition-timeline').textContent()).toMatch(/Termen de predare/);
    await screenshot(page, 'edition-ro');

    // The choice survives a reload; switching back gives English texts.
    await page.reload();
    await page.getByTestId('edition-name').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ro');
    await page.getByTestId('language-switcher').getByText('EN', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('edition-timeline').textContent()).toMatch(/Submission deadline/i);
    await page.getByTestId('edition-name').getByText('Challenge Accepted — VI edition').waitFor();
    await screenshot(page, 'edition-en');
    await context.close();
  });

  it('fits a phone screen', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/editions/challenge-accepted-vi`);
    await page.getByTestId('edition-name').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'edition-phone');
    await context.close();
  });
});
