import { createTestApp, type TestApp } from './helpers/app';

describe('error shape of docs/api.md', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers an unknown route with 404 NOT_FOUND', async () => {
    const res = await t.request('GET', '/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED naming the body', async () => {
    const res = await t.request('POST', '/api/editions', {
      raw: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(/body/i);
  });

  it('answers a body over 1 MiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.request('POST', '/api/editions', {
      body: { description: 'x'.repeat(1024 * 1024 + 10) },
    });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.request('GET', '/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/health']).toBeDefined();
    expect(res.body.paths['/api/editions/{id}']).toBeDefined();
  });
});
