import { createTestApp, type TestApp } from './helpers/app';
import { must } from './helpers/judging';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

const HOUR = 3_600_000;
const at = (h: number, base = Date.now()) => new Date(base + h * HOUR).toISOString();
const nextTimeline = (base: number) => ({
  registrationOpensAt: at(24 * 300, base),
  registrationClosesAt: at(24 * 310, base),
  hackingStartsAt: at(24 * 310, base),
  submissionDeadline: at(24 * 312, base),
  judgingEndsAt: at(24 * 313, base),
});
/** An object without its ids (what a copy must keep equal). */
const withoutIds = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(withoutIds)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([k]) => !['id', 'editionId', 'trackId'].includes(k))
            .map(([k, x]) => [k, withoutIds(x)]),
        )
      : v;

describe('POST /api/editions/:id/copy', () => {
  let t: TestApp;
  let organizer: TestUser;
  let source: any;
  const base = Date.now();
  const copy = (body: unknown, id = source.id, token = organizer.token) =>
    t.request('POST', `/api/editions/${id}/copy`, { token, body });
  const countFor = async (table: string, editionId: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE edition_id = $1`, [editionId]))[0]
      .n as number;

  beforeAll(async () => {
    t = await createTestApp();
    organizer = await signUpOrganizer(t);
    const o = { token: organizer.token };
    const created = await must(t, 'POST', '/api/editions', {
      ...o,
      body: {
        slug: 'edition-vi',
        nameI18n: { en: 'Challenge Accepted VI', ro: 'Challenge Accepted — ediția a VI-a' },
        descriptionI18n: { en: 'The sixth', ro: 'A șasea ediție' },
        published: true,
        registrationOpensAt: at(-48),
        registrationClosesAt: at(24),
        hackingStartsAt: at(-1),
        submissionDeadline: at(48),
        judgingEndsAt: at(72),
        teamMinSize: 2,
        teamMaxSize: 3,
        reviewsPerSubmission: 2,
        normalization: 'none',
        leaderboardVisibility: 'hidden',
        shareJurorComments: true,
        submissionRequirements: { repoUrl: true, challenge: true },
      },
    });
    for (const [en, ro, slug] of [
      ['Health', 'Sănătate', 'health'],
      ['Tourism', 'Turism', 'tourism'],
    ]) {
      const track = await must(t, 'POST', `/api/editions/${created.id}/tracks`, {
        ...o,
        body: { slug, nameI18n: { en, ro }, descriptionI18n: { en: `${en} track`, ro: `Secțiunea ${ro}` } },
      });
      await must(t, 'POST', `/api/tracks/${track.id}/challenges`, {
        ...o,
        body: {
          titleI18n: { en: `${en} challenge`, ro: `Provocarea ${ro}` },
          sponsorI18n: { en: 'Clinic', ro: 'Clinica' },
          prizeI18n: { en: '1000 lei', ro: '1000 de lei' },
        },
      });
    }
    await must(t, 'PUT', `/api/editions/${created.id}/criteria`, {
      ...o,
      body: [
        {
          nameI18n: { en: 'Impact', ro: 'Impact' },
          descriptionI18n: { en: 'Who it helps', ro: 'Pe cine ajută' },
          weight: 2,
          min: 0,
          max: 5,
          levels: [
            { from: 0, to: 2, descriptionI18n: { en: 'Little', ro: 'Puțin' } },
            { from: 3, to: 5, descriptionI18n: { en: 'Much', ro: 'Mult' } },
          ],
        },
        { nameI18n: { en: 'Execution', ro: 'Execuție' }, weight: 1, min: 1, max: 10 },
      ],
    });
    // People and their things, which must not follow.
    const p = await signUp(t, 'Participant');
    await must(t, 'POST', `/api/editions/${created.id}/registrations`, {
      token: p.token,
      body: { skills: [], lookingForTeam: false },
    });
    const [track] = (await must(t, 'GET', `/api/editions/${created.id}`, o)).tracks;
    await must(t, 'POST', `/api/editions/${created.id}/teams`, {
      token: p.token,
      body: { name: 'Team', trackId: track.id },
    });
    await must(t, 'POST', `/api/editions/${created.id}/announcements`, { ...o, body: { message: 'Hello' } });
    source = await must(t, 'GET', `/api/editions/${created.id}`, o);
  });
  afterAll(() => t.close());

  it('answers 201 with the new edition: tracks, challenges, criteria (levels, both languages) and settings copied', async () => {
    const timeline = nextTimeline(base);
    const res = await copy({
      slug: 'edition-vii',
      nameI18n: { en: 'Challenge Accepted VII', ro: 'Ediția a VII-a' },
      ...timeline,
    });
    expect(res.status).toBe(201);
    const e = res.body;
    expect(e.id).not.toBe(source.id);
    expect(e).toMatchObject({
      slug: 'edition-vii',
      nameI18n: { en: 'Challenge Accepted VII', ro: 'Ediția a VII-a' },
      published: false,
      phase: 'draft',
      leaderboardFreezeAt: null,
      resultsPublishedAt: null,
      descriptionI18n: source.descriptionI18n,
      teamMinSize: 2,
      teamMaxSize: 3,
      reviewsPerSubmission: 2,
      normalization: 'none',
      leaderboardVisibility: 'hidden',
      shareJurorComments: true,
      submissionRequirements: source.submissionRequirements,
    });
    for (const [k, v] of Object.entries(timeline)) expect([k, Date.parse(e[k])]).toEqual([k, Date.parse(v)]);
    expect(withoutIds(e.tracks)).toEqual(withoutIds(source.tracks));
    expect(e.tracks).toHaveLength(2);
    expect(e.tracks.every((tr: any) => tr.editionId === e.id && tr.challenges.length === 1)).toBe(true);
    expect(withoutIds(e.criteria)).toEqual(withoutIds(source.criteria));
    expect(e.criteria[0].levels).toHaveLength(2);
    expect(
      e.criteria.map((c: any) => c.id).some((id: string) => source.criteria.some((s: any) => s.id === id)),
    ).toBe(false);
    // The source is as it was.
    expect(await must(t, 'GET', `/api/editions/${source.id}`, { token: organizer.token })).toMatchObject({
      slug: 'edition-vi',
      published: true,
    });
  });

  it('carries over no teams, people, sheets, awards or announcements, and records the copy', async () => {
    const res = await copy({ slug: 'edition-vii-b', ...nextTimeline(base) });
    expect(res.status).toBe(201);
    const id = res.body.id;
    expect(res.body.nameI18n).toEqual(source.nameI18n);
    expect(await countFor('registrations', source.id)).toBe(1);
    expect(await countFor('teams', source.id)).toBe(1);
    expect(await countFor('announcements', source.id)).toBe(1);
    for (const table of [
      'registrations',
      'teams',
      'team_members',
      'submissions',
      'score_sheets',
      'jurors',
      'awards',
      'announcements',
      'assignments',
    ])
      expect([table, await countFor(table, id)]).toEqual([table, 0]);
    const log = await must(t, 'GET', `/api/editions/${id}/audit?action=edition.copied`, {
      token: organizer.token,
    });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      actorId: organizer.id,
      entityId: id,
      after: {
        from: source.id,
        slug: 'edition-vii-b',
        tracks: 2,
        challenges: 2,
        criteria: 2,
        published: false,
      },
    });
  });

  it('refuses a taken slug, a broken timeline, an unknown edition and non-organizers, writing nothing', async () => {
    const editions = async () => (await t.db.query('SELECT count(*)::int AS n FROM editions'))[0].n as number;
    const before = await editions();
    const taken = await copy({ slug: 'edition-vi', ...nextTimeline(base) });
    expect([taken.status, taken.body.code]).toEqual([409, 'NAME_TAKEN']);
    const broken = await copy({
      slug: 'edition-x',
      ...nextTimeline(base),
      judgingEndsAt: at(24 * 311, base),
    });
    expect([broken.status, broken.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(broken.body.message).toMatch(/judgingEndsAt/);
    const missing = await copy({ slug: 'edition-x' });
    expect([missing.status, missing.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const extra = await copy({ slug: 'edition-x', ...nextTimeline(base), teams: true });
    expect([extra.status, extra.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const unknown = await copy(
      { slug: 'edition-x', ...nextTimeline(base) },
      '00000000-0000-4000-8000-000000000000',
    );
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    const someone = await signUp(t, 'Someone');
    const refused = await copy({ slug: 'edition-x', ...nextTimeline(base) }, source.id, someone.token);
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await editions()).toBe(before);
  });
});
