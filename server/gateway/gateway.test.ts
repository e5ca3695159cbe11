import { describe, expect, it, vi } from 'vitest';
import { GATEWAY_HEADER } from '../../src/api/http-client';
import { Auditor } from '../audit/auditor';
import { MemoryAuditStore } from '../audit/store';
import { OPEN_ACCESS } from '../auth/access';
import type { Connection } from '../config';
import { CredentialProvider } from './credentials';
import { createGateway } from './gateway';
import { clerkConnection } from './test-connection';
import { fakeClerkKey } from '../testing/fake-secrets';

const SECRET = fakeClerkKey('test', 'super_secret_value_123');

const clerk = clerkConnection(SECRET);

const fapi: Connection = {
  ...clerk,
  id: 'acme-fapi',
  provider: 'clerk-frontend',
  query: { _is_native: 'true' },
};

const kinde: Connection = {
  id: 'acme-kinde',
  label: 'Acme (Kinde)',
  provider: 'kinde',
  baseUrl: 'https://acme.kinde.test',
  sandbox: false,
  auth: {
    type: 'oauth2-client-credentials',
    tokenUrl: 'https://acme.kinde.test/oauth2/token',
    clientId: 'client-id',
    clientSecret: 'client-secret-value',
  },
  query: {},
};

type Upstream = (url: string, init: RequestInit) => Promise<Response>;

function setup(upstreamImpl: Upstream) {
  const upstream = vi.fn((url: string, init: RequestInit) => upstreamImpl(url, init));
  const app = createGateway({
    connections: [clerk, fapi, kinde],
    upstream,
    credentials: new CredentialProvider(upstream),
    access: () => OPEN_ACCESS,
  });
  const call = (path: string, init?: RequestInit) =>
    app.fetch(new Request(`http://orgdeck.test${path}`, init));
  return { upstream, call };
}

const ok = () => Promise.resolve(Response.json({ data: [], total_count: 0 }));

describe('gateway', () => {
  it('lists connections with their capabilities and never a secret', async () => {
    const { call } = setup(ok);
    const response = await call('/api/connections');
    const text = await response.text();
    const list = JSON.parse(text) as {
      id: string;
      provider: string;
      capabilities: { displayName: string };
    }[];
    expect(list.map((item) => item.id)).toEqual(['acme-clerk', 'acme-fapi', 'acme-kinde']);
    expect(list[0]?.capabilities.displayName).toBe('Clerk');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('client-secret-value');
  });

  it('forwards a known operation with the credential injected and the browser’s own credentials dropped', async () => {
    const { call, upstream } = setup(ok);
    const response = await call(
      '/api/connections/acme-clerk/upstream/v1/organizations?limit=5&query=acme',
      {
        headers: {
          authorization: 'Bearer from-the-browser',
          cookie: 'session=abc',
          'clerk-api-version': '2026-05-12',
          'x-forwarded-for': '1.2.3.4',
        },
      },
    );
    expect(response.status).toBe(200);
    const [url, init] = upstream.mock.calls[0] ?? [];
    expect(url).toBe('https://api.clerk.test/v1/organizations?limit=5&query=acme');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe(`Bearer ${SECRET}`);
    expect(headers.get('cookie')).toBeNull();
    expect(headers.get('x-forwarded-for')).toBeNull();
    expect(headers.get('clerk-api-version')).toBe('2026-05-12');
  });

  it('adds the connection’s fixed query parameters', async () => {
    const { call, upstream } = setup(ok);
    await call('/api/connections/acme-fapi/upstream/v1/me/organization_memberships?limit=10');
    expect(upstream.mock.calls[0]?.[0]).toBe(
      'https://api.clerk.test/v1/me/organization_memberships?limit=10&_is_native=true',
    );
  });

  it('refuses anything that is not a known operation, without calling the provider', async () => {
    const { call, upstream } = setup(ok);
    for (const [method, path] of [
      ['GET', '/api/connections/acme-clerk/upstream/v1/users/user_1/oauth_access_tokens/google'],
      ['POST', '/api/connections/acme-clerk/upstream/v1/organizations/org_1'],
    ] as const) {
      const response = await call(path, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get(GATEWAY_HEADER)).toBe('refused');
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('unknown_operation');
    }
    expect(upstream).not.toHaveBeenCalled();
  });

  it('refuses an ambiguous path (encoded slash or dots, repeated slashes) before matching', async () => {
    const { call, upstream } = setup(ok);
    for (const path of [
      '/api/connections/acme-clerk/upstream/v1/organizations/..%2F..%2Fusers',
      '/api/connections/acme-clerk/upstream//evil.test/v1/organizations',
      '/api/connections/acme-clerk/upstream//v1//organizations',
      '/api/connections/acme-clerk/upstream/v1/organizations/',
      '/api/connections/acme-clerk/upstream/v1/organizations/%2e%2e',
      '/api/connections/acme-clerk/upstream/v1/organizations/%E0%A4%A',
      '/api/connections/acme%2Fclerk/upstream/v1/organizations',
    ]) {
      const response = await call(path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get(GATEWAY_HEADER)).toBe('refused');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_path');
    }
    expect(upstream).not.toHaveBeenCalled();
  });

  it('splits the connection id and vendor path on the decoded path: encoded ids work', async () => {
    const { call, upstream } = setup(ok);
    const response = await call(
      '/api/connections/acme-cl%65rk/upstream/v1/%6Frganizations/org%5F1',
    );
    expect(response.status).toBe(200);
    expect(upstream).toHaveBeenCalledTimes(1);
    expect(upstream.mock.calls[0]?.[0]).toBe('https://api.clerk.test/v1/organizations/org_1');
  });

  it('refuses an unknown connection', async () => {
    const { call } = setup(ok);
    const response = await call('/api/connections/nope/upstream/v1/organizations');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'unknown_connection',
    );
  });

  it('passes the provider’s status, body and retry header back, but not its cookies', async () => {
    const { call } = setup(() =>
      Promise.resolve(
        Response.json(
          {
            errors: [
              { message: 'slow down', long_message: 'slow down', code: 'too_many_requests' },
            ],
          },
          {
            status: 429,
            headers: { 'retry-after': '7', 'set-cookie': 'tracker=1' },
          },
        ),
      ),
    );
    const response = await call('/api/connections/acme-clerk/upstream/v1/organizations');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get(GATEWAY_HEADER)).toBeNull();
    expect(await response.text()).toContain('slow down');
  });

  it('answers for an unreachable provider without leaking details', async () => {
    const { call } = setup(() => Promise.reject(new Error(`connect ECONNREFUSED with ${SECRET}`)));
    const response = await call('/api/connections/acme-clerk/upstream/v1/organizations');
    expect(response.status).toBe(502);
    expect(response.headers.get(GATEWAY_HEADER)).toBe('refused');
    const text = await response.text();
    expect(text).toContain('could not be reached');
    expect(text).not.toContain(SECRET);
  });

  it('refuses bodies over the limit', async () => {
    const { call, upstream } = setup(ok);
    const response = await call(
      '/api/connections/acme-clerk/upstream/v1/organizations/org_1/logo',
      {
        method: 'PUT',
        body: new Uint8Array(12 * 1024 * 1024 + 1),
      },
    );
    expect(response.status).toBe(413);
    expect(upstream).not.toHaveBeenCalled();
  });

  // 401 per RFC 6750; 403 is what Kinde's spec gives for invalid or expired credentials.
  it.each([401, 403])(
    'gets an OAuth2 token once, reuses it, and renews it once after a %i',
    async (status) => {
      let tokens = 0;
      let rejectNext = false;
      const { call, upstream } = setup((url, init) => {
        if (url.endsWith('/oauth2/token')) {
          tokens += 1;
          const body = new URLSearchParams(typeof init.body === 'string' ? init.body : '');
          expect(body.get('grant_type')).toBe('client_credentials');
          expect(body.get('client_secret')).toBe('client-secret-value');
          return Promise.resolve(
            Response.json({ access_token: `access-token-${tokens}`, expires_in: 3600 }),
          );
        }
        const auth = new Headers(init.headers).get('authorization');
        if (rejectNext && auth === 'Bearer access-token-1')
          return Promise.resolve(new Response(null, { status }));
        return Promise.resolve(Response.json({ code: 'OK', organizations: [], auth }));
      });
      await call('/api/connections/acme-kinde/upstream/api/v1/organizations');
      await call('/api/connections/acme-kinde/upstream/api/v1/organizations');
      expect(tokens).toBe(1);
      rejectNext = true;
      const response = await call('/api/connections/acme-kinde/upstream/api/v1/organizations');
      expect(response.status).toBe(200);
      const calls = upstream.mock.calls.filter(([url]) => !url.endsWith('/oauth2/token'));
      expect(calls).toHaveLength(4);
      expect(new Headers(calls[3]?.[1].headers).get('authorization')).toBe('Bearer access-token-2');
      expect(tokens).toBe(2);
      // The provider echoed the token it was sent; the browser never sees it.
      expect(((await response.json()) as { auth: string }).auth).toBe('Bearer [redacted]');
    },
  );

  it('redacts an echoed credential whatever the content type, in headers, and \\u-escaped', async () => {
    const escaped = Array.from(SECRET)
      .map((char, index) =>
        index % 2 === 0 ? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}` : char,
      )
      .join('');
    const answers: (() => Response)[] = [
      () =>
        new Response(new Uint8Array([0, 255, ...Buffer.from(`key=${SECRET};`), 1]), {
          headers: { 'content-type': 'application/octet-stream' },
        }),
      () => new Response(Buffer.from(`token ${SECRET}`)),
      () =>
        new Response(`{"echo":"${escaped}"}`, { headers: { 'content-type': 'application/json' } }),
      () =>
        new Response('{}', {
          status: 429,
          headers: {
            'content-type': 'application/json',
            'retry-after': SECRET,
            'ratelimit-limit': `100;${SECRET}`,
            'ratelimit-remaining': '0',
          },
        }),
    ];
    for (const answer of answers) {
      const { call } = setup(() => Promise.resolve(answer()));
      const response = await call('/api/connections/acme-clerk/upstream/v1/organizations');
      const bytes = Buffer.from(await response.arrayBuffer());
      const everything = `${[...response.headers].flat().join('\n')}\n${bytes.toString('latin1')}`;
      expect(everything).not.toContain(SECRET);
      expect(everything).not.toContain(escaped);
      expect(everything).toContain('[redacted]');
    }
    // Bytes around an echo stay as they were (binary answers are not re-encoded).
    const { call } = setup(() => Promise.resolve(answers[0]?.() ?? new Response()));
    const binary = Buffer.from(
      await (await call('/api/connections/acme-clerk/upstream/v1/organizations')).arrayBuffer(),
    );
    expect([...binary.subarray(0, 2)]).toEqual([0, 255]);
    expect(binary.subarray(2).toString('latin1')).toBe('key=[redacted];\u0001');
  });

  it('reports refused client credentials without echoing the token endpoint', async () => {
    const { call } = setup((url) =>
      url.endsWith('/oauth2/token')
        ? Promise.resolve(
            Response.json(
              { error: 'invalid_client', echo: 'client-secret-value' },
              { status: 401 },
            ),
          )
        : ok(),
    );
    const response = await call('/api/connections/acme-kinde/upstream/api/v1/organizations');
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(text).toContain('refused the client credentials');
    expect(text).not.toContain('client-secret-value');
  });

  it('audits a partly refused bulk answer without any secret or token in the reasons', async () => {
    const permit: Connection = {
      ...clerk,
      id: 'acme-permit',
      provider: 'permit',
      baseUrl: 'https://api.permit.test',
    };
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhYmNkZWZnaCJ9.c2lnbmF0dXJlX3ZhbHVl';
    const answer = {
      success: [{ id: 'i1', email: 'a@x.test', role: 'read' }],
      failed: [{ email: 'b@x.test', reason: `Rejected with key ${SECRET} and token ${jwt}` }],
    };
    const store = new MemoryAuditStore();
    const app = createGateway({
      connections: [permit],
      upstream: () => Promise.resolve(Response.json(answer)),
      credentials: new CredentialProvider(() => Promise.reject(new Error('unused'))),
      access: () => OPEN_ACCESS,
      auditor: new Auditor(store, () => undefined),
    });
    const response = await app.fetch(
      new Request('http://orgdeck.test/api/connections/acme-permit/upstream/v2/orgs/acme/invites', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ email: 'a@x.test' }, { email: 'b@x.test' }]),
      }),
    );
    expect(response.status).toBe(200);
    const { items } = await store.query({}, { page: 1, pageSize: 10 });
    expect(items[0]).toMatchObject({
      outcome: 'partial',
      status: 200,
      target: { orgId: 'acme', email: 'a@x.test, b@x.test' },
    });
    expect(items[0]?.error).toMatch(/^1 of 2 invitations not created: b@x\.test: Rejected/);
    const recorded = JSON.stringify(items);
    expect(recorded).not.toContain(SECRET);
    expect(recorded).not.toContain(jwt);
  });
});
