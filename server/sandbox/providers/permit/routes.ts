import { randomBytes, randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { permitOperations } from '../../../../src/api/providers/permit/operations';
import type { CredentialsLike, SandboxContext, SandboxVendor } from '../../vendor';
import { bearerToken, readJson, routeOperations, SANDBOX_TOKEN } from '../../vendor';
import { permitError, permitValidation, type PermitValidationItem } from './errors';
import { readInviteCreates, toInviteRead } from './invites';
import {
  seedPermit,
  type PermitInviteRecord,
  type PermitOrgRecord,
  type PermitState,
} from './state';

const KEY_PATTERN = /^[A-Za-z0-9\-_]+$/;
const NAME_PATTERN = /^[A-Za-z0-9.\-_ ]+$/;
const KEY_PATTERN_TEXT = '^[A-Za-z0-9\\-_]+$';
const NAME_PATTERN_TEXT = '^[A-Za-z0-9\\.\\-\\_\\ ]+$';

/** OrganizationRead: the wire shape of one org. */
function toRead(org: PermitOrgRecord) {
  return {
    key: org.key,
    id: org.id,
    is_enterprise: org.is_enterprise,
    usage_limits: org.usage_limits,
    created_at: org.created_at,
    updated_at: org.updated_at,
    name: org.name,
    settings: org.settings,
  };
}

function isoNow(now: number): string {
  return new Date(now).toISOString().replace('Z', '+00:00');
}

/** FastAPI query int validation with optional bounds. */
function queryInt(
  c: Context,
  name: string,
  fallback: number,
  bounds: { ge?: number; le?: number },
  errors: PermitValidationItem[],
): number {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw.trim())) {
    errors.push({
      loc: ['query', name],
      msg: 'value is not a valid integer',
      type: 'type_error.integer',
    });
    return fallback;
  }
  const value = Number(raw);
  if (bounds.ge !== undefined && value < bounds.ge) {
    errors.push({
      loc: ['query', name],
      msg: `ensure this value is greater than or equal to ${bounds.ge}`,
      type: 'value_error.number.not_ge',
      ctx: { limit_value: bounds.ge },
    });
  }
  if (bounds.le !== undefined && value > bounds.le) {
    errors.push({
      loc: ['query', name],
      msg: `ensure this value is less than or equal to ${bounds.le}`,
      type: 'value_error.number.not_le',
      ctx: { limit_value: bounds.le },
    });
  }
  return value;
}

function checkString(
  body: Record<string, unknown>,
  field: string,
  required: boolean,
  pattern: RegExp,
  patternText: string,
  errors: PermitValidationItem[],
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required)
      errors.push({ loc: ['body', field], msg: 'field required', type: 'value_error.missing' });
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.push({ loc: ['body', field], msg: 'str type expected', type: 'type_error.str' });
    return undefined;
  }
  if (!pattern.test(value)) {
    errors.push({
      loc: ['body', field],
      msg: `string does not match regex "${patternText}"`,
      type: 'value_error.str.regex',
      ctx: { pattern: patternText },
    });
  }
  return value;
}

function checkSettings(body: Record<string, unknown>, errors: PermitValidationItem[]) {
  const value = body['settings'];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    errors.push({
      loc: ['body', 'settings'],
      msg: 'value is not a valid dict',
      type: 'type_error.dict',
    });
    return undefined;
  }
  return value as Record<string, unknown>;
}

async function readObjectBody(
  c: Context,
): Promise<{ body: Record<string, unknown> } | { response: Response }> {
  const parsed = await readJson(c);
  if (!parsed.ok) {
    return {
      response: permitValidation([
        {
          loc: ['body', 0],
          msg: `Expecting value: ${parsed.error}`,
          type: 'value_error.jsondecode',
        },
      ]),
    };
  }
  if (parsed.value === undefined) {
    return {
      response: permitValidation([
        { loc: ['body'], msg: 'field required', type: 'value_error.missing' },
      ]),
    };
  }
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return {
      response: permitValidation([
        { loc: ['body'], msg: 'value is not a valid dict', type: 'type_error.dict' },
      ]),
    };
  }
  return { body: parsed.value as Record<string, unknown> };
}

export function createPermitSandbox(ctx: SandboxContext): SandboxVendor {
  const slice = ctx.store.register<PermitState>({ name: 'permit', version: 2, seed: seedPermit });
  const app = new Hono();
  const state = () => slice.state;

  function findOrg(ref: string): PermitOrgRecord | undefined {
    return state().orgs.find((org) => org.id === ref || org.key === ref);
  }
  const invitesOf = (org: PermitOrgRecord) =>
    state().invites.filter((invite) => invite.organization_id === org.id);
  const notFound = (ref: string) =>
    permitError(
      404,
      `The requested data was not found, please check your request: organization '${ref}'`,
    );

  function authenticate(c: CredentialsLike): Response | null {
    const token = bearerToken(c);
    if (token === null) return permitError(401, 'Missing authorization header');
    if (token !== SANDBOX_TOKEN) return permitError(401, 'Invalid API key');
    return null;
  }

  app.use('*', async (c, next) => {
    const refusal = authenticate(c);
    if (refusal) return refusal;
    await next();
    return undefined;
  });

  routeOperations(app, permitOperations, {
    listOrganizations: (c) => {
      const errors: PermitValidationItem[] = [];
      const page = queryInt(c, 'page', 1, { ge: 1 }, errors);
      const perPage = queryInt(c, 'per_page', 30, { ge: 1, le: 100 }, errors);
      if (errors.length > 0) return permitValidation(errors);
      const search = (c.req.query('search') ?? '').trim().toLowerCase();
      const matches = search
        ? state().orgs.filter(
            (org) =>
              org.name.toLowerCase().includes(search) ||
              org.key.toLowerCase().includes(search) ||
              org.id === search,
          )
        : state().orgs;
      const start = (page - 1) * perPage;
      return c.json(matches.slice(start, start + perPage).map(toRead));
    },

    createOrganization: async (c) => {
      const read = await readObjectBody(c);
      if ('response' in read) return read.response;
      const errors: PermitValidationItem[] = [];
      const key = checkString(read.body, 'key', true, KEY_PATTERN, KEY_PATTERN_TEXT, errors);
      const name = checkString(read.body, 'name', true, NAME_PATTERN, NAME_PATTERN_TEXT, errors);
      const settings = checkSettings(read.body, errors);
      if (errors.length > 0 || key === undefined || name === undefined)
        return permitValidation(errors);
      if (findOrg(key)) {
        return permitError(409, `An organization with the key '${key}' already exists.`);
      }
      const now = isoNow(ctx.now());
      const org: PermitOrgRecord = {
        id: randomUUID(),
        key,
        name,
        is_enterprise: false,
        usage_limits: { mau: 5000, tenants: 50, billing_tier: 'trial' },
        created_at: now,
        updated_at: now,
        settings: settings ?? {},
        stats: { projects: 1, environments: 2, users: 0 },
        historical_usage: {},
      };
      state().orgs.push(org);
      ctx.store.changed();
      return c.json({
        ...toRead(org),
        api_key_id: randomUUID(),
        api_key_secret: `permit_key_${randomBytes(24).toString('base64url')}`,
      });
    },

    getActiveOrganization: (c) => {
      const org = findOrg(state().activeOrgId);
      return org ? c.json(toRead(org)) : notFound('active');
    },

    getOrganization: (c) => {
      const ref = c.req.param('org_id') ?? '';
      const org = findOrg(ref);
      return org ? c.json(toRead(org)) : notFound(ref);
    },

    updateOrganization: async (c) => {
      const ref = c.req.param('org_id') ?? '';
      const org = findOrg(ref);
      if (!org) return notFound(ref);
      const read = await readObjectBody(c);
      if ('response' in read) return read.response;
      const errors: PermitValidationItem[] = [];
      const name = checkString(read.body, 'name', false, NAME_PATTERN, NAME_PATTERN_TEXT, errors);
      const settings = checkSettings(read.body, errors);
      if (errors.length > 0) return permitValidation(errors);
      if (name !== undefined) org.name = name;
      if (settings !== undefined) org.settings = settings;
      org.updated_at = isoNow(ctx.now());
      ctx.store.changed();
      return c.json(toRead(org));
    },

    deleteOrganization: (c) => {
      const ref = c.req.param('org_id') ?? '';
      const org = findOrg(ref);
      if (!org) return notFound(ref);
      state().orgs = state().orgs.filter((candidate) => candidate !== org);
      state().invites = state().invites.filter((invite) => invite.organization_id !== org.id);
      ctx.store.changed();
      return c.body(null, 204);
    },

    getOrganizationStats: (c) => {
      const ref = c.req.param('org_id') ?? '';
      const org = findOrg(ref);
      if (!org) return notFound(ref);
      return c.json({ ...toRead(org), stats: org.stats, historical_usage: org.historical_usage });
    },

    listInvites: (c) => {
      const errors: PermitValidationItem[] = [];
      const page = queryInt(c, 'page', 1, { ge: 1 }, errors);
      const perPage = queryInt(c, 'per_page', 30, { ge: 1, le: 100 }, errors);
      if (errors.length > 0) return permitValidation(errors);
      const ref = c.req.param('org_id') ?? '';
      const org = findOrg(ref);
      if (!org) return notFound(ref);
      const start = (page - 1) * perPage;
      return c.json(
        invitesOf(org)
          .slice(start, start + perPage)
          .map(toInviteRead),
      );
    },

    /**
     * `inviter_name` / `inviter_email` only word the invitation email, which the sandbox does not
     * send; `InviteRead` does not return them, so they are accepted and not kept.
     */
    inviteMembers: async (c) => {
      const read = await readInviteCreates(c);
      if ('response' in read) return read.response;
      const ref = c.req.param('org_id') ?? '';
      const org = findOrg(ref);
      if (!org) return notFound(ref);
      const pending = new Set(invitesOf(org).map((invite) => invite.email.toLowerCase()));
      const success: PermitInviteRecord[] = [];
      const failed: { email: string; reason: string }[] = [];
      for (const invite of read.invites) {
        const email = invite.email.toLowerCase();
        // The reason's wording is our choice; Permit documents only `{email, reason}`.
        if (pending.has(email)) {
          failed.push({
            email: invite.email,
            reason: `An invite for ${invite.email} is already pending in this organization.`,
          });
          continue;
        }
        pending.add(email);
        success.push({
          id: randomUUID(),
          organization_id: org.id,
          email: invite.email,
          role: invite.role,
          member_id: invite.member_id,
          invite_code: randomUUID(),
          created_at: isoNow(ctx.now()),
        });
      }
      if (success.length > 0) {
        state().invites.push(...success);
        ctx.store.changed();
      }
      return c.json({ success: success.map(toInviteRead), failed });
    },

    cancelInvite: (c) => {
      const ref = c.req.param('org_id') ?? '';
      const org = findOrg(ref);
      if (!org) return notFound(ref);
      const inviteId = c.req.param('invite_id') ?? '';
      const invite = invitesOf(org).find((candidate) => candidate.id === inviteId);
      if (!invite) {
        return permitError(
          404,
          `The requested data was not found, please check your request: invite '${inviteId}'`,
        );
      }
      state().invites = state().invites.filter((candidate) => candidate !== invite);
      ctx.store.changed();
      return c.body(null, 204);
    },
  });

  app.notFound(() => permitError(404, 'Not Found'));

  return {
    mount: 'permit',
    authenticate,
    app,
    error: (status, message) =>
      status === 422
        ? permitValidation([{ loc: ['body'], msg: message, type: 'value_error' }])
        : permitError(status, message),
    rateLimited: (seconds) =>
      permitError(429, 'Rate limit exceeded, please retry later', {
        'Retry-After': String(seconds),
      }),
  };
}
