import { TeamOverviewSchema } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import {
  createTeam,
  createWorld,
  draft,
  type SubmissionWorld,
  type TestTeam,
} from './helpers/submission-fixtures';
import { signUp } from './helpers/users';

/**
 * The organizers' teams list (issue 9): every team with its project's state, teams without a
 * project shown as such, filterable and paginated.
 */
describe('organizers: teams with the state of their project', () => {
  let t: TestApp;
  let w: SubmissionWorld;
  const teams: Record<string, TestTeam> = {};

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    teams.alpha = await createTeam(t, w, { name: 'Alpha', size: 2 });
    teams.bravo = await createTeam(t, w, { name: 'Bravo', size: 1, trackId: w.tracks.tourism });
    teams.charlie = await createTeam(t, w, { name: 'Charlie', size: 1 });
    teams.delta = await createTeam(t, w, { name: 'Delta', size: 1 });
    const save = (team: TestTeam, title: string) =>
      t.request('PUT', `/api/teams/${team.id}/submission`, {
        token: team.members[0]!.token,
        body: draft(title),
      });
    await save(teams.alpha, 'Alpha project');
    await t.request('POST', `/api/teams/${teams.alpha.id}/submission/submit`, {
      token: teams.alpha.members[0]!.token,
    });
    await save(teams.bravo, 'Bravo draft');
    // Charlie and Delta have not started.
  });
  afterAll(() => t.close());

  const list = async (query = '') => {
    const res = await t.request('GET', `/api/editions/${w.editionId}/teams/projects${query}`, {
      token: w.organizer.token,
    });
    expect(res.status).toBe(200);
    return res.body as { items: { name: string; project: { state: string } }[]; nextCursor: string | null };
  };
  const names = async (query = '') => (await list(query)).items.map((i) => i.name);

  it('lists every team with its project: submitted, draft, or none for teams that have not started', async () => {
    const page = await list();
    const items = page.items.map((i) => TeamOverviewSchema.parse(i));
    expect(items.map((i) => [i.name, i.project.state])).toEqual([
      ['Alpha', 'submitted'],
      ['Bravo', 'draft'],
      ['Charlie', 'none'],
      ['Delta', 'none'],
    ]);
    expect(items[0]!.project).toMatchObject({
      title: 'Alpha project',
      submissionId: expect.any(String),
      submittedAt: expect.any(String),
      disqualified: false,
    });
    expect(items[2]!.project).toEqual({
      state: 'none',
      submissionId: null,
      title: null,
      updatedAt: null,
      submittedAt: null,
      disqualified: false,
    });
    // Organizers see contacts and codes, as in the teams list.
    expect(items[0]!.members[0]!.email).toBeDefined();
    expect(items[0]!.inviteCode).not.toBeNull();
  });

  it('filters by project state, track, free places and name, and pages', async () => {
    expect(await names('?project=none')).toEqual(['Charlie', 'Delta']);
    expect(await names('?project=draft')).toEqual(['Bravo']);
    expect(await names('?project=submitted')).toEqual(['Alpha']);
    expect(await names(`?trackId=${w.tracks.tourism}`)).toEqual(['Bravo']);
    expect(await names('?q=ha')).toEqual(['Alpha', 'Charlie']);
    expect(await names('?q=%25')).toEqual([]);
    expect(await names('?project=none&q=del')).toEqual(['Delta']);
    expect(await names('?hasFreePlaces=true')).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = await list(
        `?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((i) => i.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
  });

  it('is for organizers only and refuses bad queries naming the parameter', async () => {
    const member = teams.alpha.members[0]!;
    const path = `/api/editions/${w.editionId}/teams/projects`;
    expect((await t.request('GET', path, { token: member.token })).status).toBe(403);
    expect((await t.request('GET', path, { token: (await signUp(t)).token })).status).toBe(403);
    expect((await t.request('GET', path)).status).toBe(401);
    const bad = await t.request('GET', `${path}?project=maybe`, { token: w.organizer.token });
    expect([bad.status, bad.body.message]).toEqual([400, expect.stringContaining('project')]);
  });
});
