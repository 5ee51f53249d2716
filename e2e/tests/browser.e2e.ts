import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { baseUrl, chromiumBinary, launch, packagedChromium, screenshot } from '../support/browser';

/** Runs `fn` with CHROMIUM_PATH set to `value` (or unset), and puts the variable back after. */
async function withChromiumPath<T>(value: string | undefined, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.CHROMIUM_PATH;
  if (value === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = value;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  }
}

describe('the browser of the tests', () => {
  it("is the Chromium inside @sparticuz/chromium by default, never the machine's", async () => {
    const bin = await withChromiumPath(undefined, chromiumBinary);
    expect(bin.source).toBe('@sparticuz/chromium');
    const real = fs.realpathSync(bin.executablePath);
    expect(real).not.toMatch(/^\/usr\/(bin|lib|lib64)\//);
    expect(real).not.toMatch(/^\/snap\//);
    const { version } = packagedChromium();
    const browser = await withChromiumPath(undefined, launch);
    try {
      // The package's major version is Chromium's.
      expect(browser.version().split('.')[0]).toBe(version.split('.')[0]);
    } finally {
      await browser.close();
    }
  });

  it('is CHROMIUM_PATH when set; a CHROMIUM_PATH that does not exist or does not start fails', async () => {
    const packaged = await withChromiumPath(undefined, chromiumBinary);
    const chosen = await withChromiumPath(packaged.executablePath, chromiumBinary);
    expect(chosen).toEqual({ executablePath: packaged.executablePath, env: {}, source: 'CHROMIUM_PATH' });
    await expect(withChromiumPath('/nonexistent/chromium', launch)).rejects.toThrow(
      'CHROMIUM_PATH=/nonexistent/chromium',
    );
    // A browser that does not start is an error (the tests then fail), never a reason to skip.
    await expect(withChromiumPath('/bin/false', launch)).rejects.toThrow(
      'Chromium (CHROMIUM_PATH: /bin/false) did not start',
    );
  });
});

describe('text in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the Romanian comma-below letters in the fonts the app asks for, not as boxes', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(baseUrl());
    await page.getByTestId('edition-card').first().waitFor();
    // For each pair, draw the base letter and the letter with its comma below in the page's own
    // font; the comma-below letter must have the base letter's ink above the baseline (not a
    // box, not another font's fallback shape) and some ink below it (the comma).
    const pairs: [string, string][] = [
      ['s', 'ș'],
      ['t', 'ț'],
      ['S', 'Ș'],
      ['T', 'Ț'],
    ];
    const result = await page.evaluate((letterPairs) => {
      const family = getComputedStyle(document.body).fontFamily;
      const size = 96;
      const baseline = 120;
      const ink = (ch: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 160;
        canvas.height = 180;
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.fillStyle = '#000';
        ctx.font = `${size}px ${family}`;
        ctx.fillText(ch, 20, baseline);
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const dark = (i: number) => data[i * 4]! < 128;
        const above: boolean[] = [];
        let below = 0;
        for (let y = 0; y < canvas.height; y++)
          for (let x = 0; x < canvas.width; x++) {
            const d = dark(y * canvas.width + x);
            if (y <= baseline) above.push(d);
            else if (y > baseline + 4 && d) below++;
          }
        return { above, below };
      };
      return {
        family,
        pairs: letterPairs.map(([plain, comma]) => {
          const a = ink(plain);
          const b = ink(comma);
          const differing = a.above.filter((d, i) => d !== b.above[i]).length;
          const inkAbove = a.above.filter(Boolean).length;
          return { plain, comma, inkAbove, differing, plainBelow: a.below, commaBelow: b.below };
        }),
      };
    }, pairs);
    for (const p of result.pairs) {
      expect({ ...p, family: result.family }).toEqual(
        expect.objectContaining({ plainBelow: 0, commaBelow: expect.any(Number) }),
      );
      expect(p.inkAbove).toBeGreaterThan(200);
      expect(p.differing).toBeLessThan(p.inkAbove * 0.05);
      expect(p.commaBelow).toBeGreaterThan(20);
    }
    // For a person to look at: the app's font, both cases, every Romanian letter.
    await page.setViewportSize({ width: 900, height: 140 });
    await page.setContent('<p id="t"></p>');
    await page.evaluate((family) => {
      const p = document.getElementById('t')!;
      p.style.font = `32px ${family}`;
      p.textContent = 'Înscrieți-vă la ediția a VI-a: ședință, țară — ȘTIINȚĂ, ÎMPĂRȚIRE, Â';
    }, result.family);
    await screenshot(page, 'diacritics-ro');
    await page.close();
  });
});
