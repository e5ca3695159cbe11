import { beforeEach, describe, expect, it } from 'vitest';
import { ImageStore } from '../../images';
import { SandboxStore } from '../../store';
import type { SandboxVendor } from '../../vendor';
import { LOGO_MAX_BYTES } from './logo-routes';
import { createKindeSandbox } from './routes';
import { seedKinde } from './state';

const ORIGIN = 'http://sandbox.test';
const seed = seedKinde();

let kinde: SandboxVendor;
let images: ImageStore;

beforeEach(() => {
  images = new ImageStore(null);
  kinde = createKindeSandbox({
    store: new SandboxStore({ dataDir: null }),
    now: () => Date.UTC(2026, 2, 1, 12),
    images,
  });
});

interface Reply {
  status: number;
  body: Record<string, unknown> & { errors?: { code: string; message: string; field?: string }[] };
}

async function call(
  method: string,
  path: string,
  options: { json?: unknown; form?: FormData; token?: string } = {},
): Promise<Reply> {
  const headers = new Headers({ authorization: `Bearer ${options.token ?? 'sandbox-token'}` });
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  const response = await kinde.app.fetch(
    new Request(`${ORIGIN}${path}`, { method, headers, ...(body === undefined ? {} : { body }) }),
  );
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Reply['body']),
  };
}

const firstError = (reply: Reply) => reply.body.errors?.[0];

async function orgWithMember(userIndex = 0): Promise<{ org: string; user: string }> {
  const created = await call('POST', '/api/v1/organization', { json: { name: 'Access' } });
  const org = (created.body['organization'] as { code: string }).code;
  const user = seed.users[userIndex]?.id ?? '';
  await call('POST', `/api/v1/organizations/${org}/users`, {
    json: { users: [{ id: user, roles: ['member'] }] },
  });
  return { org, user };
}

async function tokenWith(scope: string): Promise<string> {
  const response = await kinde.app.fetch(
    new Request(`${ORIGIN}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'sandbox',
        client_secret: 'sandbox-secret',
        scope,
      }).toString(),
    }),
  );
  return ((await response.json()) as { access_token: string }).access_token;
}

const permissionId = (key: string) => seed.permissions.find((p) => p.key === key)?.id ?? '';

describe('Kinde sandbox: a member’s permissions', () => {
  it('grants idempotently by id and names what is missing or unknown', async () => {
    const { org, user } = await orgWithMember();
    const path = `/api/v1/organizations/${org}/users/${user}/permissions`;
    for (let i = 0; i < 2; i++) {
      const granted = await call('POST', path, {
        json: { permission_id: permissionId('manage:billing') },
      });
      expect(granted.body).toEqual({ code: 'OK', message: 'Success' });
    }
    const listed = await call('GET', `${path}?expand=roles`);
    const rows = listed.body['permissions'] as { key: string }[];
    expect(rows.filter((row) => row.key === 'manage:billing')).toHaveLength(1);
    expect(firstError(await call('POST', path, { json: {} }))).toEqual({
      code: 'PERMISSION_REQUIRED',
      message: 'No permission ID provided',
      field: 'permission_id',
    });
    expect(firstError(await call('POST', path, { json: { permission_id: 'nope' } }))?.code).toBe(
      'PERMISSION_NOT_FOUND',
    );
    expect(firstError(await call('DELETE', `${path}/nope`))?.code).toBe('PERMISSION_NOT_FOUND');
    const stranger = await call(
      'GET',
      `/api/v1/organizations/${org}/users/${seed.users[1]?.id ?? ''}/permissions`,
    );
    expect(stranger.status).toBe(400);
    expect(firstError(stranger)?.code).toBe('ORGANIZATION_USER_NOT_FOUND');
  });

  it('drops role-given permissions with the role, and keeps direct grants', async () => {
    const { org, user } = await orgWithMember();
    const base = `/api/v1/organizations/${org}/users/${user}`;
    await call('POST', `${base}/permissions`, {
      json: { permission_id: permissionId('read:projects') },
    });
    const member = seed.roles.find((role) => role.key === 'member')?.id ?? '';
    await call('DELETE', `${base}/roles/${member}`);
    const listed = await call('GET', `${base}/permissions?expand=roles`);
    expect(listed.body['permissions']).toEqual([
      {
        id: permissionId('read:projects'),
        key: 'read:projects',
        name: 'Read projects',
        description: 'Open projects and their settings.',
        roles: [],
      },
    ]);
  });

  it('lists the catalogue by id and needs the read:permissions scope', async () => {
    const sorted = await call('GET', '/api/v1/permissions?sort=id_desc&page_size=500');
    expect((sorted.body['permissions'] as { id: string }[]).map((p) => p.id)).toEqual(
      seed.permissions
        .map((p) => p.id)
        .sort()
        .reverse(),
    );
    expect(sorted.body).not.toHaveProperty('next_token');
    expect(firstError(await call('GET', '/api/v1/permissions?sort=key_asc'))?.field).toBe('sort');
    const token = await tokenWith('read:roles');
    expect((await call('GET', '/api/v1/permissions', { token })).status).toBe(403);
  });
});

describe('Kinde sandbox: feature flags', () => {
  it('answers the org’s effective values: overrides over the environment’s', async () => {
    const orgCode = seed.flagOverrides[0]?.orgCode ?? '';
    const { body } = await call('GET', `/api/v1/organizations/${orgCode}/feature_flags`);
    const expected = Object.fromEntries(
      seed.featureFlags.map((flag) => [
        flag.key,
        {
          type: flag.type,
          value:
            seed.flagOverrides.find((row) => row.orgCode === orgCode && row.flagKey === flag.key)
              ?.value ?? flag.default_value,
        },
      ]),
    );
    expect(body).toEqual({ code: 'OK', message: 'Success', feature_flags: expected });
  });

  it('validates overrides: value required, whole numbers, true/false, any text', async () => {
    const { org } = await orgWithMember();
    const flag = (key: string, query: string) =>
      call('PATCH', `/api/v1/organizations/${org}/feature_flags/${key}${query}`);
    expect(firstError(await flag('max_seats', ''))).toEqual({
      code: 'VALUE_REQUIRED',
      message: 'An override value is required',
      field: 'value',
    });
    for (const bad of ['1.5', 'ten', '', '99999999999999999999'])
      expect(firstError(await flag('max_seats', `?value=${bad}`))?.code).toBe(
        'INVALID_FEATURE_FLAG_VALUE',
      );
    expect(firstError(await flag('csv_export', '?value=TRUE'))?.code).toBe(
      'INVALID_FEATURE_FLAG_VALUE',
    );
    expect((await flag('csv_export', '?value=false')).status).toBe(200);
    expect((await flag('max_seats', '?value=-4')).status).toBe(200);
    expect((await flag('theme', '?value=')).status).toBe(200);
    const { body } = await call('GET', `/api/v1/organizations/${org}/feature_flags`);
    expect(body['feature_flags']).toMatchObject({
      csv_export: { type: 'bool', value: 'false' },
      max_seats: { type: 'int', value: '-4' },
      theme: { type: 'str', value: '' },
    });
  });

  it('answers an unknown flag or org with a 400 naming the path parameter', async () => {
    const { org } = await orgWithMember();
    for (const method of ['PATCH', 'DELETE']) {
      const reply = await call(method, `/api/v1/organizations/${org}/feature_flags/nope?value=1`);
      expect(reply.status).toBe(400);
      expect(firstError(reply)).toEqual({
        code: 'FEATURE_FLAG_NOT_FOUND',
        message: 'Feature flag nope not found',
        field: 'feature_flag_key',
      });
    }
    const noOrg = await call('DELETE', '/api/v1/organizations/org_00000000000/feature_flags');
    expect(firstError(noOrg)).toMatchObject({ code: 'ORGANIZATION_NOT_FOUND', field: 'org_code' });
  });

  it('deletes an override the org does not have without complaint', async () => {
    const { org } = await orgWithMember();
    const reply = await call('DELETE', `/api/v1/organizations/${org}/feature_flags/theme`);
    expect(reply).toEqual({ status: 200, body: { code: 'OK', message: 'Success' } });
  });

  it('needs read:environment_feature_flags for the environment’s values', async () => {
    const token = await tokenWith('read:organization_feature_flags');
    expect((await call('GET', '/api/v1/environment/feature_flags', { token })).status).toBe(403);
    const { body } = await call('GET', '/api/v1/environment/feature_flags');
    expect(body).not.toHaveProperty('next_token');
  });

  it('seeds flags of every type, each override differing from its default', () => {
    expect(new Set(seed.featureFlags.map((flag) => flag.type))).toEqual(
      new Set(['str', 'int', 'bool']),
    );
    expect(seed.flagOverrides.length).toBeGreaterThan(0);
    for (const row of seed.flagOverrides) {
      const flag = seed.featureFlags.find((candidate) => candidate.key === row.flagKey);
      expect(row.value).not.toBe(flag?.default_value);
    }
  });
});

describe('Kinde sandbox: a user', () => {
  it('answers GET /api/v1/user flat, with the expansions asked for', async () => {
    const user = seed.users[5];
    const { body } = await call('GET', `/api/v1/user?id=${user?.id ?? ''}&expand=identities`);
    expect(body).toMatchObject({
      id: user?.id,
      preferred_email: user?.email,
      last_name: user?.last_name,
      identities: [{ type: 'email', identity: user?.email }],
    });
    expect(body).not.toHaveProperty('organizations');
    expect(firstError(await call('GET', '/api/v1/user'))?.code).toBe('USER_ID_REQUIRED');
    expect(firstError(await call('GET', '/api/v1/user?id=kp_x'))).toMatchObject({
      code: 'USER_NOT_FOUND',
      field: 'id',
    });
    const badExpand = await call('GET', `/api/v1/user?id=${user?.id ?? ''}&expand=roles`);
    expect(firstError(badExpand)?.code).toBe('INVALID_EXPAND');
  });
});

describe('Kinde sandbox: logos', () => {
  const upload = (org: string, type: string, file?: Blob, name = 'logo.png') => {
    const form = new FormData();
    if (file) form.append('logo', file, name);
    return call('POST', `/api/v1/organizations/${org}/logos/${type}`, { form });
  };
  const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1])]);

  it('serves the org’s logos as absolute URLs from the request origin, replacing on upload', async () => {
    const { org } = await orgWithMember();
    await upload(org, 'light', png);
    const first = (await call('GET', `/api/v1/organization?code=${org}`)).body;
    expect(first['logo']).toMatch(/^http:\/\/sandbox\.test\/sandbox\/images\/[a-f0-9]{32}\.png$/);
    expect(first['logo_dark']).toBeNull();
    const svg = `\uFEFF<?xml version="1.0"?>\n<!-- brand -->\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg"/>`;
    expect((await upload(org, 'light', new Blob([svg]), 'brand.svg')).status).toBe(200);
    const second = (await call('GET', `/api/v1/organization?code=${org}`)).body;
    expect(second['logo']).toMatch(/\.svgxml$/);
    const id = String(second['logo']).split('/').pop() ?? '';
    expect((await images.get(id))?.contentType).toBe('image/svg+xml');
  });

  it('refuses an unknown type, a missing file, text, and an oversized upload', async () => {
    const { org } = await orgWithMember();
    expect(firstError(await upload(org, 'medium', png))).toEqual({
      code: 'INVALID_LOGO_TYPE',
      message: 'Logo type must be light or dark',
      field: 'type',
    });
    expect(firstError(await upload(org, 'light'))?.code).toBe('LOGO_REQUIRED');
    expect(firstError(await upload(org, 'light', new Blob(['<html></html>'])))?.code).toBe(
      'INVALID_FILE_TYPE',
    );
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(firstError(await upload(org, 'dark', new Blob([big])))?.code).toBe('FILE_TOO_LARGE');
    const logos = await call('GET', `/api/v1/organizations/${org}/logos`);
    expect(logos.body).toEqual({ code: 'OK', logos: [], message: 'Success' });
    const missing = await upload('org_00000000000', 'light', png);
    expect(firstError(missing)).toMatchObject({
      code: 'ORGANIZATION_NOT_FOUND',
      field: 'org_code',
    });
  });
});
