/** A `fetch` that answers by method and path, recording every call; unknown routes fail loudly. */
export type Route = (init: RequestInit | undefined) => Response | Promise<Response>;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** Who is signed in: nobody, unless a test answers `GET /api/auth/session` itself (`signedIn` in test/auth-fixtures.ts). */
const SIGNED_OUT: Record<string, Route> = {
  'GET /api/auth/session': () => json(200, { user: null }),
};

export function stubFetch(givenRoutes: Record<string, Route>) {
  const routes = { ...SIGNED_OUT, ...givenRoutes };
  const calls: { method: string; url: string }[] = [];
  const fetchStub = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? 'GET';
    calls.push({ method, url });
    const route = routes[`${method} ${url}`];
    if (!route) throw new Error(`Unexpected request in test: ${method} ${url}`);
    return route(init);
  });
  globalThis.fetch = fetchStub as unknown as typeof fetch;
  return { fetch: fetchStub, calls };
}
