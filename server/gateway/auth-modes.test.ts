import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_HEADER } from '../../src/api/http-client';
import { createClerkApi } from '../../src/api/providers/clerk/adapter';
import { createKindeApi } from '../../src/api/providers/kinde/adapter';
import { createNumindApi } from '../../src/api/providers/numind/adapter';
import { parseConfig, resolveConnections } from '../config';
import { ConsoleClient } from '../testing/console-client';
import { startTestServer, testConsoleSettings, type TestServer } from '../testing/test-server';
import type { HealthReport } from './health';
import { fakeClerkKey } from '../testing/fake-secrets';

/**
 * Each auth mode against the sandbox configured as if it were the real service: the gateway
 * reaches it over the network at another server's origin, with credentials from the environment.
 */
describe('connection auth modes against the sandbox as a real service', () => {
  let provider: TestServer;
  let gateway: TestServer;
  const tokenRequests: string[] = [];
  /** Authorization headers the gateway sent to Kinde's API (not its token endpoint). */
  const kindeApiAuth: string[] = [];

  beforeAll(async () => {
    provider = await startTestServer();
    const at = `${provider.origin}/sandbox`;
    const config = parseConfig(
      {
        connections: [
          {
            id: 'acme-clerk',
            label: 'Acme (Clerk)',
            provider: 'clerk',
            baseUrl: `${at}/clerk`,
            auth: { type: 'bearer', secretEnv: 'ACME_CLERK_SECRET_KEY' },
          },
          {
            id: 'bad-clerk',
            label: 'Bad key (Clerk)',
            provider: 'clerk',
            baseUrl: `${at}/clerk`,
            auth: { type: 'bearer', secretEnv: 'BAD_CLERK_SECRET_KEY' },
          },
          {
            id: 'acme-kinde',
            label: 'Acme (Kinde)',
            provider: 'kinde',
            baseUrl: `${at}/kinde`,
            auth: {
              type: 'oauth2-client-credentials',
              tokenUrl: `${at}/kinde/oauth2/token`,
              clientIdEnv: 'ACME_KINDE_CLIENT_ID',
              clientSecretEnv: 'ACME_KINDE_CLIENT_SECRET',
              audience: `${at}/kinde/api`,
            },
          },
          {
            id: 'bad-kinde',
            label: 'Bad secret (Kinde)',
            provider: 'kinde',
            baseUrl: `${at}/kinde`,
            auth: {
              type: 'oauth2-client-credentials',
              tokenUrl: `${at}/kinde/oauth2/token`,
              clientIdEnv: 'ACME_KINDE_CLIENT_ID',
              clientSecretEnv: 'BAD_KINDE_CLIENT_SECRET',
            },
          },
          {
            id: 'acme-numind',
            label: 'Acme (NuMind)',
            provider: 'numind',
            baseUrl: `${at}/numind`,
            auth: { type: 'user-token' },
          },
          {
            id: 'nowhere',
            label: 'Unreachable',
            provider: 'permit',
            baseUrl: 'http://127.0.0.1:9',
            auth: { type: 'bearer', secretEnv: 'ACME_CLERK_SECRET_KEY' },
          },
        ],
      },
      'test config',
    );
    const connections = resolveConnections(config, {
      ACME_CLERK_SECRET_KEY: 'sandbox-token',
      BAD_CLERK_SECRET_KEY: fakeClerkKey('test', 'not_the_right_one'),
      ACME_KINDE_CLIENT_ID: 'sandbox',
      ACME_KINDE_CLIENT_SECRET: 'sandbox-secret',
      BAD_KINDE_CLIENT_SECRET: 'not-the-secret',
    });
    gateway = await startTestServer(connections, {
      console: testConsoleSettings({ anonymousCsrf: true }),
      networkFetch: (request) => {
        if (request.url.endsWith('/oauth2/token')) tokenRequests.push(request.url);
        else if (request.url.includes('/sandbox/kinde/api/'))
          kindeApiAuth.push(request.headers.get('authorization') ?? '');
        return fetch(request);
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await provider.close();
  });

  const health = async (client: ConsoleClient, id: string) =>
    (await (await client.fetch(`/api/connections/${id}/health`)).json()) as HealthReport;

  it('bearer secret (Clerk secret key) from an environment variable', async () => {
    const client = new ConsoleClient(gateway.origin);
    await client.open();
    const clerk = createClerkApi({
      baseUrl: gateway.upstreamUrl('acme-clerk'),
      headers: client.headers,
    });
    const page = await clerk.organizations.list({ page: 1, pageSize: 3, search: '', sort: null });
    expect(page.items).toHaveLength(3);
    expect(await health(client, 'acme-clerk')).toEqual({
      reachable: true,
      credentialAccepted: true,
      status: 200,
      message: 'Clerk accepted the credential.',
    });
    expect(await health(client, 'bad-clerk')).toMatchObject({
      reachable: true,
      credentialAccepted: false,
      status: 401,
    });
  });

  it('OAuth2 client credentials (Kinde M2M): one token, cached, never sent to the browser', async () => {
    const client = new ConsoleClient(gateway.origin);
    await client.open();
    const kinde = createKindeApi({
      baseUrl: gateway.upstreamUrl('acme-kinde'),
      headers: client.headers,
    });
    const before = tokenRequests.length;
    const first = await kinde.organizations.list({ page: 1, pageSize: 2, search: '', sort: null });
    await kinde.organizations.list({ page: 1, pageSize: 2, search: '', sort: null });
    expect(first.items.length).toBeGreaterThan(0);
    expect(tokenRequests.length - before).toBe(1);
    expect(await health(client, 'acme-kinde')).toMatchObject({
      reachable: true,
      credentialAccepted: true,
    });
    expect(tokenRequests.length - before).toBe(1);

    const refused = await health(client, 'bad-kinde');
    expect(refused).toMatchObject({ reachable: true, credentialAccepted: false });
    expect(refused.message).toContain('refused the client credentials');
    const call = await client.fetch('/api/connections/bad-kinde/upstream/api/v1/organizations');
    expect(call.status).toBe(502);
    expect(((await call.json()) as { error: { code: string } }).error.code).toBe(
      'credentials_failed',
    );
  });

  it('OAuth2 client credentials: a 401 from Kinde renews the token once and the call succeeds', async () => {
    const client = new ConsoleClient(gateway.origin);
    await client.open();
    const kinde = createKindeApi({
      baseUrl: gateway.upstreamUrl('acme-kinde'),
      headers: client.headers,
    });
    const list = () => kinde.organizations.list({ page: 1, pageSize: 2, search: '', sort: null });
    await list();
    const tokensBefore = tokenRequests.length;
    const callsBefore = kindeApiAuth.length;
    await provider.addFault({
      vendor: 'kinde',
      method: 'GET',
      path: '/api/v1/organizations',
      status: 401,
      times: 1,
    });
    try {
      const page = await list();
      expect(page.items).toHaveLength(2);
      expect(tokenRequests.length - tokensBefore).toBe(1);
      const [refused, retried, ...rest] = kindeApiAuth.slice(callsBefore);
      expect(rest).toEqual([]);
      expect(refused).toMatch(/^Bearer \S+$/);
      expect(retried).toMatch(/^Bearer \S+$/);
      expect(retried).not.toBe(refused);

      // The renewed token is cached again: the next call asks for none.
      await list();
      expect(tokenRequests.length - tokensBefore).toBe(1);
      expect(kindeApiAuth.at(-1)).toBe(retried);
    } finally {
      await provider.clearFaults();
    }
  });

  it('OAuth2 client credentials: a second 401 in a row is the provider’s answer, with one renewal', async () => {
    const client = new ConsoleClient(gateway.origin);
    await client.open();
    const path = '/api/connections/acme-kinde/upstream/api/v1/organizations';
    expect((await client.fetch(path)).status).toBe(200);
    const tokensBefore = tokenRequests.length;
    const callsBefore = kindeApiAuth.length;
    await provider.addFault({
      vendor: 'kinde',
      path: '/api/v1/organizations',
      status: 401,
      times: 2,
    });
    try {
      const response = await client.fetch(path);
      expect(response.status).toBe(401);
      expect(response.headers.get(GATEWAY_HEADER)).toBeNull();
      expect(tokenRequests.length - tokensBefore).toBe(1);
      expect(kindeApiAuth.length - callsBefore).toBe(2);
    } finally {
      await provider.clearFaults();
    }
  });

  it('user token (NuMind): required per session, used as the bearer, the provider’s 403 passed through', async () => {
    const client = new ConsoleClient(gateway.origin);
    await client.open();
    const path = '/api/connections/acme-numind/upstream/api/organizations';
    const listed = async () =>
      (
        (await (await client.fetch('/api/connections')).json()) as {
          id: string;
          auth: string;
          userTokenSet: boolean;
        }[]
      ).find((connection) => connection.id === 'acme-numind');

    expect(await listed()).toMatchObject({ auth: 'user-token', userTokenSet: false });
    const without = await client.fetch(path);
    expect(without.status).toBe(401);
    expect(without.headers.get(GATEWAY_HEADER)).toBe('refused');
    const body = (await without.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('user_token_required');
    expect(body.error.message).toContain('provide your own access token');
    expect(await health(client, 'acme-numind')).toMatchObject({
      reachable: true,
      credentialAccepted: null,
    });

    const put = (token: string) =>
      client.fetch('/api/connections/acme-numind/user-token', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
    const set = await put('sandbox-token');
    expect(set.status).toBe(200);
    expect(await set.text()).not.toContain('sandbox-token');
    expect(await listed()).toMatchObject({ userTokenSet: true });
    const numind = createNumindApi({
      baseUrl: gateway.upstreamUrl('acme-numind'),
      headers: client.headers,
    });
    const orgs = await numind.organizations.list({ page: 1, pageSize: 10, search: '', sort: null });
    expect(orgs.items.length).toBeGreaterThan(0);
    expect(await health(client, 'acme-numind')).toMatchObject({
      credentialAccepted: true,
      status: 200,
    });

    // Another session has no token of its own.
    const other = new ConsoleClient(gateway.origin);
    await other.open();
    expect((await other.fetch(path)).status).toBe(401);

    expect((await put('sandbox-api-key')).status).toBe(200);
    const apiKey = await client.fetch(path);
    expect(apiKey.status).toBe(403);
    expect(apiKey.headers.get(GATEWAY_HEADER)).toBeNull();
    expect(await apiKey.text()).toContain('API key');

    const cleared = await client.fetch('/api/connections/acme-numind/user-token', {
      method: 'DELETE',
    });
    expect(await cleared.json()).toEqual({ userTokenSet: false });
    expect((await client.fetch(path)).status).toBe(401);
  });

  it('refuses a user token for a connection that holds a server credential, and a malformed one', async () => {
    const client = new ConsoleClient(gateway.origin);
    await client.open();
    const put = (id: string, body: string) =>
      client.fetch(`/api/connections/${id}/user-token`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const serverHeld = await put('acme-clerk', JSON.stringify({ token: 'sandbox-token' }));
    expect(serverHeld.status).toBe(400);
    expect(((await serverHeld.json()) as { error: { code: string } }).error.code).toBe(
      'not_user_token_connection',
    );
    const spaced = await put('acme-numind', JSON.stringify({ token: 'has a space in it' }));
    expect(spaced.status).toBe(400);
    expect(await spaced.text()).not.toContain('has a space');
    expect((await put('nope', '{}')).status).toBe(404);
  });

  it('reports an unreachable provider as such', async () => {
    const client = new ConsoleClient(gateway.origin);
    await client.open();
    expect(await health(client, 'nowhere')).toMatchObject({
      reachable: false,
      credentialAccepted: null,
      status: null,
    });
  });
});
