import { nextTokenField } from './paging';
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { kindeOperations } from '../../../../src/api/providers/kinde/operations';
import type { CredentialsLike, Handler, SandboxContext, SandboxVendor } from '../../vendor';
import { bearerToken, requestOrigin, routeOperations, SANDBOX_TOKEN } from '../../vendor';
import { directoryHandlers } from './directory-routes';
import {
  kindeError,
  kindeErrors,
  kindeNotFound,
  kindeRateLimited,
  kindeStatusError,
  organizationNotFound,
  routeNotFound,
  type KindeErrorItem,
} from './errors';
import { flagHandlers } from './flag-routes';
import { findFlag, flagNotFound, flagValueError } from './flags';
import { registerInvitePage } from './invite-page';
import { byKey } from './lookup';
import { inviteHandlers } from './invite-routes';
import { logoHandlers, logoUrl } from './logo-routes';
import { memberHandlers } from './member-routes';
import { readOrgChanges, type OrgChanges } from './org-input';
import { listPage, readListQuery } from './org-list';
import { organizationDetail, organizationItem } from './org-view';
import { permissionHandlers } from './permission-routes';
import { readObjectBody, success, type KindeRouteKit } from './route-kit';
import {
  kindeTime,
  seedKinde,
  type KindeBillingRecord,
  type KindeOrgRecord,
  type KindeState,
} from './state';
import { tokenEndpoint, verifyToken, type KindeScope } from './token';

export const KINDE_MOUNT = 'kinde';

/** `expand` accepts only `billing`, which adds the org's billing customer when it has one. */
function badExpand(c: Context): Response | null {
  const expand = c.req.query('expand');
  if (expand === undefined || expand === '' || expand === 'billing') return null;
  return kindeError(400, 'INVALID_EXPAND', 'expand only accepts "billing"', 'expand');
}

/** Kinde routes that take no bearer token: the token endpoint and the invitation page. */
const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/oauth2/token', '/team_invitation']);

export function createKindeSandbox(ctx: SandboxContext): SandboxVendor {
  const slice = ctx.store.register<KindeState>({ name: 'kinde', version: 2, seed: seedKinde });
  const app = new Hono();
  const state = () => slice.state;
  const issuer = (c: Context) => `${requestOrigin(c)}/sandbox/${KINDE_MOUNT}`;

  const findOrg = (code: string) => byKey(state().orgs, 'code').get(code);
  const handleTaken = (handle: string, except?: KindeOrgRecord) =>
    state().orgs.some((org) => org.handle === handle && org !== except);
  const handleTakenError = () =>
    kindeError(
      400,
      'HANDLE_ALREADY_EXISTS',
      'An organization with this handle already exists',
      'handle',
    );

  /**
   * Kinde's spec answers a missing, invalid or expired token with 403 ("Unauthorized - invalid
   * credentials.", the shared `forbidden` response every endpoint declares); it declares 401 on
   * no organization endpoint. So the sandbox answers 403 too. The code is a choice.
   */
  function refuseCredentials(message: string): Response {
    return kindeError(403, 'UNAUTHORIZED', message);
  }

  /** The token check alone (no scope); the token endpoint and the invite page are public. */
  function authenticate(c: CredentialsLike, vendorPath: string): Response | null {
    if (PUBLIC_PATHS.has(vendorPath)) return null;
    const token = bearerToken(c);
    if (token === null) return refuseCredentials('A bearer token is required');
    if (token === SANDBOX_TOKEN) return null;
    const check = verifyToken(token, ctx.now());
    if (check.ok) return null;
    return refuseCredentials(
      check.reason === 'expired' ? 'The access token has expired' : 'The access token is not valid',
    );
  }

  function authorize(c: Context, scope: KindeScope): Response | null {
    const token = bearerToken(c);
    const refusal = authenticate(c, '');
    if (refusal || token === SANDBOX_TOKEN || token === null) return refusal;
    const check = verifyToken(token, ctx.now());
    if (check.ok && !check.scopes.includes(scope)) {
      return kindeError(403, 'FORBIDDEN', `The access token does not have the ${scope} scope`);
    }
    return null;
  }

  const guarded =
    (scope: KindeScope, handler: Handler): Handler =>
    (c) =>
      authorize(c, scope) ?? handler(c);

  const kit: KindeRouteKit = {
    ctx,
    state,
    guarded,
    findOrg,
    businessUrl: issuer,
  };

  function newCode(): string {
    for (;;) {
      const code = `org_${randomBytes(6).toString('hex').slice(0, 11)}`;
      if (!findOrg(code)) return code;
    }
  }

  /** A new billing customer on a plan (ids shaped like the spec's `customer_1245adbc6789`). */
  function billingCustomer(planCode: string): KindeBillingRecord {
    return {
      billing_customer_id: `customer_${randomBytes(6).toString('hex')}`,
      agreements: [
        { plan_code: planCode, agreement_id: `agreement_${randomBytes(6).toString('hex')}` },
      ],
    };
  }

  /** Initial overrides from the create body, or the errors that refuse it. */
  function flagOverrides(orgCode: string, flags: Record<string, string> | undefined) {
    const overrides: KindeState['flagOverrides'] = [];
    const errors: KindeErrorItem[] = [];
    for (const [flagKey, value] of Object.entries(flags ?? {})) {
      const flag = findFlag(state(), flagKey);
      const error = flag
        ? flagValueError(flag, value, 'feature_flags')
        : flagNotFound(flagKey, 'feature_flags');
      if (error) errors.push(error);
      else overrides.push({ orgCode, flagKey, value });
    }
    return { overrides, errors };
  }

  function apply(org: KindeOrgRecord, changes: OrgChanges): void {
    if (changes.name !== undefined) org.name = changes.name;
    if (changes.handle !== undefined) org.handle = changes.handle;
    if (changes.external_id !== undefined) org.external_id = changes.external_id;
    if (changes.colors) org.colors = { ...org.colors, ...changes.colors };
    if (changes.theme_code !== undefined) org.theme_code = changes.theme_code;
    if (changes.is_auto_membership_enabled !== undefined)
      org.is_auto_membership_enabled = changes.is_auto_membership_enabled;
    if (changes.sender_name !== undefined) org.sender_name = changes.sender_name;
    if (changes.sender_email !== undefined) org.sender_email = changes.sender_email;
    if (changes.allowed_domains !== undefined) org.allowed_domains = changes.allowed_domains;
    if (changes.is_suspended !== undefined && changes.is_suspended !== org.is_suspended) {
      org.is_suspended = changes.is_suspended;
      org.suspended_on = changes.is_suspended ? kindeTime(ctx.now()) : null;
    }
    for (const key of [
      'is_auto_join_domain_list',
      'is_enable_advanced_orgs',
      'is_enforce_mfa',
    ] as const) {
      const value = changes[key];
      if (value !== undefined) org.settings = { ...org.settings, [key]: value };
    }
  }

  app.post('/oauth2/token', (c) => tokenEndpoint(c, issuer(c), ctx.now()));
  registerInvitePage(app, kit);

  routeOperations(app, kindeOperations, {
    listOrganizations: guarded('read:organizations', (c) => {
      const query = readListQuery((name) => c.req.query(name));
      if (Array.isArray(query)) return kindeErrors(400, query);
      const { items, nextToken } = listPage(state().orgs, query);
      return c.json({
        code: 'OK',
        message: 'Success',
        organizations: items.map(organizationItem),
        ...nextTokenField(nextToken),
      });
    }),

    getOrganization: guarded('read:organizations', (c) => {
      const code = c.req.query('code') ?? '';
      if (code === '')
        return kindeError(400, 'ORGANIZATION_REQUIRED', 'Organization code is required', 'code');
      const invalid = badExpand(c);
      if (invalid) return invalid;
      const org = findOrg(code);
      if (!org) return organizationNotFound();
      const logos = { light: logoUrl(c, org, 'light'), dark: logoUrl(c, org, 'dark') };
      const billing = c.req.query('expand') === 'billing' && org.billing ? org.billing : null;
      return c.json({ ...organizationDetail(org, logos), ...(billing ? { billing } : {}) });
    }),

    createOrganization: guarded('create:organizations', async (c) => {
      const body = await readObjectBody(c);
      if (body instanceof Response) return body;
      const { changes, errors } = readOrgChanges(body, 'create');
      const code = newCode();
      const flags = flagOverrides(code, changes.feature_flags);
      if (errors.length > 0 || flags.errors.length > 0)
        return kindeErrors(400, [...errors, ...flags.errors]);
      if (changes.handle !== undefined && handleTaken(changes.handle)) return handleTakenError();
      const org: KindeOrgRecord = {
        code,
        name: '',
        handle: null,
        is_default: false,
        external_id: null,
        is_auto_membership_enabled: false,
        allowed_domains: [],
        colors: {},
        // The theme of a new org when none is sent is not documented: light is the sandbox's choice.
        theme_code: 'light',
        sender_name: null,
        sender_email: null,
        is_suspended: false,
        suspended_on: null,
        created_on: kindeTime(ctx.now()),
      };
      apply(org, changes);
      if (changes.billing) org.billing = billingCustomer(changes.billing.planCode);
      state().orgs.push(org);
      state().flagOverrides.push(...flags.overrides);
      ctx.store.changed();
      const billingCustomerId = org.billing?.billing_customer_id;
      return c.json({
        code: 'OK',
        message: 'Success',
        organization: {
          code,
          ...(billingCustomerId === undefined ? {} : { billing_customer_id: billingCustomerId }),
        },
      });
    }),

    updateOrganization: guarded('update:organizations', async (c) => {
      const org = findOrg(c.req.param('org_code') ?? '');
      if (!org) return organizationNotFound();
      const invalid = badExpand(c);
      if (invalid) return invalid;
      const body = await readObjectBody(c);
      if (body instanceof Response) return body;
      const { changes, errors } = readOrgChanges(body, 'update');
      if (errors.length > 0) return kindeErrors(400, errors);
      if (Object.keys(changes).length === 0) {
        return kindeError(
          400,
          'NO_FIELDS_TO_UPDATE',
          'At least one field must be provided for update',
        );
      }
      if (changes.handle !== undefined && handleTaken(changes.handle, org))
        return handleTakenError();
      if (changes.is_suspended === true && org.is_default) {
        return kindeError(
          400,
          'CANNOT_SUSPEND_DEFAULT_ORGANIZATION',
          'The default organization cannot be suspended',
          'is_suspended',
        );
      }
      apply(org, changes);
      ctx.store.changed();
      return success();
    }),

    deleteOrganizationHandle: guarded('delete:organization_handles', (c) => {
      const org = findOrg(c.req.param('org_code') ?? '');
      if (!org) return organizationNotFound();
      org.handle = null;
      ctx.store.changed();
      return success();
    }),

    deleteOrganization: guarded('delete:organizations', (c) => {
      const org = findOrg(c.req.param('org_code') ?? '');
      if (!org) return kindeNotFound('ORGANIZATION_NOT_FOUND', 'Organization not found');
      if (org.is_default) {
        return kindeError(
          400,
          'CANNOT_DELETE_DEFAULT_ORGANIZATION',
          'The default organization cannot be deleted',
        );
      }
      const s = state();
      s.orgs = s.orgs.filter((candidate) => candidate !== org);
      s.memberships = s.memberships.filter((row) => row.orgCode !== org.code);
      s.invites = s.invites.filter((row) => row.orgCode !== org.code);
      s.flagOverrides = s.flagOverrides.filter((row) => row.orgCode !== org.code);
      ctx.store.changed();
      return success();
    }),

    ...memberHandlers(kit),
    ...inviteHandlers(kit),
    ...directoryHandlers(kit),
    ...permissionHandlers(kit),
    ...flagHandlers(kit),
    ...logoHandlers(kit),
  });

  app.notFound(() => routeNotFound());

  return {
    mount: KINDE_MOUNT,
    authenticate,
    app,
    error: kindeStatusError,
    rateLimited: kindeRateLimited,
  };
}
