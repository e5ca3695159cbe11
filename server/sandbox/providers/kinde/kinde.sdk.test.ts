import { ApiError, init, Organizations } from '@kinde/management-api-js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../../testing/test-server';

/**
 * Kinde's own SDK against the sandbox, unchanged. What it needs (read from its dist code):
 * - `init({kindeDomain, clientId, clientSecret})` prefixes "https://" to a domain without it, but
 *   only for the audience it checks tokens against; the base URL and the token URL use the
 *   domain exactly as given, so an `http://…/sandbox/kinde` domain works as is.
 * - It gets tokens with `POST {domain}/oauth2/token` (form: grant_type=client_credentials,
 *   scope="", client_id, client_secret, audience={domain}/api) and reuses one only while its `aud`
 *   contains that "https://"-prefixed audience: over plain http it fetches a token per call.
 * - `KINDE_DOMAIN` / `KINDE_MANAGEMENT_CLIENT_*` in the environment would take precedence, so the
 *   test clears them.
 */
describe('@kinde/management-api-js against the Kinde sandbox', () => {
  let server: TestServer;
  let tokenRequests = 0;

  beforeAll(async () => {
    vi.stubEnv('KINDE_DOMAIN', '');
    vi.stubEnv('KINDE_MANAGEMENT_CLIENT_ID', '');
    vi.stubEnv('KINDE_MANAGEMENT_CLIENT_SECRET', '');
    server = await startTestServer();
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, requestInit?: RequestInit) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/oauth2/token'))
        tokenRequests++;
      return realFetch(input, requestInit);
    });
    init({
      kindeDomain: `${server.origin}/sandbox/kinde`,
      clientId: 'sandbox',
      clientSecret: 'sandbox-secret',
    });
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    await server.close();
  });

  it('obtains a client-credentials token from /oauth2/token', async () => {
    const before = tokenRequests;
    await Organizations.getOrganizations({ pageSize: 1 });
    expect(tokenRequests).toBeGreaterThan(before);
  });

  it('lists organizations and follows next_token to the next page', async () => {
    const first = await Organizations.getOrganizations({ pageSize: 5, sort: 'name_asc' });
    expect(first.code).toBe('OK');
    expect(first.organizations).toHaveLength(5);
    expect(first.next_token).toBeTruthy();
    const second = await Organizations.getOrganizations({
      pageSize: 5,
      nextToken: first.next_token ?? null,
    });
    expect(second.organizations).toHaveLength(5);
    const firstCodes = new Set(first.organizations?.map((org) => org.code));
    expect(second.organizations?.some((org) => firstCodes.has(org.code))).toBe(false);
    const names = [...(first.organizations ?? []), ...(second.organizations ?? [])].map((org) =>
      (org.name ?? '').toLowerCase(),
    );
    expect(names).toEqual([...names].sort());
  });

  it('creates, reads, updates and deletes an organization', async () => {
    const handle = `sdk_${Math.random().toString(36).slice(2, 8)}`;
    const created = await Organizations.createOrganization({
      requestBody: { name: 'SDK Org', handle, external_id: 'sdk-1', button_color: '#0056F1' },
    });
    expect(created.code).toBe('OK');
    const code = created.organization?.code ?? '';
    expect(code).toMatch(/^org_[0-9a-f]{11}$/);

    const read = await Organizations.getOrganization({ code });
    expect(read).toMatchObject({
      code,
      name: 'SDK Org',
      handle,
      external_id: 'sdk-1',
      is_default: false,
    });
    expect(read.button_color).toEqual({
      raw: '#0056F1',
      hex: '#0056F1',
      hsl: 'hsl(219, 100%, 47%)',
    });

    const updated = await Organizations.updateOrganization({
      orgCode: code,
      requestBody: { name: 'SDK Org renamed', is_auto_membership_enabled: true },
    });
    expect(updated).toEqual({ code: 'OK', message: 'Success' });
    expect(await Organizations.getOrganization({ code })).toMatchObject({
      name: 'SDK Org renamed',
      is_auto_membership_enabled: true,
    });

    expect(await Organizations.deleteOrganization({ orgCode: code })).toEqual({
      code: 'OK',
      message: 'Success',
    });
    const gone = await Organizations.getOrganization({ code }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(gone).toBeInstanceOf(ApiError);
    expect((gone as ApiError).status).toBe(400);
    expect((gone as ApiError).body).toEqual({
      errors: [
        { code: 'ORGANIZATION_NOT_FOUND', message: 'Organization not found', field: 'code' },
      ],
    });
  });

  it('surfaces the 404 envelope of a delete of an unknown org as the SDK error', async () => {
    const error = await Organizations.deleteOrganization({ orgCode: 'org_00000000000' }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).message).toBe('The specified resource was not found');
  });
});
