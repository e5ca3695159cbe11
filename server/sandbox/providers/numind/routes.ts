import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { numindOperations } from '../../../../src/api/providers/numind/operations';
import type { CredentialsLike, Handler, SandboxContext, SandboxVendor } from '../../vendor';
import { bearerToken, readJson, routeOperations, SANDBOX_TOKEN } from '../../vendor';
import { numindBadRequest, numindError } from './errors';
import { readInviteEmail, toInvitationResponse, toMemberResponse } from './people';
import {
  NUMIND_MANAGER_ROLES,
  NUMIND_ROLES,
  seedNumind,
  type NumindMembershipRecord,
  type NumindOrgRecord,
  type NumindState,
} from './state';

/** The sandbox's stand-in for a NuExtract API key. */
export const NUMIND_SANDBOX_API_KEY = 'sandbox-api-key';

/**
 * How the real server tells an API key from a user's OAuth token is unconfirmed. Our choice: the
 * sandbox key, or any token with the `nu_` prefix, is an API key.
 */
function isApiKey(token: string): boolean {
  return token === NUMIND_SANDBOX_API_KEY || token.startsWith('nu_');
}

/** `OrganizationResponse`. */
function toResponse(org: NumindOrgRecord) {
  return { id: org.id, name: org.name };
}

/**
 * `CreateOrganizationRequest` / `UpdateOrganizationRequest`: `{name: string}`. Anything else is
 * Tapir's 400. Refusing a blank name is our choice (the vendor documents no rule).
 */
async function readName(c: Context): Promise<string | null> {
  const parsed = await readJson(c);
  if (!parsed.ok) return null;
  const body = parsed.value;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const name = (body as Record<string, unknown>)['name'];
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}

export function createNumindSandbox(ctx: SandboxContext): SandboxVendor {
  const slice = ctx.store.register<NumindState>({ name: 'numind', version: 1, seed: seedNumind });
  const app = new Hono();
  const state = () => slice.state;

  /**
   * Every org endpoint acts as the signed-in user and refuses API keys with 403. Like Tapir's
   * security inputs, this runs before the body is decoded.
   */
  function asUser(handler: (c: Context, userId: string) => Response | Promise<Response>): Handler {
    return (c) => authenticate(c) ?? handler(c, state().demoUserId);
  }

  function authenticate(c: CredentialsLike): Response | null {
    const token = bearerToken(c);
    if (token === null) return numindError(401, 'Missing bearer access token.');
    if (isApiKey(token)) {
      return numindError(
        403,
        'Organizations cannot be managed with an API key. Sign in and use your user access token.',
      );
    }
    if (token !== SANDBOX_TOKEN) return numindError(401, 'Invalid or expired access token.');
    return null;
  }

  /** The org and the user's membership in it; NuMind's 404 when the user is not in it. */
  function orgOfUser(
    c: Context,
    userId: string,
  ): { org: NumindOrgRecord; membership: NumindMembershipRecord } | { response: Response } {
    const id = c.req.param('organizationId') ?? '';
    const org = state().orgs.find((candidate) => candidate.id === id);
    const membership = state().memberships.find(
      (candidate) => candidate.orgId === id && candidate.userId === userId,
    );
    // An org the user is not in is reported exactly like one that does not exist.
    if (!org || !membership) {
      return { response: numindError(404, `Organization with id ${id} does not exist.`) };
    }
    return { org, membership };
  }

  /**
   * The org, if the user is in it and may manage it (owner or admin); otherwise NuMind's 404 or 403.
   * The docs name 403 for changing or deleting an org; applying it to invitations and member
   * removal too is our choice.
   */
  function managedOrg(
    c: Context,
    userId: string,
    action: string,
  ): { org: NumindOrgRecord } | { response: Response } {
    const found = orgOfUser(c, userId);
    if ('response' in found) return found;
    if (!found.membership.roles.some((role) => NUMIND_MANAGER_ROLES.includes(role))) {
      return { response: numindError(403, `You do not have permission to ${action}.`) };
    }
    return { org: found.org };
  }

  const membersOf = (orgId: string) =>
    state().memberships.filter((membership) => membership.orgId === orgId);
  const isOwner = (membership: NumindMembershipRecord) =>
    membership.roles.includes(NUMIND_ROLES.owner);

  routeOperations(app, numindOperations, {
    listOrganizations: asUser((c, userId) => {
      const mine = new Set(
        state()
          .memberships.filter((membership) => membership.userId === userId)
          .map((membership) => membership.orgId),
      );
      return c.json(
        state()
          .orgs.filter((org) => mine.has(org.id))
          .map(toResponse),
      );
    }),

    createOrganization: asUser(async (c, userId) => {
      const name = await readName(c);
      if (name === null) return numindBadRequest();
      const org: NumindOrgRecord = { id: randomUUID(), name };
      state().orgs.push(org);
      state().memberships.push({ orgId: org.id, userId, roles: [NUMIND_ROLES.owner] });
      ctx.store.changed();
      return c.json(toResponse(org));
    }),

    updateOrganization: asUser(async (c, userId) => {
      const name = await readName(c);
      if (name === null) return numindBadRequest();
      const found = managedOrg(c, userId, 'change this organization');
      if ('response' in found) return found.response;
      found.org.name = name;
      ctx.store.changed();
      return c.json(toResponse(found.org));
    }),

    deleteOrganization: asUser((c, userId) => {
      const found = managedOrg(c, userId, 'delete this organization');
      if ('response' in found) return found.response;
      const id = found.org.id;
      const current = state();
      current.orgs = current.orgs.filter((org) => org.id !== id);
      current.memberships = current.memberships.filter((membership) => membership.orgId !== id);
      current.invitations = current.invitations.filter((invitation) => invitation.orgId !== id);
      ctx.store.changed();
      return c.body(null, 200);
    }),

    // Any member may list the members and pending invitations (the docs name only 404); our choice.
    listMembers: asUser((c, userId) => {
      const found = orgOfUser(c, userId);
      if ('response' in found) return found.response;
      const users = new Map(state().users.map((user) => [user.id, user]));
      return c.json(
        membersOf(found.org.id).flatMap((membership) => {
          const user = users.get(membership.userId);
          return user ? [toMemberResponse(user, membership)] : [];
        }),
      );
    }),

    /**
     * 200 with an empty body. The invitation stays pending until the person activates an account
     * and accepts: the API has no accept call, so the sandbox never turns one into a membership.
     */
    inviteMember: asUser(async (c, userId) => {
      const email = await readInviteEmail(c);
      if (email === null) return numindBadRequest();
      if ('invalid' in email) return numindBadRequest(email.invalid);
      const found = managedOrg(c, userId, 'invite people to this organization');
      if ('response' in found) return found.response;
      const orgId = found.org.id;
      const wanted = email.value.toLowerCase();
      const memberIds = new Set(membersOf(orgId).map((membership) => membership.userId));
      // Refusing to invite an existing member or an already-invited email with 409 is our choice;
      // the docs say an invitation must be deleted before the person can be invited again.
      if (
        state().users.some((user) => memberIds.has(user.id) && user.email.toLowerCase() === wanted)
      ) {
        return numindError(409, `${email.value} is already a member of this organization.`);
      }
      if (
        state().invitations.some(
          (invitation) => invitation.orgId === orgId && invitation.email.toLowerCase() === wanted,
        )
      ) {
        return numindError(
          409,
          `An invitation for ${email.value} is already pending. Delete it to invite again.`,
        );
      }
      state().invitations.push({
        id: randomUUID(),
        orgId,
        email: email.value,
        roles: [NUMIND_ROLES.member],
      });
      ctx.store.changed();
      return c.body(null, 200);
    }),

    removeMember: asUser((c, userId) => {
      const found = managedOrg(c, userId, 'remove members from this organization');
      if ('response' in found) return found.response;
      const orgId = found.org.id;
      const targetId = c.req.param('userId') ?? '';
      const members = membersOf(orgId);
      const target = members.find((membership) => membership.userId === targetId);
      if (!target) {
        return numindError(404, `Member with id ${targetId} does not exist in this organization.`);
      }
      // An org must keep an owner. The status is unconfirmed: 403 is our choice.
      if (isOwner(target) && members.filter(isOwner).length === 1) {
        return numindError(403, 'You cannot remove the last owner of an organization.');
      }
      state().memberships = state().memberships.filter((membership) => membership !== target);
      ctx.store.changed();
      return c.body(null, 200);
    }),

    listInvitations: asUser((c, userId) => {
      const found = orgOfUser(c, userId);
      if ('response' in found) return found.response;
      return c.json(
        state()
          .invitations.filter((invitation) => invitation.orgId === found.org.id)
          .map(toInvitationResponse),
      );
    }),

    deleteInvitation: asUser((c, userId) => {
      const found = managedOrg(c, userId, 'delete invitations of this organization');
      if ('response' in found) return found.response;
      const invitationId = c.req.param('invitationId') ?? '';
      const invitation = state().invitations.find(
        (candidate) => candidate.orgId === found.org.id && candidate.id === invitationId,
      );
      if (!invitation) {
        return numindError(404, `Invitation with id ${invitationId} does not exist.`);
      }
      state().invitations = state().invitations.filter((candidate) => candidate !== invitation);
      ctx.store.changed();
      return c.body(null, 200);
    }),
  });

  app.notFound((c) => numindError(404, `No endpoint matches ${c.req.method} ${c.req.path}.`));
  app.onError(() => numindError(500, 'Internal server error.'));

  return {
    mount: 'numind',
    authenticate,
    app,
    error: (status, message) => numindError(status, message),
    rateLimited: (seconds) =>
      numindError(429, 'Too many requests, please retry later.', {
        'Retry-After': String(seconds),
      }),
  };
}
