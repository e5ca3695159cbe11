import type { Context } from 'hono';
import { kindeError, kindeErrors } from './errors';
import { readUserEntries, type UserEntry } from './member-input';
import { compareText, pageOf, readPageQuery, nextTokenField } from './paging';
import { organizationUser, organizationUserRole } from './people-view';
import {
  csvQuery,
  effectivePermissions,
  pathMembership as pathMembershipOf,
  pathOrg as pathOrgOf,
  readObjectBody,
  success,
  type KindeHandlers,
  type KindeRouteKit,
} from './route-kit';
import { byKey, groupedBy } from './lookup';
import { kindeTime } from './state';

/**
 * Org users: `GET/POST/PATCH /api/v1/organizations/{org_code}/users`, `DELETE …/users/{user_id}`
 * and a member's roles (`GET/POST …/users/{user_id}/roles`, `DELETE …/roles/{role_id}`).
 * The spec declares 400 (not 404) for these; the error codes are the sandbox's choices.
 */

const MEMBER_SORTS = ['name_asc', 'name_desc', 'email_asc', 'email_desc'] as const;

type MemberOperation =
  | 'listOrganizationUsers'
  | 'addOrganizationUsers'
  | 'updateOrganizationUsers'
  | 'removeOrganizationUser'
  | 'listOrganizationUserRoles'
  | 'addOrganizationUserRole'
  | 'removeOrganizationUserRole';

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

export function memberHandlers(kit: KindeRouteKit): KindeHandlers<MemberOperation> {
  const state = () => kit.state();

  const pathOrg = (c: Context) => pathOrgOf(kit, c);
  const pathMembership = (c: Context) => pathMembershipOf(kit, c);

  function addMember(orgCode: string, entry: UserEntry): void {
    // Kinde gives its default roles to users who join an org; applying them to an API add
    // without roles is the sandbox's reading of that.
    const roles =
      entry.roles ??
      state()
        .roles.filter((role) => role.is_default_role)
        .map((role) => role.key);
    const permissions = entry.permissions ?? [];
    state().memberships.push({
      orgCode,
      userId: entry.id,
      roles,
      ...(permissions.length > 0 ? { permissions } : {}),
      joinedOn: kindeTime(kit.ctx.now()),
    });
  }

  function removeMembers(orgCode: string, userIds: ReadonlySet<string>): void {
    const s = state();
    s.memberships = s.memberships.filter(
      (row) => row.orgCode !== orgCode || !userIds.has(row.userId),
    );
  }

  const membershipsOf = (orgCode: string) =>
    new Map(
      (groupedBy(state().memberships, 'orgCode').get(orgCode) ?? []).map((row) => [
        row.userId,
        row,
      ]),
    );

  return {
    listOrganizationUsers: kit.guarded('read:organization_users', (c) => {
      const org = pathOrg(c);
      if (org instanceof Response) return org;
      const query = readPageQuery((name) => c.req.query(name), MEMBER_SORTS);
      if (Array.isArray(query)) return kindeErrors(400, query);
      const roles = csvQuery(c, 'roles');
      const permissions = csvQuery(c, 'permissions');
      const users = byKey(state().users, 'id');
      const rows = (groupedBy(state().memberships, 'orgCode').get(org.code) ?? []).flatMap(
        (row) => {
          const user = users.get(row.userId);
          if (!user) return [];
          if (!roles.every((key) => row.roles.includes(key))) return [];
          if (permissions.length > 0) {
            const granted = effectivePermissions(state(), row);
            if (!permissions.every((key) => granted.has(key))) return [];
          }
          return [organizationUser(row, user)];
        },
      );
      // Without a sort, members come in the order they joined (a choice: the docs do not say).
      const sort = query.sort;
      if (sort) {
        const field = sort.startsWith('name') ? 'name' : 'email';
        const sign = sort.endsWith('desc') ? -1 : 1;
        rows.sort((a, b) => {
          const [x, y] = field === 'name' ? [a.full_name, b.full_name] : [a.email, b.email];
          return sign * compareText(x, y, a.id, b.id);
        });
      }
      const { items, nextToken } = pageOf(rows, query);
      return c.json({
        code: 'OK',
        message: 'Success',
        organization_users: items,
        ...nextTokenField(nextToken),
      });
    }),

    addOrganizationUsers: kit.guarded('create:organization_users', async (c) => {
      const org = pathOrg(c);
      if (org instanceof Response) return org;
      const body = await readObjectBody(c);
      if (body instanceof Response) return body;
      const { entries, errors } = readUserEntries(body, 'add', state());
      const members = membershipsOf(org.code);
      // Adding a member again is refused (the sandbox's choice; the docs do not say).
      for (const entry of entries) {
        if (!members.has(entry.id)) continue;
        errors.push({
          code: 'USER_ALREADY_IN_ORGANIZATION',
          message: `User ${entry.id} is already a member of this organization`,
          field: 'users',
        });
      }
      if (errors.length > 0) return kindeErrors(400, errors);
      for (const entry of entries) addMember(org.code, entry);
      kit.ctx.store.changed();
      return c.json({
        code: 'OK',
        message: 'Success',
        users_added: entries.map((entry) => entry.id),
      });
    }),

    updateOrganizationUsers: kit.guarded('update:organization_users', async (c) => {
      const org = pathOrg(c);
      if (org instanceof Response) return org;
      const body = await readObjectBody(c);
      if (body instanceof Response) return body;
      const { entries, errors } = readUserEntries(body, 'update', state());
      if (errors.length > 0) return kindeErrors(400, errors);
      const members = membershipsOf(org.code);
      const added: string[] = [];
      const updated: string[] = [];
      const removed: string[] = [];
      for (const entry of entries) {
        const row = members.get(entry.id);
        if (entry.remove) {
          // Removing someone who is not a member is a no-op (a choice).
          if (row) removed.push(entry.id);
        } else if (!row) {
          addMember(org.code, entry);
          added.push(entry.id);
        } else {
          // Roles and permissions sent are added to those held; PATCH takes none away (the
          // spec says "Role keys to assign"; that it does not replace is unconfirmed).
          row.roles = union(row.roles, entry.roles ?? []);
          const permissions = union(row.permissions ?? [], entry.permissions ?? []);
          if (permissions.length > 0) row.permissions = permissions;
          updated.push(entry.id);
        }
      }
      removeMembers(org.code, new Set(removed));
      kit.ctx.store.changed();
      return c.json({
        message: 'Success',
        code: 'OK',
        users_added: added,
        users_updated: updated,
        users_removed: removed,
      });
    }),

    removeOrganizationUser: kit.guarded('delete:organization_users', (c) => {
      const row = pathMembership(c);
      if (row instanceof Response) return row;
      removeMembers(row.orgCode, new Set([row.userId]));
      kit.ctx.store.changed();
      return success();
    }),

    listOrganizationUserRoles: kit.guarded('read:organization_user_roles', (c) => {
      const row = pathMembership(c);
      if (row instanceof Response) return row;
      // In the order they were given.
      const roles = row.roles.flatMap((key) => state().roles.filter((role) => role.key === key));
      // The spec lists no paging parameters here: every role comes at once.
      return c.json({
        code: 'OK',
        message: 'Success',
        roles: roles.map(organizationUserRole),
      });
    }),

    addOrganizationUserRole: kit.guarded('create:organization_user_roles', async (c) => {
      const row = pathMembership(c);
      if (row instanceof Response) return row;
      const body = await readObjectBody(c);
      if (body instanceof Response) return body;
      const roleId = body['role_id'];
      if (typeof roleId !== 'string' || roleId === '')
        return kindeError(400, 'ROLE_REQUIRED', 'No role ID provided', 'role_id');
      const role = state().roles.find((candidate) => candidate.id === roleId);
      if (!role) return kindeError(400, 'ROLE_NOT_FOUND', 'Role not found', 'role_id');
      // Giving a role the member holds already succeeds without change (a choice).
      if (!row.roles.includes(role.key)) {
        row.roles = [...row.roles, role.key];
        kit.ctx.store.changed();
      }
      return success();
    }),

    removeOrganizationUserRole: kit.guarded('delete:organization_user_roles', (c) => {
      const row = pathMembership(c);
      if (row instanceof Response) return row;
      const role = state().roles.find((candidate) => candidate.id === c.req.param('role_id'));
      if (!role || !row.roles.includes(role.key)) {
        return kindeError(
          400,
          'ROLE_NOT_FOUND',
          role ? 'The user does not have this role' : 'Role not found',
          'role_id',
        );
      }
      row.roles = row.roles.filter((key) => key !== role.key);
      kit.ctx.store.changed();
      return success();
    }),
  };
}
