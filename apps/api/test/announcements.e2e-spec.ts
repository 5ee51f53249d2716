import type { Announcement, AnnouncementDeleted } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { createEdition } from './helpers/editions';
import { connect, waitFor, type Client } from './helpers/live';
import { signUp, signUpOrganizer, type TestUser } from './helpers/users';

describe('announcements', () => {
  let t: TestApp;
  let organizer: TestUser;
  let participant: TestUser;
  let editionId: string;
  let screen: Client;
  const received: Announcement[] = [];
  const deleted: AnnouncementDeleted[] = [];

  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    organizer = await signUpOrganizer(t);
    participant = await signUp(t);
    editionId = (await createEdition(t, organizer)).id;
    screen = await connect(t.url);
    const ack = await screen.emitWithAck('screen:subscribe', { editionId });
    expect(ack).toMatchObject({ ok: true, state: { announcements: [], reveal: null } });
    screen.on('announcement', (a) => received.push(a));
    screen.on('announcement:deleted', (d) => deleted.push(d));
  });
  afterAll(async () => {
    screen?.disconnect();
    await t?.close();
  });

  const post = (message: unknown, token = organizer.token) =>
    t.request('POST', `/api/editions/${editionId}/announcements`, { token, body: { message } });

  it('an organizer posts one: 201, audited, and every screen gets it at once', async () => {
    const res = await post('  Pizza is in the lobby  ');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ editionId, message: 'Pizza is in the lobby' });
    expect(res.body.updatedAt).toBe(res.body.createdAt);
    const got = await waitFor(() => received.find((a) => a.id === res.body.id), 'the announcement event');
    expect(got).toEqual(res.body);
    const audit = await t.request('GET', `/api/editions/${editionId}/audit`, { token: organizer.token });
    expect(audit.body.items[0]).toMatchObject({
      action: 'announcement.posted',
      entityId: res.body.id,
      actorId: organizer.id,
      after: { message: 'Pizza is in the lobby' },
    });
  });

  it('refuses bad input and other roles, writing nothing', async () => {
    const before = (await t.request('GET', `/api/editions/${editionId}/announcements`)).body.items.length;
    expect((await post('   ')).body.code).toBe('VALIDATION_FAILED');
    expect((await post('x'.repeat(2001))).body.code).toBe('VALIDATION_FAILED');
    const extra = await t.request('POST', `/api/editions/${editionId}/announcements`, {
      token: organizer.token,
      body: { message: 'hi', pinned: true },
    });
    expect(extra.status).toBe(400);
    expect((await post('hello', participant.token)).status).toBe(403);
    expect(
      (await t.request('POST', `/api/editions/${editionId}/announcements`, { body: { message: 'x' } }))
        .status,
    ).toBe(401);
    expect(
      (
        await t.request('POST', `/api/editions/00000000-0000-4000-8000-000000000000/announcements`, {
          token: organizer.token,
          body: { message: 'x' },
        })
      ).status,
    ).toBe(404);
    expect((await t.request('GET', `/api/editions/${editionId}/announcements`)).body.items.length).toBe(
      before,
    );
  });

  it('edits one: the screens get the same id with the new text; the audit keeps before and after', async () => {
    const created = (await post('Demo at 15:00')).body;
    const res = await t.request('PATCH', `/api/announcements/${created.id}`, {
      token: organizer.token,
      body: { message: 'Demo at 15:30' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: created.id,
      message: 'Demo at 15:30',
      createdAt: created.createdAt,
    });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
    await waitFor(
      () => received.find((a) => a.id === created.id && a.message === 'Demo at 15:30'),
      'the edit event',
    );
    const audit = await t.request('GET', `/api/editions/${editionId}/audit`, { token: organizer.token });
    expect(audit.body.items[0]).toMatchObject({
      action: 'announcement.edited',
      before: { message: 'Demo at 15:00' },
      after: { message: 'Demo at 15:30' },
    });
    expect(
      (
        await t.request('PATCH', `/api/announcements/${created.id}`, {
          token: participant.token,
          body: { message: 'x' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.request('PATCH', `/api/announcements/00000000-0000-4000-8000-000000000000`, {
          token: organizer.token,
          body: { message: 'x' },
        })
      ).status,
    ).toBe(404);
  });

  it('deletes one: gone from the list, screens told, audited', async () => {
    const created = (await post('Wrong room')).body;
    expect(
      (await t.request('DELETE', `/api/announcements/${created.id}`, { token: participant.token })).status,
    ).toBe(403);
    const res = await t.request('DELETE', `/api/announcements/${created.id}`, { token: organizer.token });
    expect(res.status).toBe(204);
    await waitFor(() => deleted.find((d) => d.id === created.id), 'the deletion event');
    const list = await t.request('GET', `/api/editions/${editionId}/announcements?limit=500`);
    expect(list.body.items.map((a: Announcement) => a.id)).not.toContain(created.id);
    const audit = await t.request('GET', `/api/editions/${editionId}/audit`, { token: organizer.token });
    expect(audit.body.items[0]).toMatchObject({
      action: 'announcement.deleted',
      before: { message: 'Wrong room' },
    });
    expect(
      (await t.request('DELETE', `/api/announcements/${created.id}`, { token: organizer.token })).status,
    ).toBe(404);
  });

  it('lists newest first, a page at a time, every one exactly once', async () => {
    const ed = (await createEdition(t, organizer)).id;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push(
        (
          await t.request('POST', `/api/editions/${ed}/announcements`, {
            token: organizer.token,
            body: { message: `n${i}` },
          })
        ).body.id,
      );
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: Announcement[]; nextCursor: string | null } } =
        await t.request(
          'GET',
          `/api/editions/${ed}/announcements?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((a) => a.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    expect((await t.request('GET', `/api/editions/${ed}/announcements?cursor=garbage`)).status).toBe(400);
  });

  it('a screen that (re)subscribes gets the latest ones, newest first; drafts are the organizers alone', async () => {
    const late = await connect(t.url);
    try {
      const ack = await late.emitWithAck('screen:subscribe', { editionId });
      if (!ack.ok) throw new Error(ack.message);
      expect(ack.state.announcements.length).toBeGreaterThan(0);
      expect(ack.state.announcements.length).toBeLessThanOrEqual(5);
      const times = ack.state.announcements.map((a) => a.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
    } finally {
      late.disconnect();
    }
    const draft = (await createEdition(t, organizer, { published: false })).id;
    expect(
      (
        await t.request('POST', `/api/editions/${draft}/announcements`, {
          token: organizer.token,
          body: { message: 'soon' },
        })
      ).status,
    ).toBe(201);
    expect((await t.request('GET', `/api/editions/${draft}/announcements`)).status).toBe(404);
    expect(
      (await t.request('GET', `/api/editions/${draft}/announcements`, { token: participant.token })).status,
    ).toBe(404);
    expect(
      (await t.request('GET', `/api/editions/${draft}/announcements`, { token: organizer.token })).body.items,
    ).toHaveLength(1);
  });
});
