import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers';
import { startTestServer, type TestServer } from './testing/test-server';

const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function expectSecurityHeaders(response: Response, what: string) {
  expect(response.headers.get('content-security-policy'), what).toBe(STRICT);
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
}

describe('security headers', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('are on every response: API, gateway refusals, errors and the sandbox', async () => {
    const requests: [string, RequestInit?][] = [
      ['/api/session'],
      ['/api/connections'],
      ['/api/connections/permit/upstream/v2/orgs'],
      ['/api/connections/permit/upstream/v2/nothing'],
      ['/api/nothing'],
      ['/api/session', { method: 'POST', body: '{}' }],
      ['/sandbox/permit/v2/orgs'],
      ['/sandbox'],
    ];
    for (const [path, init] of requests) {
      expectSecurityHeaders(await fetch(`${server.origin}${path}`, init), path);
    }
  });

  it('production allows no inline script; development allows what Vite needs', () => {
    expect(contentSecurityPolicy({ mode: 'production' })).toBe(STRICT);
    const dev = contentSecurityPolicy({ mode: 'development' });
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("frame-ancestors 'none'");
    expect(
      contentSecurityPolicy({ mode: 'production', imageOrigins: ['https://img.clerk.com'] }),
    ).toContain("img-src 'self' data: blob: https://img.clerk.com;");
  });

  it('keep a response’s own stricter policy, adding frame-ancestors, and cope with immutable headers', async () => {
    const app = new Hono();
    app.use('*', securityHeaders({ mode: 'production' }));
    app.get(
      '/image',
      () =>
        new Response('x', {
          headers: { 'content-security-policy': "default-src 'none'; sandbox" },
        }),
    );
    app.get('/redirect', () => Response.redirect('http://orgdeck.test/elsewhere', 302));
    const image = await app.fetch(new Request('http://orgdeck.test/image'));
    expect(image.headers.get('content-security-policy')).toBe(
      "default-src 'none'; sandbox; frame-ancestors 'none'",
    );
    expect(image.headers.get('x-frame-options')).toBe('DENY');
    const redirect = await app.fetch(new Request('http://orgdeck.test/redirect'));
    expect(redirect.status).toBe(302);
    expectSecurityHeaders(redirect, 'redirect');
  });
});
