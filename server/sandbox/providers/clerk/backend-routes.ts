import { Hono, type Context } from 'hono';
import { clerkOperations } from '../../../../src/api/providers/clerk/operations';
import type { CredentialsLike, SandboxVendor } from '../../vendor';
import { bearerToken, routeOperations, SANDBOX_TOKEN } from '../../vendor';
import { backendDirectoryHandlers } from './backend-directory';
import { backendInvitationHandlers } from './backend-invitations';
import { parseListQuery, selectOrganizations } from './backend-list';
import { backendMembershipHandlers } from './backend-memberships';
import {
  clerkInvalid,
  clerkIssue,
  clerkNotFound,
  clerkRateLimited,
  clerkStatusError,
  clerkUnauthenticated,
  type ClerkErrorItem,
} from './errors';
import type { ClerkInstance } from './instance';
import { removeLogo, uploadLogo } from './logo';
import { deepMerge } from './metadata';
import {
  createOrganization,
  deleteOrganization,
  findOrgById,
  findOrgByIdOrSlug,
} from './organizations';
import { apiVersionCheck, readJsonBody, requestedVersion } from './request';
import { backendOrganization, deletedOrganization } from './serialize';
import type { ClerkOrgRecord } from './state';
import {
  BodyCheck,
  METADATA_MAX_BYTES,
  metadataBytes,
  metadataTooLarge,
  queryBoolean,
  slugTaken,
} from './validation';

const CREATE_PARAMS = [
  'name',
  'created_by',
  'private_metadata',
  'public_metadata',
  'slug',
  'max_allowed_memberships',
  'created_at',
  'role_set_key',
];
const UPDATE_PARAMS = [
  'name',
  'slug',
  'max_allowed_memberships',
  'admin_delete_enabled',
  'created_at',
  'role_set_key',
];
const METADATA_PARAMS = ['public_metadata', 'private_metadata'];

/**
 * Clerk Backend API (`/v1/organizations…`, `/v1/users`, `/v1/organization_roles`), mounted at
 * `/sandbox/clerk`.
 */
export function createClerkBackendSandbox(instance: ClerkInstance): SandboxVendor {
  const app = new Hono();
  const { ctx } = instance;
  const state = () => instance.state();

  async function organizationJson(c: Context, org: ClerkOrgRecord): Promise<Response> {
    return c.json(backendOrganization(org, await instance.wire(c), instance.counts()));
  }

  /** Real secret keys look like `sk_test_…`; the sandbox takes only its own token. */
  function authenticate(c: CredentialsLike): Response | null {
    if (bearerToken(c) === SANDBOX_TOKEN) return null;
    return clerkUnauthenticated(
      'Unable to authenticate the request, you need to supply an active API key.',
    );
  }

  app.use('*', async (c, next) => {
    const refusal = authenticate(c);
    if (refusal) return refusal;
    await next();
    return undefined;
  });
  app.use('*', apiVersionCheck);

  routeOperations(app, clerkOperations, {
    listOrganizations: async (c) => {
      const parsed = parseListQuery(c);
      if ('issues' in parsed) return clerkInvalid(parsed.issues);
      const { query } = parsed;
      const counts = instance.counts();
      const selected = selectOrganizations(state(), query, counts);
      const wire = await instance.wire(c);
      const options = {
        membersCount: query.includeMembersCount,
        missingMemberWithElevatedPermissions: query.includeMissingMember,
      };
      return c.json({
        data: selected
          .slice(query.offset, query.offset + query.limit)
          .map((org) => backendOrganization(org, wire, counts, options)),
        total_count: selected.length,
      });
    },

    createOrganization: async (c) => {
      const read = await readJsonBody(c);
      if ('response' in read) return read.response;
      const check = new BodyCheck(read.body);
      check.onlyAllowed(CREATE_PARAMS);
      const name = check.name(true);
      const slug = check.slug();
      const createdBy = check.text('created_by');
      const maxAllowedMemberships = check.nonNegativeInteger('max_allowed_memberships');
      const publicMetadata = check.metadata('public_metadata', true);
      const privateMetadata = check.metadata('private_metadata', true);
      const createdAt = check.timestamp('created_at');
      const roleSetKey = check.text('role_set_key');
      if (!check.ok || name === undefined) return clerkInvalid(check.issues);
      if (createdBy && !state().users.some((user) => user.id === createdBy)) {
        return clerkInvalid([
          clerkIssue.valueInvalid('created_by', `No user matches created_by "${createdBy}".`),
        ]);
      }
      if (slug && slugTaken(state().orgs, slug)) return clerkInvalid([clerkIssue.slugTaken()]);
      const org = createOrganization(
        state(),
        {
          name,
          slug,
          createdBy: createdBy || null,
          maxAllowedMemberships,
          publicMetadata,
          privateMetadata,
          createdAt,
          roleSetKey,
        },
        ctx.now(),
      );
      instance.changed();
      return organizationJson(c, org);
    },

    getOrganization: async (c) => {
      const issues: ClerkErrorItem[] = [];
      const options = {
        membersCount: queryBoolean(
          c.req.query('include_members_count'),
          'include_members_count',
          issues,
        ),
        missingMemberWithElevatedPermissions: queryBoolean(
          c.req.query('include_missing_member_with_elevated_permissions'),
          'include_missing_member_with_elevated_permissions',
          issues,
        ),
      };
      if (issues.length > 0) return clerkInvalid(issues);
      const org = findOrgByIdOrSlug(state(), c.req.param('organization_id') ?? '');
      if (!org) return clerkNotFound();
      return c.json(backendOrganization(org, await instance.wire(c), instance.counts(), options));
    },

    updateOrganization: async (c) => {
      const org = findOrgById(state(), c.req.param('organization_id') ?? '');
      if (!org) return clerkNotFound();
      const read = await readJsonBody(c);
      if ('response' in read) return read.response;
      // 2025-11-10 still takes metadata on update (replacing it); 2026-05-12 refuses it.
      const legacy = requestedVersion(c) === '2025-11-10';
      const check = new BodyCheck(read.body);
      check.onlyAllowed(legacy ? [...UPDATE_PARAMS, ...METADATA_PARAMS] : UPDATE_PARAMS);
      const name = check.name(false);
      const slug = check.slug();
      if (slug === '') check.issues.push(clerkIssue.invalid('slug', 'slug cannot be blank.'));
      const maxAllowedMemberships = check.nonNegativeInteger('max_allowed_memberships');
      const adminDeleteEnabled = check.boolean('admin_delete_enabled');
      const createdAt = check.timestamp('created_at');
      const roleSetKey = check.text('role_set_key');
      const publicMetadata = legacy ? check.metadata('public_metadata', true) : undefined;
      const privateMetadata = legacy ? check.metadata('private_metadata', true) : undefined;
      if (!check.ok) return clerkInvalid(check.issues);
      if (slug && slugTaken(state().orgs, slug, org.id))
        return clerkInvalid([clerkIssue.slugTaken()]);

      if (name !== undefined) org.name = name;
      if (slug) org.slug = slug;
      if (maxAllowedMemberships !== undefined) org.max_allowed_memberships = maxAllowedMemberships;
      if (adminDeleteEnabled !== undefined) org.admin_delete_enabled = adminDeleteEnabled;
      if (createdAt !== undefined) org.created_at = createdAt;
      if (roleSetKey !== undefined) org.role_set_key = roleSetKey;
      if (publicMetadata !== undefined) org.public_metadata = publicMetadata;
      if (privateMetadata !== undefined) org.private_metadata = privateMetadata;
      org.updated_at = ctx.now();
      instance.changed();
      return organizationJson(c, org);
    },

    deleteOrganization: (c) => {
      const org = findOrgById(state(), c.req.param('organization_id') ?? '');
      if (!org) return clerkNotFound();
      deleteOrganization(state(), org);
      instance.changed();
      return c.json(deletedOrganization(org));
    },

    mergeOrganizationMetadata: async (c) => {
      const org = findOrgById(state(), c.req.param('organization_id') ?? '');
      if (!org) return clerkNotFound();
      const read = await readJsonBody(c);
      if ('response' in read) return read.response;
      const check = new BodyCheck(read.body);
      check.onlyAllowed(METADATA_PARAMS);
      const publicPatch = check.metadata('public_metadata', false);
      const privatePatch = check.metadata('private_metadata', false);
      if (!check.ok) return clerkInvalid(check.issues);
      // The merged result must fit the limit too; nothing is stored when it does not.
      const mergedPublic = publicPatch && deepMerge(org.public_metadata, publicPatch);
      const mergedPrivate = privatePatch && deepMerge(org.private_metadata, privatePatch);
      const tooLarge = [
        ...(mergedPublic && metadataBytes(mergedPublic) > METADATA_MAX_BYTES
          ? [metadataTooLarge('public_metadata')]
          : []),
        ...(mergedPrivate && metadataBytes(mergedPrivate) > METADATA_MAX_BYTES
          ? [metadataTooLarge('private_metadata')]
          : []),
      ];
      if (tooLarge.length > 0) return clerkInvalid(tooLarge);
      if (mergedPublic) org.public_metadata = mergedPublic;
      if (mergedPrivate) org.private_metadata = mergedPrivate;
      org.updated_at = ctx.now();
      instance.changed();
      return organizationJson(c, org);
    },

    replaceOrganizationMetadata: async (c) => {
      const org = findOrgById(state(), c.req.param('organization_id') ?? '');
      if (!org) return clerkNotFound();
      const read = await readJsonBody(c);
      if ('response' in read) return read.response;
      const check = new BodyCheck(read.body);
      check.onlyAllowed(METADATA_PARAMS);
      // The spec types both as objects (not nullable), so `null` is refused rather than stored.
      const publicMetadata = check.metadata('public_metadata', false);
      const privateMetadata = check.metadata('private_metadata', false);
      if (!check.ok) return clerkInvalid(check.issues);
      if (publicMetadata) org.public_metadata = publicMetadata;
      if (privateMetadata) org.private_metadata = privateMetadata;
      org.updated_at = ctx.now();
      instance.changed();
      return organizationJson(c, org);
    },

    uploadOrganizationLogo: (c) => uploadLogo(c, instance),

    deleteOrganizationLogo: (c) => {
      const org = findOrgById(state(), c.req.param('organization_id') ?? '');
      if (!org) return clerkNotFound();
      removeLogo(instance, org);
      return organizationJson(c, org);
    },

    ...backendMembershipHandlers(instance),
    ...backendInvitationHandlers(instance),
    ...backendDirectoryHandlers(instance),
  });

  app.notFound(() => clerkNotFound());
  app.onError(() => clerkStatusError(500, 'There was an internal error on our servers.'));

  return {
    mount: 'clerk',
    authenticate,
    app,
    error: (status, message) => clerkStatusError(status, message),
    rateLimited: (seconds) => clerkRateLimited(seconds),
  };
}
