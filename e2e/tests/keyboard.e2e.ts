import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiClient } from '../support/api';
import { baseUrl, launch, screenshot } from '../support/browser';
import { ORGANIZER_EMAIL, ORGANIZER_PASSWORD } from '../support/organizer';

/**
 * Keyboard only (WCAG 2.1.1, 2.4.7): no click, no fill. A juror reaches a project from their route,
 * scores every criterion with Space and the arrow keys, writes a comment and saves with Enter; a
 * visitor signs in. Every element the keyboard lands on shows where the focus is (an outline or a
 * box shadow, on the element or on what draws it, as the value buttons' visible span).
 */

const SLUG = 'challenge-accepted-vi';
const COMMENT = `Scored with the keyboard alone (${Date.now().toString(36)}).`;
/** The demo juror with no sheet yet (the a11y test reads juror 1's). */
const JUROR = { email: 'juror4@demo.challenge-accepted.ro', password: 'demo-juror-4' };

interface Focused {
  tag: string;
  testId: string | null;
  type: string | null;
  name: string | null;
  /** How the focus shows: `outline 3px`, `box-shadow`, or null when it does not. */
  indicator: string | null;
}

/**
 * What has the focus, and how it shows: an outline or a box shadow that the element (or what draws
 * it: its label, its wrapper, the span after a radio) has while focused and not once blurred. The
 * element is blurred and focused again to compare; a border that only changes colour does not count.
 */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body)
      return { tag: 'body', testId: null, type: null, name: null, indicator: null };
    const drawers = [el, el.nextElementSibling, el.closest('label'), el.parentElement].filter(
      (x): x is HTMLElement => x instanceof HTMLElement,
    );
    const look = () =>
      drawers.map((d) => {
        const s = getComputedStyle(d);
        return {
          outline:
            s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1
              ? `${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`
              : '',
          shadow: s.boxShadow === 'none' ? '' : s.boxShadow,
        };
      });
    const withFocus = look();
    el.blur();
    const without = look();
    el.focus({ preventScroll: true });
    let indicator: string | null = null;
    withFocus.forEach((f, i) => {
      if (indicator) return;
      if (f.outline && f.outline !== without[i]!.outline) indicator = `outline ${f.outline}`;
      else if (f.shadow && f.shadow !== without[i]!.shadow) indicator = `box-shadow ${f.shadow}`;
    });
    return {
      tag: el.tagName.toLowerCase(),
      testId:
        el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
      type: el.getAttribute('type'),
      name: el.getAttribute('name'),
      indicator,
    };
  });
}

/**
 * Presses Tab until `wanted` holds for the focused element (at most `max` times), checking that
 * each element passed on the way shows its focus.
 */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, max = 60): Promise<Focused> {
  const passed: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    passed.push(f);
    if (f.tag !== 'body' && f.indicator === null)
      throw new Error(`no visible focus on ${JSON.stringify(f)} (on the way to ${what})`);
    if (wanted(f)) return f;
  }
  throw new Error(
    `${what} not reached in ${max} Tab presses; passed ${JSON.stringify(passed.map((f) => f.testId ?? f.tag))}`,
  );
}

async function signIn(context: BrowserContext, email: string, password: string): Promise<void> {
  const res = await context.request.post(`${baseUrl()}/api/auth/login`, { data: { email, password } });
  if (res.status() !== 200) throw new Error(`login ${email}: ${res.status()} ${await res.text()}`);
}

describe('keyboard only', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['en', 'ro'] as const)(
    'a juror scores a project and saves with the keyboard alone, the focus visible throughout (%s)',
    async (language) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript((lng) => window.localStorage.setItem('ca.language', lng), language);
      await signIn(context, JUROR.email, JUROR.password);
      const page = await context.newPage();
      try {
        await page.goto(`${baseUrl()}/jury/${SLUG}`);
        await page.getByTestId('route-list').waitFor();
        await page.waitForLoadState('networkidle');

        // The first Tab stop is the skip link, drawn with a ring.
        const skip = await tabTo(page, () => true, 'the skip link', 1);
        expect(skip.tag).toBe('a');

        await tabTo(page, (f) => f.testId === 'route-next', 'the next project');
        await page.keyboard.press('Enter');
        await page.getByTestId('sheet-form').waitFor();
        const submissionId = (await page.getByTestId('score-page').getAttribute('data-submission-id'))!;
        const criteria = page.getByTestId('criterion');
        const count = await criteria.count();
        expect(count).toBeGreaterThan(0);

        // Each criterion: Tab into its radio group (the first value takes the focus), Space
        // chooses it, ArrowRight moves to the next value and chooses that.
        const chosen: string[] = [];
        for (let i = 0; i < count; i++) {
          const radio = await tabTo(
            page,
            (f) => f.type === 'radio' && !chosen.includes(f.name!),
            `criterion ${i + 1}`,
          );
          await page.keyboard.press('Space');
          await page.keyboard.press('ArrowRight');
          const after = await focused(page);
          expect(after).toMatchObject({ type: 'radio', name: radio.name });
          expect(after.indicator).not.toBeNull();
          chosen.push(radio.name!);
        }
        const checked = await page.$$eval('[data-testid="criterion"] input[type="radio"]:checked', (inputs) =>
          inputs.map((i) => (i as HTMLInputElement).value),
        );
        expect(checked).toHaveLength(count);

        await tabTo(page, (f) => f.tag === 'textarea', 'the comment');
        await page.keyboard.type(COMMENT);
        await screenshot(page, `keyboard-juror-sheet-${language}`);
        await tabTo(page, (f) => f.testId === 'save-next', 'save');
        const saved = page.waitForResponse(
          (r) =>
            r.request().method() === 'PUT' && r.url().endsWith(`/api/submissions/${submissionId}/scores/me`),
        );
        await page.keyboard.press('Enter');
        const response = await saved;
        expect(response.status()).toBe(200);

        // Stored: the organizers read the sheet, a value per criterion and the comment.
        const api = await apiClient();
        try {
          const login = await api.post('/api/auth/login', {
            data: { email: ORGANIZER_EMAIL, password: ORGANIZER_PASSWORD },
          });
          expect(login.status()).toBe(200);
          const sheets = (await (await api.get(`/api/submissions/${submissionId}/scores`)).json()) as {
            items: { comment: string; values: Record<string, number> }[];
          };
          const mine = sheets.items.find((s) => s.comment === COMMENT);
          expect(mine).toBeDefined();
          expect(Object.keys(mine!.values)).toHaveLength(count);
        } finally {
          await api.dispose();
        }
      } finally {
        await context.close();
      }
    },
  );

  it('a visitor signs in with the keyboard alone, the focus visible on every field', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await context.addInitScript(() => window.localStorage.setItem('ca.language', 'ro'));
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl()}/login`);
      await page.getByTestId('login-form').waitFor();
      await page.waitForLoadState('networkidle');
      await tabTo(page, (f) => f.testId === 'login-email', 'the email field');
      await page.keyboard.type(JUROR.email);
      await tabTo(page, (f) => f.testId === 'login-password', 'the password field');
      await page.keyboard.type(JUROR.password);
      await screenshot(page, 'keyboard-login-ro-phone');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname !== '/login');
      const me = await page.request.get(`${baseUrl()}/api/auth/me`);
      expect(me.status()).toBe(200);
      expect((await me.json()).email).toBe(JUROR.email);
    } finally {
      await context.close();
    }
  });
});
