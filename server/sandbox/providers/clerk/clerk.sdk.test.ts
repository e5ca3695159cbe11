import { createClerkClient, type ClerkClient } from '@clerk/backend';
import { isClerkAPIResponseError } from '@clerk/backend/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../testing/test-server';

/** A real 1×1 PNG. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
);

function unique(): string {
  return Math.random().toString(36).slice(2, 8);
}

async function clerkFailure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isClerkAPIResponseError(error))
    throw new Error(`expected a ClerkAPIResponseError, got ${String(error)}`);
  return error;
}

/** `@clerk/backend`, unchanged, pointed at the sandbox's Backend API. */
describe('@clerk/backend against the Clerk sandbox', () => {
  let server: TestServer;
  let clerk: ClerkClient;

  beforeAll(async () => {
    server = await startTestServer();
    clerk = createClerkClient({
      secretKey: 'sandbox-token',
      apiUrl: `${server.origin}/sandbox/clerk`,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists organizations with limit, offset, query, orderBy and member counts', async () => {
    const first = await clerk.organizations.getOrganizationList({
      limit: 5,
      includeMembersCount: true,
    });
    expect(first.data).toHaveLength(5);
    expect(first.totalCount).toBeGreaterThanOrEqual(250);
    expect(first.data.every((org) => typeof org.membersCount === 'number')).toBe(true);

    const second = await clerk.organizations.getOrganizationList({ limit: 5, offset: 5 });
    const seen = new Set(first.data.map((org) => org.id));
    expect(second.data.some((org) => seen.has(org.id))).toBe(false);

    const byMembers = await clerk.organizations.getOrganizationList({
      limit: 10,
      orderBy: '-members_count',
      includeMembersCount: true,
    });
    const counts = byMembers.data.map((org) => org.membersCount ?? -1);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThanOrEqual(100);

    const target = byMembers.data[0];
    const found = await clerk.organizations.getOrganizationList({ query: target?.slug ?? '' });
    expect(found.data.map((org) => org.id)).toContain(target?.id);
  });

  it('creates, reads by ID and by slug, updates and deletes an organization', async () => {
    const slug = `sdk-${unique()}`;
    const created = await clerk.organizations.createOrganization({
      name: 'SDK Org',
      slug,
      maxAllowedMemberships: 25,
      publicMetadata: { plan: 'pro' },
    });
    expect(created.slug).toBe(slug);
    expect(created.maxAllowedMemberships).toBe(25);
    expect(created.publicMetadata).toEqual({ plan: 'pro' });
    expect(created.createdAt).toBeGreaterThan(Date.UTC(2024, 0, 1));

    const byId = await clerk.organizations.getOrganization({
      organizationId: created.id,
      includeMembersCount: true,
    });
    expect(byId.membersCount).toBe(0);
    const bySlug = await clerk.organizations.getOrganization({ slug });
    expect(bySlug.id).toBe(created.id);

    const updated = await clerk.organizations.updateOrganization(created.id, {
      name: 'SDK Org Renamed',
      adminDeleteEnabled: false,
    });
    expect(updated.name).toBe('SDK Org Renamed');
    expect(updated.adminDeleteEnabled).toBe(false);

    const deleted = await clerk.organizations.deleteOrganization(created.id);
    expect(deleted).toMatchObject({ object: 'organization', id: created.id, deleted: true });
    const missing = await clerkFailure(
      clerk.organizations.getOrganization({ organizationId: created.id }),
    );
    expect(missing.status).toBe(404);
    expect(missing.errors[0]?.code).toBe('resource_not_found');
  });

  it('merges and replaces metadata', async () => {
    const org = await clerk.organizations.createOrganization({ name: `Meta ${unique()}` });
    await clerk.organizations.updateOrganizationMetadata(org.id, {
      publicMetadata: { a: { x: 1, y: 2 }, b: 1 },
      privateMetadata: { crm: 'hubspot' },
    });
    const merged = await clerk.organizations.updateOrganizationMetadata(org.id, {
      publicMetadata: { a: { y: null, z: 3 } },
    });
    expect(merged.publicMetadata).toEqual({ a: { x: 1, z: 3 }, b: 1 });
    expect(merged.privateMetadata).toEqual({ crm: 'hubspot' });

    const replaced = await clerk.organizations.replaceOrganizationMetadata(org.id, {
      publicMetadata: { only: true },
    });
    expect(replaced.publicMetadata).toEqual({ only: true });
    expect(replaced.privateMetadata).toEqual({ crm: 'hubspot' });
  });

  it('uploads a logo from a Blob and deletes it', async () => {
    const org = await clerk.organizations.createOrganization({ name: `Logo ${unique()}` });
    const withLogo = await clerk.organizations.updateOrganizationLogo(org.id, {
      file: new Blob([PNG], { type: 'image/png' }),
    });
    expect(withLogo.hasImage).toBe(true);
    const image = await fetch(withLogo.imageUrl);
    expect(image.headers.get('content-type')).toBe('image/png');

    const withoutLogo = await clerk.organizations.deleteOrganizationLogo(org.id);
    expect(withoutLogo.hasImage).toBe(false);
  });

  it('surfaces Clerk errors: a taken slug with its param, a 429 with Retry-After', async () => {
    const org = await clerk.organizations.createOrganization({ name: `Taken ${unique()}` });
    const taken = await clerkFailure(
      clerk.organizations.createOrganization({ name: 'Again', slug: org.slug }),
    );
    expect(taken.status).toBe(422);
    expect(taken.errors[0]).toMatchObject({
      code: 'form_identifier_exists',
      meta: { paramName: 'slug' },
    });

    await server.addFault({
      vendor: 'clerk',
      path: '/v1/organizations',
      status: 429,
      retryAfterSeconds: 3,
      times: 1,
    });
    const limited = await clerkFailure(clerk.organizations.getOrganizationList());
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe(3);
    expect(limited.errors[0]?.code).toBe('too_many_requests');
  });
});
