import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSandbox } from './sandbox';

const auth = { authorization: 'Bearer sandbox-token', 'content-type': 'application/json' };

async function permitOrgs(
  sandbox: Awaited<ReturnType<typeof createSandbox>>,
  search: string,
): Promise<unknown[]> {
  const response = await sandbox.app.fetch(
    new Request(`http://sandbox.test/sandbox/permit/v2/orgs?search=${search}`, { headers: auth }),
  );
  return (await response.json()) as unknown[];
}

describe('sandbox', () => {
  it('keeps a demo across a restart and restores the seed on reset', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orgdeck-sandbox-'));
    const first = await createSandbox({ dataDir: dir });
    const created = await first.app.fetch(
      new Request('http://sandbox.test/sandbox/permit/v2/orgs', {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ key: 'restart-check', name: 'Restart Check' }),
      }),
    );
    expect(created.status).toBe(200);
    await first.flush();

    const second = await createSandbox({ dataDir: dir });
    expect(await permitOrgs(second, 'restart-check')).toHaveLength(1);

    const reset = await second.app.fetch(
      new Request('http://sandbox.test/sandbox/reset', { method: 'POST' }),
    );
    expect(reset.status).toBe(200);
    expect(await permitOrgs(second, 'restart-check')).toHaveLength(0);
  });

  it('seeds the same data on every machine', async () => {
    const a = await createSandbox({ dataDir: null });
    const b = await createSandbox({ dataDir: null });
    expect(await permitOrgs(a, '')).toEqual(await permitOrgs(b, ''));
  });

  it('injects a fault on request, in the vendor’s own envelope, the given number of times', async () => {
    const sandbox = await createSandbox({ dataDir: null });
    const add = await sandbox.app.fetch(
      new Request('http://sandbox.test/sandbox/faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          vendor: 'clerk',
          path: '/v1/organizations',
          status: 429,
          retryAfterSeconds: 3,
          times: 1,
        }),
      }),
    );
    expect(add.status).toBe(201);
    const limited = await sandbox.app.fetch(
      new Request('http://sandbox.test/sandbox/clerk/v1/organizations', { headers: auth }),
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(((await limited.json()) as { errors: unknown[] }).errors.length).toBe(1);
    const next = await sandbox.app.fetch(
      new Request('http://sandbox.test/sandbox/clerk/v1/organizations', { headers: auth }),
    );
    expect(next.status).toBe(200);
  });

  it('answers in-process vendor calls with the same steps as /sandbox/<mount>: credentials, faults, body, store', async () => {
    const sandbox = await createSandbox({ dataDir: null });
    const call = (path: string, init: RequestInit = {}) =>
      sandbox.fetchVendor('permit', new Request(`http://orgdeck.test${path}`, init));
    expect((await call('/v2/orgs')).status).toBe(401);
    sandbox.faults.add({ vendor: 'permit', path: '/v2/orgs', status: 503, times: 1 });
    // The vendor refuses a call without its token before a fault could answer it.
    expect((await call('/v2/orgs')).status).toBe(401);
    expect((await call('/v2/orgs', { headers: auth })).status).toBe(503);
    const created = await call('/v2/orgs', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ key: 'in-process', name: 'In Process' }),
    });
    expect(created.status).toBe(200);
    expect(await permitOrgs(sandbox, 'in-process')).toHaveLength(1);
    const unknown = await sandbox.fetchVendor('nobody', new Request('http://orgdeck.test/v2/orgs'));
    expect(unknown.status).toBe(404);
  });

  it('refuses a malformed fault', async () => {
    const sandbox = await createSandbox({ dataDir: null });
    const response = await sandbox.app.fetch(
      new Request('http://sandbox.test/sandbox/faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ path: 'no-leading-slash', status: 200 }),
      }),
    );
    expect(response.status).toBe(400);
  });
});
