import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../server/testing/test-server';
import { runAccessContract } from '../../contract/access-contract';
import type { AccessApi, OrgAdminApi } from '../../org-admin-api';
import { createClerkApi } from './adapter';
import { apiErrorOf as failure, recordingAdapter } from '../../contract/helpers';

/** The seed's custom role whose permissions include custom ones (`org:invoices:export`). */
const CUSTOM_ROLE = 'org:billing';

/** A seeded org of a few dozen members, and one of them holding `role`. */
async function memberWithRole(
  api: OrgAdminApi,
  role: string,
): Promise<{ orgId: string; userId: string }> {
  const orgs = await api.organizations.list({
    page: 1,
    pageSize: 100,
    search: '',
    sort: { field: 'memberCount', direction: 'desc' },
  });
  for (const org of orgs.items) {
    if ((org.memberCount ?? 0) > 200) continue;
    const page = await api.members?.list(org.id, {
      page: 1,
      pageSize: 1,
      search: '',
      role,
      sort: null,
    });
    const member = page?.items[0];
    if (member) return { orgId: org.id, userId: member.userId };
  }
  throw new Error(`the seed gives some mid-sized org a member with ${role}`);
}

runAccessContract({
  connectionId: 'clerk',
  provider: 'clerk',
  createApi: createClerkApi,
  orgAndMember: (api) => memberWithRole(api, CUSTOM_ROLE),
});

describe('clerk adapter: a member’s role and permissions', () => {
  let server: TestServer;
  let api: OrgAdminApi;
  let access: AccessApi;
  let calls: string[];

  beforeAll(async () => {
    ({ server, api, calls } = await recordingAdapter('clerk', createClerkApi));
    if (!api.access) throw new Error('Clerk declares access');
    access = api.access;
  });
  afterAll(async () => {
    await server.close();
  });

  it('attributes a custom role’s permissions, custom ones included, to that role', async () => {
    const { orgId, userId } = await memberWithRole(api, CUSTOM_ROLE);
    expect(await access.roles(orgId, userId)).toEqual([
      { key: CUSTOM_ROLE, name: 'Billing manager' },
    ]);
    const permissions = await access.permissions?.(orgId, userId);
    expect(permissions?.map((permission) => permission.key).sort()).toEqual(
      [
        'org:invoices:export',
        'org:sys_billing:manage',
        'org:sys_billing:read',
        'org:sys_memberships:read',
      ].sort(),
    );
    const role = { kind: 'role', role: { key: CUSTOM_ROLE, name: 'Billing manager' } };
    for (const permission of permissions ?? []) expect(permission.sources).toEqual([role]);
    expect(permissions?.find((p) => p.key === 'org:invoices:export')?.name).toBe('Export invoices');
  });

  it('finds the membership by user id filter, not by loading the whole member list', async () => {
    const { orgId, userId } = await memberWithRole(api, 'org:support');
    calls.length = 0;
    await access.roles(orgId, userId);
    const lookups = calls
      .map((url) => new URL(url))
      .filter((url) => url.pathname.endsWith('/memberships'));
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.searchParams.getAll('user_id')).toEqual([userId]);
  });

  it('follows a role change made through the members API', async () => {
    const { orgId, userId } = await memberWithRole(api, 'org:support');
    await api.members?.setRoles?.(orgId, userId, ['org:member']);
    expect((await access.roles(orgId, userId)).map((role) => role.key)).toEqual(['org:member']);
    const keys = (await access.permissions?.(orgId, userId))?.map((p) => p.key);
    expect(keys).toContain('org:sys_memberships:read');
    expect(keys).not.toContain('org:tickets:reply');
  });

  it('gives an admin every system permission, each from the admin role', async () => {
    const { orgId, userId } = await memberWithRole(api, 'org:admin');
    const permissions = (await access.permissions?.(orgId, userId)) ?? [];
    const keys = permissions.map((permission) => permission.key);
    for (const key of [
      'org:sys_profile:manage',
      'org:sys_memberships:manage',
      'org:sys_domains:read',
    ])
      expect(keys).toContain(key);
    expect(permissions.every((p) => p.sources[0]?.kind === 'role')).toBe(true);
  });

  it('reports someone who is not a member as not found', async () => {
    const { orgId } = await memberWithRole(api, CUSTOM_ROLE);
    const error = await failure(access.roles(orgId, 'user_notamember000000000000000'));
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('user_notamember000000000000000');
    expect(
      (await failure(access.permissions?.(orgId, 'user_nobody') ?? Promise.resolve())).kind,
    ).toBe('not_found');
  });

  it('reports an unknown org as Clerk’s not found', async () => {
    const error = await failure(access.roles('org_doesnotexist', 'user_nobody'));
    expect(error.kind).toBe('not_found');
    expect(error.status).toBe(404);
  });
});
