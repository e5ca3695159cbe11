import type { Context } from 'hono';
import type { Handler } from '../../vendor';
import { requiredText } from './backend-memberships';
import {
  clerkForbidden,
  clerkInvalid,
  clerkIssue,
  clerkNotFound,
  clerkPeopleError,
  type ClerkErrorItem,
} from './errors';
import type { ClerkInstance } from './instance';
import {
  createInvitation,
  exceedsQuota,
  findInvitation,
  invitationRefusal,
  invitationStatus,
  isEmail,
  MAX_BULK_INVITATIONS,
  orgInvitations,
  revokeInvitation,
} from './invitations';
import {
  addMembership,
  keepsAManager,
  MANAGE_MEMBERS,
  orgMembers,
  READ_MEMBERS,
  removeMembership,
  roleIssue,
  userMatches,
} from './memberships';
import { findMembership } from './organizations';
import { readFormBody } from './request';
import { frontendMembership } from './serialize';
import { frontendInvitation, roleJson } from './serialize-people';
import type { ClerkMembershipRecord, ClerkOrgRecord } from './state';
import { BodyCheck, queryBoolean, queryInteger } from './validation';

type PeopleOperation =
  | 'listOrganizationMemberships'
  | 'createOrganizationMembership'
  | 'updateOrganizationMembership'
  | 'deleteOrganizationMembership'
  | 'listOrganizationInvitations'
  | 'createOrganizationInvitation'
  | 'createOrganizationInvitationsBulk'
  | 'revokeOrganizationInvitation'
  | 'listOrganizationRoles';

/** What the Frontend API's routes give these handlers: the wrapper and the caller's membership. */
export interface FrontendKit {
  wrapped(c: Context, response: unknown): Promise<Response>;
  /** The org and the signed-in user's membership in it, or Clerk's 404/403. */
  memberOrg(c: Context): { org: ClerkOrgRecord; membership: ClerkMembershipRecord } | Response;
  can(membership: ClerkMembershipRecord, permission: string): boolean;
}

/** `status` values the spec lists for this endpoint; `invalid` and `completed` match none here. */
const FAPI_STATUSES = ['pending', 'accepted', 'revoked', 'expired', 'invalid', 'completed'];

function listParams(c: Context, issues: ClerkErrorItem[]) {
  return {
    limit: queryInteger(c.req.query('limit'), 'limit', 10, 1, 500, issues),
    offset: queryInteger(c.req.query('offset'), 'offset', 0, 0, null, issues),
    paginated: queryBoolean(c.req.query('paginated'), 'paginated', issues),
  };
}

/** `{data, total_count}` with `paginated=true`, otherwise a bare array (the spec's `oneOf`). */
function page<T>(rows: readonly T[], params: ReturnType<typeof listParams>) {
  const data = rows.slice(params.offset, params.offset + params.limit);
  return params.paginated ? { data, total_count: rows.length } : data;
}

function formBoolean(
  body: Readonly<Record<string, unknown>>,
  param: string,
  issues: ClerkErrorItem[],
) {
  const value = body[param];
  if (value === undefined) return;
  if (typeof value === 'string') queryBoolean(value, param, issues);
  else issues.push(clerkIssue.invalid(param, `${param} must be true or false.`));
}

/**
 * Frontend API members, invitations and roles, acting as the signed-in user: reading members
 * takes `org:sys_memberships:read`, everything else (invitations included, as the spec says)
 * `org:sys_memberships:manage`.
 */
export function frontendPeopleHandlers(
  instance: ClerkInstance,
  kit: FrontendKit,
): Record<PeopleOperation, Handler> {
  const { ctx } = instance;
  const state = () => instance.state();
  const me = () => state().demo_user_id;

  function permitted(c: Context, permission: string) {
    const found = kit.memberOrg(c);
    if (found instanceof Response) return found;
    if (!kit.can(found.membership, permission)) {
      return clerkForbidden(
        permission === READ_MEMBERS
          ? 'You are not allowed to see the members of this organization.'
          : 'Only a member who can manage members (an admin) can do this.',
      );
    }
    return found;
  }

  async function membershipResponse(
    c: Context,
    membership: ClerkMembershipRecord,
    org: ClerkOrgRecord,
  ) {
    const user = state().users.find((candidate) => candidate.id === membership.user_id);
    const wire = await instance.wire(c);
    return kit.wrapped(
      c,
      frontendMembership(membership, org, user, state(), wire, instance.counts()),
    );
  }

  function target(c: Context, org: ClerkOrgRecord) {
    return findMembership(state(), org.id, c.req.param('user_id') ?? '');
  }

  return {
    listOrganizationMemberships: async (c) => {
      const found = permitted(c, READ_MEMBERS);
      if (found instanceof Response) return found;
      const issues: ClerkErrorItem[] = [];
      const params = listParams(c, issues);
      if (issues.length > 0) return clerkInvalid(issues);
      const query = c.req.query('query') ?? '';
      const role = c.req.query('role') ?? '';
      // Choice: newest member first, as the Backend API's default order.
      const rows = orgMembers(state(), found.org.id)
        .filter(
          ({ membership, user }) =>
            (role === '' || membership.role === role) &&
            (user === undefined ? query.trim() === '' : userMatches(user, query)),
        )
        .sort(
          (a, b) =>
            b.membership.created_at - a.membership.created_at ||
            (a.membership.id < b.membership.id ? -1 : 1),
        );
      const wire = await instance.wire(c);
      const counts = instance.counts();
      const selected = page(rows, params);
      const serialize = ({ membership, user }: (typeof rows)[number]) =>
        frontendMembership(membership, found.org, user, state(), wire, counts);
      return kit.wrapped(
        c,
        Array.isArray(selected)
          ? selected.map(serialize)
          : { data: selected.data.map(serialize), total_count: selected.total_count },
      );
    },

    createOrganizationMembership: async (c) => {
      const found = permitted(c, MANAGE_MEMBERS);
      if (found instanceof Response) return found;
      const read = await readFormBody(c);
      if ('response' in read) return read.response;
      const check = new BodyCheck(read.body);
      check.onlyAllowed(['user_id', 'role']);
      const userId = requiredText(check, 'user_id');
      const role = requiredText(check, 'role');
      if (!check.ok || userId === undefined || role === undefined)
        return clerkInvalid(check.issues);
      const invalidRole = roleIssue(state(), role);
      if (invalidRole) return clerkInvalid([invalidRole]);
      if (!state().users.some((user) => user.id === userId))
        return clerkPeopleError.userNotFound(userId);
      if (findMembership(state(), found.org.id, userId))
        return clerkPeopleError.alreadyMember(`User ${userId}`, 'user_id');
      if (exceedsQuota(state(), found.org, 1, ctx.now())) return clerkPeopleError.quotaExceeded();
      const membership = addMembership(state(), found.org, { userId, role }, ctx.now());
      instance.changed();
      return membershipResponse(c, membership, found.org);
    },

    updateOrganizationMembership: async (c) => {
      const found = permitted(c, MANAGE_MEMBERS);
      if (found instanceof Response) return found;
      const membership = target(c, found.org);
      if (!membership) return clerkNotFound();
      const read = await readFormBody(c);
      if ('response' in read) return read.response;
      const check = new BodyCheck(read.body);
      check.onlyAllowed(['role']);
      const role = requiredText(check, 'role');
      if (!check.ok || role === undefined) return clerkInvalid(check.issues);
      const invalidRole = roleIssue(state(), role);
      if (invalidRole) return clerkInvalid([invalidRole]);
      if (!keepsAManager(state(), membership, role)) return clerkPeopleError.minimumPermissions();
      membership.role = role;
      membership.updated_at = ctx.now();
      instance.changed();
      return membershipResponse(c, membership, found.org);
    },

    deleteOrganizationMembership: async (c) => {
      const found = permitted(c, MANAGE_MEMBERS);
      if (found instanceof Response) return found;
      const membership = target(c, found.org);
      if (!membership) return clerkNotFound();
      if (!keepsAManager(state(), membership, null)) return clerkPeopleError.minimumPermissions();
      removeMembership(state(), membership);
      instance.changed();
      return membershipResponse(c, membership, found.org);
    },

    listOrganizationInvitations: async (c) => {
      const found = permitted(c, MANAGE_MEMBERS);
      if (found instanceof Response) return found;
      const issues: ClerkErrorItem[] = [];
      // Choice: `paginated` works here as on the memberships list (the spec lists only the `oneOf`).
      const params = listParams(c, issues);
      const status = c.req.query('status');
      if (status !== undefined && !FAPI_STATUSES.includes(status)) {
        issues.push(
          clerkIssue.invalid('status', `status must be one of ${FAPI_STATUSES.join(', ')}.`),
        );
      }
      if (issues.length > 0) return clerkInvalid(issues);
      const now = ctx.now();
      const rows = orgInvitations(state(), found.org.id).filter(
        (invitation) => status === undefined || invitationStatus(invitation, now) === status,
      );
      const wire = await instance.wire(c);
      const selected = page(rows, params);
      const serialize = (invitation: (typeof rows)[number]) =>
        frontendInvitation(invitation, found.org, state(), wire, now);
      return kit.wrapped(
        c,
        Array.isArray(selected)
          ? selected.map(serialize)
          : { data: selected.data.map(serialize), total_count: selected.total_count },
      );
    },

    createOrganizationInvitation: async (c) => {
      const found = permitted(c, MANAGE_MEMBERS);
      if (found instanceof Response) return found;
      const read = await readFormBody(c);
      if ('response' in read) return read.response;
      const check = new BodyCheck(read.body);
      check.onlyAllowed(['email_address', 'role', 'notify']);
      const email = requiredText(check, 'email_address');
      if (email !== undefined && !isEmail(email)) check.issues.push(clerkIssue.emailInvalid());
      const role = requiredText(check, 'role');
      formBoolean(read.body, 'notify', check.issues);
      if (!check.ok || email === undefined || role === undefined) return clerkInvalid(check.issues);
      const invalidRole = roleIssue(state(), role);
      if (invalidRole) return clerkInvalid([invalidRole]);
      const refused = invitationRefusal(state(), found.org, email, ctx.now());
      if (refused) return refused;
      if (exceedsQuota(state(), found.org, 1, ctx.now())) return clerkPeopleError.quotaExceeded();
      const invitation = createInvitation(
        state(),
        found.org,
        { email, role, inviterId: me() },
        ctx.now(),
      );
      instance.changed();
      const wire = await instance.wire(c);
      return kit.wrapped(c, frontendInvitation(invitation, found.org, state(), wire, ctx.now()));
    },

    createOrganizationInvitationsBulk: async (c) => {
      const found = permitted(c, MANAGE_MEMBERS);
      if (found instanceof Response) return found;
      const read = await readFormBody(c);
      if ('response' in read) return read.response;
      const raw = read.body['email_address'];
      const emails = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((value) =>
        String(value).trim(),
      );
      if (emails.length > MAX_BULK_INVITATIONS)
        return clerkPeopleError.tooManyInvitations(MAX_BULK_INVITATIONS, 'email_address');
      const check = new BodyCheck(
        Object.fromEntries(Object.entries(read.body).filter(([key]) => key !== 'email_address')),
      );
      check.onlyAllowed(['role', 'notify']);
      if (emails.length === 0 || emails.some((email) => email === ''))
        check.issues.push(clerkIssue.missing('email_address'));
      else if (!emails.every(isEmail)) check.issues.push(clerkIssue.emailInvalid());
      const role = requiredText(check, 'role');
      formBoolean(read.body, 'notify', check.issues);
      if (!check.ok || role === undefined) return clerkInvalid(check.issues);
      const invalidRole = roleIssue(state(), role);
      if (invalidRole) return clerkInvalid([invalidRole]);
      const now = ctx.now();
      const seen = new Set<string>();
      for (const email of emails) {
        const refused = invitationRefusal(state(), found.org, email, now);
        if (refused) return refused;
        if (seen.has(email.toLowerCase())) return clerkPeopleError.duplicateInvitation(email);
        seen.add(email.toLowerCase());
      }
      if (exceedsQuota(state(), found.org, emails.length, now))
        return clerkPeopleError.quotaExceeded();
      const created = emails.map((email) =>
        createInvitation(state(), found.org, { email, role, inviterId: me() }, now),
      );
      instance.changed();
      const wire = await instance.wire(c);
      // Choice: the bulk answer is the bare-array branch of the spec's `oneOf`.
      return kit.wrapped(
        c,
        created.map((invitation) => frontendInvitation(invitation, found.org, state(), wire, now)),
      );
    },

    revokeOrganizationInvitation: async (c) => {
      const found = permitted(c, MANAGE_MEMBERS);
      if (found instanceof Response) return found;
      const invitation = findInvitation(state(), found.org.id, c.req.param('invitation_id') ?? '');
      if (!invitation) return clerkNotFound();
      const refused = revokeInvitation(invitation, ctx.now());
      if (refused) return refused;
      instance.changed();
      const wire = await instance.wire(c);
      return kit.wrapped(c, frontendInvitation(invitation, found.org, state(), wire, ctx.now()));
    },

    listOrganizationRoles: async (c) => {
      const found = kit.memberOrg(c);
      if (found instanceof Response) return found;
      const issues: ClerkErrorItem[] = [];
      const limit = queryInteger(c.req.query('limit'), 'limit', 10, 1, 500, issues);
      const offset = queryInteger(c.req.query('offset'), 'offset', 0, 0, null, issues);
      if (issues.length > 0) return clerkInvalid(issues);
      // Choice: oldest first, so the default roles lead as in Clerk's own role picker.
      const roles = [...state().roles].sort((a, b) => a.created_at - b.created_at);
      return kit.wrapped(c, {
        data: roles.slice(offset, offset + limit).map((role) => roleJson(role, state())),
        total_count: roles.length,
        has_role_set_migration: false,
      });
    },
  };
}
