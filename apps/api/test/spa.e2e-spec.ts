import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from './helpers/app';

describe('serving the built web app on the API port', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-web-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>spa</title>');
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    t = await createTestApp({ env: { WEB_DIST: dist } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html for the SPA routes', async () => {
    for (const p of ['/', '/editions/challenge-accepted-vi', '/login?next=%2F']) {
      const res = await t.request('GET', p);
      expect(res.status).toBe(200);
      expect(String(res.body)).toContain('<title>spa</title>');
    }
  });

  it('serves assets as files and a missing asset as 404', async () => {
    expect((await t.request('GET', '/assets/app.js')).status).toBe(200);
    expect((await t.request('GET', '/assets/missing.js')).status).toBe(404);
  });

  it('keeps /api answering JSON, never the SPA', async () => {
    const res = await t.request('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
