import { ApiError, http } from './http';
import { i18n } from './i18n';
import { json, stubFetch } from '../test/fetch-stub';

describe('http client', () => {
  it('prefixes /api, sends cookies and answers the parsed JSON', async () => {
    const { fetch } = stubFetch({ 'GET /api/health': () => json(200, { status: 'ok', db: 'ok' }) });

    await expect(http.get('/health')).resolves.toEqual({ status: 'ok', db: 'ok' });
    const init = fetch.mock.calls[0]![1]!;
    expect(init.credentials).toBe('include');
    expect(init.headers).toMatchObject({ Accept: 'application/json' });
  });

  it('asks for content in the UI language (Accept-Language), following a switch', async () => {
    const { fetch } = stubFetch({ 'GET /api/editions': () => json(200, { items: [], nextCursor: null }) });

    await http.get('/editions');
    expect(fetch.mock.calls[0]![1]!.headers).toMatchObject({ 'Accept-Language': 'en' });
    await i18n.changeLanguage('ro');
    try {
      await http.get('/editions');
      expect(fetch.mock.calls[1]![1]!.headers).toMatchObject({ 'Accept-Language': 'ro' });
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('sends a body as JSON', async () => {
    const { fetch } = stubFetch({ 'POST /api/teams/join': () => json(200, { id: 't1' }) });

    await http.post('/teams/join', { inviteCode: 'ABC123' });
    const init = fetch.mock.calls[0]![1]!;
    expect(init.body).toBe('{"inviteCode":"ABC123"}');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it("turns the API's error body into an ApiError with its status, code and message", async () => {
    stubFetch({
      'GET /api/editions/nope': () =>
        json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'Edition nope not found' }),
    });

    const error = await http.get('/editions/nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'Edition nope not found' });
    expect((error as ApiError).i18nKey).toBe('errors.NOT_FOUND');
  });

  it('keeps the details an error carries', async () => {
    const current = { version: 4, title: 'Latest' };
    stubFetch({
      'PUT /api/teams/t1/submission': () =>
        json(409, { statusCode: 409, code: 'STALE_VERSION', message: 'stale', details: current }),
    });

    await expect(http.put('/teams/t1/submission', { title: 'Mine', baseVersion: 3 })).rejects.toMatchObject({
      status: 409,
      code: 'STALE_VERSION',
      details: current,
    });
  });

  it('turns a network failure into a NETWORK_ERROR that has a translation', async () => {
    globalThis.fetch = jest.fn().mockRejectedValue(new TypeError('Failed to fetch'));

    const error = await http.get('/editions').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    const key = (error as ApiError).i18nKey;
    expect(i18n.exists(key, { lng: 'en' })).toBe(true);
    expect(i18n.exists(key, { lng: 'ro' })).toBe(true);
    expect(i18n.getFixedT('en')(key as 'errors.NETWORK_ERROR')).toBe(
      'Cannot reach the server. Check your connection and try again.',
    );
  });

  it('lets a cancelled request fail as an abort, not as a network error', async () => {
    const controller = new AbortController();
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    globalThis.fetch = jest.fn().mockImplementation(() => {
      controller.abort();
      return Promise.reject(abort);
    });

    await expect(http.get('/editions', { signal: controller.signal })).rejects.toBe(abort);
  });

  it('picks the code from the status when the body is not the API’s (a proxy page)', async () => {
    stubFetch({
      'GET /api/editions': () =>
        new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
      'GET /api/missing': () => new Response('<html>Not found</html>', { status: 404 }),
    });

    await expect(http.get('/editions')).rejects.toMatchObject({ status: 502, code: 'NETWORK_ERROR' });
    await expect(http.get('/missing')).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('refuses a successful answer that is not JSON', async () => {
    stubFetch({ 'GET /api/editions': () => new Response('<!doctype html><html></html>', { status: 200 }) });

    await expect(http.get('/editions')).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('answers undefined for 204 No Content', async () => {
    stubFetch({ 'POST /api/auth/logout': () => new Response(null, { status: 204 }) });

    await expect(http.post('/auth/logout')).resolves.toBeUndefined();
  });
});
