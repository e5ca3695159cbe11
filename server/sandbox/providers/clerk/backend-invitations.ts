import type { Context } from 'hono';
import type { Handler } from '../../vendor';
import { readJson } from '../../vendor';
import { parseOrder } from './backend-members-list';
import { requiredText } from './backend-memberships';
import {
  clerkErrors,
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
  MAX_EXPIRES_IN_DAYS,
  orgInvitations,
  revokeInvitation,
  type NewInvitation,
} from './invitations';
import { hasPermission, MANAGE_MEMBERS, roleIssue } from './memberships';
import { findMembership, findOrgById } from './organizations';
import { isJsonObject } from './metadata';
import { readJsonBody } from './request';
import { backendInvitation } from './serialize-people';
import type {
  ClerkInvitationRecord,
  ClerkInvitationStatus,
  ClerkOrgRecord,
  ClerkState,
} from './state';
import { BodyCheck, queryInteger } from './validation';

type InvitationOperation =
  | 'listOrganizationInvitations'
  | 'createOrganizationInvitation'
  | 'createOrganizationInvitationBulk'
  | 'listPendingOrganizationInvitations'
  | 'getOrganizationInvitation'
  | 'revokeOrganizationInvitation';

const STATUSES: readonly ClerkInvitationStatus[] = ['pending', 'accepted', 'revoked', 'expired'];

/**
 * Reads one `CreateOrganizationInvitation` body (also each item of the bulk array). Problems
 * go to `check.issues`; the spec does not forbid other properties, so they are ignored.
 */
function readInvitation(check: BodyCheck, state: ClerkState): NewInvitation | null {
  const email = requiredText(check, 'email_address');
  if (email !== undefined && !isEmail(email)) check.issues.push(clerkIssue.emailInvalid());
  const role = requiredText(check, 'role');
  const invalidRole = role === undefined ? null : roleIssue(state, role);
  if (invalidRole) check.issues.push(invalidRole);
  const inviterId = check.text('inviter_user_id');
  const publicMetadata = check.metadata('public_metadata', true);
  const privateMetadata = check.metadata('private_metadata', true);
  const redirectUrl = check.text('redirect_url');
  check.boolean('notify');
  const days = check.nonNegativeInteger('expires_in_days');
  if (days !== undefined && (days < 1 || days > MAX_EXPIRES_IN_DAYS)) {
    check.issues.push(
      clerkIssue.invalid(
        'expires_in_days',
        `expires_in_days must be between 1 and ${MAX_EXPIRES_IN_DAYS}.`,
      ),
    );
  }
  if (!check.ok || email === undefined || role === undefined) return null;
  return {
    email,
    role,
    inviterId: inviterId ?? null,
    expiresInDays: days,
    publicMetadata,
    privateMetadata,
    redirectUrl,
  };
}

/** Inviters and revokers must be members who can manage members (the spec: "an administrator"). */
function isAdmin(state: ClerkState, org: ClerkOrgRecord, userId: string): boolean {
  const membership = findMembership(state, org.id, userId);
  return membership !== undefined && hasPermission(state, membership, MANAGE_MEMBERS);
}

/** BAPI `/organizations/{id}/invitations…`. There is no delete: invitations are revoked. */
export function backendInvitationHandlers(
  instance: ClerkInstance,
): Record<InvitationOperation, Handler> {
  const { ctx } = instance;
  const state = () => instance.state();

  async function invitationList(
    c: Context,
    rows: readonly ClerkInvitationRecord[],
    limit: number,
    offset: number,
  ) {
    const wire = await instance.wire(c);
    const now = ctx.now();
    return c.json({
      data: rows
        .slice(offset, offset + limit)
        .map((invitation) => backendInvitation(invitation, state(), wire, now)),
      total_count: rows.length,
    });
  }

  async function invitationJson(c: Context, invitation: ClerkInvitationRecord) {
    return c.json(backendInvitation(invitation, state(), await instance.wire(c), ctx.now()));
  }

  /** Everything Clerk checks against the org before it creates these invitations. */
  function refusal(org: ClerkOrgRecord, drafts: readonly NewInvitation[]): Response | null {
    const now = ctx.now();
    const seen = new Set<string>();
    for (const draft of drafts) {
      if (draft.inviterId !== null && !isAdmin(state(), org, draft.inviterId))
        return clerkPeopleError.notAdmin('inviter_user_id');
      const refused = invitationRefusal(state(), org, draft.email, now);
      if (refused) return refused;
      const key = draft.email.toLowerCase();
      if (seen.has(key)) return clerkPeopleError.duplicateInvitation(draft.email);
      seen.add(key);
    }
    return exceedsQuota(state(), org, drafts.length, now) ? clerkPeopleError.quotaExceeded() : null;
  }

  const orgOf = (c: Context) => findOrgById(state(), c.req.param('organization_id') ?? '');

  return {
    listOrganizationInvitations: async (c) => {
      const org = orgOf(c);
      if (!org) return clerkNotFound();
      const issues: ClerkErrorItem[] = [];
      const limit = queryInteger(c.req.query('limit'), 'limit', 10, 1, 500, issues);
      const offset = queryInteger(c.req.query('offset'), 'offset', 0, 0, null, issues);
      // The spec: `status` "accepts multiple values" (the SDK repeats it).
      const statuses = c.req.queries('status') ?? [];
      for (const status of statuses) {
        if (!(STATUSES as readonly string[]).includes(status)) {
          issues.push(
            clerkIssue.invalid('status', `status must be one of ${STATUSES.join(', ')}.`),
          );
        }
      }
      const order = parseOrder(
        c.req.query('order_by'),
        ['created_at', 'email_address'] as const,
        '-created_at',
        issues,
      );
      if (issues.length > 0 || order === null) return clerkInvalid(issues);
      const email = c.req.query('email_address')?.trim().toLowerCase();
      const now = ctx.now();
      const rows = orgInvitations(state(), org.id).filter(
        (invitation) =>
          (statuses.length === 0 ||
            (statuses as readonly string[]).includes(invitationStatus(invitation, now))) &&
          (email === undefined || email === '' || invitation.email_address.toLowerCase() === email),
      );
      if (order.field === 'email_address') {
        rows.sort(
          (a, b) =>
            a.email_address.localeCompare(b.email_address) * order.direction ||
            b.created_at - a.created_at,
        );
      } else if (order.direction === 1) {
        rows.reverse();
      }
      return invitationList(c, rows, limit, offset);
    },

    createOrganizationInvitation: async (c) => {
      const org = orgOf(c);
      if (!org) return clerkNotFound();
      const read = await readJsonBody(c);
      if ('response' in read) return read.response;
      const check = new BodyCheck(read.body);
      const draft = readInvitation(check, state());
      if (!draft) return clerkInvalid(check.issues);
      const refused = refusal(org, [draft]);
      if (refused) return refused;
      const invitation = createInvitation(state(), org, draft, ctx.now());
      instance.changed();
      return invitationJson(c, invitation);
    },

    createOrganizationInvitationBulk: async (c) => {
      const org = orgOf(c);
      if (!org) return clerkNotFound();
      const parsed = await readJson(c);
      if (!parsed.ok || !Array.isArray(parsed.value)) {
        return clerkErrors(400, [
          {
            code: 'request_body_invalid',
            message: 'Invalid request body',
            long_message: 'The request body must be a JSON array of invitations.',
          },
        ]);
      }
      const items: unknown[] = parsed.value;
      if (items.length > MAX_BULK_INVITATIONS)
        return clerkPeopleError.tooManyInvitations(MAX_BULK_INVITATIONS);
      if (items.length === 0) {
        return clerkInvalid([clerkIssue.invalid('email_address', 'Send at least one invitation.')]);
      }
      // Choice: all or nothing; every item's problems are reported together.
      const issues: ClerkErrorItem[] = [];
      const drafts: NewInvitation[] = [];
      for (const item of items) {
        const check = new BodyCheck(isJsonObject(item) ? item : {});
        const draft = readInvitation(check, state());
        issues.push(...check.issues);
        if (draft) drafts.push(draft);
      }
      if (issues.length > 0) return clerkInvalid(issues);
      const refused = refusal(org, drafts);
      if (refused) return refused;
      const created = drafts.map((draft) => createInvitation(state(), org, draft, ctx.now()));
      instance.changed();
      return invitationList(c, created, created.length, 0);
    },

    listPendingOrganizationInvitations: async (c) => {
      const org = orgOf(c);
      if (!org) return clerkNotFound();
      const issues: ClerkErrorItem[] = [];
      const limit = queryInteger(c.req.query('limit'), 'limit', 10, 1, 500, issues);
      const offset = queryInteger(c.req.query('offset'), 'offset', 0, 0, null, issues);
      if (issues.length > 0) return clerkInvalid(issues);
      const now = ctx.now();
      const rows = orgInvitations(state(), org.id).filter(
        (invitation) => invitationStatus(invitation, now) === 'pending',
      );
      return invitationList(c, rows, limit, offset);
    },

    getOrganizationInvitation: async (c) => {
      const org = orgOf(c);
      const invitation = org && findInvitation(state(), org.id, c.req.param('invitation_id') ?? '');
      if (!invitation) return clerkNotFound();
      return invitationJson(c, invitation);
    },

    revokeOrganizationInvitation: async (c) => {
      const org = orgOf(c);
      const invitation = org && findInvitation(state(), org.id, c.req.param('invitation_id') ?? '');
      if (!org || !invitation) return clerkNotFound();
      const read = await readJsonBody(c);
      if ('response' in read) return read.response;
      const check = new BodyCheck(read.body);
      const requester = check.text('requesting_user_id');
      if (!check.ok) return clerkInvalid(check.issues);
      if (requester && !isAdmin(state(), org, requester))
        return clerkPeopleError.notAdmin('requesting_user_id');
      const refused = revokeInvitation(invitation, ctx.now());
      if (refused) return refused;
      instance.changed();
      return invitationJson(c, invitation);
    },
  };
}
