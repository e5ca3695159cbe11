import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNumind } from '../../../../server/sandbox/providers/numind/state';
import { startTestServer, type TestServer } from '../../../../server/testing/test-server';
import { runOrganizationContract } from '../../contract/organization-contract';
import type { OrgAdminApi } from '../../org-admin-api';
import { createNumindApi } from './adapter';
import { numindCapabilities } from './capabilities';
import { apiErrorOf as expectApiError } from '../../contract/helpers';

runOrganizationContract({
  connectionId: 'numind',
  provider: 'numind',
  createApi: createNumindApi,
  minimumSeeded: 36,
});

/** The seed is deterministic, so the sandbox a test server starts with holds exactly these. */
const seed = seedNumind();
const demoRoleOf = (orgId: string) =>
  seed.memberships.find((m) => m.orgId === orgId && m.userId === seed.demoUserId)?.roles ?? null;
const demoOrgIds = seed.orgs.map((org) => org.id).filter((id) => demoRoleOf(id) !== null);
const outsideOrgIds = seed.orgs.map((org) => org.id).filter((id) => demoRoleOf(id) === null);
const orgWithRole = (role: string) => {
  const id = demoOrgIds.find((candidate) => demoRoleOf(candidate)?.includes(role));
  if (id === undefined) throw new Error(`the seed has no org where the demo user is ${role}`);
  return id;
};

describe('numind adapter: provider specifics', () => {
  let server: TestServer;
  let api: OrgAdminApi;
  let sandboxUrl: string;
  const sandboxApi = (token: string) =>
    createNumindApi({ baseUrl: sandboxUrl, headers: { authorization: `Bearer ${token}` } });
  const sandboxFetch = (path: string, init: RequestInit = {}, token = 'sandbox-token') =>
    fetch(`${sandboxUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });

  beforeAll(async () => {
    server = await startTestServer();
    api = createNumindApi({ baseUrl: server.upstreamUrl('numind') });
    // The gateway replaces the Authorization header, so API-key calls go to the sandbox directly.
    sandboxUrl = `${server.origin}/sandbox/numind`;
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses an API key with forbidden and the provider message on every org call', async () => {
    for (const token of ['sandbox-api-key', 'nu_3c1f2a']) {
      const keyApi = sandboxApi(token);
      const listed = await expectApiError(keyApi.organizations.listAll());
      expect(listed.kind).toBe('forbidden');
      expect(listed.status).toBe(403);
      expect(listed.message).toMatch(/API key/);
      const created = await expectApiError(
        keyApi.organizations.create({ name: 'Keyed Org', fields: {} }),
      );
      expect(created.kind).toBe('forbidden');
      const deleted = await expectApiError(keyApi.organizations.delete(orgWithRole('owner')));
      expect(deleted.kind).toBe('forbidden');
    }
    expect((await api.organizations.listAll()).items.map((org) => org.id)).toContain(
      orgWithRole('owner'),
    );
  });

  it('reports a missing or unknown token as unauthorized', async () => {
    const error = await expectApiError(sandboxApi('not-a-token').organizations.listAll());
    expect(error.kind).toBe('unauthorized');
    const response = await fetch(`${sandboxUrl}/api/organizations`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'Unauthorized' });
  });

  it('refuses to rename or delete an org where the user is only a member', async () => {
    const id = orgWithRole('member');
    const before = await api.organizations.get(id);
    const renamed = await expectApiError(api.organizations.update(id, { name: 'Taken Over' }));
    expect(renamed.kind).toBe('forbidden');
    expect(renamed.message).toMatch(/permission/);
    const deleted = await expectApiError(api.organizations.delete(id));
    expect(deleted.kind).toBe('forbidden');
    expect((await api.organizations.get(id)).name).toBe(before.name);
  });

  it('lets an admin rename an org', async () => {
    const id = orgWithRole('admin');
    const updated = await api.organizations.update(id, { name: 'Renamed By Admin' });
    expect(updated).toMatchObject({ id, name: 'Renamed By Admin' });
  });

  it('keeps the current name when an update carries none (PUT replaces the whole org)', async () => {
    const created = (await api.organizations.create({ name: 'Kept Name', fields: {} }))
      .organization;
    const updated = await api.organizations.update(created.id, {});
    expect(updated.name).toBe('Kept Name');
  });

  it('reports a blank name as validation with the provider text on the name field', async () => {
    const created = await expectApiError(api.organizations.create({ name: '   ', fields: {} }));
    expect(created.kind).toBe('validation');
    expect(created.status).toBe(400);
    expect(created.message).toBe('Invalid value for: body');
    expect(created.fieldErrors['name']).toBe('Invalid value for: body');
    const updated = await expectApiError(
      api.organizations.update(orgWithRole('owner'), { name: '' }),
    );
    expect(updated.kind).toBe('validation');
    expect(updated.fieldErrors['name']).toBe('Invalid value for: body');
  });

  it('allows two organizations with the same name', async () => {
    const first = (await api.organizations.create({ name: 'Twin Org', fields: {} })).organization;
    const second = (await api.organizations.create({ name: 'Twin Org', fields: {} })).organization;
    expect(second.id).not.toBe(first.id);
  });

  it('never lists, opens or changes organizations of other users', async () => {
    const listed = new Set((await api.organizations.listAll()).items.map((org) => org.id));
    for (const id of demoOrgIds) expect(listed.has(id)).toBe(true);
    for (const id of outsideOrgIds) expect(listed.has(id)).toBe(false);
    const outside = outsideOrgIds[0] ?? '';
    const opened = await expectApiError(api.organizations.get(outside));
    expect(opened.kind).toBe('not_found');
    expect(opened.message).toContain(outside);
    const renamed = await expectApiError(api.organizations.update(outside, { name: 'Not Mine' }));
    expect(renamed.kind).toBe('not_found');
    expect(renamed.status).toBe(404);
  });

  it('pages the one array NuMind answers, in its order, with a total', async () => {
    const all = (await api.organizations.listAll()).items;
    const page = await api.organizations.list({ page: 2, pageSize: 7, search: '', sort: null });
    expect(page.total).toBe(all.length);
    expect(page.hasMore).toBe(all.length > 14);
    expect(page.items.map((org) => org.id)).toEqual(all.slice(7, 14).map((org) => org.id));
  });

  it.skipIf(numindCapabilities.list.search === 'server')(
    'applies no search or sort, which NuMind lacks (the data layer does them over every org)',
    async () => {
      const all = (await api.organizations.listAll()).items;
      const target = all[3];
      if (!target) throw new Error('expected seeded orgs');
      const asked = await api.organizations.list({
        page: 1,
        pageSize: 7,
        search: target.name,
        sort: { field: 'name', direction: 'desc' },
      });
      expect(asked.total).toBe(all.length);
      expect(asked.items.map((org) => org.id)).toEqual(all.slice(0, 7).map((org) => org.id));
    },
  );

  describe('wire format', () => {
    it('lists a bare JSON array of {id, name} in creation order', async () => {
      const response = await sandboxFetch('/api/organizations');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await response.json()) as unknown[];
      expect(Array.isArray(body)).toBe(true);
      for (const item of body) expect(Object.keys(item as object).sort()).toEqual(['id', 'name']);
      const ids = body.map((item) => (item as { id: string }).id);
      const seededOrder = seed.orgs.map((org) => org.id).filter((id) => ids.includes(id));
      expect(ids.slice(0, seededOrder.length)).toEqual(seededOrder);
    });

    it('answers a body that is not a JSON object with a text/plain 400', async () => {
      for (const body of ['not json', '[]', '{"name": 42}', '{}']) {
        const response = await sandboxFetch('/api/organizations', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect(response.status, body).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
        expect(await response.text()).toBe('Invalid value for: body');
      }
    });

    it('deletes with 200 and an empty body, after which the org is gone', async () => {
      const created = (await api.organizations.create({ name: 'Short Lived', fields: {} }))
        .organization;
      const response = await sandboxFetch(`/api/organizations/${created.id}`, { method: 'DELETE' });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
      const again = await sandboxFetch(`/api/organizations/${created.id}`, { method: 'DELETE' });
      expect(again.status).toBe(404);
      expect(await again.json()).toMatchObject({ code: 'NotFound' });
    });

    it('serves no single-org GET and answers unknown routes with a JSON 404', async () => {
      const response = await sandboxFetch(`/api/organizations/${orgWithRole('owner')}`);
      expect(response.status).toBe(404);
      const body = (await response.json()) as { code: string; message: string };
      expect(body.code).toBe('NotFound');
      expect(body.message.length).toBeGreaterThan(0);
    });

    it('produces its own envelopes for injected faults', async () => {
      await server.addFault({
        vendor: 'numind',
        method: 'POST',
        path: '/**',
        status: 400,
        times: 1,
      });
      const bad = await sandboxFetch('/api/organizations', {
        method: 'POST',
        body: '{"name":"x"}',
      });
      expect(bad.headers.get('content-type')).toMatch(/^text\/plain/);
      await server.addFault({
        vendor: 'numind',
        method: 'GET',
        path: '/**',
        status: 500,
        times: 1,
      });
      const failed = await sandboxFetch('/api/organizations');
      expect(failed.status).toBe(500);
      expect(await failed.json()).toMatchObject({ code: 'InternalServerError' });
      await server.addFault({
        vendor: 'numind',
        method: 'GET',
        path: '/**',
        status: 429,
        retryAfterSeconds: 3,
        times: 1,
      });
      const limited = await sandboxFetch('/api/organizations');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('3');
      expect(await limited.json()).toMatchObject({ code: 'TooManyRequests' });
    });
  });
});
