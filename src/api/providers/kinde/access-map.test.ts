import { describe, expect, it } from 'vitest';
import { parseWire } from '../../parse';
import environmentFlags from './__fixtures__/environment-feature-flags.json';
import organizationFlags from './__fixtures__/organization-feature-flags.json';
import userPermissions from './__fixtures__/organization-user-permissions.json';
import permissions from './__fixtures__/permissions.json';
import user from './__fixtures__/user.json';
import {
  fromFlagValue,
  toEffectivePermissions,
  toFeatureFlags,
  toFlagValue,
  toPermission,
} from './access-map';
import {
  KindeFeatureFlagsWire,
  KindeOrganizationUserPermissionsWire,
  KindePermissionsWire,
  KindeUserDetailWire,
} from './access-wire';

const roleNames = new Map([['admin', 'Administrator']]);

describe('Kinde access mapping', () => {
  it('maps get_permissions_response, falling back to the key for a blank name and dropping keyless rows', () => {
    const wire = parseWire(KindePermissionsWire, permissions, 'permissions');
    expect(wire.next_token).toBe('MjoyOm5hbWVfYXNj');
    expect((wire.permissions ?? []).map(toPermission)).toEqual([
      {
        key: 'org:read:billing',
        name: 'Read billing details',
        description: 'View plan and update card details',
        id: 'perm_019541f3fa0c874fc47b3ae73585b21c',
      },
      {
        key: 'read:logs',
        name: 'read:logs',
        description: null,
        id: 'perm_0195430a8f7c6e7f3c3d0bd2a2a1e9f4',
      },
      null,
    ]);
  });

  it('merges a member’s permission rows by key: a row without roles is a direct grant, roles are named from the catalogue', () => {
    const wire = parseWire(KindeOrganizationUserPermissionsWire, userPermissions, 'permissions');
    expect(toEffectivePermissions(wire.permissions ?? [], roleNames)).toEqual([
      {
        key: 'org:read:billing',
        name: 'Read billing details',
        sources: [
          { kind: 'direct' },
          { kind: 'role', role: { key: 'admin', name: 'Administrator' } },
          { kind: 'role', role: { key: 'viewer', name: 'viewer' } },
        ],
      },
      { key: 'read:logs', name: 'Read logs', sources: [{ kind: 'direct' }] },
    ]);
  });

  it('types flag values: str as text, int as a number, bool as a boolean', () => {
    expect(fromFlagValue('string', 'pink')).toBe('pink');
    expect(fromFlagValue('integer', '-12')).toBe(-12);
    expect(fromFlagValue('boolean', 'true')).toBe(true);
    expect(fromFlagValue('boolean', 'false')).toBe(false);
    expect(fromFlagValue('integer', '1.5')).toBeNull();
    expect(fromFlagValue('boolean', 'yes')).toBeNull();
    expect(fromFlagValue('string', null)).toBeNull();
  });

  it('writes override values as the strings ?value= carries', () => {
    expect(toFlagValue(true)).toBe('true');
    expect(toFlagValue(false)).toBe('false');
    expect(toFlagValue(42)).toBe('42');
    expect(toFlagValue('dark')).toBe('dark');
    expect(toFlagValue({ a: [1] })).toBe('{"a":[1]}');
  });

  it('maps the org’s flags with the environment’s values as defaults; a differing value is overridden', () => {
    const flags = toFeatureFlags(
      parseWire(KindeFeatureFlagsWire, organizationFlags, 'organization flags'),
      parseWire(KindeFeatureFlagsWire, environmentFlags, 'environment flags'),
    );
    expect(flags).toEqual([
      {
        key: 'theme',
        name: 'theme',
        description: null,
        type: 'string',
        defaultValue: 'grayscale',
        value: 'pink',
        overridden: true,
      },
      {
        key: 'max_seats',
        name: 'max_seats',
        description: null,
        type: 'integer',
        defaultValue: 10,
        value: 10,
        overridden: false,
      },
      {
        key: 'is_dark_mode',
        name: 'is_dark_mode',
        description: null,
        type: 'boolean',
        defaultValue: false,
        value: true,
        overridden: true,
      },
      {
        key: 'beta_banner',
        name: 'beta_banner',
        description: null,
        type: 'boolean',
        defaultValue: false,
        value: false,
        overridden: false,
      },
    ]);
  });

  it('leaves the default unknown (and the flag not overridden) for a flag the environment does not list', () => {
    const [flag] = toFeatureFlags(
      { feature_flags: { constructor: { type: 'int', value: '3' } } },
      parseWire(KindeFeatureFlagsWire, environmentFlags, 'environment flags'),
    );
    expect(flag).toMatchObject({
      key: 'constructor',
      defaultValue: null,
      value: 3,
      overridden: false,
    });
  });

  it('reads a user’s org codes from the flat user body', () => {
    expect(parseWire(KindeUserDetailWire, user, 'user').organizations).toEqual([
      'org_d2d85014942',
      'org_1ccfb819462',
    ]);
  });
});
