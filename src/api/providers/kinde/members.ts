import type { HttpClient } from '../../http-client';
import { collectPages } from '../../collect-pages';
import type { MembersApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import type { AddMemberInput, BulkOutcome, Member, MemberListParams } from '../../people';
import { outcomesFromConfirmed, sendInChunks } from './bulk-users';
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
  /** A permission key every member listed must hold (through a role or directly). */
  readonly permission: string | null;
}

/**
 * Kinde sorts org users by name or e-mail only: a join-date sort is not sent (the capabilities
 * say so, and the data layer sorts those lists in the browser).
 */
function serverSort(params: MemberListParams): MemberSort | null {
  if (params.sort === null || params.sort.field === 'joinedAt') return null;
  return `${params.sort.field}_${params.sort.direction}`;
}

/**
 * Org users (`/api/v1/organizations/{org_code}/users`), filtered by role and permission by Kinde.
 * Kinde has no text search on them: a search is not sent (the data layer searches in the
 * browser). Several users are added in one bulk `POST` (100 per request). Roles are changed one at a time through the per-user role endpoints, by role id:
 * the bulk PATCH assigns roles but is not documented to take any away.
 */
export function createKindeMembers(
  http: HttpClient,
  roles: RoleCatalogue,
  limits: { readonly maxPageSize: number; readonly maxUsersPerRequest: number },
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
          permissions: query.permission,
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

  function listAll(orgId: string, signal?: AbortSignal) {
    let token: string | null = null;
    const query = { pageSize: limits.maxPageSize, sort: null, role: null, permission: null };
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

  /** One `POST …/users` with every user of `inputs`; each user's outcome from `users_added`. */
  async function addChunk(
    orgId: string,
    inputs: readonly AddMemberInput[],
    signal?: AbortSignal,
  ): Promise<BulkOutcome[]> {
    // Without roles Kinde gives the member its default roles.
    const body: KindeAddOrganizationUsersRequest = {
      users: inputs.map((input) => ({
        id: input.userId,
        ...(input.roles.length > 0 ? { roles: [...input.roles] } : {}),
      })),
    };
    const raw = await http.call(ops.addOrganizationUsers, {
      params: { org_code: orgId },
      body: { json: body },
      signal,
    });
    trail.clear();
    const wire = parseWire(KindeAddOrganizationUsersWire, raw.json, 'add users result');
    return outcomesFromConfirmed(
      inputs.map((input) => input.userId),
      wire.users_added ?? null,
      raw.status,
      'Kinde answered without adding this user; they may already be a member.',
    );
  }

  async function addOne(orgId: string, input: AddMemberInput, signal?: AbortSignal) {
    const [outcome] = await addChunk(orgId, [input], signal);
    if (outcome && !outcome.ok) throw outcome.error;
  }

  return {
    async list(orgId, params, { signal } = {}) {
      const sort = serverSort(params);
      const filters = { role: params.role, permission: params.permission ?? null };
      const pageSize = Math.max(1, Math.min(params.pageSize, limits.maxPageSize));
      const query = { pageSize, sort, ...filters };
      return walkToPage(
        trail,
        `${orgId}|${pageSize}|${sort ?? ''}|${filters.role ?? ''}|${filters.permission ?? ''}`,
        params.page,
        pageSize,
        (token) => fetchPage(orgId, query, token, signal),
      );
    },

    listAll: (orgId, { signal } = {}) => listAll(orgId, signal),

    add: (orgId, input, { signal } = {}) => addOne(orgId, input, signal),

    addMany: (orgId, inputs, { signal } = {}) =>
      sendInChunks(
        inputs,
        limits.maxUsersPerRequest,
        (chunk) => addChunk(orgId, chunk, signal),
        (input) => addOne(orgId, input, signal),
      ),

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
