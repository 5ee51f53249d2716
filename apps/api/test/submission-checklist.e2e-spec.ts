import { SUBMISSION_DESCRIPTION_MIN_LENGTH } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import {
  createTeam,
  createWorld,
  rowCount,
  type SubmissionWorld,
  type TestTeam,
} from './helpers/submission-fixtures';
import { signUp } from './helpers/users';

/**
 * The submission checklist (issue 9): an edition may require items on submit (none by default);
 * a draft with only a title always saves; submit answers 409 SUBMISSION_INCOMPLETE naming what is
 * missing; the checklist endpoint says what the project lacks.
 */
describe('submission checklist and required items', () => {
  let t: TestApp;
  let w: SubmissionWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const path = (team: TestTeam, rest = '') => `/api/teams/${team.id}/submission${rest}`;
  const asOrg = (method: string, url: string, body?: unknown) =>
    t.request(method, url, { token: w.organizer.token, body });
  const requireItems = (requirements: Record<string, unknown>) =>
    asOrg('PATCH', `/api/editions/${w.editionId}`, { submissionRequirements: requirements });
  const checklist = async (team: TestTeam, token = team.members[0]!.token) => {
    const res = await t.request('GET', path(team, '/checklist'), { token });
    expect(res.status).toBe(200);
    return res.body as {
      items: { key: string; done: boolean; required: boolean }[];
      missing: string[];
      ready: boolean;
    };
  };
  const longText = 'A useful description. '.repeat(Math.ceil(SUBMISSION_DESCRIPTION_MIN_LENGTH / 20));

  it('requires nothing by default: a project with only a title saves and submits', async () => {
    const edition = await asOrg('GET', `/api/editions/${w.editionId}`);
    expect(edition.body.submissionRequirements).toEqual({
      description: false,
      repoUrl: false,
      demoUrl: false,
      videoUrl: false,
      challenge: false,
    });
    const team = await createTeam(t, w);
    const token = team.members[0]!.token;
    expect((await t.request('PUT', path(team), { token, body: { title: 'Only a title' } })).status).toBe(200);
    const list = await checklist(team);
    expect(list).toEqual({
      items: [
        { key: 'description', done: false, required: false },
        { key: 'repoUrl', done: false, required: false },
        { key: 'demoUrl', done: false, required: false },
        { key: 'videoUrl', done: false, required: false },
        { key: 'challenge', done: false, required: false },
      ],
      missing: [],
      ready: true,
    });
    expect((await t.request('POST', path(team, '/submit'), { token })).status).toBe(200);
  });

  it('lets organizers require items (PATCH merges the items named), audited', async () => {
    const res = await requireItems({ repoUrl: true, description: true });
    expect(res.status).toBe(200);
    expect(res.body.submissionRequirements).toMatchObject({
      repoUrl: true,
      description: true,
      demoUrl: false,
    });
    const more = await requireItems({ challenge: true });
    expect(more.body.submissionRequirements).toEqual({
      description: true,
      repoUrl: true,
      demoUrl: false,
      videoUrl: false,
      challenge: true,
    });
    const [entry]: { before: unknown; after: unknown }[] = await t.db.query(
      `SELECT before, after FROM audit_entries WHERE action = 'edition.updated' AND edition_id = $1
        ORDER BY at DESC LIMIT 1`,
      [w.editionId],
    );
    expect(entry!.after).toEqual({ submissionRequirements: more.body.submissionRequirements });
    for (const bad of [{ slides: true }, { repoUrl: 'yes' }]) {
      const refused = await requireItems(bad);
      expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(refused.body.message).toContain('submissionRequirements');
    }
  });

  it('still saves a title-only draft, but refuses to submit it with 409 SUBMISSION_INCOMPLETE naming what is missing', async () => {
    await requireItems({
      repoUrl: true,
      description: true,
      challenge: true,
      demoUrl: false,
      videoUrl: false,
    });
    const team = await createTeam(t, w);
    const token = team.members[0]!.token;
    const saved = await t.request('PUT', path(team), { token, body: { title: 'Draft' } });
    expect(saved.status).toBe(200);
    const versions = await rowCount(t, 'submission_versions');
    const refused = await t.request('POST', path(team, '/submit'), { token });
    expect([refused.status, refused.body.code]).toEqual([409, 'SUBMISSION_INCOMPLETE']);
    expect(refused.body.details.missing).toEqual(['description', 'repoUrl', 'challenge']);
    expect(refused.body.message).toMatch(/description.*repository.*challenge/);
    expect((await t.request('GET', path(team), { token })).body).toMatchObject({
      status: 'draft',
      version: 1,
    });
    expect(await rowCount(t, 'submission_versions')).toBe(versions);

    expect((await checklist(team)).missing).toEqual(['description', 'repoUrl', 'challenge']);
    // A short description does not count; a useful one does.
    await t.request('PUT', path(team), {
      token,
      body: { title: 'Draft', description: 'Too short', repoUrl: 'https://git.example/x' },
    });
    expect((await checklist(team)).missing).toEqual(['description', 'challenge']);
    await t.request('PUT', path(team), {
      token,
      body: {
        title: 'Draft',
        description: longText,
        repoUrl: 'https://git.example/x',
        challengeIds: [w.challenges.health[0]],
      },
    });
    const ready = await checklist(team);
    expect(ready).toMatchObject({ missing: [], ready: true });
    expect(ready.items.filter((i) => i.required).every((i) => i.done)).toBe(true);
    expect((await t.request('POST', path(team, '/submit'), { token })).body.status).toBe('submitted');
  });

  it('does not ask for a challenge in a track that has none', async () => {
    const bare = await asOrg('POST', `/api/editions/${w.editionId}/tracks`, { name: 'Bare', slug: 'bare' });
    const team = await createTeam(t, w, { trackId: bare.body.id });
    const token = team.members[0]!.token;
    await t.request('PUT', path(team), {
      token,
      body: { title: 'No challenges here', description: longText, repoUrl: 'https://git.example/y' },
    });
    const list = await checklist(team);
    expect(list.items.map((i) => i.key)).toEqual(['description', 'repoUrl', 'demoUrl', 'videoUrl']);
    expect(list.ready).toBe(true);
    expect((await t.request('POST', path(team, '/submit'), { token })).status).toBe(200);
  });

  it('answers the checklist to members and organizers only, also before the first save', async () => {
    const team = await createTeam(t, w);
    const empty = await checklist(team, w.organizer.token);
    expect(empty.items.every((i) => !i.done)).toBe(true);
    expect(empty.missing).toEqual(['description', 'repoUrl', 'challenge']);
    const stranger = await signUp(t);
    expect((await t.request('GET', path(team, '/checklist'), { token: stranger.token })).status).toBe(403);
    expect((await t.request('GET', path(team, '/checklist'))).status).toBe(401);
    expect(
      (
        await t.request('GET', '/api/teams/00000000-0000-4000-8000-000000000000/submission/checklist', {
          token: w.organizer.token,
        })
      ).status,
    ).toBe(404);
  });
});
