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
    const card = page.getByTestId('edition-card').filter({ hasText: 'Challenge Accepted — VI edition' });
    await card.waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, 'home-en');

    await page.getByTestId('language-switcher').getByText('RO', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ro');
    await page.getByRole('heading', { name: 'Ediții' }).waitFor();
    await screenshot(page, 'home-ro');

    await card.getByRole('link').first().click();
    await page.getByTestId('edition-name').waitFor();
    expect(await page.getByTestId('edition-name').textContent()).toContain('Challenge Accepted — VI edition');
    await page.getByTestId('edition-timeline').waitFor();
    const tracks = await page.getByTestId('track-card').allTextContents();
    expect(tracks.join(' ')).toMatch(/Health[\s\S]*Environment & Ecology[\s\S]*Tourism/);
    expect(await page.getByTestId('edition-timeline').textContent()).toMatch(/Termen de predare/);
    await screenshot(page, 'edition-ro');

    // The choice survives a reload; switching back gives English texts.
    await page.reload();
    await page.getByTestId('edition-name').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ro');
    await page.getByTestId('language-switcher').getByText('EN', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('edition-timeline').textContent()).toMatch(/Submission deadline/i);
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
