import type { HttpClient } from '../../http-client';
import { collectPages } from '../../collect-pages';
import type { AccessApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import { membershipOf, notAMember, toEffectivePermissions, toRoleRefs } from './access-map';
import { clerkOperations as ops } from './operations';
import { ClerkMembershipListWire, ClerkRoleListWire } from './people-wire';

const ROLE_PAGE = 500;

/**
 * Clerk Backend API: a member's role and permissions, read only. The membership is found with the
 * memberships list filtered by `user_id`; the instance's role catalogue says which permissions
 * the role gives.
 */
export function createClerkAccessApi(http: HttpClient): AccessApi {
  async function membership(orgId: string, userId: string, signal?: AbortSignal) {
    const raw = await http.call(ops.listOrganizationMemberships, {
      params: { organization_id: orgId },
      query: { user_id: [userId], limit: 1 },
      signal,
    });
    const wire = parseWire(ClerkMembershipListWire, raw.json, 'organization memberships');
    const found = membershipOf(wire.data, userId);
    if (!found) throw notAMember(userId);
    return found;
  }

  async function catalogue(signal?: AbortSignal) {
    const all = await collectPages(async (index) => {
      const raw = await http.call(ops.listOrganizationRoles, {
        query: { limit: ROLE_PAGE, offset: index * ROLE_PAGE },
        signal,
      });
      const wire = parseWire(ClerkRoleListWire, raw.json, 'organization roles');
      return {
        items: wire.data,
        hasMore: index * ROLE_PAGE + wire.data.length < wire.total_count,
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
        catalogue(signal),
      ]);
      return toEffectivePermissions(found, roles);
    },
  };
}
