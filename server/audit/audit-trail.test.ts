import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ID_HEADER } from '../../src/api/http-client';
import { createClerkApi } from '../../src/api/providers/clerk/adapter';
import { createClerkFrontendApi } from '../../src/api/providers/clerk-frontend/adapter';
import { createKindeApi } from '../../src/api/providers/kinde/adapter';
import { createNumindApi } from '../../src/api/providers/numind/adapter';
import { createPermitApi } from '../../src/api/providers/permit/adapter';
import { sandboxConnections } from '../config';
import { ConsoleClient } from '../testing/console-client';
import { startTestServer, testConsoleSettings, type TestServer } from '../testing/test-server';
import type { AuditEntry } from './entry';
import { openTestPgliteStore } from '../store/test-stores';
import type { Store } from '../store/store';
import { PgAuditStore } from './pg-store';

interface AuditPage {
  items: AuditEntry[];
  total: number;
}

/** The audit log in the store (PGlite): kept across a server restart, as in production. */
async function start(store: Store): Promise<TestServer> {
  return startTestServer(sandboxConnections(), {
    console: testConsoleSettings({ anonymousCsrf: true }),
    auditStore: new PgAuditStore(store),
  });
}

describe('audit trail of gateway mutations', () => {
  let store: Store;
  let server: TestServer;
  let admin: ConsoleClient;
  let orgKey: string;

  beforeAll(async () => {
    store = await openTestPgliteStore();
    server = await start(store);
    admin = new ConsoleClient(server.origin);
    await admin.signIn({ demoUser: 'demo-admin' });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  const audit = async (client: ConsoleClient, query = '') =>
    (await (await client.fetch(`/api/audit${query}`)).json()) as AuditPage;

  it('records a success with the actor, operation, target and provider status', async () => {
    const permit = createPermitApi({
      baseUrl: server.upstreamUrl('permit'),
      headers: admin.headers,
    });
    orgKey = `audit-${Date.now().toString(36)}`;
    const { organization } = await permit.organizations.create({
      name: 'Audit Co',
      slug: orgKey,
      fields: {},
    });
    await permit.invitations?.create(orgKey, { email: 'invitee@example.com', roles: ['read'] });

    const { items } = await audit(admin, `?connection=permit&actor=demo-admin`);
    expect(items[0]).toMatchObject({
      actor: { id: 'demo-admin', name: 'Demo admin', role: 'admin' },
      connectionId: 'permit',
      provider: 'permit',
      operationId: 'inviteMembers',
      summary: 'Invite members to organization',
      method: 'POST',
      target: { orgId: orgKey, email: 'invitee@example.com' },
      outcome: 'success',
      status: 200,
    });
    expect(items[1]).toMatchObject({
      operationId: 'createOrganization',
      outcome: 'success',
      target: { orgId: organization.id },
    });
    expect(Date.parse(items[0]?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
    // Reads are not state-changing and are not recorded.
    expect(items.some((entry) => entry.method === 'GET')).toBe(false);
  });

  it('records a provider failure with its status and message', async () => {
    await server.addFault({
      vendor: 'permit',
      method: 'PATCH',
      path: '/v2/orgs/**',
      status: 409,
      message: 'Simulated conflict from Permit',
      times: 1,
    });
    const response = await admin.fetch(`/api/connections/permit/upstream/v2/orgs/${orgKey}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Renamed' }),
    });
    expect(response.status).toBe(409);
    const { items } = await audit(admin, `?org=${orgKey}&outcome=failure`);
    expect(items).toHaveLength(1);
    // The answer names its audit entry, and the entry can be fetched by that id.
    expect(response.headers.get(AUDIT_ID_HEADER)).toBe(items[0]?.id);
    const byId = await audit(admin, `?id=${response.headers.get(AUDIT_ID_HEADER) ?? ''}`);
    expect(byId.items.map((entry) => entry.id)).toEqual([items[0]?.id]);
    expect(items[0]).toMatchObject({
      operationId: 'updateOrganization',
      outcome: 'failure',
      status: 409,
      error: 'Simulated conflict from Permit',
      target: { orgId: orgKey },
    });
  });

  it('records a role refusal as refused, with the viewer as actor', async () => {
    const viewer = new ConsoleClient(server.origin);
    await viewer.signIn({ demoUser: 'demo-viewer' });
    const response = await viewer.fetch(`/api/connections/permit/upstream/v2/orgs/${orgKey}`, {
      method: 'DELETE',
    });
    expect(response.status).toBe(403);
    const { items, total } = await audit(viewer, '?outcome=refused');
    expect(total).toBe(1);
    expect(response.headers.get(AUDIT_ID_HEADER)).toBe(items[0]?.id);
    expect(items[0]).toMatchObject({
      actor: { id: 'demo-viewer', role: 'viewer' },
      operationId: 'deleteOrganization',
      outcome: 'refused',
      status: 403,
      target: { orgId: orgKey },
    });
    expect(items[0]?.error).toMatch(/^Your role \(viewer\) cannot delete organization/);
  });

  it('records anonymous callers as anonymous', async () => {
    const visitor = new ConsoleClient(server.origin);
    await visitor.open();
    const response = await visitor.fetch(`/api/connections/permit/upstream/v2/orgs/${orgKey}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Renamed anonymously' }),
    });
    expect(response.status).toBe(200);
    const { items } = await audit(visitor, '?actor=anonymous');
    expect(items[0]).toMatchObject({ actor: { id: 'anonymous' }, outcome: 'success', status: 200 });
    expect(items[0]?.actor).toEqual({ id: 'anonymous' });
  });

  it('pages, validates the query and exports CSV with the same filter', async () => {
    const all = await audit(admin);
    expect(all.total).toBe(5);
    const second = await audit(admin, '?page=2&pageSize=2');
    expect(second.total).toBe(5);
    expect(second.items.map((entry) => entry.id)).toEqual(
      all.items.slice(2, 4).map((entry) => entry.id),
    );
    expect((await admin.fetch('/api/audit?outcome=maybe')).status).toBe(400);
    expect((await admin.fetch('/api/audit?pageSize=0')).status).toBe(400);

    const csv = await admin.fetch('/api/audit.csv?outcome=refused');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"deleteOrganization"');
    expect(lines[1]).toContain('"refused"');
  });

  it('survives a restart', async () => {
    const before = await audit(admin);
    await server.close();
    server = await start(store);
    const client = new ConsoleClient(server.origin);
    await client.open();
    const after = await audit(client);
    expect(after.total).toBe(before.total);
    expect(after.items).toEqual(before.items);
  });
});

describe('audit trail of organization creates', () => {
  let server: TestServer;
  let admin: ConsoleClient;

  beforeAll(async () => {
    server = await start(await openTestPgliteStore());
    admin = new ConsoleClient(server.origin);
    await admin.signIn({ demoUser: 'demo-admin' });
  }, 60_000);
  afterAll(() => server.close());

  const audit = async (query: string) =>
    (await (await admin.fetch(`/api/audit${query}`)).json()) as AuditPage;

  it('records each provider’s create against the new org, so its activity shows its creation', async () => {
    const stamp = Date.now().toString(36);
    for (const [connection, createApi] of [
      ['permit', createPermitApi],
      ['kinde', createKindeApi],
      ['clerk', createClerkApi],
      ['clerk-frontend', createClerkFrontendApi],
      ['numind', createNumindApi],
    ] as const) {
      const api = createApi({ baseUrl: server.upstreamUrl(connection), headers: admin.headers });
      const { organization } = await api.organizations.create({
        name: `Audited ${stamp}`,
        ...(api.capabilities.slug?.onCreate ? { slug: `audited-${connection}-${stamp}` } : {}),
        fields: {},
      });
      expect(organization.id).not.toBe('');
      const { items } = await audit(
        `?connection=${connection}&org=${encodeURIComponent(organization.id)}`,
      );
      expect(items.map((entry) => [entry.operationId, entry.target.orgId])).toEqual([
        ['createOrganization', organization.id],
      ]);
    }
  });
});

describe('audit trail of bulk calls the provider only partly did', () => {
  let server: TestServer;
  let admin: ConsoleClient;

  beforeAll(async () => {
    server = await start(await openTestPgliteStore());
    admin = new ConsoleClient(server.origin);
    await admin.signIn({ demoUser: 'demo-admin' });
  }, 60_000);
  afterAll(() => server.close());

  const send = async (connection: string, method: string, path: string, body: unknown) => {
    const response = await admin.fetch(`/api/connections/${connection}/upstream${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const id = response.headers.get(AUDIT_ID_HEADER) ?? '';
    const page = (await (await admin.fetch(`/api/audit?id=${id}`)).json()) as AuditPage;
    return {
      status: response.status,
      json: (await response.json()) as unknown,
      entry: page.items[0],
    };
  };

  it('records a Permit bulk invite with an already pending address as partial, with the reason', async () => {
    const key = `bulk-${Date.now().toString(36)}`;
    expect((await send('permit', 'POST', '/v2/orgs', { key, name: 'Bulk Co' })).status).toBe(200);
    const first = await send('permit', 'POST', `/v2/orgs/${key}/invites`, [
      { email: 'one@example.com', role: 'read' },
    ]);
    expect(first.entry).toMatchObject({ outcome: 'success', status: 200 });

    const again = await send('permit', 'POST', `/v2/orgs/${key}/invites`, [
      { email: 'one@example.com', role: 'read' },
      { email: 'two@example.com', role: 'read' },
    ]);
    // The console still gets Permit's answer as it was.
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ failed: [{ email: 'one@example.com' }] });
    expect(again.entry).toMatchObject({
      operationId: 'inviteMembers',
      target: { orgId: key, email: 'one@example.com, two@example.com' },
      outcome: 'partial',
      status: 200,
    });
    expect(again.entry?.error).toMatch(
      /^1 of 2 invitations not created: one@example\.com: An invite for one@example\.com is already pending/,
    );

    const none = await send('permit', 'POST', `/v2/orgs/${key}/invites`, [
      { email: 'two@example.com', role: 'read' },
    ]);
    expect(none.entry).toMatchObject({ outcome: 'failure', status: 200 });
    expect(none.entry?.error).toContain('two@example.com');
    const partial = (await (await admin.fetch('/api/audit?outcome=partial')).json()) as AuditPage;
    expect(partial.items.map((entry) => entry.id)).toEqual([again.entry?.id]);
  });

  it('records a Kinde bulk update that left a user out as partial, naming the users', async () => {
    const created = await send('kinde', 'POST', '/api/v1/organization', { name: 'Bulk Kinde' });
    const org = (created.json as { organization: { code: string } }).organization.code;
    const listed = await admin.fetch('/api/connections/kinde/upstream/api/v1/users?page_size=2');
    const [a, b] = ((await listed.json()) as { users: { id: string }[] }).users.map(
      (user) => user.id,
    );
    if (a === undefined || b === undefined) throw new Error('the Kinde sandbox has no users');

    const added = await send('kinde', 'POST', `/api/v1/organizations/${org}/users`, {
      users: [{ id: a }],
    });
    expect(added.entry).toMatchObject({
      operationId: 'addOrganizationUsers',
      target: { orgId: org, userId: a },
      outcome: 'success',
    });
    // Removing b, who is not a member, is a no-op: Kinde's answer leaves b out.
    const update = await send('kinde', 'PATCH', `/api/v1/organizations/${org}/users`, {
      users: [
        { id: a, roles: ['admin'] },
        { id: b, operation: 'delete' },
      ],
    });
    expect(update.status).toBe(200);
    expect(update.entry).toMatchObject({
      operationId: 'updateOrganizationUsers',
      target: { orgId: org, userId: `${a}, ${b}` },
      outcome: 'partial',
      status: 200,
      error: `1 of 2 users not added, updated or removed (missing from Kinde's answer): ${b}`,
    });
  });
});
