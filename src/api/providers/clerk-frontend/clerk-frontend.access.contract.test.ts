import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../server/testing/test-server';
import { runAccessContract } from '../../contract/access-contract';
import type { AccessApi, OrgAdminApi } from '../../org-admin-api';
import { createClerkFrontendApi } from './adapter';
import { apiErrorOf as failure, recordingAdapter } from '../../contract/helpers';

/** The seed's custom role whose permissions include custom ones (`org:tickets:reply`). */
const CUSTOM_ROLE = 'org:support';

/** One of the signed-in user's orgs, the smallest first, and a member there holding `role`. */
async function memberWithRole(
  api: OrgAdminApi,
  role: string,
): Promise<{ orgId: string; userId: string }> {
  const mine = (await api.organizations.listAll()).items
    .filter((org) => (org.memberCount ?? 0) >= 12)
    .sort((a, b) => (a.memberCount ?? 0) - (b.memberCount ?? 0));
  for (const org of mine) {
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
  throw new Error(`the seed gives one of the user's orgs a member with ${role}`);
}

runAccessContract({
  connectionId: 'clerk-frontend',
  provider: 'clerk-frontend',
  createApi: createClerkFrontendApi,
  orgAndMember: (api) => memberWithRole(api, CUSTOM_ROLE),
});

describe('clerk-frontend adapter: a member’s role and permissions', () => {
  let server: TestServer;
  let api: OrgAdminApi;
  let access: AccessApi;
  let calls: string[];

  beforeAll(async () => {
    ({ server, api, calls } = await recordingAdapter('clerk-frontend', createClerkFrontendApi));
    if (!api.access) throw new Error('the Frontend API declares access');
    access = api.access;
  });
  afterAll(async () => {
    await server.close();
  });

  it('attributes a custom role’s permissions, custom ones included, to that role', async () => {
    const { orgId, userId } = await memberWithRole(api, CUSTOM_ROLE);
    expect(await access.roles(orgId, userId)).toEqual([
      { key: CUSTOM_ROLE, name: 'Support agent' },
    ]);
    const permissions = (await access.permissions?.(orgId, userId)) ?? [];
    expect(permissions.map((permission) => permission.key).sort()).toEqual(
      ['org:sys_memberships:read', 'org:tickets:read', 'org:tickets:reply'].sort(),
    );
    const role = { kind: 'role', role: { key: CUSTOM_ROLE, name: 'Support agent' } };
    for (const permission of permissions) expect(permission.sources).toEqual([role]);
    expect(permissions.find((p) => p.key === 'org:tickets:reply')?.name).toBe(
      'Reply to support tickets',
    );
  });

  it('narrows the members list by the user id and reads the org’s own roles', async () => {
    const { orgId, userId } = await memberWithRole(api, CUSTOM_ROLE);
    calls.length = 0;
    await access.permissions?.(orgId, userId);
    const members = calls
      .map((url) => new URL(url))
      .filter((url) => url.pathname.endsWith(`/${orgId}/memberships`));
    expect(members.map((url) => url.searchParams.get('query'))).toEqual([userId]);
    expect(
      calls.map((url) => new URL(url)).some((url) => url.pathname.endsWith(`/${orgId}/roles`)),
    ).toBe(true);
  });

  it('reads the signed-in user’s own admin role and permissions', async () => {
    const org = (await api.organizations.create({ name: 'Access Check', fields: {} })).organization;
    const [me] = (await api.members?.listAll(org.id))?.items ?? [];
    if (!me) throw new Error('the creator is the new org’s member');
    expect((await access.roles(org.id, me.userId)).map((role) => role.key)).toEqual(['org:admin']);
    const keys = (await access.permissions?.(org.id, me.userId))?.map((p) => p.key);
    expect(keys).toEqual(
      expect.arrayContaining(['org:sys_profile:manage', 'org:sys_domains:manage']),
    );
  });

  it('reports someone who is not a member as not found', async () => {
    const { orgId } = await memberWithRole(api, CUSTOM_ROLE);
    const error = await failure(access.roles(orgId, 'user_notamember000000000000000'));
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('user_notamember000000000000000');
  });

  it('reports an unknown org as Clerk’s not found', async () => {
    const error = await failure(access.roles('org_doesnotexist', 'user_nobody'));
    expect(error.kind).toBe('not_found');
    expect(error.status).toBe(404);
  });
});
