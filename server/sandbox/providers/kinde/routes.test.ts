import { beforeEach, describe, expect, it } from 'vitest';
import { ImageStore } from '../../images';
import { SandboxStore } from '../../store';
import type { SandboxVendor } from '../../vendor';
import { createKindeSandbox } from './routes';
import { seedKinde } from './state';

const ORIGIN = 'http://sandbox.test';
const START = Date.UTC(2026, 2, 1, 12);

let clock: number;
let kinde: SandboxVendor;

beforeEach(() => {
  clock = START;
  kinde = createKindeSandbox({
    store: new SandboxStore({ dataDir: null }),
    now: () => clock,
    images: new ImageStore(null),
  });
});

async function call(
  method: string,
  path: string,
  options: { token?: string | null; json?: unknown; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(options.headers);
  const token = options.token === undefined ? 'sandbox-token' : options.token;
  if (token !== null) headers.set('authorization', `Bearer ${token}`);
  if (options.json !== undefined) headers.set('content-type', 'application/json');
  const response = await kinde.app.fetch(
    new Request(`${ORIGIN}${path}`, {
      method,
      headers,
      ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
    }),
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? null : (JSON.parse(text) as unknown),
  };
}

async function postForm(form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await kinde.app.fetch(
    new Request(`${ORIGIN}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', ...headers },
      body: new URLSearchParams(form).toString(),
    }),
  );
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

const CLIENT = {
  grant_type: 'client_credentials',
  client_id: 'sandbox',
  client_secret: 'sandbox-secret',
};

async function accessToken(extra: Record<string, string> = {}): Promise<string> {
  const { body } = await postForm({ ...CLIENT, ...extra });
  return String(body['access_token']);
}

describe('Kinde sandbox: /oauth2/token', () => {
  it('issues a JWT-shaped bearer token for the client credentials', async () => {
    const { status, body, headers } = await postForm({
      ...CLIENT,
      audience: `${ORIGIN}/sandbox/kinde/api`,
      scope: '',
    });
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    const { access_token: token, ...rest } = body;
    expect(rest).toEqual({ expires_in: 86399, scope: '', token_type: 'Bearer' });
    expect(String(token).split('.')).toHaveLength(3);
    const [, payload] = String(token).split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({
      aud: [`${ORIGIN}/sandbox/kinde/api`],
      azp: 'sandbox',
      iss: `${ORIGIN}/sandbox/kinde`,
      exp: Math.floor(START / 1000) + 86399,
    });
    const list = await call('GET', '/api/v1/organizations', { token: String(token) });
    expect(list.status).toBe(200);
  });

  it('accepts HTTP Basic client authentication', async () => {
    const basic = Buffer.from('sandbox:sandbox-secret').toString('base64');
    const { status } = await postForm(
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${basic}` },
    );
    expect(status).toBe(200);
  });

  it('refuses wrong client credentials with an OAuth2 invalid_client', async () => {
    const { status, body } = await postForm({ ...CLIENT, client_secret: 'nope' });
    expect(status).toBe(401);
    expect(Object.keys(body)).toEqual(['error', 'error_description']);
    expect(body['error']).toBe('invalid_client');
  });

  it('refuses other grant types and unknown scopes', async () => {
    expect((await postForm({ ...CLIENT, grant_type: 'password' })).body['error']).toBe(
      'unsupported_grant_type',
    );
    expect((await postForm({ ...CLIENT, scope: 'read:everything' })).body['error']).toBe(
      'invalid_scope',
    );
  });

  it('refuses an expired token with 403 (the spec’s “invalid credentials”), and a token lacking the scope with 403', async () => {
    const token = await accessToken();
    clock += 86400 * 1000;
    const expired = await call('GET', '/api/v1/organizations', { token });
    expect(expired.status).toBe(403);
    expect(expired.body).toEqual({
      errors: [{ code: 'UNAUTHORIZED', message: 'The access token has expired' }],
    });

    const readOnly = await accessToken({ scope: 'read:organizations' });
    expect((await call('GET', '/api/v1/organizations', { token: readOnly })).status).toBe(200);
    const refused = await call('POST', '/api/v1/organization', {
      token: readOnly,
      json: { name: 'X' },
    });
    expect(refused.status).toBe(403);
  });

  it('refuses a missing or forged bearer token with 403 and the error_response envelope', async () => {
    const missing = await call('GET', '/api/v1/organizations', { token: null });
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual({
      errors: [{ code: 'UNAUTHORIZED', message: 'A bearer token is required' }],
    });
    const token = await accessToken();
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.AAAA`;
    expect((await call('GET', '/api/v1/organizations', { token: forged })).status).toBe(403);
  });
});

describe('Kinde sandbox: organizations', () => {
  it('lists 10 by default with a next_token shaped like Kinde’s (page:size:sort)', async () => {
    const { status, body } = await call('GET', '/api/v1/organizations?sort=name_asc');
    expect(status).toBe(200);
    const page = body as {
      code: string;
      message: string;
      organizations: Record<string, unknown>[];
      next_token: string;
    };
    expect(page.code).toBe('OK');
    expect(page.message).toBe('Success');
    expect(page.organizations).toHaveLength(10);
    expect(Object.keys(page.organizations[0] ?? {})).toEqual([
      'code',
      'name',
      'handle',
      'is_default',
      'external_id',
      'is_auto_membership_enabled',
    ]);
    expect(Buffer.from(page.next_token, 'base64').toString()).toBe('2:10:name_asc');
  });

  it('ends the list by leaving next_token out (the spec types it as a string, never null)', async () => {
    const { body } = await call('GET', '/api/v1/organizations?page_size=500');
    const page = body as { organizations: unknown[]; next_token: string | null };
    expect(page.organizations.length).toBe(seedKinde().orgs.length);
    expect(page).not.toHaveProperty('next_token');
  });

  it('validates page_size, sort and next_token', async () => {
    const tooBig = await call('GET', '/api/v1/organizations?page_size=501');
    expect(tooBig.status).toBe(400);
    expect(tooBig.body).toEqual({
      errors: [
        {
          code: 'PAGE_SIZE_LIMIT_EXCEEDED',
          message: 'Page size cannot be greater than 500',
          field: 'page_size',
        },
      ],
    });
    const badSort = await call('GET', '/api/v1/organizations?sort=created_desc');
    expect(badSort.status).toBe(400);
    expect((await call('GET', '/api/v1/organizations?next_token=bm9wZQ')).status).toBe(400);
  });

  it('needs ?code= on GET /api/v1/organization', async () => {
    const { status, body } = await call('GET', '/api/v1/organization');
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        { code: 'ORGANIZATION_REQUIRED', message: 'Organization code is required', field: 'code' },
      ],
    });
  });

  it('returns every get_organization_response field, colours as {raw, hex, hsl}', async () => {
    const created = await call('POST', '/api/v1/organization', {
      json: {
        name: 'Acme Corp',
        handle: 'acme_corp',
        link_color: '#0af',
        theme_code: 'user_preference',
      },
    });
    expect(created.status).toBe(200);
    const code = (created.body as { organization: { code: string } }).organization.code;
    expect(created.body).toEqual({ code: 'OK', message: 'Success', organization: { code } });
    const { body } = await call('GET', `/api/v1/organization?code=${code}`);
    expect(body).toMatchObject({
      code,
      name: 'Acme Corp',
      handle: 'acme_corp',
      is_default: false,
      logo: null,
      allowed_domains: [],
      link_color: { raw: '#0af', hex: '#00aaff', hsl: 'hsl(200, 100%, 50%)' },
      button_color: null,
      theme_code: 'user_preference',
      color_scheme: 'light dark',
      created_on: '2026-03-01T12:00:00Z',
      is_suspended: false,
      suspended_on: null,
    });
  });

  it('refuses a create without a name, or with a malformed or taken handle', async () => {
    const noName = await call('POST', '/api/v1/organization', { json: { handle: 'x' } });
    expect(noName.status).toBe(400);
    expect(noName.body).toEqual({
      errors: [{ code: 'NAME_REQUIRED', message: 'Organization name is required', field: 'name' }],
    });
    const badHandle = await call('POST', '/api/v1/organization', {
      json: { name: 'A', handle: 'Not a handle!' },
    });
    expect((badHandle.body as { errors: { field: string }[] }).errors[0]?.field).toBe('handle');
    await call('POST', '/api/v1/organization', { json: { name: 'A', handle: 'dup_handle' } });
    const taken = await call('POST', '/api/v1/organization', {
      json: { name: 'B', handle: 'dup_handle' },
    });
    expect(taken.status).toBe(400);
    expect(taken.body).toMatchObject({
      errors: [{ code: 'HANDLE_ALREADY_EXISTS', field: 'handle' }],
    });
  });

  it('takes initial feature flag overrides on create, refusing unknown flags and mistyped values', async () => {
    const ok = await call('POST', '/api/v1/organization', {
      json: { name: 'Flags', feature_flags: { max_seats: '25', beta_dashboard: 'true' } },
    });
    expect(ok.status).toBe(200);
    const refused = await call('POST', '/api/v1/organization', {
      json: { name: 'Flags', feature_flags: { nope: 'x', max_seats: 'many' } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errors: [
        { code: 'FEATURE_FLAG_NOT_FOUND', field: 'feature_flags' },
        { code: 'INVALID_FEATURE_FLAG_VALUE', field: 'feature_flags' },
      ],
    });
  });

  it('answers a PATCH without fields with NO_FIELDS_TO_UPDATE', async () => {
    const org = seedKinde().orgs[5];
    const { status, body } = await call('PATCH', `/api/v1/organization/${org?.code ?? ''}`, {
      json: { ignored: 1 },
    });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        { code: 'NO_FIELDS_TO_UPDATE', message: 'At least one field must be provided for update' },
      ],
    });
  });

  it('suspends an org (stamping suspended_on) but never the default one', async () => {
    const seed = seedKinde();
    const org = seed.orgs.find((candidate) => !candidate.is_default && !candidate.is_suspended);
    const patched = await call('PATCH', `/api/v1/organization/${org?.code ?? ''}`, {
      json: { is_suspended: true },
    });
    expect(patched.body).toEqual({ code: 'OK', message: 'Success' });
    const { body } = await call('GET', `/api/v1/organization?code=${org?.code ?? ''}`);
    expect(body).toMatchObject({ is_suspended: true, suspended_on: '2026-03-01T12:00:00Z' });

    const defaultOrg = seed.orgs.find((candidate) => candidate.is_default);
    const refused = await call('PATCH', `/api/v1/organization/${defaultOrg?.code ?? ''}`, {
      json: { is_suspended: true },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errors: [{ code: 'CANNOT_SUSPEND_DEFAULT_ORGANIZATION' }],
    });
  });

  it('deletes an org with its memberships and overrides; an unknown one is a 404 object envelope', async () => {
    const seed = seedKinde();
    const org = seed.orgs.find((candidate) => !candidate.is_default);
    const deleted = await call('DELETE', `/api/v1/organization/${org?.code ?? ''}`);
    expect(deleted.body).toEqual({ code: 'OK', message: 'Success' });
    expect((await call('GET', `/api/v1/organization?code=${org?.code ?? ''}`)).status).toBe(400);
    const again = await call('DELETE', `/api/v1/organization/${org?.code ?? ''}`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({
      errors: { code: 'ORGANIZATION_NOT_FOUND', message: 'Organization not found' },
    });
  });

  it('answers unknown routes with ROUTE_NOT_FOUND', async () => {
    const { status, body } = await call('GET', '/api/v1/organisations');
    expect(status).toBe(404);
    expect(body).toEqual({
      errors: { code: 'ROUTE_NOT_FOUND', message: 'The requested API route does not exist' },
    });
  });
});

describe('Kinde sandbox: billing customers on create', () => {
  type Created = { organization: { code: string; billing_customer_id?: string } };

  it('creates a billing customer when asked, returns its id, and shows it with expand=billing', async () => {
    const created = await call('POST', '/api/v1/organization', {
      json: {
        name: 'Billed Org',
        is_create_billing_customer: true,
        billing_email: 'billing@billed.example',
        billing_plan_code: 'pro',
      },
    });
    expect(created.status).toBe(200);
    const { organization } = created.body as Created;
    expect(organization.billing_customer_id).toMatch(/^customer_[0-9a-f]+$/);

    const expanded = await call(
      'GET',
      `/api/v1/organization?code=${organization.code}&expand=billing`,
    );
    expect(expanded.body).toMatchObject({
      billing: {
        billing_customer_id: organization.billing_customer_id,
        agreements: [
          { plan_code: 'pro', agreement_id: expect.stringMatching(/^agreement_/) as unknown },
        ],
      },
    });
    const plain = await call('GET', `/api/v1/organization?code=${organization.code}`);
    expect(plain.body).not.toHaveProperty('billing');
  });

  it('uses the default plan when billing_plan_code is omitted', async () => {
    const created = await call('POST', '/api/v1/organization', {
      json: {
        name: 'Default Plan',
        is_create_billing_customer: true,
        billing_email: 'b@d.example',
      },
    });
    const { code } = (created.body as Created).organization;
    const expanded = await call('GET', `/api/v1/organization?code=${code}&expand=billing`);
    expect(expanded.body).toMatchObject({ billing: { agreements: [{ plan_code: 'default' }] } });
  });

  it('needs billing_email when is_create_billing_customer is true, and stores nothing', async () => {
    const before = (await call('GET', '/api/v1/organizations?page_size=500')).body as {
      organizations: unknown[];
    };
    const refused = await call('POST', '/api/v1/organization', {
      json: { name: 'No Email', is_create_billing_customer: true },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      errors: [expect.objectContaining({ code: 'BILLING_EMAIL_REQUIRED', field: 'billing_email' })],
    });
    const invalid = await call('POST', '/api/v1/organization', {
      json: { name: 'Bad Email', is_create_billing_customer: true, billing_email: 'nope' },
    });
    expect(invalid.status).toBe(400);
    const after = (await call('GET', '/api/v1/organizations?page_size=500')).body as {
      organizations: unknown[];
    };
    expect(after.organizations).toHaveLength(before.organizations.length);
  });

  it('creates no customer without is_create_billing_customer', async () => {
    const created = await call('POST', '/api/v1/organization', {
      json: { name: 'Unbilled', billing_email: 'b@u.example', billing_plan_code: 'pro' },
    });
    expect(created.status).toBe(200);
    expect((created.body as Created).organization).not.toHaveProperty('billing_customer_id');
  });
});

describe('Kinde sandbox: faults', () => {
  it('throttles with RateLimit-Reset and no Retry-After', async () => {
    const response = kinde.rateLimited(7);
    expect(response.status).toBe(429);
    expect(response.headers.get('ratelimit-reset')).toBe('7');
    expect(response.headers.get('retry-after')).toBeNull();
    expect(await response.json()).toEqual({
      errors: [{ code: 'TOO_MANY_REQUESTS', message: 'Request was throttled.' }],
    });
  });

  it('uses the array envelope for errors and the object envelope for 404', async () => {
    expect(await kinde.error(503, 'Down').json()).toEqual({
      errors: [{ code: 'SERVICE_UNAVAILABLE', message: 'Down' }],
    });
    expect(await kinde.error(404, 'Gone').json()).toEqual({
      errors: { code: 'NOT_FOUND', message: 'Gone' },
    });
  });
});

describe('Kinde sandbox: seed', () => {
  const seed = seedKinde();

  it('is deterministic', () => {
    expect(JSON.stringify(seedKinde())).toBe(JSON.stringify(seed));
  });

  it('holds at least 260 orgs with one default, unique codes and handles', () => {
    expect(seed.orgs.length).toBeGreaterThanOrEqual(260);
    expect(seed.orgs.filter((org) => org.is_default).map((org) => org.name)).toEqual([
      'Default Organization',
    ]);
    expect(new Set(seed.orgs.map((org) => org.code)).size).toBe(seed.orgs.length);
    for (const org of seed.orgs) expect(org.code).toMatch(/^org_[0-9a-f]{11}$/);
    const handles = seed.orgs.flatMap((org) => (org.handle ? [org.handle] : []));
    expect(new Set(handles).size).toBe(handles.length);
    expect(seed.orgs.some((org) => org.is_suspended && !org.is_default)).toBe(true);
  });

  it('links memberships to existing orgs, users and role keys; a few orgs have 100+ members', () => {
    const orgCodes = new Set(seed.orgs.map((org) => org.code));
    const userIds = new Set(seed.users.map((user) => user.id));
    const roleKeys = new Set(seed.roles.map((role) => role.key));
    expect(seed.users.length).toBeGreaterThanOrEqual(900);
    for (const user of seed.users) expect(user.id).toMatch(/^kp_[0-9a-f]{32}$/);
    const perOrg = new Map<string, number>();
    for (const row of seed.memberships) {
      expect(orgCodes.has(row.orgCode) && userIds.has(row.userId)).toBe(true);
      for (const role of row.roles) expect(roleKeys.has(role)).toBe(true);
      perOrg.set(row.orgCode, (perOrg.get(row.orgCode) ?? 0) + 1);
    }
    expect([...perOrg.values()].filter((count) => count >= 100).length).toBeGreaterThanOrEqual(3);
  });

  it('grants only catalogued permissions and overrides only known flags of each type', () => {
    const permissionKeys = new Set(seed.permissions.map((permission) => permission.key));
    for (const role of seed.roles)
      for (const key of role.permissions) expect(permissionKeys.has(key)).toBe(true);
    expect(new Set(seed.featureFlags.map((flag) => flag.type))).toEqual(
      new Set(['str', 'int', 'bool']),
    );
    const flagKeys = new Set(seed.featureFlags.map((flag) => flag.key));
    expect(seed.flagOverrides.length).toBeGreaterThan(0);
    for (const override of seed.flagOverrides) expect(flagKeys.has(override.flagKey)).toBe(true);
  });

  it('dates everything within 2023–2026', () => {
    const dates = [
      ...seed.orgs.map((org) => org.created_on),
      ...seed.users.map((user) => user.created_on),
      ...seed.memberships.map((row) => row.joinedOn),
    ];
    for (const date of dates) expect(date >= '2023-01-01' && date < '2027-01-01').toBe(true);
  });
});
