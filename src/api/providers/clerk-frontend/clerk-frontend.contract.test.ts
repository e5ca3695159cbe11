import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/testing/test-server';
import { runOrganizationContract } from '../../contract/organization-contract';
import type { OrgAdminApi } from '../../org-admin-api';
import { createClerkApi } from '../clerk/adapter';
import { createClerkFrontendApi } from './adapter';
import { clerkFrontendCapabilities } from './capabilities';
import { apiErrorOf as failure, uniqueSuffix as unique } from '../../contract/helpers';

runOrganizationContract({
  connectionId: 'clerk-frontend',
  provider: 'clerk-frontend',
  createApi: createClerkFrontendApi,
  minimumSeeded: 30,
});

interface MembershipsBody {
  response:
    { data: { role: string; organization: { id: string } }[]; total_count: number } | unknown[];
  client: { object: string; sessions: { status: string }[] };
}

describe('clerk-frontend adapter: Frontend API specifics', () => {
  let server: TestServer;
  let fapi: OrgAdminApi;
  let bapi: OrgAdminApi;

  beforeAll(async () => {
    server = await startTestServer();
    fapi = createClerkFrontendApi({ baseUrl: server.upstreamUrl('clerk-frontend') });
    bapi = createClerkApi({ baseUrl: server.upstreamUrl('clerk') });
  });
  afterAll(async () => {
    await server.close();
  });

  /** Straight to the emulator, for what the adapter never sends. */
  const direct = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', 'Bearer sandbox-token');
    // A bearer is the native-app scheme: real Clerk reads it only with `_is_native=true`.
    const url = new URL(`${server.origin}/sandbox/clerk-frontend${path}`);
    url.searchParams.set('_is_native', 'true');
    return fetch(url, { ...init, headers });
  };

  const create = async () =>
    (
      await fapi.organizations.create({
        name: `Frontend Org ${unique()}`,
        slug: `fapi-${unique()}`,
        fields: {},
      })
    ).organization;

  it('shows an org created through the Frontend API in the Backend API, with the user as its admin', async () => {
    const org = await create();
    expect(org.memberCount).toBe(1);
    expect(org.metadata).toEqual({ public: {}, private: null });
    const seen = await bapi.organizations.get(org.id);
    expect(seen.name).toBe(org.name);
    expect(seen.slug).toBe(org.slug);
    expect(seen.memberCount).toBe(1);
    expect(seen.fields['created_by']).toMatch(/^user_/);
  });

  const memberOnlyOrgId = async () => {
    const response = await direct('/v1/me/organization_memberships?paginated=true&limit=500');
    const body = (await response.json()) as MembershipsBody;
    const memberships = Array.isArray(body.response) ? [] : body.response.data;
    const id = memberships.find((membership) => membership.role === 'org:member')?.organization.id;
    if (id === undefined) throw new Error('the seed makes the user a plain member of some orgs');
    return id;
  };

  it('refuses to delete an org where the signed-in user is only org:member', async () => {
    const orgId = await memberOnlyOrgId();
    const error = await failure(fapi.organizations.delete(orgId));
    expect(error.kind).toBe('forbidden');
    expect(error.status).toBe(403);
    expect((await bapi.organizations.get(orgId)).id).toBe(orgId);
  });

  it('lets a plain member read the org but not rename it', async () => {
    const orgId = await memberOnlyOrgId();
    const before = await fapi.organizations.get(orgId);
    const error = await failure(fapi.organizations.update(orgId, { name: 'Taken over' }));
    expect(error.kind).toBe('forbidden');
    expect((await fapi.organizations.get(orgId)).name).toBe(before.name);
  });

  it('refuses to delete when admin deletion is disabled for the org, and deletes once it is enabled', async () => {
    const org = await create();
    await bapi.organizations.update(org.id, { fields: { admin_delete_enabled: false } });
    expect((await failure(fapi.organizations.delete(org.id))).kind).toBe('forbidden');
    await bapi.organizations.update(org.id, { fields: { admin_delete_enabled: true } });
    await fapi.organizations.delete(org.id);
    expect((await failure(bapi.organizations.get(org.id))).kind).toBe('not_found');
  });

  it('refuses to open an org the user is not a member of', async () => {
    const { organization } = await bapi.organizations.create({
      name: `Elsewhere ${unique()}`,
      fields: {},
    });
    const error = await failure(fapi.organizations.get(organization.id));
    expect(error.kind).toBe('forbidden');
  });

  it('sends form-encoded bodies: the emulator refuses JSON and takes the same fields as a form', async () => {
    const name = `Encoded ${unique()}`;
    const json = await direct('/v1/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    expect(json.status).toBe(422);
    const refusal = (await json.json()) as { errors: { code: string; long_message: string }[] };
    expect(refusal.errors[0]?.long_message).toMatch(/x-www-form-urlencoded/);

    const form = await direct('/v1/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name }).toString(),
    });
    expect(form.status).toBe(200);
    const body = (await form.json()) as {
      response: { name: string; slug: string };
      client: { object: string };
    };
    expect(body.response.name).toBe(name);
    expect(body.response.slug).toMatch(/^encoded-/);
    expect(body.client.object).toBe('client');
  });

  it('refuses form parameters the endpoint does not take', async () => {
    const response = await direct('/v1/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name: 'Extra', max_allowed_memberships: '3' }).toString(),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      errors: [{ code: 'form_param_unknown', meta: { param_name: 'max_allowed_memberships' } }],
    });
  });

  it.skipIf(clerkFrontendCapabilities.list.search === 'server')(
    'sends no search or sort, which the Frontend API lacks: the page is the memberships in Clerk’s order (the data layer searches and sorts)',
    async () => {
      const token = unique();
      await fapi.organizations.create({ name: `Zeta ${token}`, fields: {} });
      const plain = await fapi.organizations.list({
        page: 1,
        pageSize: 10,
        search: '',
        sort: null,
      });
      const asked = await fapi.organizations.list({
        page: 1,
        pageSize: 10,
        search: token,
        sort: { field: 'name', direction: 'desc' },
      });
      expect(asked.items.map((item) => item.id)).toEqual(plain.items.map((item) => item.id));
      expect(asked.total).toBe(plain.total);
      const all = (await fapi.organizations.listAll()).items;
      expect(all.some((item) => item.name === `Zeta ${token}`)).toBe(true);
    },
  );

  describe('emulator', () => {
    it('lists memberships as {data, total_count} when paginated and as a bare array otherwise', async () => {
      const paginated = (await (
        await direct('/v1/me/organization_memberships?paginated=true&limit=3')
      ).json()) as MembershipsBody;
      const bare = (await (
        await direct('/v1/me/organization_memberships?limit=3')
      ).json()) as MembershipsBody;
      expect(Array.isArray(paginated.response)).toBe(false);
      expect(Array.isArray(bare.response)).toBe(true);
      expect((bare.response as unknown[]).length).toBe(3);
      expect(paginated.client.sessions[0]?.status).toBe('active');
    });

    it('signs in by bearer, __dev_session or __client cookie, and answers 401 otherwise', async () => {
      const path = '/v1/me/organization_memberships';
      const none = await fetch(`${server.origin}/sandbox/clerk-frontend${path}`);
      expect(none.status).toBe(401);
      expect(await none.json()).toMatchObject({ errors: [{ code: 'authentication_invalid' }] });
      const dev = await fetch(
        `${server.origin}/sandbox/clerk-frontend${path}?__dev_session=sandbox-token`,
      );
      expect(dev.status).toBe(200);
      const cookie = await fetch(`${server.origin}/sandbox/clerk-frontend${path}`, {
        headers: { cookie: '__client=sandbox-token' },
      });
      expect(cookie.status).toBe(200);
    });

    it('takes a bearer only as the native-app scheme, with _is_native=true', async () => {
      const path = '/v1/me/organization_memberships';
      const bearer = { authorization: 'Bearer sandbox-token' };
      const plain = await fetch(`${server.origin}/sandbox/clerk-frontend${path}`, {
        headers: bearer,
      });
      expect(plain.status).toBe(401);
      expect(await plain.json()).toMatchObject({ errors: [{ code: 'authentication_invalid' }] });
      const native = await fetch(`${server.origin}/sandbox/clerk-frontend${path}?_is_native=true`, {
        headers: bearer,
      });
      expect(native.status).toBe(200);
    });

    it('answers a delete with the deleted object and a null client', async () => {
      const org = await create();
      const response = await direct(`/v1/organizations/${org.id}`, { method: 'DELETE' });
      expect(await response.json()).toEqual({
        response: { object: 'organization', id: org.id, slug: org.slug, deleted: true },
        client: null,
      });
    });
  });
});
