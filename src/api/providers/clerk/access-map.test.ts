import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import { parseWire } from '../../parse';
import membershipList from './__fixtures__/membership-list.json';
import roleList from './__fixtures__/role-list.json';
import {
  membershipOf,
  notAMember,
  toEffectivePermissions,
  toRoleRefs,
  type CatalogueRole,
} from './access-map';
import { ClerkMembershipListWire, ClerkRoleListWire } from './people-wire';

const memberships = parseWire(ClerkMembershipListWire, membershipList, 'organization memberships');
const roles = parseWire(ClerkRoleListWire, roleList, 'organization roles').data;

function membership(index: number) {
  const found = memberships.data[index];
  if (!found) throw new Error(`the fixture lists membership ${String(index)}`);
  return found;
}

const ADMIN = { kind: 'role', role: { key: 'org:admin', name: 'Admin' } } as const;
const UNATTRIBUTED = { kind: 'unattributed' } as const;

describe('Clerk member access mapping (Backend API fixtures)', () => {
  it('reads the one role of the documented membership', () => {
    expect(toRoleRefs(membership(0))).toEqual([{ key: 'org:member', name: 'Member' }]);
    expect(toRoleRefs({ ...membership(1), role_name: undefined })).toEqual([
      { key: 'org:admin', name: 'org:admin' },
    ]);
  });

  it('attributes to the role what the catalogue says it grants, named as the catalogue names it', () => {
    const permissions = toEffectivePermissions(membership(1), roles);
    expect(permissions.find((p) => p.key === 'org:sys_memberships:manage')).toEqual({
      key: 'org:sys_memberships:manage',
      name: 'Manage members',
      sources: [ADMIN],
    });
  });

  it('keeps what the role does not explain as unattributed (Clerk has no direct grants), keeping the membership’s order', () => {
    const permissions = toEffectivePermissions(membership(1), roles);
    expect(permissions.map((p) => p.key)).toEqual(membership(1).permissions);
    expect(permissions.find((p) => p.key === 'org:sys_profile:delete')).toEqual({
      key: 'org:sys_profile:delete',
      name: 'org:sys_profile:delete',
      sources: [UNATTRIBUTED],
    });
  });

  it('leaves every permission unattributed when the role is not in the catalogue', () => {
    const permissions = toEffectivePermissions(membership(0), roles);
    expect(permissions).toEqual([
      {
        key: 'org:sys_memberships:read',
        name: 'org:sys_memberships:read',
        sources: [UNATTRIBUTED],
      },
    ]);
  });

  it('attributes a custom role’s custom permissions to it, and names them from any role', () => {
    const reports = { key: 'org:reports:read', name: 'Read reports' };
    const catalogue: CatalogueRole[] = roles.map((role) =>
      role.key === 'org:auditor' ? { ...role, permissions: [reports] } : role,
    );
    const auditor = {
      ...membership(0),
      role: 'org:auditor',
      role_name: 'Auditor',
      permissions: ['org:reports:read', 'org:sys_memberships:manage'],
    };
    expect(toEffectivePermissions(auditor, catalogue)).toEqual([
      {
        key: 'org:reports:read',
        name: 'Read reports',
        sources: [{ kind: 'role', role: { key: 'org:auditor', name: 'Auditor' } }],
      },
      // Granted by another role of the catalogue, not by this member's: unattributed, but named.
      { key: 'org:sys_memberships:manage', name: 'Manage members', sources: [UNATTRIBUTED] },
    ]);
  });

  it('reads null or repeated permissions (the Frontend API allows null) without inventing any', () => {
    expect(toEffectivePermissions({ ...membership(1), permissions: null }, roles)).toEqual([]);
    const twice = {
      ...membership(1),
      permissions: ['org:sys_memberships:manage', 'org:sys_memberships:manage'],
    };
    expect(toEffectivePermissions(twice, roles)).toHaveLength(1);
  });

  it('finds a membership by exact user id only', () => {
    expect(membershipOf(memberships.data, 'user_2abc')?.id).toBe('orgmem_2bbb');
    expect(membershipOf(memberships.data, 'user_2ab')).toBeUndefined();
    const error = notAMember('user_2ab');
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('user_2ab');
  });

  it('needs each role permission’s name, naming the field when it is missing', () => {
    const [first] = roleList.data;
    const broken = {
      ...roleList,
      data: [{ ...first, permissions: [{ key: 'org:sys_memberships:manage' }] }],
    };
    let caught: unknown;
    try {
      parseWire(ClerkRoleListWire, broken, 'organization roles');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).kind).toBe('bad_response');
    expect((caught as ApiError).message).toContain('data[0].permissions[0].name');
  });
});
