import type { Context } from 'hono';
import type { Handler } from '../../vendor';
import { parseMembersQuery, selectMembers } from './backend-members-list';
import { clerkInvalid, clerkIssue, clerkNotFound, clerkPeopleError } from './errors';
import type { ClerkInstance } from './instance';
import { exceedsQuota } from './invitations';
import { addMembership, orgMembers, removeMembership, roleIssue } from './memberships';
import { findMembership, findOrgById } from './organizations';
import { readJsonBody } from './request';
import { backendMembership } from './serialize-people';
import type { ClerkMembershipRecord, ClerkOrgRecord } from './state';
import { BodyCheck } from './validation';

type MembershipOperation =
  | 'listOrganizationMemberships'
  | 'createOrganizationMembership'
  | 'updateOrganizationMembership'
  | 'deleteOrganizationMembership';

/** A required string parameter, as Clerk reports a missing one. */
export function requiredText(check: BodyCheck, param: string): string | undefined {
  const value = check.text(param);
  if (value === undefined || value.trim() === '') {
    if (check.issues.every((issue) => issue.meta?.param_name !== param))
      check.issues.push(clerkIssue.missing(param));
    return undefined;
  }
  return value.trim();
}

/** BAPI `/organizations/{id}/memberships…`, keyed by user id. */
export function backendMembershipHandlers(
  instance: ClerkInstance,
): Record<MembershipOperation, Handler> {
  const { ctx } = instance;
  const state = () => instance.state();

  async function membershipJson(
    c: Context,
    membership: ClerkMembershipRecord,
    org: ClerkOrgRecord,
  ) {
    const user = state().users.find((candidate) => candidate.id === membership.user_id);
    const wire = await instance.wire(c);
    return c.json(backendMembership(membership, org, user, state(), wire, instance.counts()));
  }

  function orgAndMembership(c: Context) {
    const org = findOrgById(state(), c.req.param('organization_id') ?? '');
    const membership = org && findMembership(state(), org.id, c.req.param('user_id') ?? '');
    return org && membership ? { org, membership } : null;
  }

  return {
    listOrganizationMemberships: async (c) => {
      const org = findOrgById(state(), c.req.param('organization_id') ?? '');
      if (!org) return clerkNotFound();
      const parsed = parseMembersQuery(c);
      if ('issues' in parsed) return clerkInvalid(parsed.issues);
      const { query } = parsed;
      const selected = selectMembers(orgMembers(state(), org.id), query);
      const wire = await instance.wire(c);
      const counts = instance.counts();
      return c.json({
        data: selected
          .slice(query.offset, query.offset + query.limit)
          .map(({ membership, user }) =>
            backendMembership(membership, org, user, state(), wire, counts),
          ),
        total_count: selected.length,
      });
    },

    createOrganizationMembership: async (c) => {
      const org = findOrgById(state(), c.req.param('organization_id') ?? '');
      if (!org) return clerkNotFound();
      const read = await readJsonBody(c);
      if ('response' in read) return read.response;
      const check = new BodyCheck(read.body);
      const userId = requiredText(check, 'user_id');
      const role = requiredText(check, 'role');
      const publicMetadata = check.metadata('public_metadata', true);
      const privateMetadata = check.metadata('private_metadata', true);
      if (!check.ok || userId === undefined || role === undefined)
        return clerkInvalid(check.issues);
      const invalidRole = roleIssue(state(), role);
      if (invalidRole) return clerkInvalid([invalidRole]);
      if (!state().users.some((user) => user.id === userId))
        return clerkPeopleError.userNotFound(userId);
      if (findMembership(state(), org.id, userId))
        return clerkPeopleError.alreadyMember(`User ${userId}`, 'user_id');
      if (exceedsQuota(state(), org, 1, ctx.now())) return clerkPeopleError.quotaExceeded();
      const membership = addMembership(
        state(),
        org,
        { userId, role, publicMetadata, privateMetadata },
        ctx.now(),
      );
      instance.changed();
      return membershipJson(c, membership, org);
    },

    updateOrganizationMembership: async (c) => {
      const found = orgAndMembership(c);
      if (!found) return clerkNotFound();
      const read = await readJsonBody(c);
      if ('response' in read) return read.response;
      const check = new BodyCheck(read.body);
      const role = requiredText(check, 'role');
      if (!check.ok || role === undefined) return clerkInvalid(check.issues);
      const invalidRole = roleIssue(state(), role);
      if (invalidRole) return clerkInvalid([invalidRole]);
      found.membership.role = role;
      found.membership.updated_at = ctx.now();
      instance.changed();
      return membershipJson(c, found.membership, found.org);
    },

    deleteOrganizationMembership: async (c) => {
      const found = orgAndMembership(c);
      if (!found) return clerkNotFound();
      removeMembership(state(), found.membership);
      instance.changed();
      return membershipJson(c, found.membership, found.org);
    },
  };
}
