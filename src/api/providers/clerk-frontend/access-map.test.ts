import { describe, expect, it } from 'vitest';
import { parseWire } from '../../parse';
import { membershipOf, toEffectivePermissions, toRoleRefs } from '../clerk/access-map';
import membershipsPaginated from './__fixtures__/memberships-paginated.json';
import wrappedRoles from './__fixtures__/wrapped-roles.json';
import { listItems } from './people-map';
import {
  ClerkFrontendWrappedOrgMembershipsWire,
  ClerkFrontendWrappedRolesWire,
} from './people-wire';

const memberships = listItems(
  parseWire(ClerkFrontendWrappedOrgMembershipsWire, membershipsPaginated, 'organization members')
    .response,
).items;
const roles = parseWire(ClerkFrontendWrappedRolesWire, wrappedRoles, 'organization roles').response
  .data;

describe('Clerk member access mapping (Frontend API fixtures)', () => {
  it('finds the member’s membership and reads its one role', () => {
    const found = membershipOf(memberships, 'user_2abc');
    expect(found?.id).toBe('orgmem_2aaa');
    expect(found && toRoleRefs(found)).toEqual([{ key: 'org:admin', name: 'Admin' }]);
  });

  it('attributes the permissions the org’s roles grant, the rest as unattributed', () => {
    const [admin] = memberships;
    if (!admin) throw new Error('the fixture lists an admin membership');
    const permissions = toEffectivePermissions(admin, roles);
    expect(permissions.map((p) => p.key)).toEqual(admin.permissions);
    expect(permissions.find((p) => p.key === 'org:sys_memberships:manage')).toEqual({
      key: 'org:sys_memberships:manage',
      name: 'Manage members',
      sources: [{ kind: 'role', role: { key: 'org:admin', name: 'Admin' } }],
    });
    expect(permissions.find((p) => p.key === 'org:sys_profile:manage')?.sources).toEqual([
      { kind: 'unattributed' },
    ]);
  });

  it('reads a role whose permissions list is empty (the spec’s `org:basic_member`)', () => {
    const basic = roles.find((role) => role.key === 'org:basic_member');
    expect(basic?.permissions).toEqual([]);
    const member = { role: 'org:basic_member', role_name: 'Member', permissions: ['org:x:read'] };
    expect(toEffectivePermissions(member, roles)).toEqual([
      { key: 'org:x:read', name: 'org:x:read', sources: [{ kind: 'unattributed' }] },
    ]);
  });
});
