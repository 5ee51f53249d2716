import { EditionSchema } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { count, createEdition, editionBody, timeline } from './helpers/editions';
import { signUpOrganizer, type TestUser } from './helpers/users';

const RO = { 'accept-language': 'ro-RO,ro;q=0.9,en;q=0.5' };
const EN = { 'accept-language': 'en-GB,en;q=0.9' };

/** Where an edition takes place (issue 9): `venue` in the reader's language, `venueI18n` beside it. */
describe('the edition venue', () => {
  let t: TestApp;
  let org: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    org = await signUpOrganizer(t);
  });
  afterAll(() => t.close());

  const as = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.request(method, path, { token: org.token, body, headers });

  it('is empty when not given, and answered in the reader language with the other as fallback', async () => {
    const plain = await createEdition(t, org);
    expect(plain).toMatchObject({ venue: '', venueI18n: { en: '', ro: '' } });
    expect(EditionSchema.parse(plain).venue).toBe('');

    const res = await as('POST', '/api/editions', {
      ...editionBody(),
      venueI18n: { en: 'Iași, Palas Campus', ro: 'Iași, Campusul Palas' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      venue: 'Iași, Palas Campus',
      venueI18n: { en: 'Iași, Palas Campus', ro: 'Iași, Campusul Palas' },
    });
    const ro = await t.request('GET', `/api/editions/${res.body.id}`, { headers: RO });
    expect(ro.body.venue).toBe('Iași, Campusul Palas');
    // Only in English: the Romanian reader gets the English text.
    const onlyEn = await as('POST', '/api/editions', { ...editionBody(), venue: 'Online' }, EN);
    expect(onlyEn.body.venueI18n).toEqual({ en: 'Online', ro: '' });
    expect((await t.request('GET', `/api/editions/${onlyEn.body.id}`, { headers: RO })).body.venue).toBe(
      'Online',
    );
    // In the list too.
    const list = await t.request('GET', '/api/editions', { headers: RO });
    expect(list.body.items.find((e: any) => e.id === res.body.id).venue).toBe('Iași, Campusul Palas');
  });

  it('a PATCH with the plain field changes the request language only, and is audited', async () => {
    const e = await createEdition(t, org, { venueI18n: { en: 'Iași', ro: 'Iași' } });
    const patched = await as('PATCH', `/api/editions/${e.id}`, { venue: 'Iași, Universitatea Tehnică' }, RO);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      venue: 'Iași, Universitatea Tehnică',
      venueI18n: { en: 'Iași', ro: 'Iași, Universitatea Tehnică' },
    });
    const [entry] = await t.db.query(
      `SELECT before, after FROM audit_entries WHERE edition_id = $1 AND action = 'edition.updated'`,
      [e.id],
    );
    expect(entry).toEqual({
      before: { venueI18n: { en: 'Iași', ro: 'Iași' } },
      after: { venueI18n: { en: 'Iași', ro: 'Iași, Universitatea Tehnică' } },
    });
    // The same text again changes nothing and records nothing.
    await as('PATCH', `/api/editions/${e.id}`, { venueI18n: { ro: 'Iași, Universitatea Tehnică' } });
    expect(await count(t, 'audit_entries', `edition_id = $1 AND action = 'edition.updated'`, [e.id])).toBe(1);
    // Cleared in both languages: the edition says no place.
    const cleared = await as('PATCH', `/api/editions/${e.id}`, { venueI18n: { en: '', ro: '' } });
    expect(cleared.body).toMatchObject({ venue: '', venueI18n: { en: '', ro: '' } });
  });

  it('refuses a venue over 200 characters or of another type (400 naming it), writing nothing', async () => {
    const e = await createEdition(t, org, { venue: 'Cluj' });
    for (const body of [
      { venue: 'x'.repeat(201) },
      { venueI18n: { ro: 'x'.repeat(201) } },
      { venue: 42 },
      { venueI18n: { de: 'Klausenburg' } },
    ]) {
      const res = await as('PATCH', `/api/editions/${e.id}`, body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.message).toContain('venue');
    }
    const created = await as('POST', '/api/editions', { ...editionBody(), venue: 'y'.repeat(201) });
    expect(created.status).toBe(400);
    expect((await t.request('GET', `/api/editions/${e.id}`)).body.venueI18n).toEqual({ en: 'Cluj', ro: '' });
  });

  it('is copied with the edition', async () => {
    const e = await createEdition(t, org, {
      venueI18n: { en: 'Iași, Palas Campus', ro: 'Iași, Campusul Palas' },
    });
    const next = timeline({}, Date.now() + 365 * 86_400_000);
    const res = await as('POST', `/api/editions/${e.id}/copy`, { slug: `copy-${Date.now()}`, ...next });
    expect(res.status).toBe(201);
    expect(res.body.venueI18n).toEqual({ en: 'Iași, Palas Campus', ro: 'Iași, Campusul Palas' });
  });
});
