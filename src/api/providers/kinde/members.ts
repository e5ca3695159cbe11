import { ApiError } from '../../errors';
import type { HttpClient } from '../../http-client';
import { collectPages } from '../../list-emulation';
import type { MembersApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import { applyMemberListParams } from '../../people-emulation';
import type { Member, MemberListParams } from '../../people';
import { CursorTrail, walkToPage, type CursorPage } from './cursor-trail';
import { kindeOperations as ops } from './operations';
import { toMember } from './people-map';
import {
  KindeAddOrganizationUsersWire,
  KindeOrganizationUserRolesWire,
  KindeOrganizationUsersWire,
  type KindeAddOrganizationUsersRequest,
} from './people-wire';
import type { RoleCatalogue } from './catalogues';
import { KindeSuccessWire } from './wire';

type MemberSort = 'name_asc' | 'name_desc' | 'email_asc' | 'email_desc';

interface MemberQuery {
  readonly pageSize: number;
  readonly sort: MemberSort | null;
  /** A role key every member listed must hold. */
  readonly role: string | null;
}

/** Kinde sorts org users by name or e-mail only; a join-date sort is done in the browser. */
function serverSort(params: MemberListParams): MemberSort | null | 'browser' {
  if (params.sort === null) return null;
  const { field, direction } = params.sort;
  return field === 'joinedAt' ? 'browser' : `${field}_${direction}`;
}

/**
 * Org users (`/api/v1/organizations/{org_code}/users`). Kinde has no text search on them, so a
 * search loads every member (with the role filter still done by Kinde) and filters in the
 * browser. Roles are changed one at a time through the per-user role endpoints, by role id:
 * the bulk PATCH assigns roles but is not documented to take any away.
 */
export function createKindeMembers(
  http: HttpClient,
  roles: RoleCatalogue,
  limits: { readonly maxPageSize: number },
): Required<MembersApi> {
  const trail = new CursorTrail();

  async function fetchPage(
    orgId: string,
    query: MemberQuery,
    token: string | null,
    signal?: AbortSignal,
  ): Promise<CursorPage<Member>> {
    const [raw, names] = await Promise.all([
      http.call(ops.listOrganizationUsers, {
        params: { org_code: orgId },
        query: {
          page_size: query.pageSize,
          sort: query.sort,
          roles: query.role,
          next_token: token,
        },
        signal,
      }),
      roles.names(signal),
    ]);
    const wire = parseWire(KindeOrganizationUsersWire, raw.json, 'organization users');
    return {
      items: (wire.organization_users ?? []).flatMap((row) => {
        const member = toMember(row, names);
        return member ? [member] : [];
      }),
      next: wire.next_token ? wire.next_token : null,
    };
  }

  function listAll(orgId: string, role: string | null, signal?: AbortSignal) {
    let token: string | null = null;
    const query = { pageSize: limits.maxPageSize, sort: null, role };
    return collectPages(async () => {
      const page = await fetchPage(orgId, query, token, signal);
      token = page.next;
      return { items: page.items, hasMore: page.next !== null };
    });
  }

  async function userRoles(orgId: string, userId: string, signal?: AbortSignal) {
    const raw = await http.call(ops.listOrganizationUserRoles, {
      params: { org_code: orgId, user_id: userId },
      signal,
    });
    const wire = parseWire(KindeOrganizationUserRolesWire, raw.json, 'user roles');
    return (wire.roles ?? []).flatMap((role) =>
      role.key && role.id ? [{ key: role.key, id: role.id }] : [],
    );
  }

  return {
    async list(orgId, params, { signal } = {}) {
      const sort = serverSort(params);
      if (sort === 'browser' || params.search.trim() !== '') {
        const all = await listAll(orgId, params.role, signal);
        const page = applyMemberListParams(all.items, params);
        return all.complete ? page : { ...page, total: null };
      }
      const pageSize = Math.max(1, Math.min(params.pageSize, limits.maxPageSize));
      const query = { pageSize, sort, role: params.role };
      return walkToPage(
        trail,
        `${orgId}|${pageSize}|${sort ?? ''}|${params.role ?? ''}`,
        params.page,
        pageSize,
        (token) => fetchPage(orgId, query, token, signal),
      );
    },

    listAll: (orgId, { signal } = {}) => listAll(orgId, null, signal),

    async add(orgId, input, { signal } = {}) {
      // Without roles Kinde gives the member its default roles.
      const body: KindeAddOrganizationUsersRequest = {
        users: [
          { id: input.userId, ...(input.roles.length > 0 ? { roles: [...input.roles] } : {}) },
        ],
      };
      const raw = await http.call(ops.addOrganizationUsers, {
        params: { org_code: orgId },
        body: { json: body },
        signal,
      });
      const wire = parseWire(KindeAddOrganizationUsersWire, raw.json, 'add users result');
      trail.clear();
      if (wire.users_added && !wire.users_added.includes(input.userId)) {
        throw new ApiError({
          kind: 'conflict',
          status: raw.status,
          message: 'Kinde answered without adding this user; they may already be a member.',
        });
      }
    },

    async remove(orgId, userId, { signal } = {}) {
      const raw = await http.call(ops.removeOrganizationUser, {
        params: { org_code: orgId, user_id: userId },
        signal,
      });
      parseWire(KindeSuccessWire, raw.json, 'remove user result');
      trail.clear();
    },

    async setRoles(orgId, userId, keys, { signal } = {}) {
      const [held, ids] = await Promise.all([
        userRoles(orgId, userId, signal),
        roles.ids(keys, signal),
      ]);
      const wanted = new Set(keys);
      for (const [key, roleId] of ids) {
        if (held.some((role) => role.key === key)) continue;
        const raw = await http.call(ops.addOrganizationUserRole, {
          params: { org_code: orgId, user_id: userId },
          body: { json: { role_id: roleId } },
          signal,
        });
        parseWire(KindeSuccessWire, raw.json, 'add role result');
      }
      for (const role of held) {
        if (wanted.has(role.key)) continue;
        const raw = await http.call(ops.removeOrganizationUserRole, {
          params: { org_code: orgId, user_id: userId, role_id: role.id },
          signal,
        });
        parseWire(KindeSuccessWire, raw.json, 'remove role result');
      }
      trail.clear();
    },
  };
}
