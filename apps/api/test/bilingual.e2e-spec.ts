import { DEFAULT_CRITERIA } from '@ca/shared';
import { createTestApp, type TestApp } from './helpers/app';
import { createEdition, editionBody } from './helpers/editions';
import { signUpOrganizer, type TestUser } from './helpers/users';
import { SeedService } from '../src/modules/seed/seed.service';
import { DEMO_EDITION_SLUG } from '../src/modules/seed/demo-data';

const RO = { 'accept-language': 'ro-RO,ro;q=0.9,en;q=0.5' };
const EN = { 'accept-language': 'en-GB,en;q=0.9' };

/**
 * Texts in two languages (issue 9): editions, tracks, challenges and criteria are written in
 * English and Romanian, answered in the reader's language with the other as fallback, and old
 * clients' plain-field bodies keep working (stored as the request's language).
 */
describe('texts in two languages', () => {
  let t: TestApp;
  let org: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    org = await signUpOrganizer(t);
  });
  afterAll(() => t.close());

  const as = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.request(method, path, { token: org.token, body, headers });

  it('answers each text in the reader language, with both languages beside it', async () => {
    const res = await as('POST', '/api/editions', {
      ...editionBody(),
      name: undefined,
      nameI18n: { en: 'Spring edition', ro: 'Ediția de primăvară' },
      descriptionI18n: { en: 'Forty-eight hours', ro: 'Patruzeci și opt de ore' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Spring edition',
      nameI18n: { en: 'Spring edition', ro: 'Ediția de primăvară' },
      descriptionI18n: { en: 'Forty-eight hours', ro: 'Patruzeci și opt de ore' },
    });
    const ro = await t.request('GET', `/api/editions/${res.body.id}`, { headers: RO });
    expect(ro.body).toMatchObject({ name: 'Ediția de primăvară', description: 'Patruzeci și opt de ore' });
    const en = await t.request('GET', `/api/editions/${res.body.id}`, { headers: EN });
    expect(en.body).toMatchObject({ name: 'Spring edition', description: 'Forty-eight hours' });
    // No header: English.
    expect((await t.request('GET', `/api/editions/${res.body.id}`)).body.name).toBe('Spring edition');
    // The list too.
    const list = await t.request('GET', '/api/editions', { token: org.token, headers: RO });
    expect(list.body.items.find((e: { id: string }) => e.id === res.body.id).name).toBe(
      'Ediția de primăvară',
    );
  });

  it('falls back to the other language where the reader one is empty', async () => {
    const e = await createEdition(t, org, { name: undefined, nameI18n: { ro: 'Doar în română' } });
    expect((await t.request('GET', `/api/editions/${e.id}`, { headers: EN })).body).toMatchObject({
      name: 'Doar în română',
      nameI18n: { en: '', ro: 'Doar în română' },
    });
    const track = await as('POST', `/api/editions/${e.id}/tracks`, {
      slug: 'health',
      nameI18n: { en: 'Health' },
      descriptionI18n: { ro: 'Provocări medicale' },
    });
    expect(track.status).toBe(201);
    const ro = await t.request('GET', `/api/editions/${e.id}`, { headers: RO });
    expect(ro.body.tracks[0]).toMatchObject({
      name: 'Health',
      description: 'Provocări medicale',
      nameI18n: { en: 'Health', ro: '' },
    });
    const en = await t.request('GET', `/api/editions/${e.id}`, { headers: EN });
    expect(en.body.tracks[0]).toMatchObject({ name: 'Health', description: 'Provocări medicale' });
  });

  it("stores an old client's plain field as the request language (English without a header)", async () => {
    const e = await createEdition(t, org);
    expect(e.nameI18n).toEqual({ en: 'Test edition', ro: '' });
    // An organizer using the Romanian interface of an old client.
    const track = await as('POST', `/api/editions/${e.id}/tracks`, { name: 'Turism', slug: 'turism' }, RO);
    expect(track.status).toBe(201);
    expect(track.body).toMatchObject({ name: 'Turism', nameI18n: { en: '', ro: 'Turism' } });
    // An English reader sees the Romanian name rather than nothing.
    expect((await t.request('GET', `/api/editions/${e.id}`)).body.tracks[0].name).toBe('Turism');

    // A plain PATCH changes only the request language; the other stays.
    const patched = await as('PATCH', `/api/tracks/${track.body.id}`, { name: 'Tourism' });
    expect(patched.body.nameI18n).toEqual({ en: 'Tourism', ro: 'Turism' });
    const edition = await as('PATCH', `/api/editions/${e.id}`, { name: 'Ediție de test' }, RO);
    expect(edition.status).toBe(200);
    expect(edition.body).toMatchObject({
      name: 'Ediție de test',
      nameI18n: { en: 'Test edition', ro: 'Ediție de test' },
    });
    // `…I18n` wins over the plain field for the languages it names.
    const both = await as('PATCH', `/api/editions/${e.id}`, {
      name: 'Ignored for en',
      nameI18n: { en: 'Test edition II' },
    });
    expect(both.body.nameI18n).toEqual({ en: 'Test edition II', ro: 'Ediție de test' });
  });

  it('refuses a required text empty in both languages with 400, and changes nothing', async () => {
    const e = await createEdition(t, org);
    const none = await as('POST', '/api/editions', { ...editionBody(), name: undefined });
    expect([none.status, none.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(none.body.message).toContain('name');
    const blank = await as('POST', '/api/editions', {
      ...editionBody(),
      name: undefined,
      nameI18n: { en: ' ' },
    });
    expect(blank.status).toBe(400);
    const cleared = await as('PATCH', `/api/editions/${e.id}`, { nameI18n: { en: '' } });
    expect([cleared.status, cleared.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(cleared.body.message).toContain('name');
    expect((await as('GET', `/api/editions/${e.id}`)).body.nameI18n).toEqual({ en: 'Test edition', ro: '' });
    // Emptying one language is fine while the other has text.
    const ro = await as('PATCH', `/api/editions/${e.id}`, { nameI18n: { en: '', ro: 'Ediție' } });
    expect(ro.body).toMatchObject({ name: 'Ediție', nameI18n: { en: '', ro: 'Ediție' } });
    const track = await as('POST', `/api/editions/${e.id}/tracks`, { slug: 'x', nameI18n: { ro: '' } });
    expect(track.status).toBe(400);
    const challengeless = await as('POST', `/api/editions/${e.id}/tracks`, { slug: 'y', name: 'Y' });
    const challenge = await as('POST', `/api/tracks/${challengeless.body.id}/challenges`, { titleI18n: {} });
    expect(challenge.status).toBe(400);
  });

  it('keeps challenges, sponsors and prizes in both languages; a plain null sponsor means none', async () => {
    const e = await createEdition(t, org);
    const track = await as('POST', `/api/editions/${e.id}/tracks`, { name: 'Health', slug: 'health' });
    const created = await as('POST', `/api/tracks/${track.body.id}/challenges`, {
      titleI18n: { en: 'Medication adherence', ro: 'Aderența la tratament' },
      descriptionI18n: { en: 'Right dose, right time', ro: 'Doza potrivită, la timp' },
      sponsorI18n: { en: 'Regional Pharmacy Network', ro: 'Rețeaua Regională de Farmacii' },
      prizeI18n: { en: '3,000 EUR' },
    });
    expect(created.status).toBe(201);
    const ro = await t.request('GET', `/api/editions/${e.id}`, { headers: RO });
    expect(ro.body.tracks[0].challenges[0]).toMatchObject({
      title: 'Aderența la tratament',
      description: 'Doza potrivită, la timp',
      sponsor: 'Rețeaua Regională de Farmacii',
      prize: '3,000 EUR',
      prizeI18n: { en: '3,000 EUR', ro: '' },
    });
    // An old client's "no sponsor".
    const cleared = await as('PATCH', `/api/challenges/${created.body.id}`, { sponsor: null });
    expect(cleared.body).toMatchObject({ sponsor: null, sponsorI18n: { en: '', ro: '' } });
    const row: { sponsor: string | null }[] = await t.db.query(
      'SELECT sponsor FROM challenges WHERE id = $1',
      [created.body.id],
    );
    expect(row[0]!.sponsor).toBeNull();
    // Old bodies without any text but the title still work.
    const plain = await as('POST', `/api/tracks/${track.body.id}/challenges`, { title: 'Triage' });
    expect(plain.body).toMatchObject({ title: 'Triage', description: '', sponsor: null, prize: null });
  });

  it('gives new editions the default criteria in both languages; an English-only PUT keeps the Romanian', async () => {
    const e = await createEdition(t, org);
    const ro = await t.request('GET', `/api/editions/${e.id}`, { token: org.token, headers: RO });
    expect(ro.body.criteria.map((c: { name: string }) => c.name)).toEqual([
      'Inovație',
      'Impact',
      'Execuție tehnică',
      'Prezentare',
    ]);
    // An old client saves the list with English names only, one renamed.
    const body = DEFAULT_CRITERIA.map((c, i) => ({
      name: i === 0 ? 'Originality' : c.name,
      description: c.description,
      weight: c.weight,
      min: c.min,
      max: c.max,
    }));
    const put = await as('PUT', `/api/editions/${e.id}/criteria`, body);
    expect(put.status).toBe(200);
    expect(put.body[0].nameI18n).toEqual({ en: 'Originality', ro: 'Inovație' });
    expect(put.body[2].nameI18n).toEqual({ en: 'Technical execution', ro: 'Execuție tehnică' });
    // A new criterion's language not given is empty; the Romanian reader falls back to English.
    const longer = await as('PUT', `/api/editions/${e.id}/criteria`, [
      ...body,
      { nameI18n: { en: 'Feasibility' }, weight: 2, min: 0, max: 5 },
    ]);
    expect(longer.body[4]).toMatchObject({ nameI18n: { en: 'Feasibility', ro: '' }, weight: 2 });
    const reread = await t.request('GET', `/api/editions/${e.id}`, { token: org.token, headers: RO });
    expect(reread.body.criteria[4].name).toBe('Feasibility');
    expect(reread.body.criteria[1].name).toBe('Impact');
  });

  it('keeps track names unique within the edition in each language; an empty language is not compared', async () => {
    const e = await createEdition(t, org);
    const a = await as('POST', `/api/editions/${e.id}/tracks`, {
      slug: 'a',
      nameI18n: { en: 'Health', ro: 'Sănătate' },
    });
    expect(a.status).toBe(201);
    const sameRo = await as('POST', `/api/editions/${e.id}/tracks`, {
      slug: 'b',
      nameI18n: { en: 'Wellbeing', ro: 'SĂNĂTATE ' },
    });
    expect([sameRo.status, sameRo.body.code]).toEqual([409, 'NAME_TAKEN']);
    // Two tracks named in one language only each.
    const roOnly1 = await as('POST', `/api/editions/${e.id}/tracks`, {
      slug: 'c',
      nameI18n: { ro: 'Turism' },
    });
    const roOnly2 = await as('POST', `/api/editions/${e.id}/tracks`, {
      slug: 'd',
      nameI18n: { ro: 'Mediu' },
    });
    const enOnly = await as('POST', `/api/editions/${e.id}/tracks`, {
      slug: 'e',
      nameI18n: { en: 'Tourism' },
    });
    expect([roOnly1.status, roOnly2.status, enOnly.status]).toEqual([201, 201, 201]);
    const clash = await as('PATCH', `/api/tracks/${roOnly2.body.id}`, { nameI18n: { ro: 'turism' } });
    expect([clash.status, clash.body.code]).toEqual([409, 'NAME_TAKEN']);
    // Renaming a track to its own name in another case is no clash.
    const recase = await as('PATCH', `/api/tracks/${a.body.id}`, { nameI18n: { ro: 'SĂNĂTATE' } });
    expect(recase.status).toBe(200);
  });

  it('seeds the demo edition in both languages, Romanian with ș and ț (comma below)', async () => {
    await t.app.get(SeedService).seedDemo();
    const ro = await t.request('GET', `/api/editions/${DEMO_EDITION_SLUG}`, { headers: RO });
    expect(ro.body.name).toBe('Challenge Accepted — ediția a VI-a');
    expect(ro.body.tracks.map((tr: { name: string }) => tr.name)).toEqual([
      'Sănătate',
      'Mediu și ecologie',
      'Turism',
    ]);
    const texts = JSON.stringify(ro.body);
    expect(texts).toMatch(/[șț]/);
    expect(texts).not.toMatch(/[şţŞŢ]/);
    for (const track of ro.body.tracks) {
      expect(track.nameI18n.en).not.toBe('');
      expect(track.descriptionI18n.ro).not.toBe('');
      for (const c of track.challenges) expect(c.titleI18n.ro).not.toBe('');
    }
    const en = await t.request('GET', `/api/editions/${DEMO_EDITION_SLUG}`);
    expect(en.body.name).toBe('Challenge Accepted — VI edition');
  });
});
