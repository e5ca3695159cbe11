import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/testing/test-server';
import { runOrganizationContract } from '../../contract/organization-contract';
import type { OrgAdminApi } from '../../org-admin-api';
import { createClerkApi } from './adapter';
import { CLERK_API_VERSION } from './capabilities';
import { apiErrorOf as failure, uniqueSuffix as unique } from '../../contract/helpers';
import { fakeClerkKey } from '../../../../server/testing/fake-secrets';

runOrganizationContract({
  connectionId: 'clerk',
  provider: 'clerk',
  createApi: createClerkApi,
  minimumSeeded: 250,
});

/** A real 1×1 PNG. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
);

describe('clerk adapter: Backend API specifics', () => {
  let server: TestServer;
  let api: OrgAdminApi;
  const sentVersions: (string | null)[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    api = createClerkApi({
      baseUrl: server.upstreamUrl('clerk'),
      fetch: (input, init) => {
        sentVersions.push(new Headers(init?.headers).get('clerk-api-version'));
        return fetch(input, init);
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const create = async (slug = `clerk-${unique()}`) =>
    (await api.organizations.create({ name: `Clerk Org ${unique()}`, slug, fields: {} }))
      .organization;

  /** Straight to the emulator, for what the adapter never sends. */
  const direct = (path: string, init: RequestInit & { version?: string; token?: string } = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${init.token ?? 'sandbox-token'}`);
    if (init.version) headers.set('clerk-api-version', init.version);
    return fetch(`${server.origin}/sandbox/clerk${path}`, { ...init, headers });
  };

  it('pins Clerk-API-Version 2026-05-12 on every call', async () => {
    sentVersions.length = 0;
    await api.organizations.list({ page: 1, pageSize: 5, search: '', sort: null });
    await create();
    expect(sentVersions.length).toBe(2);
    expect(sentVersions.every((version) => version === CLERK_API_VERSION)).toBe(true);
  });

  it('maps epoch-ms times, counts, logo flags and the extra fields of seeded orgs', async () => {
    const page = await api.organizations.list({ page: 1, pageSize: 20, search: '', sort: null });
    const org = page.items[0];
    expect(org?.createdAt).toMatch(/^20(2[3-6])-\d\d-\d\dT/);
    expect(org?.memberCount).toEqual(expect.any(Number));
    expect(org?.pendingInvitationCount).toEqual(expect.any(Number));
    expect(org?.hasImage).toBe(false);
    expect(org?.imageUrl).toContain('/sandbox/images/');
    expect(org?.fields).toEqual({
      max_allowed_memberships: expect.any(Number) as unknown,
      admin_delete_enabled: expect.any(Boolean) as unknown,
      created_by: org?.details.find((detail) => detail.key === 'created_by')?.value ?? null,
    });
    // The default order is Clerk's own, newest first.
    const created = page.items.map((item) => item.createdAt ?? '');
    expect(created).toEqual([...created].sort().reverse());
  });

  it('creates with a creator and a membership limit, then updates the editable fields', async () => {
    const seeded = await api.organizations.list({ page: 1, pageSize: 50, search: '', sort: null });
    const creator = seeded.items
      .map((org) => org.fields['created_by'])
      .find((id) => typeof id === 'string');
    expect(creator).toMatch(/^user_/);
    const { organization } = await api.organizations.create({
      name: `Limited ${unique()}`,
      fields: { max_allowed_memberships: 12, created_by: creator ?? null },
    });
    expect(organization.slug).toMatch(/^limited-/);
    expect(organization.fields['max_allowed_memberships']).toBe(12);
    expect(organization.fields['created_by']).toBe(creator);
    expect((await api.organizations.get(organization.id)).memberCount).toBe(1);

    const updated = await api.organizations.update(organization.id, {
      fields: { max_allowed_memberships: 0, admin_delete_enabled: false },
    });
    expect(updated.fields['max_allowed_memberships']).toBe(0);
    expect(updated.fields['admin_delete_enabled']).toBe(false);
  });

  it('refuses an unknown creator on the created_by field', async () => {
    const error = await failure(
      api.organizations.create({
        name: `Nobody ${unique()}`,
        fields: { created_by: 'user_missing' },
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors['created_by']).toBeTruthy();
  });

  it('deep-merges metadata exactly as documented: nested keys merge, null removes', async () => {
    const org = await create();
    await api.metadata?.replace?.(org.id, {
      public: { a: { x: 1, y: 2 }, b: 1 },
      private: { crm: 'hubspot' },
    });
    const merged = await api.metadata?.merge(org.id, { public: { a: { y: null, z: 3 } } });
    expect(merged?.metadata).toEqual({
      public: { a: { x: 1, z: 3 }, b: 1 },
      private: { crm: 'hubspot' },
    });
  });

  it('replaces a supplied metadata object whole and leaves the other alone', async () => {
    const org = await create();
    await api.metadata?.merge(org.id, {
      public: { plan: 'pro', limits: { seats: 5 } },
      private: { id: 7 },
    });
    const replaced = await api.metadata?.replace?.(org.id, { public: { plan: 'free' } });
    expect(replaced?.metadata).toEqual({ public: { plan: 'free' }, private: { id: 7 } });
    expect((await api.organizations.get(org.id)).metadata).toEqual(replaced?.metadata);
  });

  it('uploads a PNG logo whose image URL serves the same bytes, then removes it', async () => {
    const org = await create();
    const uploaded = await api.logo?.upload(
      org.id,
      new Blob([PNG], { type: 'image/png' }),
      'logo.png',
    );
    expect(uploaded?.hasImage).toBe(true);
    const image = await fetch(uploaded?.imageUrl ?? '');
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
    expect(uploaded?.details.map((detail) => detail.key)).toContain('logo_url');

    await api.logo?.remove(org.id);
    const after = await api.organizations.get(org.id);
    expect(after.hasImage).toBe(false);
    expect(after.imageUrl).not.toBe(uploaded?.imageUrl);
  });

  it('refuses a text file as a logo as a validation error on the file field', async () => {
    const org = await create();
    const error = await failure(
      api.logo?.upload(org.id, new Blob(['not an image'], { type: 'text/plain' }), 'notes.txt') ??
        Promise.resolve(),
    );
    expect(error.kind).toBe('validation');
    expect(error.status).toBe(400);
    expect(error.fieldErrors['file']).toMatch(/image\/png/);
  });

  it('refuses a logo over 10 MB (413) as a validation error', async () => {
    const org = await create();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PNG);
    const error = await failure(
      api.logo?.upload(org.id, new Blob([big], { type: 'image/png' }), 'big.png') ??
        Promise.resolve(),
    );
    expect(error.status).toBe(413);
    expect(error.kind).toBe('validation');
    expect((await api.organizations.get(org.id)).hasImage).toBe(false);
  });

  it('searches by part of a slug and by an exact ID', async () => {
    const token = unique();
    const org = await create(`alpha-${token}-omega`);
    const bySlug = await api.organizations.list({
      page: 1,
      pageSize: 10,
      search: `${token}-om`,
      sort: null,
    });
    expect(bySlug.items.map((item) => item.id)).toEqual([org.id]);
    const byId = await api.organizations.list({
      page: 1,
      pageSize: 10,
      search: org.id,
      sort: null,
    });
    expect(byId.items.map((item) => item.id)).toEqual([org.id]);
    expect(byId.total).toBe(1);
    const byIdPart = await api.organizations.list({
      page: 1,
      pageSize: 10,
      search: org.id.slice(0, 12),
      sort: null,
    });
    expect(byIdPart.items.map((item) => item.id)).not.toContain(org.id);
  });

  it('maps a taken slug on update onto the slug field', async () => {
    const first = await create();
    const second = await create();
    const error = await failure(api.organizations.update(second.id, { slug: first.slug ?? '' }));
    expect(error.kind).toBe('conflict');
    expect(error.code).toBe('form_identifier_exists');
    expect(error.fieldErrors['slug']).toBe('That slug is taken. Please try another.');
  });

  it('opens an org by slug but updates it only by ID', async () => {
    const org = await create();
    expect((await api.organizations.get(org.slug ?? '')).id).toBe(org.id);
    const error = await failure(api.organizations.update(org.slug ?? '', { name: 'By slug' }));
    expect(error.kind).toBe('not_found');
  });

  describe('emulator', () => {
    it('refuses metadata on update with 2026-05-12 and replaces it with 2025-11-10', async () => {
      const org = await create();
      const body = JSON.stringify({ public_metadata: { tier: 'gold' } });
      const headers = { 'content-type': 'application/json' };
      const refused = await direct(`/v1/organizations/${org.id}`, {
        method: 'PATCH',
        body,
        headers,
        version: '2026-05-12',
      });
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({
        errors: [{ code: 'form_param_unknown', meta: { param_name: 'public_metadata' } }],
      });
      const legacy = await direct(`/v1/organizations/${org.id}`, {
        method: 'PATCH',
        body,
        headers,
        version: '2025-11-10',
      });
      expect(legacy.status).toBe(200);
      expect(((await legacy.json()) as { public_metadata: unknown }).public_metadata).toEqual({
        tier: 'gold',
      });
    });

    it('answers a wrong secret key with 401 authentication_invalid and an unknown version with 400', async () => {
      const unauthorized = await direct('/v1/organizations', {
        token: fakeClerkKey('test', 'wrong'),
      });
      expect(unauthorized.status).toBe(401);
      expect(await unauthorized.json()).toMatchObject({
        errors: [{ code: 'authentication_invalid' }],
      });
      const badVersion = await direct('/v1/organizations', { version: '2020-01-01' });
      expect(badVersion.status).toBe(400);
    });

    it('answers unknown routes with a ClerkErrors 404', async () => {
      const response = await direct('/v1/sessions');
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ errors: [{ code: 'resource_not_found' }] });
    });

    it('validates limit and order_by with 422 naming the parameter', async () => {
      const response = await direct('/v1/organizations?limit=501&order_by=-slug');
      expect(response.status).toBe(422);
      const body = (await response.json()) as { errors: { meta: { param_name: string } }[] };
      expect(body.errors.map((error) => error.meta.param_name)).toEqual(['limit', 'order_by']);
    });

    it('filters by member with +/- user_id and by organization_id, and drops memberships on delete', async () => {
      const seeded = await api.organizations.list({
        page: 1,
        pageSize: 50,
        search: '',
        sort: null,
      });
      const creator = seeded.items
        .map((org) => org.fields['created_by'])
        .find((id) => typeof id === 'string');
      const org = (
        await api.organizations.create({
          name: `Member ${unique()}`,
          fields: { created_by: String(creator) },
        })
      ).organization;
      const ofUser = async (query: string) => {
        const response = await direct(`/v1/organizations?limit=500&${query}`);
        return ((await response.json()) as { data: { id: string }[] }).data.map((item) => item.id);
      };
      expect(await ofUser(`user_id=${String(creator)}`)).toContain(org.id);
      expect(await ofUser(`user_id=-${String(creator)}`)).not.toContain(org.id);
      expect(await ofUser(`organization_id=%2B${org.id}`)).toEqual([org.id]);
      await api.organizations.delete(org.id);
      expect(await ofUser(`user_id=${String(creator)}`)).not.toContain(org.id);
    });

    it('returns members_count only when asked', async () => {
      const without = await direct('/v1/organizations?limit=1');
      const withCount = await direct('/v1/organizations?limit=1&include_members_count=true');
      const [a, b] = (await Promise.all([without.json(), withCount.json()])) as {
        data: object[];
      }[];
      expect(a?.data[0]).not.toHaveProperty('members_count');
      expect(b?.data[0]).toHaveProperty('members_count');
    });
  });
});
