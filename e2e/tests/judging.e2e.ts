import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, baseUrl, launch, screenshot } from '../support/browser';
import { createOpenEdition, HACKING_TIMELINE } from '../support/open-edition';
import { ORGANIZER_EMAIL, ORGANIZER_PASSWORD } from '../support/organizer';
import { api } from '../support/api';

/**
 * Issue 10's browser test, on a phone: a juror scores two projects with the network cut in
 * between. The first sheet reaches the API but its answer is lost (so the browser must replay
 * it); the second is saved offline. The juror reloads after the network returns but before the
 * queue could send anything (the test holds the requests), sees both sheets still waiting (they
 * are in IndexedDB), and once the requests go through, each sheet is stored exactly once with
 * exactly one audit entry. Screenshots of the juror's screens and the organizers' coverage, in
 * English and Romanian, land in e2e/artifacts.
 */

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const DESKTOP = { viewport: { width: 1366, height: 900 } } as const;
const JUROR_PASSWORD = 'juror-password-e2e';

interface World {
  organizer: string;
  editionId: string;
  slug: string;
  juror: { id: string; email: string; token: string };
  jurors: { id: string; email: string; token: string }[];
  /** The two projects, in the juror's walking order (tables H-01, H-02). */
  projects: { submissionId: string; teamId: string; teamName: string; title: string }[];
  criteria: { id: string; name: string }[];
}

async function register(email: string, name: string, password = 'participant-password') {
  return api<{ user: { id: string }; token: string }>('/auth/register', {
    method: 'POST',
    body: { email, password, name, acceptTerms: true },
  });
}

/**
 * An edition in judging with two criteria (one with level descriptions in both languages), two
 * submitted projects at tables H-01 and H-02, and a juror assigned to both.
 */
async function createWorld(): Promise<World> {
  const unique = Date.now().toString(36);
  const created = await createOpenEdition({
    slugPrefix: 'judging-e2e',
    name: `Judging e2e ${unique}`,
    timeline: HACKING_TIMELINE,
    tracks: [{ name: 'Health', slug: 'health' }],
    challenges: false,
  });
  const organizer = created.organizerToken;
  const edition = { id: created.id, slug: created.slug };
  const track = created.tracks[0]!;
  const criteria = await api<{ id: string; name: string }[]>(`/editions/${edition.id}/criteria`, {
    method: 'PUT',
    token: organizer,
    body: [
      {
        name: 'Innovation',
        description: 'How new and bold is the idea?',
        weight: 1,
        min: 1,
        max: 10,
        levels: [
          { from: 1, to: 3, descriptionI18n: { en: 'Idea only', ro: 'Doar o idee' } },
          { from: 4, to: 7, descriptionI18n: { en: 'Working prototype', ro: 'Prototip funcțional' } },
          { from: 8, to: 10, descriptionI18n: { en: 'Ready for users', ro: 'Gata pentru utilizatori' } },
        ],
      },
      { name: 'Impact', description: 'How much good would it do?', weight: 2, min: 1, max: 5 },
    ],
  });

  const projects: World['projects'] = [];
  for (const [i, name] of ['Pill Pals', 'Green Route'].entries()) {
    const member = await register(`member-${i}-${unique}@e2e.test`, `Member ${i}`);
    await api(`/editions/${edition.id}/registrations`, {
      method: 'POST',
      token: member.token,
      body: { skills: ['React'], lookingForTeam: false },
    });
    const team = await api<{ id: string }>(`/editions/${edition.id}/teams`, {
      method: 'POST',
      token: member.token,
      body: { name: `${name} ${unique}`, trackId: track.id },
    });
    const title = i === 0 ? 'Pill reminder' : 'Bike routes for tourists';
    await api(`/teams/${team.id}/submission`, {
      method: 'PUT',
      token: member.token,
      body: {
        title,
        tagline: i === 0 ? 'Never miss a dose' : 'Greener trips in the county',
        description: '## How it works\n\nA **smart** pill box.\n\n<script>window.__pwned=1</script>',
        repoUrl: 'https://github.com/example/project',
        demoUrl: 'https://example.com/demo',
      },
    });
    const submitted = await api<{ id: string }>(`/teams/${team.id}/submission/submit`, {
      method: 'POST',
      token: member.token,
    });
    projects.push({ submissionId: submitted.id, teamId: team.id, teamName: `${name} ${unique}`, title });
  }

  // The jurors: accounts, invitations, accepted. The first is the one on the phone.
  const jurors: { id: string; email: string; token: string }[] = [];
  for (const [i, name] of ['Ioana Jurat', 'Radu Evaluator', 'Elena Arbitru'].entries()) {
    const email = `juror-${i}-${unique}@e2e.test`;
    const account = await register(email, name, JUROR_PASSWORD);
    const { token: invitation } = await api<{ token: string }>(`/editions/${edition.id}/jury/invitations`, {
      method: 'POST',
      token: organizer,
      body: { email },
    });
    await api(`/jury/invitations/${encodeURIComponent(invitation)}/accept`, {
      method: 'POST',
      token: account.token,
    });
    jurors.push({ id: account.user.id, email, token: account.token });
  }
  const [juror, second] = jurors as [(typeof jurors)[0], (typeof jurors)[0]];

  // Judging opens: the submission deadline passes.
  const at = Date.now();
  await api(`/editions/${edition.id}`, {
    method: 'PATCH',
    token: organizer,
    body: {
      registrationOpensAt: iso(at - 24 * HOUR),
      registrationClosesAt: iso(at - 2 * HOUR),
      hackingStartsAt: iso(at - 3 * HOUR),
      submissionDeadline: iso(at - HOUR),
      judgingEndsAt: iso(at + 24 * HOUR),
      reviewsPerSubmission: 2,
    },
  });
  const tables = await api<{ items: { teamId: string; tableLabel: string }[] }>(
    `/editions/${edition.id}/tables/number`,
    { method: 'POST', token: organizer, body: {} },
  );
  const tableOf = new Map(tables.items.map((i) => [i.teamId, i.tableLabel]));
  // The juror's walking order: by table.
  projects.sort((a, b) => tableOf.get(a.teamId)!.localeCompare(tableOf.get(b.teamId)!));
  expect(projects.map((p) => tableOf.get(p.teamId))).toEqual(['H-01', 'H-02']);
  const [a, b] = projects as [(typeof projects)[0], (typeof projects)[0]];

  // By hand: the phone's juror on both projects, the second juror too; the third is free.
  for (const [j, p] of [
    [juror, a],
    [juror, b],
    [second, a],
    [second, b],
  ] as const) {
    await api(`/editions/${edition.id}/assignments`, {
      method: 'POST',
      token: organizer,
      body: { jurorId: j.id, submissionId: p.submissionId },
    });
  }
  // Something for the coverage to show: the second juror scores B, then declares a conflict with
  // its team (the sheet stays, no longer counting), and flags A: the team was absent.
  await api(`/submissions/${b.submissionId}/scores/me`, {
    method: 'PUT',
    token: second.token,
    body: {
      values: { [criteria[0]!.id]: 5, [criteria[1]!.id]: 3 },
      comment: '',
      idempotencyKey: `seed-${unique}`,
    },
  });
  await api(`/editions/${edition.id}/conflicts`, {
    method: 'POST',
    token: second.token,
    body: { teamId: b.teamId, reason: 'My cousin is in this team.' },
  });
  await api(`/submissions/${a.submissionId}/flags`, {
    method: 'POST',
    token: second.token,
    body: { kind: 'absent', reason: 'Nobody at the table at 14:10.' },
  });

  return {
    organizer,
    editionId: edition.id,
    slug: edition.slug,
    juror,
    jurors,
    projects,
    criteria,
  };
}

async function jurorContext(browser: Browser, world: World, language: 'en' | 'ro'): Promise<BrowserContext> {
  const context = await browser.newContext(PHONE);
  await context.addInitScript((lng) => window.localStorage.setItem('ca.language', lng), language);
  const res = await context.request.post(`${baseUrl()}/api/auth/login`, {
    data: { email: world.juror.email, password: JUROR_PASSWORD },
  });
  expect(res.status()).toBe(200);
  return context;
}

/** Chooses a value for every criterion of the open sheet: the Innovation value, then Impact's. */
async function score(page: Page, innovation: number, impact: number, comment: string) {
  const criteria = page.getByTestId('criterion');
  await criteria.nth(0).getByTestId(`value-${innovation}`).click();
  await criteria.nth(1).getByTestId(`value-${impact}`).click();
  await page.getByTestId('sheet-comment').fill(comment);
}

/**
 * A phone screenshot as the juror sees it: the 390×844 viewport, not the whole page (a full-page
 * capture would draw the sticky "Save and next" bar in the middle of the page). `at`: scroll to
 * this element first, else the top.
 */
async function phoneShot(page: Page, name: string, at?: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (at)
    await page
      .locator(at)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** Polls `check` until it holds (or fails after `ms`). */
async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const summaryText = (page: Page) => page.getByTestId('outbox-summary').textContent();

/** The phone juror's sheets of a project, as the organizers read them (every sheet, counting or not). */
async function sheetsOf(world: World, submissionId: string) {
  const all = (
    await api<{ items: { jurorId: string; values: Record<string, number>; comment: string }[] }>(
      `/submissions/${submissionId}/scores`,
      { token: world.organizer },
    )
  ).items;
  return all.filter((sheet) => sheet.jurorId === world.juror.id);
}

async function auditOf(world: World) {
  const entries: { action: string; actorId: string | null; after: { submissionId?: string } | null }[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: typeof entries; nextCursor: string | null } = await api(
      `/editions/${world.editionId}/audit?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token: world.organizer },
    );
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries.filter((e) => e.action === 'score.saved' && e.actorId === world.juror.id);
}

describe('jury scoring on a phone', () => {
  let browser: Browser;
  let world: World;
  beforeAll(async () => {
    browser = await launch();
    world = await createWorld();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('two sheets, the network cut in between, a reload before the queue is sent: both arrive exactly once', async () => {
    const context = await jurorContext(browser, world, 'en');
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const [first, second] = world.projects as [World['projects'][0], World['projects'][0]];

    // The answers to score requests: lost once (the first sheet), held while the test says so.
    let loseNextAnswer = false;
    let holding = false;
    const held: Route[] = [];
    /** The idempotency key of every score request the page made, in order. */
    const arrived: string[] = [];
    await context.route('**/api/submissions/*/scores/me', async (route) => {
      const body = route.request().postDataJSON() as { idempotencyKey: string };
      arrived.push(body.idempotencyKey);
      if (holding) {
        held.push(route);
        return;
      }
      if (loseNextAnswer) {
        loseNextAnswer = false;
        await route.fetch(); // the API stores the sheet…
        await route.abort('connectionreset'); // …and the answer never comes back
        return;
      }
      await route.continue();
    });

    // ---- one click from the home page to the juror's route (on a phone the header's links sit
    // behind the burger; the home page names the juror's work) ----
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId('juror-callout-link').click();
    await page.getByTestId('juror-route').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/jury/${world.slug}`);
    const items = page.getByTestId('route-item');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).getAttribute('data-submission-id')).toBe(first.submissionId);
    expect(await items.nth(0).textContent()).toContain('H-01');
    expect(await items.nth(1).textContent()).toContain('H-02');
    expect(await summaryText(page)).toBe(' All your sheets have been sent.');
    await phoneShot(page, 'judging-juror-route-en');

    // ---- the first project: the sheet reaches the API, its answer is lost ----
    await page.getByTestId('route-next').click();
    await page.getByTestId('score-page').waitFor();
    expect(await page.getByTestId('project-title').textContent()).toBe(first.title);
    expect(await page.getByTestId('criterion-level').count()).toBe(3);
    await page.getByTestId('description-toggle').click();
    await page.getByTestId('project-description').getByText('<script>window.__pwned=1</script>').waitFor();
    await score(page, 8, 4, 'Strong prototype, clear pitch.');
    // The chosen value's level is the one that stands out.
    expect(await page.locator('[data-testid="criterion-level"][data-active="true"]').textContent()).toContain(
      'Ready for users',
    );
    await phoneShot(page, 'judging-juror-sheet-en');
    await phoneShot(page, 'judging-juror-sheet-scores-en', '#sheet-title');
    loseNextAnswer = true;
    await page.getByTestId('save-next').click();
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="score-page"]')?.getAttribute('data-submission-id') === id,
      second.submissionId,
    );
    // Stored by the API, but the browser does not know: it keeps the sheet queued.
    await until(async () => (await sheetsOf(world, first.submissionId)).length === 1);

    // ---- the network drops; the second project is scored offline ----
    await context.setOffline(true);
    await score(page, 3, 2, 'Team absent for the first minutes; idea only.');
    await page.getByTestId('save-next').click();
    await page.getByTestId('juror-route').waitFor();
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="outbox-summary"]')
        ?.textContent?.includes('You are offline. 2 sheets'),
    );
    expect(await page.getByTestId('outbox-item').count()).toBe(2);
    expect(await page.locator('[data-testid="route-item"][data-status="queued"]').count()).toBe(2);
    await phoneShot(page, 'judging-juror-offline-en');
    expect(await sheetsOf(world, second.submissionId)).toHaveLength(0);

    // ---- back online, but the queue cannot get through yet; the juror reloads ----
    holding = true;
    await context.setOffline(false);
    await page.reload();
    await page.getByTestId('juror-route').waitFor();
    // After the reload the queue is read back from IndexedDB: both sheets, with their keys.
    await page.getByTestId('outbox-item').nth(1).waitFor();
    expect(await page.getByTestId('outbox-item').count()).toBe(2);
    expect(await page.locator('[data-testid="route-item"][data-status="queued"]').count()).toBe(2);
    const keys = await page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('ca-judging');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('sheets').objectStore('sheets').getAll();
            all.onsuccess = () =>
              resolve((all.result as { idempotencyKey: string }[]).map((s) => s.idempotencyKey).sort());
          };
        }),
    );
    expect(keys).toHaveLength(2);
    // The first sheet's key is the one that already reached the API: the replay uses it again.
    expect(keys).toContain(arrived[0]);
    expect(await sheetsOf(world, second.submissionId)).toHaveLength(0);

    // ---- the network lets the requests through ----
    holding = false;
    for (const route of held.splice(0)) {
      // Requests of the page before the reload were cancelled with it; the rest go on.
      await route.continue().catch(() => undefined);
    }
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="outbox-summary"]')?.textContent?.trim() ===
        'All your sheets have been sent.',
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.getByTestId('outbox-item').count()).toBe(0);
    await page.locator('[data-testid="route-item"][data-status="done"]').nth(1).waitFor();

    // ---- exactly once: one sheet each, one audit entry each ----
    const [sheetsA, sheetsB] = [
      await sheetsOf(world, first.submissionId),
      await sheetsOf(world, second.submissionId),
    ];
    expect(sheetsA).toHaveLength(1);
    expect(sheetsB).toHaveLength(1);
    const [innovation, impact] = [world.criteria[0]!, world.criteria[1]!];
    expect(sheetsA[0]).toMatchObject({
      jurorId: world.juror.id,
      values: { [innovation.id]: 8, [impact.id]: 4 },
      comment: 'Strong prototype, clear pitch.',
    });
    expect(sheetsB[0]).toMatchObject({ values: { [innovation.id]: 3, [impact.id]: 2 } });
    const audit = await auditOf(world);
    expect(audit.map((e) => e.after?.submissionId).sort()).toEqual(
      [first.submissionId, second.submissionId].sort(),
    );
    // The first sheet went out several times with its one key (lost answer, then replays);
    // each edit had one key: two keys in all.
    expect(arrived.filter((k) => k === arrived[0]).length).toBeGreaterThanOrEqual(2);
    expect(new Set(arrived).size).toBe(2);
    await phoneShot(page, 'judging-juror-done-en');
    expect(pageErrors).toEqual([]);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
  });

  it('the juror screens in Romanian, with the level descriptions in Romanian', async () => {
    const context = await jurorContext(browser, world, 'ro');
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/jury/${world.slug}`);
    await page.getByTestId('juror-route').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ro');
    expect(await summaryText(page)).toContain('Toate fișele dumneavoastră au fost trimise.');
    await phoneShot(page, 'judging-juror-route-ro');
    await page.getByTestId('route-item').first().click();
    await page.getByTestId('score-page').waitFor();
    expect(await page.getByTestId('criterion-level').first().textContent()).toContain('Doar o idee');
    await phoneShot(page, 'judging-juror-sheet-ro');
    await phoneShot(page, 'judging-juror-sheet-scores-ro', '#sheet-title');
    await context.close();
  });

  async function organizerPage(language: 'en' | 'ro'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(DESKTOP);
    await context.addInitScript((lng) => window.localStorage.setItem('ca.language', lng), language);
    const res = await context.request.post(`${baseUrl()}/api/auth/login`, {
      data: { email: ORGANIZER_EMAIL, password: ORGANIZER_PASSWORD },
    });
    expect(res.status()).toBe(200);
    return { context, page: await context.newPage() };
  }

  it.each(['en', 'ro'] as const)('organizers see the coverage (%s)', async (language) => {
    const { context, page } = await organizerPage(language);
    await page.goto(`${baseUrl()}/organize/editions/${world.slug}`);
    await page.getByTestId('console-nav-coverage').click();
    await page.getByTestId('coverage-totals').waitFor();
    await page.waitForLoadState('networkidle');
    // Both projects short (one sheet counts of two), the flag waiting, the sheet that stopped counting.
    expect(await page.getByTestId('coverage-short').count()).toBe(2);
    expect(await page.getByTestId('coverage-flag').count()).toBe(1);
    expect(await page.getByTestId('coverage-not-counting').count()).toBe(1);
    expect(await page.getByTestId('coverage-juror').count()).toBe(1);
    await screenshot(page, `judging-coverage-${language}`);
    await context.close();
  });

  it('organizers reassign a flagged project in one click', async () => {
    const { context, page } = await organizerPage('en');
    const [a] = world.projects as [World['projects'][0]];
    const third = world.jurors[2]!;
    await page.goto(`${baseUrl()}/organize/editions/${world.slug}/coverage`);
    await page.getByTestId('coverage-flag').waitFor();
    await page.getByTestId('flag-reassign').click();
    await page.getByTestId('coverage-flags-none').waitFor();
    const assigned = await api<{ items: { jurorId: string }[] }>(
      `/editions/${world.editionId}/assignments?submissionId=${a.submissionId}`,
      { token: world.organizer },
    );
    // The flagging juror's assignment went to the only juror free to take it.
    expect(assigned.items.map((x) => x.jurorId).sort()).toEqual([world.juror.id, third.id].sort());
    await context.close();
  });

  it('organizers run the assignment, set a table and read the sheets in the console', async () => {
    const { context, page } = await organizerPage('en');
    const console = `${baseUrl()}/organize/editions/${world.slug}`;

    await page.goto(`${console}/assignments`);
    await page.getByTestId('assignment-row').first().waitFor();
    await page.getByTestId('auto-assign').click();
    await page.getByTestId('auto-summary').waitFor();
    // Every assignment so far was made by hand (or by the one-click reassignment): kept. B needs
    // one more counting juror (the second juror's sheet of it stopped counting): the third.
    expect(await page.getByTestId('auto-summary').textContent()).toContain('1 added, 4 kept');
    await screenshot(page, 'judging-assignments-en');

    await page.goto(`${console}/tables`);
    const row = page.getByTestId('table-row').first();
    await row.getByTestId('table-input').fill('Stand 7');
    await row.getByRole('button').click();
    const [a] = world.projects as [World['projects'][0]];
    await until(async () => {
      const team = await api<{ tableLabel: string | null }>(`/teams/${a.teamId}`, { token: world.organizer });
      return team.tableLabel === 'Stand 7';
    });
    await screenshot(page, 'judging-tables-en');

    await page.goto(`${console}/conflicts`);
    await page.getByTestId('conflict-row').first().waitFor();
    expect(await page.getByTestId('conflict-row').count()).toBe(1);
    await screenshot(page, 'judging-conflicts-en');

    await page.goto(`${console}/corrections`);
    await page.getByTestId('corrections-running').waitFor();
    await page.getByTestId('corrections-project').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('correction-sheet').first().waitFor();
    await screenshot(page, 'judging-corrections-en');

    await page.goto(`${console}/criteria`);
    await page.getByTestId('level-row').first().waitFor();
    expect(await page.getByTestId('level-row').count()).toBe(3);
    expect(await page.getByTestId('level-description-ro').first().inputValue()).toBe('Doar o idee');
    await screenshot(page, 'judging-criteria-levels-en');
    await context.close();
  });

  it('after judging ends, a late sheet is refused and kept with its reason; reopened, the juror sends it again', async () => {
    const juror = await jurorContext(browser, world, 'en');
    const page = await juror.newPage();
    const [, b] = world.projects as [World['projects'][0], World['projects'][0]];
    await page.goto(`${baseUrl()}/jury/${world.slug}/projects/${b.submissionId}`);
    await page.getByTestId('sheet-form').waitFor();

    // Judging ends while the juror's page is open.
    await api(`/editions/${world.editionId}`, {
      method: 'PATCH',
      token: world.organizer,
      body: { judgingEndsAt: iso(Date.now() - 60_000) },
    });
    await score(page, 9, 5, 'Changed my mind after the demo.');
    await page.getByTestId('save-next').click();
    // Saved into the outbox, the next project opens (wherever B now is on the route); back to it.
    await page.waitForFunction((id) => !location.pathname.endsWith(id), b.submissionId);
    if (!(await page.getByTestId('juror-route').isVisible())) await page.getByTestId('back-to-route').click();
    await page.getByTestId('juror-route').waitFor();
    const refused = page.getByTestId('outbox-refused');
    await refused.waitFor();
    expect(await refused.getAttribute('data-code')).toBe('PHASE_CLOSED');
    expect(await refused.textContent()).toContain('Judging is not open for this project any more');
    expect(
      await page
        .locator(`[data-testid="route-item"][data-submission-id="${b.submissionId}"]`)
        .getAttribute('data-status'),
    ).toBe('refused');
    await phoneShot(page, 'judging-juror-refused-en');
    // Kept across a reload, never dropped by itself.
    await page.reload();
    await page.getByTestId('outbox-refused').waitFor();

    // The organizer reopens the juror's sheet from the console.
    const { context, page: console } = await organizerPage('en');
    await console.goto(`${baseUrl()}/organize/editions/${world.slug}/corrections`);
    await console.getByTestId('corrections-project').click();
    await console.getByRole('option', { name: new RegExp(b.title) }).click();
    const sheet = console.getByTestId('correction-sheet').filter({ hasText: 'Ioana Jurat' });
    await sheet.getByTestId('reopen-sheet').click();
    await console.getByLabel('Reason').fill('The juror saw the demo again.');
    await console.getByRole('button', { name: 'Reopen for the juror' }).last().click();
    await sheet.getByText('Reopened for the juror: The juror saw the demo again.').waitFor();
    await context.close();

    // The juror sends the same edit again (same key): accepted now.
    expect(await summaryText(page)).toContain('1 sheet was not saved by the server');
    await page.getByTestId('outbox-refused').getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('outbox-refused').waitFor({ state: 'detached' });
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="outbox-summary"]')?.textContent?.trim() ===
        'All your sheets have been sent.',
    );
    expect(await page.getByTestId('outbox-refused').count()).toBe(0);
    const sheets = await sheetsOf(world, b.submissionId);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toMatchObject({ comment: 'Changed my mind after the demo.' });
    // Three changes by this juror in all: two first sheets, one correction; the refusal wrote none.
    expect(await auditOf(world)).toHaveLength(3);
    await juror.close();
  });
});
