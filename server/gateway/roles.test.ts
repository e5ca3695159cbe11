import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_HEADER } from '../../src/api/http-client';
import { createClerkApi } from '../../src/api/providers/clerk/adapter';
import { ApiError } from '../../src/api/errors';
import { sandboxConnections } from '../config';
import { ConsoleClient } from '../testing/console-client';
import { startTestServer, testConsoleSettings, type TestServer } from '../testing/test-server';

async function signedIn(server: TestServer, demoUser: string) {
  const client = new ConsoleClient(server.origin);
  const response = await client.signIn({ demoUser });
  expect(response.status).toBe(200);
  return {
    client,
    clerk: createClerkApi({ baseUrl: server.upstreamUrl('clerk'), headers: client.headers }),
  };
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('console roles, enforced by the gateway per operation', () => {
  let server: TestServer;
  let orgId: string;

  beforeAll(async () => {
    server = await startTestServer(sandboxConnections(), {
      console: testConsoleSettings({ anonymousCsrf: true }),
    });
    const { clerk } = await signedIn(server, 'demo-admin');
    orgId = (await clerk.organizations.create({ name: 'Roles test org', fields: {} })).organization
      .id;
  });
  afterAll(() => server.close());

  it('refuses a viewer’s hand-made DELETE with 403 forbidden_role, and the org is still there', async () => {
    const { client, clerk } = await signedIn(server, 'demo-viewer');
    const response = await client.fetch(
      `/api/connections/clerk/upstream/v1/organizations/${orgId}`,
      { method: 'DELETE' },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get(GATEWAY_HEADER)).toBe('refused');
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('forbidden_role');
    expect(body.error.message).toMatch(/^Your role \(viewer\) cannot delete organization/);
    expect((await clerk.organizations.get(orgId)).id).toBe(orgId);
  });

  it('lets a support user invite and remove members, but not delete the org', async () => {
    const { clerk } = await signedIn(server, 'demo-support');
    const members = clerk.members;
    const invitations = clerk.invitations;
    if (!members?.add || !members.remove || !invitations) throw new Error('clerk people API');

    const invited = await invitations.create(orgId, {
      email: 'roles.test@example.com',
      roles: ['org:member'],
    });
    expect(invited?.email).toBe('roles.test@example.com');

    const users = await clerk.users?.search({ search: '', limit: 5 });
    const userId = users?.[0]?.id ?? '';
    await members.add(orgId, { userId, roles: ['org:member'] });
    await members.remove(orgId, userId);

    const error = await refusal(clerk.organizations.delete(orgId));
    expect(error.status).toBe(403);
    expect(error.code).toBe('forbidden_role');
    expect((await clerk.organizations.get(orgId)).id).toBe(orgId);
  });

  it('lets an admin delete the org', async () => {
    const { clerk } = await signedIn(server, 'demo-admin');
    await clerk.organizations.delete(orgId);
    expect((await refusal(clerk.organizations.get(orgId))).status).toBe(404);
  });

  it('lets a viewer read everything, the audit log included', async () => {
    const { client, clerk } = await signedIn(server, 'demo-viewer');
    const page = await clerk.organizations.list({ page: 1, pageSize: 5, search: '', sort: null });
    expect(page.items.length).toBeGreaterThan(0);
    expect((await client.fetch('/api/audit')).status).toBe(200);
  });
});
