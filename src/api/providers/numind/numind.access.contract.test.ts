import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNumind } from '../../../../server/sandbox/providers/numind/state';
import { startTestServer, type TestServer } from '../../../../server/testing/test-server';
import { runAccessContract } from '../../contract/access-contract';
import type { AccessApi, OrgAdminApi } from '../../org-admin-api';
import { createNumindApi } from './adapter';
import { apiErrorOf as failure } from '../../contract/helpers';

/** The seed is deterministic, so every test server starts with exactly these. */
const seed = seedNumind();
const membersOf = (orgId: string) => seed.memberships.filter((m) => m.orgId === orgId);
const roleOf = (orgId: string, userId: string) =>
  membersOf(orgId).find((m) => m.userId === userId)?.roles[0] ?? null;

/** A seeded org the demo user manages (owner or admin), with another member who is an admin. */
function managedOrgWithAdmin(): { orgId: string; userId: string } {
  for (const org of seed.orgs) {
    if (!['owner', 'admin'].includes(roleOf(org.id, seed.demoUserId) ?? '')) continue;
    const other = membersOf(org.id).find(
      (m) => m.userId !== seed.demoUserId && m.roles.includes('admin'),
    );
    if (other) return { orgId: org.id, userId: other.userId };
  }
  throw new Error('the seed has an org the demo user manages with another admin');
}

runAccessContract({
  connectionId: 'numind',
  provider: 'numind',
  createApi: createNumindApi,
  orgAndMember: () => Promise.resolve(managedOrgWithAdmin()),
});

describe('numind adapter: a member’s roles', () => {
  let server: TestServer;
  let api: OrgAdminApi;
  let access: AccessApi;

  beforeAll(async () => {
    server = await startTestServer();
    api = createNumindApi({ baseUrl: server.upstreamUrl('numind') });
    if (!api.access) throw new Error('NuMind declares access');
    access = api.access;
  });
  afterAll(async () => {
    await server.close();
  });

  it('reads the roles NuMind lists for the member, as sent', async () => {
    const { orgId, userId } = managedOrgWithAdmin();
    expect(await access.roles(orgId, userId)).toEqual([{ key: 'admin', name: 'Admin' }]);
    expect(await access.roles(orgId, seed.demoUserId)).toEqual([
      expect.objectContaining({ key: roleOf(orgId, seed.demoUserId) }),
    ]);
  });

  it('has no permissions and no role changes, as NuMind has none', () => {
    expect(api.capabilities.access).toEqual({
      roles: 'readonly',
      permissions: null,
      permissionSources: false,
      permissionCatalogue: false,
    });
    expect(Object.keys(access)).toEqual(['roles']);
    expect(api.permissions).toBeUndefined();
  });

  it('reports someone who is not a member as not found', async () => {
    const { orgId } = managedOrgWithAdmin();
    const error = await failure(access.roles(orgId, '00000000-0000-4000-8000-000000000000'));
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('00000000-0000-4000-8000-000000000000');
  });

  it('reports an org the user is not in with NuMind’s own error', async () => {
    const outside = seed.orgs.find((org) => roleOf(org.id, seed.demoUserId) === null);
    if (!outside) throw new Error('the seed has orgs the demo user is not in');
    const error = await failure(access.roles(outside.id, seed.demoUserId));
    expect(error).toMatchObject({ kind: 'not_found', status: 404 });
    expect(error.message).toContain(outside.id);
  });
});
