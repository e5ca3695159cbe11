import type { HttpClient } from '../../http-client';
import type { AccessApi, PermissionsApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import { toEffectivePermissions } from './access-map';
import { KindeOrganizationUserPermissionsWire } from './access-wire';
import { kindeOperations as ops } from './operations';
import type { PermissionCatalogue } from './catalogues';
import { KindeOrganizationUserRolesWire } from './people-wire';
import type { RoleCatalogue } from './catalogues';
import { KindeSuccessWire } from './wire';

/**
 * One member's roles and permissions, through the per-user endpoints
 * (`/api/v1/organizations/{org_code}/users/{user_id}/roles|permissions`), which address roles
 * and permissions by id: keys are turned into ids through the catalogues.
 */
export function createKindeAccess(
  http: HttpClient,
  roles: RoleCatalogue,
  permissions: PermissionCatalogue,
): Required<AccessApi> {
  async function succeed(call: Promise<{ json: unknown }>, what: string): Promise<void> {
    parseWire(KindeSuccessWire, (await call).json, what);
  }

  return {
    async roles(orgId, userId, { signal } = {}) {
      const raw = await http.call(ops.listOrganizationUserRoles, {
        params: { org_code: orgId, user_id: userId },
        signal,
      });
      const wire = parseWire(KindeOrganizationUserRolesWire, raw.json, 'user roles');
      return (wire.roles ?? []).flatMap((role) =>
        role.key ? [{ key: role.key, name: role.name || role.key }] : [],
      );
    },

    async addRole(orgId, userId, roleKey, { signal } = {}) {
      const roleId = await roles.idOf(roleKey, signal);
      await succeed(
        http.call(ops.addOrganizationUserRole, {
          params: { org_code: orgId, user_id: userId },
          body: { json: { role_id: roleId } },
          signal,
        }),
        'add role result',
      );
    },

    async removeRole(orgId, userId, roleKey, { signal } = {}) {
      const roleId = await roles.idOf(roleKey, signal);
      await succeed(
        http.call(ops.removeOrganizationUserRole, {
          params: { org_code: orgId, user_id: userId, role_id: roleId },
          signal,
        }),
        'remove role result',
      );
    },

    async permissions(orgId, userId, { signal } = {}) {
      const [raw, names] = await Promise.all([
        http.call(ops.listOrganizationUserPermissions, {
          params: { org_code: orgId, user_id: userId },
          query: { expand: 'roles' },
          signal,
        }),
        roles.names(signal),
      ]);
      const wire = parseWire(KindeOrganizationUserPermissionsWire, raw.json, 'user permissions');
      return toEffectivePermissions(wire.permissions ?? [], names);
    },

    async addPermission(orgId, userId, permissionKey, { signal } = {}) {
      const permissionId = await permissions.idOf(permissionKey, signal);
      await succeed(
        http.call(ops.addOrganizationUserPermission, {
          params: { org_code: orgId, user_id: userId },
          body: { json: { permission_id: permissionId } },
          signal,
        }),
        'add permission result',
      );
    },

    async removePermission(orgId, userId, permissionKey, { signal } = {}) {
      const permissionId = await permissions.idOf(permissionKey, signal);
      await succeed(
        http.call(ops.removeOrganizationUserPermission, {
          params: { org_code: orgId, user_id: userId, permission_id: permissionId },
          signal,
        }),
        'remove permission result',
      );
    },
  };
}

/** The permission catalogue, for the grant picker. */
export function createKindePermissions(catalogue: PermissionCatalogue): PermissionsApi {
  return { list: ({ signal } = {}) => catalogue.list(signal) };
}
