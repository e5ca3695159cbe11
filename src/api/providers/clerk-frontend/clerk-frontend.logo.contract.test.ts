import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/testing/test-server';
import type { LogoApi, OrgAdminApi } from '../../org-admin-api';
import { createClerkApi } from '../clerk/adapter';
import { createClerkFrontendApi } from './adapter';
import { apiErrorOf as failure, uniqueSuffix as unique } from '../../contract/helpers';

/** A real 1×1 PNG. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
);
const png = () => new Blob([PNG], { type: 'image/png' });

interface Wrapped<T> {
  response: T;
  client: { object: string } | null;
}

interface MembershipsBody {
  response: { data: { role: string; organization: { id: string } }[] };
}

describe('clerk-frontend adapter: the org logo', () => {
  let server: TestServer;
  let fapi: OrgAdminApi;
  let bapi: OrgAdminApi;
  let logo: LogoApi;

  beforeAll(async () => {
    server = await startTestServer();
    fapi = createClerkFrontendApi({ baseUrl: server.upstreamUrl('clerk-frontend') });
    bapi = createClerkApi({ baseUrl: server.upstreamUrl('clerk') });
    if (!fapi.logo) throw new Error('the Frontend API declares a logo');
    logo = fapi.logo;
  });
  afterAll(async () => {
    await server.close();
  });

  /** Straight to the emulator, for what the adapter never sends. */
  const direct = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', 'Bearer sandbox-token');
    // The native-app scheme: Clerk reads the bearer only with `_is_native=true`.
    const url = new URL(`${server.origin}/sandbox/clerk-frontend${path}`);
    url.searchParams.set('_is_native', 'true');
    return fetch(url, { ...init, headers });
  };

  /** An org the signed-in user creates, and so administers. */
  const ownOrg = async () =>
    (await fapi.organizations.create({ name: `Logo ${unique()}`, fields: {} })).organization.id;

  const memberOnlyOrgId = async () => {
    const response = await direct('/v1/me/organization_memberships?paginated=true&limit=500');
    const body = (await response.json()) as MembershipsBody;
    const id = body.response.data.find((m) => m.role === 'org:member')?.organization.id;
    if (!id) throw new Error('the seed makes the user a plain member of some orgs');
    return id;
  };

  it('declares the Backend API’s types and size, one variant, removable', () => {
    expect(fapi.capabilities.logo).toEqual(bapi.capabilities.logo);
    expect(fapi.capabilities.logo?.variants).toEqual(['default']);
  });

  it('uploads a PNG as an admin: the answer is the org, whose image URL serves the bytes', async () => {
    const orgId = await ownOrg();
    const uploaded = await logo.upload(orgId, png(), 'logo.png');
    expect(uploaded?.id).toBe(orgId);
    expect(uploaded?.hasImage).toBe(true);
    const image = await fetch(uploaded?.imageUrl ?? '');
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
    // One Clerk instance: the Backend API sees the same logo.
    const seen = await bapi.organizations.get(orgId);
    expect(seen.hasImage).toBe(true);
    expect(seen.imageUrl).toBe(uploaded?.imageUrl);
  });

  it('refuses a plain member, leaving the org as it was', async () => {
    const orgId = await memberOnlyOrgId();
    const error = await failure(logo.upload(orgId, png(), 'logo.png'));
    expect(error.kind).toBe('forbidden');
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/admin/);
    expect((await failure(logo.remove(orgId))).kind).toBe('forbidden');
    expect((await bapi.organizations.get(orgId)).hasImage).toBe(false);
  });

  it('refuses an org the user is not a member of', async () => {
    const outside = (await bapi.organizations.create({ name: `Outside ${unique()}`, fields: {} }))
      .organization.id;
    expect((await failure(logo.upload(outside, png(), 'logo.png'))).kind).toBe('forbidden');
  });

  it('deletes the logo with a DeletedObject answer, after which the org has no image', async () => {
    const orgId = await ownOrg();
    await logo.upload(orgId, png(), 'logo.png');
    const response = await direct(`/v1/organizations/${orgId}/logo`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Wrapped<Record<string, unknown>>;
    expect(body.response['deleted']).toBe(true);
    expect(typeof body.response['object']).toBe('string');
    expect(body.response).not.toHaveProperty('name');
    expect(body.response).not.toHaveProperty('has_image');
    const after = await fapi.organizations.get(orgId);
    expect(after.hasImage).toBe(false);
    expect(after.details.find((detail) => detail.key === 'has_image')?.value).toBe(false);
  });

  it('removes a logo through the adapter', async () => {
    const orgId = await ownOrg();
    const uploaded = await logo.upload(orgId, png(), 'logo.png');
    await logo.remove(orgId);
    const after = await fapi.organizations.get(orgId);
    expect(after.hasImage).toBe(false);
    expect(after.imageUrl).not.toBe(uploaded?.imageUrl);
  });

  it('takes the image as a raw octet-stream body, as bytes or as base64', async () => {
    const orgId = await ownOrg();
    const put = (body: BodyInit) =>
      direct(`/v1/organizations/${orgId}/logo`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream' },
        body,
      });
    for (const body of [PNG, btoa(String.fromCharCode(...PNG))]) {
      const response = await put(body);
      expect(response.status).toBe(200);
      const wrapped = (await response.json()) as Wrapped<{ has_image: boolean; image_url: string }>;
      expect(wrapped.response.has_image).toBe(true);
      expect(wrapped.client?.object).toBe('client');
      const image = await fetch(wrapped.response.image_url);
      expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
      await direct(`/v1/organizations/${orgId}/logo`, { method: 'DELETE' });
    }
    const text = await put('not an image at all');
    expect(text.status).toBe(422);
  });

  it('refuses a text file as a validation error on the file field', async () => {
    const orgId = await ownOrg();
    const error = await failure(
      logo.upload(orgId, new Blob(['not an image'], { type: 'text/plain' }), 'notes.txt'),
    );
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors['file']).toMatch(/image\/png/);
  });

  it('refuses a logo over 10 MB (413) as a validation error', async () => {
    const orgId = await ownOrg();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PNG);
    const error = await failure(logo.upload(orgId, new Blob([big]), 'big.png'));
    expect(error.status).toBe(413);
    expect(error.kind).toBe('validation');
    expect((await fapi.organizations.get(orgId)).hasImage).toBe(false);
  });

  it('refuses a form without a file', async () => {
    const orgId = await ownOrg();
    const form = new FormData();
    form.append('image', 'nothing');
    const response = await direct(`/v1/organizations/${orgId}/logo`, { method: 'PUT', body: form });
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      errors: { code: string; meta?: { param_name?: string } }[];
    };
    expect(body.errors[0]).toMatchObject({
      code: 'form_param_missing',
      meta: { param_name: 'file' },
    });
  });
});
