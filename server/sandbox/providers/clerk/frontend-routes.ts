import { Hono, type Context } from 'hono';
import { clerkFrontendOperations } from '../../../../src/api/providers/clerk-frontend/operations';
import type { CredentialsLike, SandboxVendor } from '../../vendor';
import { bearerToken, routeOperations, SANDBOX_TOKEN } from '../../vendor';
import {
  clerkForbidden,
  clerkInvalid,
  clerkIssue,
  clerkNotFound,
  clerkRateLimited,
  clerkStatusError,
  clerkUnauthenticated,
  type ClerkErrorItem,
} from './errors';
import { frontendLogoHandlers } from './frontend-logo';
import { frontendPeopleHandlers } from './frontend-people';
import type { ClerkInstance } from './instance';
import {
  createOrganization,
  deleteOrganization,
  findMembership,
  findOrgById,
} from './organizations';
import { apiVersionCheck, cookie, readFormBody } from './request';
import { roleByKey } from './roles';
import {
  deletedOrganization,
  frontendClient,
  frontendMembership,
  frontendOrganization,
} from './serialize';
import type { ClerkMembershipRecord, ClerkOrgRecord } from './state';
import { BodyCheck, queryBoolean, queryInteger, slugTaken } from './validation';

const ORG_FORM_PARAMS = ['name', 'slug'];

/**
 * Clerk Frontend API (`/v1/organizations…` with their logos, members, invitations and roles,
 * `/v1/me/organization_memberships`), mounted at
 * `/sandbox/clerk-frontend`. It acts as the sandbox client's signed-in user; every 200 is
 * `{response, client}`, every error a bare `ClerkErrors`.
 */
export function createClerkFrontendSandbox(instance: ClerkInstance): SandboxVendor {
  const app = new Hono();
  const { ctx } = instance;
  const state = () => instance.state();
  const me = () => state().demo_user_id;

  async function wrapped(c: Context, response: unknown): Promise<Response> {
    return c.json({ response, client: frontendClient(state(), await instance.wire(c), ctx.now()) });
  }

  async function organizationResponse(c: Context, org: ClerkOrgRecord): Promise<Response> {
    return wrapped(c, frontendOrganization(org, await instance.wire(c), instance.counts()));
  }

  function can(membership: ClerkMembershipRecord, permission: string): boolean {
    return roleByKey(state().roles, membership.role)?.permissions.includes(permission) ?? false;
  }

  /** The org and the caller's membership in it, or the 404/403 Clerk answers with. */
  function memberOrg(
    c: Context,
  ): { org: ClerkOrgRecord; membership: ClerkMembershipRecord } | Response {
    const org = findOrgById(state(), c.req.param('organization_id') ?? '');
    if (!org) return clerkNotFound();
    const membership = findMembership(state(), org.id, me());
    if (!membership) return clerkForbidden('You are not a member of this organization.');
    return { org, membership };
  }

  /**
   * The FAPI's three schemes: the `__client` cookie, the `__dev_session` query parameter, or a
   * native app's `Authorization: Bearer` together with `_is_native=true` (real Clerk ignores the
   * bearer without that flag, so a bearer alone is not signed in).
   */
  function authenticate(c: CredentialsLike): Response | null {
    const native = c.req.query('_is_native') === 'true' && bearerToken(c) === SANDBOX_TOKEN;
    const signedIn =
      native ||
      c.req.query('__dev_session') === SANDBOX_TOKEN ||
      cookie(c, '__client') === SANDBOX_TOKEN;
    return signedIn
      ? null
      : clerkUnauthenticated('You need to be signed in to perform this request.');
  }

  app.use('*', async (c, next) => {
    const refusal = authenticate(c);
    if (refusal) return refusal;
    await next();
    return undefined;
  });
  app.use('*', apiVersionCheck);

  routeOperations(app, clerkFrontendOperations, {
    listMyMemberships: async (c) => {
      const issues: ClerkErrorItem[] = [];
      const limit = queryInteger(c.req.query('limit'), 'limit', 10, 1, 500, issues);
      const offset = queryInteger(c.req.query('offset'), 'offset', 0, 0, null, issues);
      const paginated = queryBoolean(c.req.query('paginated'), 'paginated', issues);
      if (issues.length > 0) return clerkInvalid(issues);
      const user = state().users.find((candidate) => candidate.id === me());
      // Choice: newest membership first, like Clerk's other lists (the order is not documented).
      const mine = state()
        .memberships.filter((membership) => membership.user_id === me())
        .sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? -1 : 1));
      const wire = await instance.wire(c);
      const counts = instance.counts();
      const data = mine.slice(offset, offset + limit).flatMap((membership) => {
        const org = findOrgById(state(), membership.org_id);
        return org ? [frontendMembership(membership, org, user, state(), wire, counts)] : [];
      });
      return wrapped(c, paginated ? { data, total_count: mine.length } : data);
    },

    createOrganization: async (c) => {
      const read = await readFormBody(c);
      if ('response' in read) return read.response;
      const check = new BodyCheck(read.body);
      check.onlyAllowed(ORG_FORM_PARAMS);
      const name = check.name(true);
      const slug = check.slug();
      if (!check.ok || name === undefined) return clerkInvalid(check.issues);
      if (slug && slugTaken(state().orgs, slug)) return clerkInvalid([clerkIssue.slugTaken()]);
      const org = createOrganization(state(), { name, slug, createdBy: me() }, ctx.now());
      instance.changed();
      return organizationResponse(c, org);
    },

    getOrganization: async (c) => {
      const found = memberOrg(c);
      if (found instanceof Response) return found;
      return organizationResponse(c, found.org);
    },

    updateOrganization: async (c) => {
      const found = memberOrg(c);
      if (found instanceof Response) return found;
      const { org, membership } = found;
      if (!can(membership, 'org:sys_profile:manage')) {
        return clerkForbidden('Only an admin of this organization can update it.');
      }
      const read = await readFormBody(c);
      if ('response' in read) return read.response;
      const check = new BodyCheck(read.body);
      check.onlyAllowed(ORG_FORM_PARAMS);
      const name = check.name(false);
      const slug = check.slug();
      if (slug === '') check.issues.push(clerkIssue.invalid('slug', 'slug cannot be blank.'));
      if (!check.ok) return clerkInvalid(check.issues);
      if (slug && slugTaken(state().orgs, slug, org.id))
        return clerkInvalid([clerkIssue.slugTaken()]);
      if (name !== undefined) org.name = name;
      if (slug) org.slug = slug;
      org.updated_at = ctx.now();
      instance.changed();
      return organizationResponse(c, org);
    },

    deleteOrganization: (c) => {
      const found = memberOrg(c);
      if (found instanceof Response) return found;
      const { org, membership } = found;
      if (!can(membership, 'org:sys_profile:delete')) {
        return clerkForbidden('Only an admin of this organization can delete it.');
      }
      if (!org.admin_delete_enabled) {
        return clerkForbidden(
          'Deleting this organization is disabled for admins (admin_delete_enabled is false).',
        );
      }
      deleteOrganization(state(), org);
      instance.changed();
      return c.json({ response: deletedOrganization(org), client: null });
    },

    ...frontendLogoHandlers(instance, { wrapped, memberOrg, can }),
    ...frontendPeopleHandlers(instance, { wrapped, memberOrg, can }),
  });

  app.notFound(() => clerkNotFound());
  app.onError(() => clerkStatusError(500, 'There was an internal error on our servers.'));

  return {
    mount: 'clerk-frontend',
    authenticate,
    app,
    error: (status, message) => clerkStatusError(status, message),
    rateLimited: (seconds) => clerkRateLimited(seconds),
  };
}
