import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SANDBOX_BODY_LIMIT } from './body-limits';
import { createSandbox, type Sandbox } from './sandbox';

const ORIGIN = 'http://sandbox.test';
const auth = { authorization: 'Bearer sandbox-token', 'content-type': 'application/json' };

const deepJson = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

function send(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: BodyInit,
  headers: Record<string, string> = auth,
) {
  // `duplex` is what a streamed request body needs; TypeScript's RequestInit lacks it.
  const init: RequestInit & { duplex?: 'half' } = {
    method,
    headers,
    ...(body === undefined ? {} : { body, duplex: 'half' }),
  };
  return sandbox.app.fetch(new Request(`${ORIGIN}/sandbox${path}`, init));
}

/** A chunked body: streamed, no Content-Length; counts the chunks the server pulled. */
function chunkedBody(chunks: number, chunkSize: number) {
  const seen = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === chunks) {
        controller.close();
        return;
      }
      seen.pulled++;
      controller.enqueue(new TextEncoder().encode(' '.repeat(chunkSize)));
    },
  });
  return { stream, seen };
}

async function clerkOrg(sandbox: Sandbox): Promise<string> {
  const response = await send(
    sandbox,
    'POST',
    '/clerk/v1/organizations',
    JSON.stringify({ name: `Limits ${Math.random().toString(36).slice(2, 8)}` }),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

describe('sandbox: JSON bodies nested too deeply', () => {
  it('refuses Clerk metadata nested 10,000 levels, stores nothing, and later saves still work', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orgdeck-limits-'));
    const sandbox = await createSandbox({ dataDir: dir });
    const id = await clerkOrg(sandbox);
    const body = `{"public_metadata":${deepJson(10_000)}}`;

    const merge = await send(sandbox, 'PATCH', `/clerk/v1/organizations/${id}/metadata`, body);
    expect(merge.status).toBe(400);
    expect(await merge.json()).toMatchObject({ errors: [{ code: 'request_body_invalid' }] });
    const replace = await send(sandbox, 'PUT', `/clerk/v1/organizations/${id}/metadata`, body);
    expect(replace.status).toBe(400);

    const org = await send(sandbox, 'GET', `/clerk/v1/organizations/${id}`);
    expect(((await org.json()) as { public_metadata: unknown }).public_metadata).toEqual({});
    // The next save (the one that crashed the process) writes the state file.
    await clerkOrg(sandbox);
    await expect(sandbox.flush()).resolves.toBeUndefined();
    expect(await readFile(join(dir, 'sandbox-state.json'), 'utf8')).toContain(id);
  });

  it.each([
    [
      'permit',
      '/permit/v2/orgs',
      (deep: string) => `{"key":"deep-org","name":"Deep","settings":${deep}}`,
    ],
    ['kinde', '/kinde/api/v1/organization', (deep: string) => `{"name":"Deep","colors":${deep}}`],
    [
      'clerk',
      '/clerk/v1/organizations',
      (deep: string) => `{"name":"Deep","public_metadata":${deep}}`,
    ],
    ['numind', '/numind/api/organizations', (deep: string) => `{"name":${deep}}`],
  ])(
    'refuses a %s create-org body nested 10,000 levels with a 4xx',
    async (_vendor, path, body) => {
      const sandbox = await createSandbox({ dataDir: null });
      const response = await send(sandbox, 'POST', path, body(deepJson(10_000)));
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    },
  );

  it('refuses a body with more keys than the sandbox reads', async () => {
    const sandbox = await createSandbox({ dataDir: null });
    const id = await clerkOrg(sandbox);
    const keys = Object.fromEntries(Array.from({ length: 2_001 }, (_, i) => [`k${i}`, 1]));
    const response = await send(
      sandbox,
      'PATCH',
      `/clerk/v1/organizations/${id}/metadata`,
      JSON.stringify({ public_metadata: keys }),
    );
    expect(response.status).toBe(400);
  });
});

describe('sandbox: Clerk’s 8 KB metadata limit', () => {
  const sized = (bytes: number) => ({ note: 'x'.repeat(bytes - '{"note":""}'.length) });

  it('stores 8 KB of metadata and refuses one byte more with Clerk’s 422', async () => {
    const sandbox = await createSandbox({ dataDir: null });
    const id = await clerkOrg(sandbox);
    const path = `/clerk/v1/organizations/${id}/metadata`;
    const fits = await send(
      sandbox,
      'PUT',
      path,
      JSON.stringify({ private_metadata: sized(8192) }),
    );
    expect(fits.status).toBe(200);
    const over = await send(sandbox, 'PUT', path, JSON.stringify({ public_metadata: sized(8193) }));
    expect(over.status).toBe(422);
    expect(await over.json()).toMatchObject({
      errors: [
        { code: 'form_param_exceeds_allowed_size', meta: { param_name: 'public_metadata' } },
      ],
    });
  });

  it('refuses a merge whose result would pass 8 KB, leaving the stored metadata as it was', async () => {
    const sandbox = await createSandbox({ dataDir: null });
    const id = await clerkOrg(sandbox);
    const path = `/clerk/v1/organizations/${id}/metadata`;
    const first = { a: 'x'.repeat(5000) };
    expect(
      (await send(sandbox, 'PATCH', path, JSON.stringify({ public_metadata: first }))).status,
    ).toBe(200);
    const grow = await send(
      sandbox,
      'PATCH',
      path,
      JSON.stringify({ public_metadata: { b: 'y'.repeat(5000) } }),
    );
    expect(grow.status).toBe(422);
    const org = await send(sandbox, 'GET', `/clerk/v1/organizations/${id}`);
    expect(((await org.json()) as { public_metadata: unknown }).public_metadata).toEqual(first);
  });

  it('refuses oversized metadata on create too', async () => {
    const sandbox = await createSandbox({ dataDir: null });
    const response = await send(
      sandbox,
      'POST',
      '/clerk/v1/organizations',
      JSON.stringify({ name: 'Too much', private_metadata: sized(9000) }),
    );
    expect(response.status).toBe(422);
  });
});

describe('sandbox: body size, counted while streaming', () => {
  it('stops a chunked body (no Content-Length) at the limit with the vendor’s 413', async () => {
    const sandbox = await createSandbox({ dataDir: null });
    // 400 chunks of 64 KiB would be 25 MiB; the JSON limit is 1 MiB.
    const { stream, seen } = chunkedBody(400, 64 * 1024);
    const response = await send(sandbox, 'POST', '/permit/v2/orgs', stream);
    expect(response.status).toBe(413);
    const refusal = (await response.json()) as { error_code?: unknown };
    expect(typeof refusal.error_code).toBe('string');
    expect(seen.pulled).toBeLessThan(40);
  });

  it('refuses a declared Content-Length over the limit in each vendor’s envelope', async () => {
    const sandbox = await createSandbox({ dataDir: null });
    const big = 'x'.repeat(SANDBOX_BODY_LIMIT + 1);
    const headers = { ...auth, 'content-length': String(big.length) };
    const clerk = await send(sandbox, 'POST', '/clerk/v1/organizations', big, headers);
    expect(clerk.status).toBe(413);
    expect(await clerk.json()).toMatchObject({ errors: [{ code: 'request_body_too_large' }] });
    const kinde = await send(sandbox, 'POST', '/kinde/api/v1/organization', big, headers);
    expect(kinde.status).toBe(413);
    expect(await kinde.json()).toMatchObject({ errors: [expect.objectContaining({})] });
  });

  it('still takes a logo upload larger than the JSON limit', async () => {
    const sandbox = await createSandbox({ dataDir: null });
    const id = await clerkOrg(sandbox);
    const form = new FormData();
    // A PNG signature, padded past 1 MiB.
    const png = new Uint8Array(SANDBOX_BODY_LIMIT + 1024);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    form.append('file', new Blob([png], { type: 'image/png' }), 'logo.png');
    const response = await send(sandbox, 'PUT', `/clerk/v1/organizations/${id}/logo`, form, {
      authorization: 'Bearer sandbox-token',
    });
    expect(response.status).not.toBe(413);
  });
});

describe('sandbox: faults come after the vendor’s credential check', () => {
  it('answers an unauthenticated call with the vendor’s refusal and leaves the fault for the next one', async () => {
    const sandbox = await createSandbox({ dataDir: null });
    sandbox.faults.add({ vendor: 'permit', path: '/v2/orgs', status: 503, times: 1 });
    const anonymous = await send(sandbox, 'GET', '/permit/v2/orgs', undefined, {
      'content-type': 'application/json',
    });
    expect(anonymous.status).toBe(401);
    expect(sandbox.faults.list()).toHaveLength(1);
    expect((await send(sandbox, 'GET', '/permit/v2/orgs')).status).toBe(503);
  });

  it.each([
    ['clerk', '/v1/organizations', 401],
    ['clerk-frontend', '/v1/me/organization_memberships', 401],
    ['kinde', '/api/v1/organizations', 403],
    ['numind', '/api/organizations', 401],
  ])('%s: no token is refused before a fault fires', async (vendor, path, status) => {
    const sandbox = await createSandbox({ dataDir: null });
    sandbox.faults.add({ vendor, path, status: 500 });
    const response = await send(sandbox, 'GET', `/${vendor}${path}`, undefined, {});
    expect(response.status).toBe(status);
  });

  it('lets Kinde’s public token endpoint reach its fault', async () => {
    const sandbox = await createSandbox({ dataDir: null });
    sandbox.faults.add({ vendor: 'kinde', path: '/oauth2/token', status: 503 });
    const response = await send(
      sandbox,
      'POST',
      '/kinde/oauth2/token',
      'grant_type=client_credentials',
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    );
    expect(response.status).toBe(503);
  });
});

describe('sandbox: Clerk Backend logo types follow the seed spec', () => {
  // A 1×1 ICO header: reserved 0, type 1, one image.
  const ico = new Uint8Array([0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 32, 0, 0, 0, 0, 0, 22, 0, 0, 0]);
  const upload = () => {
    const form = new FormData();
    form.append('file', new Blob([ico], { type: 'image/x-icon' }), 'favicon.ico');
    return form;
  };

  it('accepts image/x-icon on the Backend API (the seed lists it; newer specs dropped it)', async () => {
    const sandbox = await createSandbox({ dataDir: null });
    const id = await clerkOrg(sandbox);
    const response = await send(sandbox, 'PUT', `/clerk/v1/organizations/${id}/logo`, upload(), {
      authorization: 'Bearer sandbox-token',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id, has_image: true });
  });

  it('keeps the Frontend API to JPEG, PNG, GIF and WebP', async () => {
    const sandbox = await createSandbox({ dataDir: null });
    const created = await send(
      sandbox,
      'POST',
      '/clerk-frontend/v1/organizations?_is_native=true',
      new URLSearchParams({ name: 'Icon Org' }).toString(),
      {
        authorization: 'Bearer sandbox-token',
        'content-type': 'application/x-www-form-urlencoded',
      },
    );
    const id = ((await created.json()) as { response: { id: string } }).response.id;
    const response = await send(
      sandbox,
      'PUT',
      `/clerk-frontend/v1/organizations/${id}/logo?_is_native=true`,
      upload(),
      { authorization: 'Bearer sandbox-token' },
    );
    expect(response.status).toBe(422);
  });
});
