import type { HttpClient } from '../../http-client';
import { collectPages } from '../../collect-pages';
import type { AccessApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import { membershipOf, notAMember, toEffectivePermissions, toRoleRefs } from '../clerk/access-map';
import { clerkFrontendOperations as ops } from './operations';
import { listItems } from './people-map';
import {
  ClerkFrontendWrappedOrgMembershipsWire,
  ClerkFrontendWrappedRolesWire,
} from './people-wire';

const PAGE = 500;

/**
 * Clerk Frontend API: a member's role and permissions, read only, as the signed-in user. There
 * is no `user_id` filter: the members list is narrowed by `query` (which matches user ids) and
 * the membership picked by exact user id. The org's roles say which permissions the role gives.
 */
export function createClerkFrontendAccessApi(http: HttpClient): AccessApi {
  const org = (orgId: string) => ({ organization_id: orgId });

  async function membership(orgId: string, userId: string, signal?: AbortSignal) {
    const matches = await collectPages(async (index) => {
      const raw = await http.call(ops.listOrganizationMemberships, {
        params: org(orgId),
        query: { query: userId, limit: PAGE, offset: index * PAGE, paginated: true },
        signal,
      });
      const wire = parseWire(
        ClerkFrontendWrappedOrgMembershipsWire,
        raw.json,
        'organization members',
      );
      const { items, total } = listItems(wire.response);
      return {
        items,
        hasMore: total === null ? items.length === PAGE : index * PAGE + items.length < total,
      };
    });
    const found = membershipOf(matches.items, userId);
    if (!found) throw notAMember(userId);
    return found;
  }

  async function catalogue(orgId: string, signal?: AbortSignal) {
    const all = await collectPages(async (index) => {
      const raw = await http.call(ops.listOrganizationRoles, {
        params: org(orgId),
        query: { limit: PAGE, offset: index * PAGE },
        signal,
      });
      const { data, total_count: total } = parseWire(
        ClerkFrontendWrappedRolesWire,
        raw.json,
        'organization roles',
      ).response;
      return {
        items: data,
        hasMore: total === undefined ? data.length === PAGE : index * PAGE + data.length < total,
      };
    });
    return all.items;
  }

  return {
    async roles(orgId, userId, { signal } = {}) {
      return toRoleRefs(await membership(orgId, userId, signal));
    },
    async permissions(orgId, userId, { signal } = {}) {
      const [found, roles] = await Promise.all([
        membership(orgId, userId, signal),
        catalogue(orgId, signal),
      ]);
      return toEffectivePermissions(found, roles);
    },
  };
}
