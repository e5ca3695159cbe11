import type { HttpClient } from '../../http-client';
import { collectPages } from '../../collect-pages';
import type { InvitationsApi, MembersApi, RolesApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import { allInvited } from '../shared';
import type { InvitationStatus, Member } from '../../people';
import { singleRole, toInvitation, toMember, toRole } from '../clerk/people-map';
import { clerkFrontendCapabilities } from './capabilities';
import { clerkFrontendOperations as ops } from './operations';
import { fromAddMemberInput, fromBulkInviteInput, fromInviteInput, listItems } from './people-map';
import {
  ClerkFrontendWrappedInvitationsWire,
  ClerkFrontendWrappedInvitationWire,
  ClerkFrontendWrappedOrgMembershipsWire,
  ClerkFrontendWrappedOrgMembershipWire,
  ClerkFrontendWrappedRolesWire,
} from './people-wire';

export interface ClerkFrontendPeopleApi {
  readonly members: MembersApi;
  readonly invitations: InvitationsApi;
  readonly roles: RolesApi;
}

interface MemberFilter {
  readonly query: string;
  readonly role: string | null;
}

/**
 * Clerk Frontend API members, invitations and roles, as the signed-in user. It has no user
 * search and no member sort (a sort is not sent: the capabilities say so and the data layer
 * sorts), and one invitation status per call (several answer every status; the data layer keeps
 * the ones asked).
 */
export function createClerkFrontendPeopleApi(http: HttpClient): ClerkFrontendPeopleApi {
  const caps = clerkFrontendCapabilities.people;
  const maxMembers = caps.members?.maxPageSize ?? 500;
  const maxInvitations = caps.invitations?.maxPageSize ?? 500;
  const org = (orgId: string) => ({ organization_id: orgId });

  async function memberPage(
    orgId: string,
    filter: MemberFilter,
    limit: number,
    offset: number,
    signal?: AbortSignal,
  ) {
    const query = filter.query.trim();
    const raw = await http.call(ops.listOrganizationMemberships, {
      params: org(orgId),
      query: {
        limit,
        offset,
        paginated: true,
        query: query === '' ? undefined : query,
        role: filter.role ?? undefined,
      },
      signal,
    });
    const wire = parseWire(
      ClerkFrontendWrappedOrgMembershipsWire,
      raw.json,
      'organization members',
    );
    const { items, total } = listItems(wire.response);
    return {
      items: items.map(toMember),
      total,
      hasMore: total === null ? items.length === limit : offset + items.length < total,
    };
  }

  const allMembers = (orgId: string, filter: MemberFilter, signal?: AbortSignal) =>
    collectPages<Member>((index) =>
      memberPage(orgId, filter, maxMembers, index * maxMembers, signal),
    );

  async function invitationPage(
    orgId: string,
    status: InvitationStatus | undefined,
    limit: number,
    offset: number,
    signal?: AbortSignal,
  ) {
    const raw = await http.call(ops.listOrganizationInvitations, {
      params: org(orgId),
      query: { limit, offset, paginated: true, status },
      signal,
    });
    const wire = parseWire(
      ClerkFrontendWrappedInvitationsWire,
      raw.json,
      'organization invitations',
    );
    const { items, total } = listItems(wire.response);
    const now = Date.now();
    return {
      items: items.map((item) => toInvitation(item, now)),
      total,
      hasMore: total === null ? items.length === limit : offset + items.length < total,
    };
  }

  /** One status is filtered by Clerk; none or several answer every status (`statusFilter: 'one'`). */
  const oneStatus = (statuses: readonly InvitationStatus[]) =>
    statuses.length === 1 ? statuses[0] : undefined;

  const allInvitations = (
    orgId: string,
    statuses: readonly InvitationStatus[],
    signal?: AbortSignal,
  ) =>
    collectPages((index) =>
      invitationPage(orgId, oneStatus(statuses), maxInvitations, index * maxInvitations, signal),
    );

  return {
    members: {
      async list(orgId, params, { signal } = {}) {
        const pageSize = Math.min(params.pageSize, maxMembers);
        const filter = { query: params.search, role: params.role };
        const offset = (params.page - 1) * pageSize;
        const page = await memberPage(orgId, filter, pageSize, offset, signal);
        return {
          items: page.items,
          page: params.page,
          pageSize,
          total: page.total,
          hasMore: page.hasMore,
        };
      },
      listAll: (orgId, { signal } = {}) => allMembers(orgId, { query: '', role: null }, signal),
      async add(orgId, input, { signal } = {}) {
        const raw = await http.call(ops.createOrganizationMembership, {
          params: org(orgId),
          body: { form: fromAddMemberInput(input) },
          signal,
        });
        parseWire(ClerkFrontendWrappedOrgMembershipWire, raw.json, 'created membership');
      },
      async remove(orgId, userId, { signal } = {}) {
        const raw = await http.call(ops.deleteOrganizationMembership, {
          params: { ...org(orgId), user_id: userId },
          signal,
        });
        parseWire(ClerkFrontendWrappedOrgMembershipWire, raw.json, 'removed membership');
      },
      async setRoles(orgId, userId, roles, { signal } = {}) {
        const raw = await http.call(ops.updateOrganizationMembership, {
          params: { ...org(orgId), user_id: userId },
          body: { form: { role: singleRole(roles) } },
          signal,
        });
        parseWire(ClerkFrontendWrappedOrgMembershipWire, raw.json, 'updated membership');
      },
    },
    invitations: {
      async list(orgId, params, { signal } = {}) {
        const pageSize = Math.min(params.pageSize, maxInvitations);
        const offset = (params.page - 1) * pageSize;
        const status = oneStatus(params.statuses);
        const page = await invitationPage(orgId, status, pageSize, offset, signal);
        return {
          items: page.items,
          page: params.page,
          pageSize,
          total: page.total,
          hasMore: page.hasMore,
        };
      },
      listAll: (orgId, statuses, { signal } = {}) => allInvitations(orgId, statuses, signal),
      async create(orgId, input, { signal } = {}) {
        const raw = await http.call(ops.createOrganizationInvitation, {
          params: org(orgId),
          body: { form: fromInviteInput(input) },
          signal,
        });
        return toInvitation(
          parseWire(ClerkFrontendWrappedInvitationWire, raw.json, 'created invitation').response,
        );
      },
      async createMany(orgId, inputs, { signal } = {}) {
        const raw = await http.call(ops.createOrganizationInvitationsBulk, {
          params: org(orgId),
          body: { form: fromBulkInviteInput(inputs) },
          signal,
        });
        const now = Date.now();
        const created = listItems(
          parseWire(ClerkFrontendWrappedInvitationsWire, raw.json, 'created invitations').response,
        ).items;
        return allInvited(
          inputs,
          created.map((item) => toInvitation(item, now)),
          'Clerk',
        );
      },
      async revoke(orgId, invitationId, { signal } = {}) {
        const raw = await http.call(ops.revokeOrganizationInvitation, {
          params: { ...org(orgId), invitation_id: invitationId },
          signal,
        });
        parseWire(ClerkFrontendWrappedInvitationWire, raw.json, 'revoked invitation');
      },
    },
    roles: {
      async list(orgId, { signal } = {}) {
        const raw = await http.call(ops.listOrganizationRoles, {
          params: org(orgId),
          query: { limit: 500 },
          signal,
        });
        return parseWire(
          ClerkFrontendWrappedRolesWire,
          raw.json,
          'organization roles',
        ).response.data.map(toRole);
      },
    },
  };
}
