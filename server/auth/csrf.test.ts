import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_HEADER } from '../../src/api/http-client';
import { sandboxConnections } from '../config';
import { ConsoleClient } from '../testing/console-client';
import { startTestServer, testConsoleSettings, type TestServer } from '../testing/test-server';

const createOrg = (key: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ key, name: `CSRF ${key}` }),
});

async function errorCode(response: Response): Promise<string | undefined> {
  return ((await response.json()) as { error?: { code?: string } }).error?.code;
}

describe('CSRF protection (anonymous sessions included, the default)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(sandboxConnections(), {
      console: testConsoleSettings({ anonymousCsrf: true }),
    });
  });
  afterAll(() => server.close());

  it('refuses a gateway POST without the token, and with a wrong one, before the provider sees it', async () => {
    const client = new ConsoleClient(server.origin);
    await client.open();
    const path = '/api/connections/permit/upstream/v2/orgs';

    const without = await client.fetch(path, {
      ...createOrg('csrf-missing'),
      headers: { 'content-type': 'application/json', 'x-csrf-token': '' },
    });
    expect(without.status).toBe(403);
    expect(without.headers.get(GATEWAY_HEADER)).toBe('refused');
    expect(await errorCode(without)).toBe('csrf_failed');

    const wrong = await client.fetch(path, {
      ...createOrg('csrf-wrong'),
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.status).toBe(403);
    expect(await errorCode(wrong)).toBe('csrf_failed');

    // Someone else's token does not fit this session either.
    const other = new ConsoleClient(server.origin);
    await other.open();
    const foreign = await client.fetch(path, {
      ...createOrg('csrf-foreign'),
      headers: { 'content-type': 'application/json', 'x-csrf-token': other.csrfToken ?? '' },
    });
    expect(foreign.status).toBe(403);

    const right = await client.fetch(path, createOrg('csrf-right'));
    expect(right.status).toBe(200);

    // Permit takes the key in place of the id.
    const exists = async (key: string) => (await client.fetch(`${path}/${key}`)).status;
    expect(await exists('csrf-right')).toBe(200);
    expect(await exists('csrf-missing')).toBe(404);
    expect(await exists('csrf-wrong')).toBe(404);
    expect(await exists('csrf-foreign')).toBe(404);

    const { items } = (await (await client.fetch('/api/audit?outcome=refused')).json()) as {
      items: { status: number; error?: string; operationId: string }[];
    };
    expect(items.filter((entry) => entry.operationId === 'createOrganization')).toHaveLength(3);
  });

  it('refuses a POST without a session cookie at all', async () => {
    const response = await fetch(
      `${server.origin}/api/connections/permit/upstream/v2/orgs`,
      createOrg('csrf-none'),
    );
    expect(response.status).toBe(403);
  });

  it('guards the console’s own state-changing routes too', async () => {
    const client = new ConsoleClient(server.origin);
    await client.open();
    const signOut = await client.fetch('/api/session', {
      method: 'DELETE',
      headers: { 'x-csrf-token': 'nope' },
    });
    expect(signOut.status).toBe(403);
    expect(await errorCode(signOut)).toBe('csrf_failed');
    // Reads need no token.
    expect((await fetch(`${server.origin}/api/connections`)).status).toBe(200);
  });
});

describe('CSRF for anonymous sessions turned off (ORGDECK_ANONYMOUS_CSRF=off)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(sandboxConnections(), {
      console: testConsoleSettings({ anonymousCsrf: false }),
    });
  });
  afterAll(() => server.close());

  it('lets an anonymous POST through but still requires the token once signed in', async () => {
    const anonymous = await fetch(
      `${server.origin}/api/connections/permit/upstream/v2/orgs`,
      createOrg('anon-no-token'),
    );
    expect(anonymous.status).toBe(200);

    const client = new ConsoleClient(server.origin);
    await client.signIn({ demoUser: 'demo-admin' });
    const signedIn = await client.fetch('/api/connections/permit/upstream/v2/orgs', {
      ...createOrg('demo-no-token'),
      headers: { 'content-type': 'application/json', 'x-csrf-token': '' },
    });
    expect(signedIn.status).toBe(403);
  });
});
