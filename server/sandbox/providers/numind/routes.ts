import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { numindOperations } from '../../../../src/api/providers/numind/operations';
import type { Handler, SandboxContext, SandboxVendor } from '../../vendor';
import { bearerToken, readJson, routeOperations, SANDBOX_TOKEN } from '../../vendor';
import { numindBadRequest, numindError } from './errors';
import {
  NUMIND_MANAGER_ROLES,
  NUMIND_ROLES,
  seedNumind,
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
    return (c) => {
      const token = bearerToken(c);
      if (token === null) return numindError(401, 'Missing bearer access token.');
      if (isApiKey(token)) {
        return numindError(
          403,
          'Organizations cannot be managed with an API key. Sign in and use your user access token.',
        );
      }
      if (token !== SANDBOX_TOKEN) return numindError(401, 'Invalid or expired access token.');
      return handler(c, state().demoUserId);
    };
  }

  /** The org, if the user is in it and may manage it; otherwise NuMind's 404 or 403. */
  function managedOrg(
    c: Context,
    userId: string,
    action: 'change' | 'delete',
  ): { org: NumindOrgRecord } | { response: Response } {
    const id = c.req.param('organizationId') ?? '';
    const org = state().orgs.find((candidate) => candidate.id === id);
    const membership = state().memberships.find(
      (candidate) => candidate.orgId === id && candidate.userId === userId,
    );
    // An org the user is not in is reported exactly like one that does not exist.
    if (!org || !membership) {
      return { response: numindError(404, `Organization with id ${id} does not exist.`) };
    }
    if (!membership.roles.some((role) => NUMIND_MANAGER_ROLES.includes(role))) {
      return {
        response: numindError(403, `You do not have permission to ${action} this organization.`),
      };
    }
    return { org };
  }

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
      const found = managedOrg(c, userId, 'change');
      if ('response' in found) return found.response;
      found.org.name = name;
      ctx.store.changed();
      return c.json(toResponse(found.org));
    }),

    deleteOrganization: asUser((c, userId) => {
      const found = managedOrg(c, userId, 'delete');
      if ('response' in found) return found.response;
      const id = found.org.id;
      const current = state();
      current.orgs = current.orgs.filter((org) => org.id !== id);
      current.memberships = current.memberships.filter((membership) => membership.orgId !== id);
      current.invitations = current.invitations.filter((invitation) => invitation.orgId !== id);
      ctx.store.changed();
      return c.body(null, 200);
    }),
  });

  app.notFound((c) => numindError(404, `No endpoint matches ${c.req.method} ${c.req.path}.`));
  app.onError(() => numindError(500, 'Internal server error.'));

  return {
    mount: 'numind',
    app,
    error: (status, message) => numindError(status, message),
    rateLimited: (seconds) =>
      numindError(429, 'Too many requests, please retry later.', {
        'Retry-After': String(seconds),
      }),
  };
}
