import { AuditEntrySchema } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { must } from './helpers/judging';
import { signUp, signUpOrganizer } from './helpers/users';

/** The audit log as the console shows it (issue 13): each entry names its actor. */
describe('audit entries name their actor', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("gives the actor's current name, null for an entry without an actor", async () => {
    const organizer = await signUpOrganizer(t);
    const user = await signUp(t, 'To be disabled');
    await must(t, 'POST', `/api/users/${user.id}/disable`, { token: organizer.token });
    await t.db.query(
      `INSERT INTO audit_entries (edition_id, actor_id, action, entity, entity_id, before, after)
       VALUES (NULL, NULL, 'system.tested', 'system', 'x', NULL, NULL)`,
    );
    const page = await must(t, 'GET', '/api/audit?limit=100', { token: organizer.token });
    const items = (page.items as unknown[]).map((i) => AuditEntrySchema.parse(i));
    const disabled = items.find((i) => i.action === 'user.disabled' && i.entityId === user.id);
    expect(disabled).toMatchObject({ actorId: organizer.id, actorName: expect.any(String) });
    const [{ name }] = await t.db.query('SELECT name FROM users WHERE id = $1', [organizer.id]);
    expect(disabled!.actorName).toBe(name);
    expect(items.find((i) => i.action === 'system.tested')).toMatchObject({ actorId: null, actorName: null });
  });
});
