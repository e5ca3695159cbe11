import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp, type ServerApp } from '../app';
import { sandboxConnections } from '../config';
import { testConsoleSettings } from '../testing/test-server';
import { parseUpstreamPath } from './path';

/**
 * Fuzz over the gateway's path and header parsing (issue 12): whatever the path, host, origin
 * or headers, the server answers, never with a 5xx, and never throws. Bounded in count and time.
 */

const ORIGIN = 'http://127.0.0.1:4600';

const segment = fc.oneof(
  fc.constantFrom(
    'api',
    'connections',
    'upstream',
    'permit',
    'clerk',
    'kinde',
    'v1',
    'v2',
    'orgs',
    'organizations',
    '',
    '.',
    '..',
    '%2e%2e',
    '%2F',
    '%5C',
    '%00',
    '%',
    '%zz',
    '%E0%A4%A',
    'cl%65rk',
    '~',
    ';x',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }).map((text) => encodeURIComponent(text)),
);

const path = fc.oneof(
  fc.array(segment, { maxLength: 8 }).map((parts) => `/${parts.join('/')}`),
  fc
    .tuple(
      fc.constantFrom('permit', 'clerk', 'kinde', 'cl%65rk', 'nope'),
      fc.array(segment, { maxLength: 6 }),
    )
    .map(([id, rest]) => `/api/connections/${id}/upstream/${rest.join('/')}`),
);

const headerValue = fc.oneof(
  fc.constantFrom('', ' ', 'application/json', 'text/plain', '-1', '99999999999', 'null', ORIGIN),
  fc.string({ maxLength: 40 }).filter((text) => !/[\r\n\0]/.test(text)),
);

const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'),
  path,
  host: fc.constantFrom('127.0.0.1:4600', 'localhost:4600', 'attacker.example', '127.0.0.1:1'),
  headers: fc.dictionary(
    fc.constantFrom(
      'origin',
      'content-type',
      'x-csrf-token',
      'accept',
      'clerk-api-version',
      'authorization',
      'cookie',
      'x-forwarded-host',
      'sec-fetch-site',
    ),
    headerValue,
    { maxKeys: 4 },
  ),
  body: fc.option(fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ maxLength: 64 })), {
    nil: undefined,
  }),
});

describe('gateway fuzz', () => {
  let server: ServerApp;
  beforeAll(async () => {
    server = await createServerApp({
      connections: sandboxConnections(),
      sandboxDataDir: null,
      console: testConsoleSettings(),
      hostPolicy: { origins: [ORIGIN, 'http://localhost:4600'] },
      upstreamTimeoutMs: 2_000,
    });
  });
  afterAll(() => server.close());

  it('parses any path without throwing; accepted paths are canonical and stable', () => {
    fc.assert(
      fc.property(path, (pathname) => {
        const parsed = parseUpstreamPath(pathname);
        if (!parsed.ok) return;
        expect(parsed.vendorPath.startsWith('/')).toBe(true);
        expect(parsed.vendorPath).not.toMatch(/\/\//);
        const again = parseUpstreamPath(
          `/api/connections/${encodeURIComponent(parsed.connectionId)}/upstream${parsed.vendorPath}`,
        );
        expect(again).toEqual(parsed);
      }),
      { numRuns: 500 },
    );
  });

  it('answers every request, never with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path: pathname, host, headers, body }) => {
        let url: URL;
        try {
          url = new URL(pathname, `http://${host}`);
        } catch {
          return;
        }
        const init: RequestInit = { method, headers };
        if (body !== undefined && method !== 'GET' && method !== 'HEAD') init.body = body;
        let built: Request;
        try {
          built = new Request(url, init);
        } catch {
          // A request the platform itself refuses to build (a forbidden header value) is no input.
          return;
        }
        const response = await server.app.fetch(built);
        expect(response.status, `${method} ${url.href}`).toBeLessThan(500);
        await response.arrayBuffer();
      }),
      { numRuns: 200, interruptAfterTimeLimit: 15_000 },
    );
  }, 30_000);
});
