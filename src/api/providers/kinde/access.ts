import type { HttpClient } from '../../http-client';
import type { AccessApi, PermissionsApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import { toEffectivePermissions } from './access-map';
import { KindeOrganizationUserPermissionsWire } from './access-wire';
import { kindeOperations as ops } from './operations';
import type { PermissionCatalogue } from './catalogues';
import {
  KindeOrganizationUserRolesWire,
  KindeUpdateOrganizationUsersWire,
  type KindeUpdateOrganizationUsersRequest,
} from './people-wire';
import { outcomesFromConfirmed, sendInChunks } from './bulk-users';
import type { AccessGrant, BulkOutcome } from '../../people';
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
  limits: { readonly maxUsersPerRequest: number },
): Required<AccessApi> {
  async function succeed(call: Promise<{ json: unknown }>, what: string): Promise<void> {
    parseWire(KindeSuccessWire, (await call).json, what);
  }

  /** One bulk `PATCH …/users` giving each user its roles and permissions, by key. */
  async function grantChunk(
    orgId: string,
    grants: readonly AccessGrant[],
    signal?: AbortSignal,
  ): Promise<BulkOutcome[]> {
    const body: KindeUpdateOrganizationUsersRequest = {
      users: grants.map((grant) => ({
        id: grant.userId,
        ...(grant.roles.length > 0 ? { roles: [...grant.roles] } : {}),
        ...(grant.permissions.length > 0 ? { permissions: [...grant.permissions] } : {}),
      })),
    };
    const raw = await http.call(ops.updateOrganizationUsers, {
      params: { org_code: orgId },
      body: { json: body },
      signal,
    });
    const wire = parseWire(KindeUpdateOrganizationUsersWire, raw.json, 'update users result');
    const confirmed =
      wire.users_updated || wire.users_added
        ? [...(wire.users_updated ?? []), ...(wire.users_added ?? [])]
        : null;
    return outcomesFromConfirmed(
      grants.map((grant) => grant.userId),
      confirmed,
      raw.status,
      'Kinde answered without updating this user.',
    );
  }

  const api: Required<AccessApi> = {
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

    /**
     * Kinde's bulk `PATCH …/users` takes role and permission keys per user, 100 users a request.
     * When Kinde refuses a request of several users, each is given their roles and permissions
     * through the per-user endpoints instead, so each gets their own result (giving what a
     * member holds already succeeds, so nothing is done twice).
     */
    grantMany: (orgId, grants, { signal } = {}) =>
      sendInChunks(
        grants,
        limits.maxUsersPerRequest,
        (chunk) => grantChunk(orgId, chunk, signal),
        async (grant) => {
          for (const key of grant.roles) await api.addRole(orgId, grant.userId, key, { signal });
          for (const key of grant.permissions)
            await api.addPermission(orgId, grant.userId, key, { signal });
        },
      ),
  };
  return api;
}

/** The permission catalogue, for the grant picker. */
export function createKindePermissions(catalogue: PermissionCatalogue): PermissionsApi {
  return { list: ({ signal } = {}) => catalogue.list(signal) };
}
