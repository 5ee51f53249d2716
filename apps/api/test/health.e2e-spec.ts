import { createTestApp, type TestApp } from './helpers/app';
import { adminQuery } from './helpers/databases';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers ok while the database answers', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'ok' });
  });

  it('answers 503 when the database is gone', async () => {
    const dbName = new URL(t.config.databaseUrl).pathname.slice(1);
    await adminQuery(process.env.CA_TEST_ADMIN_URL!, `DROP DATABASE "${dbName}" WITH (FORCE)`);
    const res = await t.request('GET', '/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'error', db: 'down' });
  });
});
