import { kindeError, kindeErrors } from './errors';
import { compareText, pageOf, readPageQuery, nextTokenField } from './paging';
import {
  pathMembership,
  readObjectBody,
  success,
  type KindeHandlers,
  type KindeRouteKit,
} from './route-kit';
import type { KindeMembershipRecord, KindePermissionRecord, KindeState } from './state';

/**
 * A member's permissions (`GET/POST /api/v1/organizations/{org_code}/users/{user_id}/permissions`,
 * `DELETE …/permissions/{permission_id}`) and the catalogue (`GET /api/v1/permissions`). The spec
 * declares no 400 for the GET and POST; the sandbox answers problems with the 400
 * `error_response` the DELETE declares, and the codes are its choices.
 */

type PermissionOperation =
  | 'listOrganizationUserPermissions'
  | 'addOrganizationUserPermission'
  | 'removeOrganizationUserPermission'
  | 'listPermissions';

const PERMISSION_SORTS = ['name_asc', 'name_desc', 'id_asc', 'id_desc'] as const;

function permissionItem(permission: KindePermissionRecord) {
  return {
    id: permission.id,
    key: permission.key,
    name: permission.name,
    description: permission.description,
  };
}

/**
 * The member's permissions in catalogue order. With `expand=roles`, each row carries the member's
 * roles that give it; a direct grant is a row with no roles, so a permission held both directly
 * and through roles comes as two rows (how Kinde shows that is undocumented: the sandbox's choice).
 */
function userPermissionRows(state: KindeState, row: KindeMembershipRecord, expand: boolean) {
  const direct = new Set(row.permissions ?? []);
  const held = state.roles.filter((role) => row.roles.includes(role.key));
  return state.permissions.flatMap((permission) => {
    const viaRoles = held.filter((role) => role.permissions.includes(permission.key));
    if (!direct.has(permission.key) && viaRoles.length === 0) return [];
    const item = permissionItem(permission);
    if (!expand) return [item];
    return [
      ...(direct.has(permission.key) ? [{ ...item, roles: [] }] : []),
      ...(viaRoles.length > 0
        ? [{ ...item, roles: viaRoles.map((role) => ({ id: role.id, key: role.key })) }]
        : []),
    ];
  });
}

export function permissionHandlers(kit: KindeRouteKit): KindeHandlers<PermissionOperation> {
  const state = () => kit.state();
  const findPermission = (id: string) => state().permissions.find((entry) => entry.id === id);

  return {
    listOrganizationUserPermissions: kit.guarded('read:organization_user_permissions', (c) => {
      const row = pathMembership(kit, c);
      if (row instanceof Response) return row;
      const expand = c.req.query('expand') ?? '';
      if (expand !== '' && expand !== 'roles')
        return kindeError(400, 'INVALID_EXPAND', 'expand only accepts "roles"', 'expand');
      return c.json({
        code: 'OK',
        message: 'Success',
        permissions: userPermissionRows(state(), row, expand === 'roles'),
      });
    }),

    addOrganizationUserPermission: kit.guarded(
      'create:organization_user_permissions',
      async (c) => {
        const row = pathMembership(kit, c);
        if (row instanceof Response) return row;
        const body = await readObjectBody(c);
        if (body instanceof Response) return body;
        const permissionId = body['permission_id'];
        if (typeof permissionId !== 'string' || permissionId === '') {
          return kindeError(
            400,
            'PERMISSION_REQUIRED',
            'No permission ID provided',
            'permission_id',
          );
        }
        const permission = findPermission(permissionId);
        if (!permission)
          return kindeError(400, 'PERMISSION_NOT_FOUND', 'Permission not found', 'permission_id');
        // Granting a permission the member holds directly already succeeds without change (a choice).
        const granted = row.permissions ?? [];
        if (!granted.includes(permission.key)) {
          row.permissions = [...granted, permission.key];
          kit.ctx.store.changed();
        }
        return success();
      },
    ),

    removeOrganizationUserPermission: kit.guarded('delete:organization_user_permissions', (c) => {
      const row = pathMembership(kit, c);
      if (row instanceof Response) return row;
      const permission = findPermission(c.req.param('permission_id') ?? '');
      if (!permission)
        return kindeError(400, 'PERMISSION_NOT_FOUND', 'Permission not found', 'permission_id');
      const granted = row.permissions ?? [];
      if (!granted.includes(permission.key)) {
        const viaRole = state().roles.some(
          (role) => row.roles.includes(role.key) && role.permissions.includes(permission.key),
        );
        return kindeError(
          400,
          'PERMISSION_NOT_FOUND',
          viaRole
            ? 'The user has this permission through a role, not directly'
            : 'The user does not have this permission',
          'permission_id',
        );
      }
      const rest = granted.filter((key) => key !== permission.key);
      if (rest.length > 0) row.permissions = rest;
      else delete row.permissions;
      kit.ctx.store.changed();
      return success();
    }),

    listPermissions: kit.guarded('read:permissions', (c) => {
      const query = readPageQuery((name) => c.req.query(name), PERMISSION_SORTS);
      if (Array.isArray(query)) return kindeErrors(400, query);
      // With no sort, permissions come in the order they were created (a choice).
      const permissions = [...state().permissions];
      const sort = query.sort;
      if (sort) {
        const sign = sort.endsWith('_desc') ? -1 : 1;
        const field = sort.startsWith('name') ? 'name' : 'id';
        permissions.sort((a, b) => sign * compareText(a[field], b[field], a.id, b.id));
      }
      const { items, nextToken } = pageOf(permissions, query);
      return c.json({
        code: 'OK',
        message: 'Success',
        permissions: items.map(permissionItem),
        ...nextTokenField(nextToken),
      });
    }),
  };
}
