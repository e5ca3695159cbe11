import type { HttpClient } from '../../http-client';
import { collectPages } from '../../collect-pages';
import type { InvitationsApi, MembersApi, RolesApi, UsersApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import { allInvited } from '../shared';
import { clerkCapabilities } from './capabilities';
import { clerkOperations as ops } from './operations';
import {
  fromAddMemberInput,
  fromInviteInput,
  singleRole,
  toInvitation,
  toInvitationsQuery,
  toMember,
  toMembersQuery,
  toPage,
  toRole,
  toUser,
} from './people-map';
import {
  ClerkInvitationListWire,
  ClerkInvitationWire,
  ClerkMembershipListWire,
  ClerkMembershipWire,
  ClerkRoleListWire,
  ClerkUserListWire,
} from './people-wire';

export interface ClerkPeopleApi {
  readonly members: MembersApi;
  readonly invitations: InvitationsApi;
  readonly users: UsersApi;
  readonly roles: RolesApi;
}

/** Clerk Backend API members, invitations, user search and role catalogue. */
export function createClerkPeopleApi(http: HttpClient): ClerkPeopleApi {
  const caps = clerkCapabilities.people;
  const maxMembers = caps.members?.maxPageSize ?? 500;
  const maxInvitations = caps.invitations?.maxPageSize ?? 500;
  const org = (orgId: string) => ({ organization_id: orgId });

  async function memberPage(
    orgId: string,
    query: ReturnType<typeof toMembersQuery>,
    signal?: AbortSignal,
  ) {
    const raw = await http.call(ops.listOrganizationMemberships, {
      params: org(orgId),
      query,
      signal,
    });
    return parseWire(ClerkMembershipListWire, raw.json, 'organization memberships');
  }

  async function invitationPage(
    orgId: string,
    query: ReturnType<typeof toInvitationsQuery>,
    signal?: AbortSignal,
  ) {
    const raw = await http.call(ops.listOrganizationInvitations, {
      params: org(orgId),
      query,
      signal,
    });
    return parseWire(ClerkInvitationListWire, raw.json, 'organization invitations');
  }

  return {
    members: {
      async list(orgId, params, { signal } = {}) {
        const pageSize = Math.min(params.pageSize, maxMembers);
        const wire = await memberPage(orgId, toMembersQuery(params, pageSize), signal);
        return toPage(wire.data.map(toMember), params, pageSize, wire.total_count);
      },
      async listAll(orgId, { signal } = {}) {
        return collectPages(async (index) => {
          const wire = await memberPage(
            orgId,
            {
              limit: maxMembers,
              offset: index * maxMembers,
              query: undefined,
              role: undefined,
              order_by: undefined,
            },
            signal,
          );
          return {
            items: wire.data.map(toMember),
            hasMore: index * maxMembers + wire.data.length < wire.total_count,
          };
        });
      },
      async add(orgId, input, { signal } = {}) {
        const raw = await http.call(ops.createOrganizationMembership, {
          params: org(orgId),
          body: { json: fromAddMemberInput(input) },
          signal,
        });
        parseWire(ClerkMembershipWire, raw.json, 'created membership');
      },
      async remove(orgId, userId, { signal } = {}) {
        const raw = await http.call(ops.deleteOrganizationMembership, {
          params: { ...org(orgId), user_id: userId },
          signal,
        });
        parseWire(ClerkMembershipWire, raw.json, 'removed membership');
      },
      async setRoles(orgId, userId, roles, { signal } = {}) {
        const raw = await http.call(ops.updateOrganizationMembership, {
          params: { ...org(orgId), user_id: userId },
          body: { json: { role: singleRole(roles) } },
          signal,
        });
        parseWire(ClerkMembershipWire, raw.json, 'updated membership');
      },
    },
    invitations: {
      async list(orgId, params, { signal } = {}) {
        const pageSize = Math.min(params.pageSize, maxInvitations);
        const wire = await invitationPage(orgId, toInvitationsQuery(params, pageSize), signal);
        const now = Date.now();
        return toPage(
          wire.data.map((item) => toInvitation(item, now)),
          params,
          pageSize,
          wire.total_count,
        );
      },
      async listAll(orgId, statuses, { signal } = {}) {
        return collectPages(async (index) => {
          const wire = await invitationPage(
            orgId,
            toInvitationsQuery(
              { page: index + 1, pageSize: maxInvitations, statuses },
              maxInvitations,
            ),
            signal,
          );
          const now = Date.now();
          return {
            items: wire.data.map((item) => toInvitation(item, now)),
            hasMore: index * maxInvitations + wire.data.length < wire.total_count,
          };
        });
      },
      async create(orgId, input, { signal } = {}) {
        const raw = await http.call(ops.createOrganizationInvitation, {
          params: org(orgId),
          body: { json: fromInviteInput(input) },
          signal,
        });
        return toInvitation(parseWire(ClerkInvitationWire, raw.json, 'created invitation'));
      },
      async createMany(orgId, inputs, { signal } = {}) {
        const raw = await http.call(ops.createOrganizationInvitationBulk, {
          params: org(orgId),
          body: { json: inputs.map(fromInviteInput) },
          signal,
        });
        const now = Date.now();
        const created = parseWire(ClerkInvitationListWire, raw.json, 'created invitations').data;
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
        parseWire(ClerkInvitationWire, raw.json, 'revoked invitation');
      },
    },
    users: {
      async search({ search, limit }, { signal } = {}) {
        const query = search.trim();
        const raw = await http.call(ops.listUsers, {
          query: {
            limit: Math.min(Math.max(limit, 1), 500),
            query: query === '' ? undefined : query,
          },
          signal,
        });
        return parseWire(ClerkUserListWire, raw.json, 'user list').map(toUser);
      },
      async organizationsOf(userId, { signal } = {}) {
        const found = await collectPages(async (index) => {
          const raw = await http.call(ops.listUserOrganizationMemberships, {
            params: { user_id: userId },
            query: { limit: maxMembers, offset: index * maxMembers },
            signal,
          });
          const wire = parseWire(ClerkMembershipListWire, raw.json, 'user memberships');
          return {
            items: wire.data.map(({ organization }) => ({
              id: organization.id,
              name: organization.name,
            })),
            hasMore: index * maxMembers + wire.data.length < wire.total_count,
          };
        });
        return found.items;
      },
    },
    roles: {
      /** The instance's roles; the default roles (created first) lead. */
      async list(_orgId, { signal } = {}) {
        const raw = await http.call(ops.listOrganizationRoles, {
          query: { limit: 500, order_by: '+created_at' },
          signal,
        });
        return parseWire(ClerkRoleListWire, raw.json, 'organization roles').data.map(toRole);
      },
    },
  };
}
