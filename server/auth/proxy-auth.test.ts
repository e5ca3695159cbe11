import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConsole, sandboxConnections, type Connection } from '../config';
import { ConsoleClient, type SessionState } from '../testing/console-client';
import { startTestServer, testConsoleSettings, type TestServer } from '../testing/test-server';
import { roleFromHeader } from './console-auth';

describe('trusted reverse-proxy sign-in', () => {
  let trusting: TestServer;
  let ignoring: TestServer;

  beforeAll(async () => {
    const env = { ORGDECK_TRUST_PROXY_AUTH: '1' };
    const proxied = resolveConsole(
      {
        connections: [],
        console: {
          signIn: 'required',
          users: [],
          demoUsers: false,
          sessionTtlMinutes: 60,
          imageOrigins: [],
        },
      },
      sandboxConnections(),
      env,
    );
    const ownToken: Connection = {
      ...sandboxConnections()[4],
      id: 'numind-own',
      label: 'NuMind (own token)',
      provider: 'numind',
      baseUrl: 'sandbox://numind',
      sandbox: true,
      auth: { type: 'user-token' },
      query: {},
    };
    trusting = await startTestServer([...sandboxConnections(), ownToken], { console: proxied });
    ignoring = await startTestServer(sandboxConnections(), {
      console: testConsoleSettings({ signIn: 'required', demoUsers: [] }),
    });
  });
  afterAll(async () => {
    await trusting.close();
    await ignoring.close();
  });

  it('signs in the header user with the header role when ORGDECK_TRUST_PROXY_AUTH is set', async () => {
    const client = new ConsoleClient(trusting.origin, {
      'x-forwarded-user': 'pat@acme.test',
      'x-forwarded-role': 'support',
    });
    const state = await client.open();
    expect(state).toMatchObject({
      required: true,
      signedIn: true,
      user: { id: 'pat@acme.test', name: 'pat@acme.test', role: 'support', demo: false },
      effectiveRole: 'support',
      methods: ['proxy'],
    });
    expect((await client.fetch('/api/connections')).status).toBe(200);

    const noRole = new ConsoleClient(trusting.origin, { 'x-forwarded-user': 'max@acme.test' });
    expect((await noRole.open()).user?.role).toBe('viewer');

    const anonymous = await fetch(`${trusting.origin}/api/connections`);
    expect(anonymous.status).toBe(401);
    // The session cookie alone does not keep a proxy user signed in once the headers stop.
    const cookieOnly = await fetch(`${trusting.origin}/api/connections`, {
      headers: { cookie: client.headers['cookie'] ?? '' },
    });
    expect(cookieOnly.status).toBe(401);
    const sessionWithoutHeaders = await fetch(`${trusting.origin}/api/session`, {
      headers: { cookie: client.headers['cookie'] ?? '' },
    });
    expect(((await sessionWithoutHeaders.json()) as SessionState).signedIn).toBe(false);
  });

  it('enforces the header role in the gateway', async () => {
    const viewer = new ConsoleClient(trusting.origin, { 'x-forwarded-user': 'vic@acme.test' });
    await viewer.open();
    const orgs = (await (
      await viewer.fetch('/api/connections/permit/upstream/v2/orgs')
    ).json()) as {
      id: string;
    }[];
    const response = await viewer.fetch(
      `/api/connections/permit/upstream/v2/orgs/${orgs[0]?.id ?? ''}`,
      { method: 'DELETE' },
    );
    expect(response.status).toBe(403);
  });

  it('rebinds the session when the proxy reports someone else, forgetting their tokens', async () => {
    const client = new ConsoleClient(trusting.origin, { 'x-forwarded-user': 'ann@acme.test' });
    await client.open();
    const put = await client.fetch('/api/connections/numind-own/user-token', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'sandbox-token' }),
    });
    expect(put.status).toBe(200);
    const tokenSet = async (headers: Record<string, string>) => {
      const list = (await (await client.fetch('/api/connections', { headers })).json()) as {
        id: string;
        userTokenSet: boolean;
      }[];
      return list.find((connection) => connection.id === 'numind-own')?.userTokenSet;
    };
    expect(await tokenSet({})).toBe(true);
    expect(await tokenSet({ 'x-forwarded-user': 'bob@acme.test' })).toBe(false);
    expect(await tokenSet({ 'x-forwarded-user': 'ann@acme.test' })).toBe(false);
    const asBob = await client.fetch('/api/session', {
      headers: { 'x-forwarded-user': 'bob@acme.test', 'x-forwarded-role': 'admin' },
    });
    expect(((await asBob.json()) as SessionState).user).toMatchObject({
      id: 'bob@acme.test',
      role: 'admin',
    });
  });

  it('ignores the headers when the proxy is not trusted', async () => {
    const client = new ConsoleClient(ignoring.origin, {
      'x-forwarded-user': 'pat@acme.test',
      'x-forwarded-role': 'admin',
    });
    const state = await client.open();
    expect(state.signedIn).toBe(false);
    expect(state.methods).not.toContain('proxy');
    expect((await client.fetch('/api/connections')).status).toBe(401);
  });

  it('reads roles from a role or group list, the highest named role winning', () => {
    expect(roleFromHeader(undefined)).toBe('viewer');
    expect(roleFromHeader('owner')).toBe('viewer');
    expect(roleFromHeader('ADMIN')).toBe('admin');
    expect(roleFromHeader('engineering, orgdeck-support')).toBe('support');
    expect(roleFromHeader('orgdeck:viewer,orgdeck-admin')).toBe('admin');
  });
});
