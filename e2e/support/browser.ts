import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');

export interface ChromiumBinary {
  executablePath: string;
  /** Extra environment of the browser process (the packaged browser's fonts). */
  env: Record<string, string>;
  source: 'CHROMIUM_PATH' | '@sparticuz/chromium';
}

/** Where `@sparticuz/chromium` is installed, and its version. */
export function packagedChromium(): { entry: string; version: string } {
  const entry = require.resolve('@sparticuz/chromium'); // build/cjs/index.cjs
  const pkg = path.resolve(path.dirname(entry), '..', '..', 'package.json');
  return { entry, version: (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version };
}

/**
 * The fonts the browser sees: the machine's (when it has a fontconfig set-up) and the ones the
 * package ships (Open Sans, which has ș ț ă â î), so that text renders on a machine with no fonts.
 */
function fontsConf(dir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${path.join(dir, 'fonts')}</dir>
  <cachedir>${path.join(dir, 'fontconfig-cache')}</cachedir>
</fontconfig>
`;
}

/**
 * Unpacks the Chromium inside `@sparticuz/chromium` (brotli archives in the npm package: nothing is
 * downloaded) once per version into the temporary folder, and returns the binary. The package
 * unpacks into `os.tmpdir()` itself, so a child process does it with TMPDIR pointing at a folder
 * of ours; that folder is renamed into place only when complete.
 */
async function unpackPackagedChromium(): Promise<{ executablePath: string; dir: string }> {
  const { entry, version } = packagedChromium();
  const dir = path.join(os.tmpdir(), `ca-chromium-${version}-${process.getuid?.() ?? 'user'}`);
  const executablePath = path.join(dir, 'chromium');
  if (fs.existsSync(path.join(dir, '.complete'))) return { executablePath, dir };
  const partial = `${dir}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  const script =
    'require(process.argv[1]).executablePath().then((p) => process.stdout.write(p), (e) => { console.error(e); process.exit(1); })';
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      ['-e', script, entry],
      { env: { ...process.env, TMPDIR: partial }, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        if (err)
          reject(new Error(`unpacking @sparticuz/chromium ${version} failed: ${stderr || err.message}`));
        else if (stdout !== path.join(partial, 'chromium'))
          reject(new Error(`@sparticuz/chromium unpacked to ${stdout}, not into ${partial}`));
        else resolve();
      },
    ),
  );
  fs.writeFileSync(path.join(partial, 'fonts.conf'), fontsConf(dir));
  fs.writeFileSync(path.join(partial, '.complete'), `${version}\n`);
  fs.rmSync(dir, { recursive: true, force: true }); // an unfinished unpack of an earlier run
  try {
    fs.renameSync(partial, dir);
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, '.complete'))) throw err; // else another run was faster
  }
  return { executablePath, dir };
}

/**
 * The browser of the tests: `CHROMIUM_PATH` when set, else the Chromium that the
 * `@sparticuz/chromium` package ships, never whatever the machine has installed.
 */
export async function chromiumBinary(): Promise<ChromiumBinary> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!fs.existsSync(override)) throw new Error(`CHROMIUM_PATH=${override}: no such file`);
    return { executablePath: override, env: {}, source: 'CHROMIUM_PATH' };
  }
  const { executablePath, dir } = await unpackPackagedChromium();
  const env: Record<string, string> =
    process.env.FONTCONFIG_FILE || process.env.FONTCONFIG_PATH
      ? {}
      : { FONTCONFIG_FILE: path.join(dir, 'fonts.conf') };
  return { executablePath, env, source: '@sparticuz/chromium' };
}

/**
 * A headless Chromium. A browser that cannot start fails the test (in CI as anywhere): browser
 * tests are never skipped.
 */
export async function launch(): Promise<Browser> {
  const bin = await chromiumBinary();
  try {
    return await chromium.launch({
      executablePath: bin.executablePath,
      env: { ...(process.env as Record<string, string>), ...bin.env },
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (err) {
    throw new Error(
      `Chromium (${bin.source}: ${bin.executablePath}) did not start: ${err instanceof Error ? err.message : String(err)}\n` +
        'Set CHROMIUM_PATH to a Chromium that runs on this machine.',
    );
  }
}

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL unset: the global set-up did not run');
  return url;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
