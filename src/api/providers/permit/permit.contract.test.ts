import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPermit } from '../../../../server/sandbox/providers/permit/state';
import { startTestServer, type TestServer } from '../../../../server/testing/test-server';
import { runOrganizationContract } from '../../contract/organization-contract';
import type { JsonObject } from '../../domain';
import type { OrgAdminApi } from '../../org-admin-api';
import { createPermitApi } from './adapter';
import { apiErrorOf as expectApiError, uniqueSuffix as unique } from '../../contract/helpers';

runOrganizationContract({
  connectionId: 'permit',
  provider: 'permit',
  createApi: createPermitApi,
  minimumSeeded: 120,
});

/** The seed is deterministic, so every test server starts with exactly these. */
const seed = seedPermit();
const demo = seed.orgs.find((org) => org.key === 'orgdeck-demo');

describe('permit adapter: Permit-specific behaviour', () => {
  let server: TestServer;
  let api: OrgAdminApi;
  const upstream = (path: string, init: RequestInit = {}) =>
    fetch(`${server.upstreamUrl('permit')}${path}`, init);
  const createKeyed = (settings?: JsonObject) => {
    const id = unique();
    return api.organizations.create({
      name: `Permit Org ${id}`,
      slug: `permit-${id}`,
      fields: settings === undefined ? {} : { settings },
    });
  };

  beforeAll(async () => {
    server = await startTestServer();
    api = createPermitApi({ baseUrl: server.upstreamUrl('permit') });
  });
  afterAll(async () => {
    await server.close();
  });

  it('reads the active organization: the org the API key belongs to', async () => {
    const active = await api.activeOrganization?.get();
    expect(active).toMatchObject({
      id: demo?.id,
      slug: 'orgdeck-demo',
      name: 'Orgdeck Demo',
      createdAt: demo?.created_at,
      fields: { settings: demo?.settings },
    });
    const response = await upstream('/v2/orgs/active/org');
    expect(response.status).toBe(200);
    expect(Object.keys((await response.json()) as object).sort()).toEqual(
      [
        'created_at',
        'id',
        'is_enterprise',
        'key',
        'name',
        'settings',
        'updated_at',
        'usage_limits',
      ].sort(),
    );
  });

  it('reads stats: counts, the plan’s limits and the monthly usage, by id or key', async () => {
    const stats = await api.stats?.get(demo?.id ?? '');
    // The sandbox seed ends today: its current month is this calendar month.
    const today = new Date();
    expect(demo?.historical_usage.current_month).toMatchObject({
      month: today.getUTCMonth() + 1,
      year: today.getUTCFullYear(),
    });
    expect(stats).toEqual({
      counts: [
        { label: 'Projects', value: demo?.stats.projects },
        { label: 'Environments', value: demo?.stats.environments },
        { label: 'Users', value: demo?.stats.users },
      ],
      limits: { mau: 25000, tenants: 500, plan: 'pro' },
      usage: [
        {
          label: 'This month',
          month: demo?.historical_usage.current_month?.month,
          year: demo?.historical_usage.current_month?.year,
          mau: demo?.historical_usage.current_month?.mau,
          tenants: demo?.historical_usage.current_month?.tenants,
        },
        {
          label: 'Last month',
          month: demo?.historical_usage.previous_month?.month,
          year: demo?.historical_usage.previous_month?.year,
          mau: demo?.historical_usage.previous_month?.mau,
          tenants: demo?.historical_usage.previous_month?.tenants,
        },
        {
          label: 'Two months ago',
          month: demo?.historical_usage.two_months_ago?.month,
          year: demo?.historical_usage.two_months_ago?.year,
          mau: demo?.historical_usage.two_months_ago?.mau,
          tenants: demo?.historical_usage.two_months_ago?.tenants,
        },
      ],
    });
    expect(await api.stats?.get('orgdeck-demo')).toEqual(stats);
  });

  it('reads stats of a new org: its counts and the default limits, with no usage yet', async () => {
    const { organization } = await createKeyed();
    const stats = await api.stats?.get(organization.id);
    expect(stats?.counts.map((count) => count.label)).toEqual([
      'Projects',
      'Environments',
      'Users',
    ]);
    expect(stats?.limits).toEqual({ mau: 5000, tenants: 50, plan: 'trial' });
    expect(stats?.usage).toEqual([]);
    const error = await expectApiError(api.stats?.get('no-such-org') ?? Promise.resolve());
    expect(error).toMatchObject({ kind: 'not_found', status: 404, code: 'NOT_FOUND' });
  });

  it('returns the org’s API key once, on create, and never on a read', async () => {
    const id = unique();
    const created = await api.organizations.create({
      name: `Keyed ${id}`,
      slug: `keyed-${id}`,
      fields: {},
    });
    expect(created.oneTimeSecret).toMatchObject({ label: 'Organization API key' });
    expect(created.oneTimeSecret?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.oneTimeSecret?.value).toMatch(/^permit_key_.{20,}/);
    const detailKeys = created.organization.details.map((detail) => detail.key);
    expect(detailKeys).not.toContain('api_key_secret');
    expect(detailKeys).not.toContain('api_key_id');

    const response = await upstream(`/v2/orgs/${created.organization.id}`);
    const text = await response.text();
    expect(text).not.toContain('api_key');
    expect(text).not.toContain(created.oneTimeSecret?.value ?? 'missing');
    const read = await api.organizations.get(created.organization.id);
    expect(read.details.map((detail) => detail.key)).not.toContain('api_key_secret');
    const listed = await api.organizations.list({
      page: 1,
      pageSize: 10,
      search: `keyed-${id}`,
      sort: null,
    });
    expect(listed.items.map((org) => org.id)).toEqual([created.organization.id]);
    expect(JSON.stringify(listed.items)).not.toContain('api_key');
  });

  it('keeps the key on update, whatever the body says', async () => {
    const { organization } = await createKeyed();
    const slug = organization.slug ?? '';
    const renamed = await api.organizations.update(organization.id, {
      name: 'Renamed Permit Org',
      slug: `changed-${unique()}`,
    });
    expect(renamed).toMatchObject({ name: 'Renamed Permit Org', slug });

    const raw = await upstream(`/v2/orgs/${organization.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: `hand-${unique()}` }),
    });
    expect(raw.status).toBe(200);
    expect(((await raw.json()) as { key: string }).key).toBe(slug);
    expect((await api.organizations.get(slug)).id).toBe(organization.id);
  });

  it('round-trips settings through create, read and update (update replaces them)', async () => {
    const settings = { region: 'eu-west-1', sso: true, limits: { seats: 12, tags: ['a', 'b'] } };
    const { organization } = await createKeyed(settings);
    expect(organization.fields['settings']).toEqual(settings);
    expect((await api.organizations.get(organization.id)).fields['settings']).toEqual(settings);

    const next = { region: 'us-east-1', note: null };
    const updated = await api.organizations.update(organization.id, { fields: { settings: next } });
    expect(updated.fields['settings']).toEqual(next);
    expect((await api.organizations.get(organization.slug ?? '')).fields['settings']).toEqual(next);

    const renamed = await api.organizations.update(organization.id, { name: 'Settings Kept' });
    expect(renamed.fields['settings']).toEqual(next);

    const plain = await createKeyed();
    expect(plain.organization.fields['settings']).toEqual({});
  });

  it('refuses settings that are not an object with a FastAPI 422 on the settings field', async () => {
    const response = await upstream('/v2/orgs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: `bad-${unique()}`, name: 'Bad', settings: ['x'] }),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      detail: [
        { loc: ['body', 'settings'], msg: 'value is not a valid dict', type: 'type_error.dict' },
      ],
    });
  });

  it('answers a bad or missing API key with Permit’s 401 ErrorDetails', async () => {
    const direct = `${server.origin}/sandbox/permit`;
    for (const [authorization, message] of [
      ['Bearer not-the-key', 'Invalid API key'],
      [null, 'Missing authorization header'],
    ] as const) {
      const response = await fetch(`${direct}/v2/orgs`, {
        headers: authorization === null ? {} : { authorization },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ title: 'Unauthorized', error_code: 'UNAUTHORIZED', message });
      expect(body['id']).toEqual(expect.any(String));
      expect(Object.keys(body).sort()).toEqual(
        ['error_code', 'id', 'message', 'support_link', 'title'].sort(),
      );
    }
    const wrongKey = createPermitApi({
      baseUrl: direct,
      headers: { authorization: 'Bearer not-the-key' },
    });
    const error = await expectApiError(wrongKey.activeOrganization?.get() ?? Promise.resolve());
    expect(error).toMatchObject({
      kind: 'unauthorized',
      status: 401,
      code: 'UNAUTHORIZED',
      message: 'Invalid API key',
    });
  });

  it('refuses per_page over 100 on the list with a FastAPI 422; the adapter asks for 100', async () => {
    const response = await upstream('/v2/orgs?per_page=101');
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      detail: [
        {
          loc: ['query', 'per_page'],
          msg: 'ensure this value is less than or equal to 100',
          type: 'value_error.number.not_le',
          ctx: { limit_value: 100 },
        },
      ],
    });
    expect((await upstream('/v2/orgs?per_page=100')).status).toBe(200);
    const page = await api.organizations.list({ page: 1, pageSize: 250, search: '', sort: null });
    expect(page).toMatchObject({ pageSize: 100, total: null, hasMore: true });
    expect(page.items).toHaveLength(100);
  });
});
