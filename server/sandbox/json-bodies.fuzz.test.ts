import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDepth, parseBoundedJson } from '../http/bounded-body';
import { createSandbox, type Sandbox } from './sandbox';
import { SANDBOX_JSON_LIMITS } from './vendor';

const ORIGIN = 'http://sandbox.test';
const auth = { authorization: 'Bearer sandbox-token', 'content-type': 'application/json' };

async function send(sandbox: Sandbox, method: string, path: string, body: string) {
  return sandbox.app.fetch(
    new Request(`${ORIGIN}/sandbox${path}`, { method, headers: auth, body }),
  );
}

/** Bodies a hostile or careless client sends: JSON of any shape, deep nesting, non-JSON text. */
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value)),
  fc
    .record({
      name: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 3 })),
      key: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
      public_metadata: fc.jsonValue({ maxDepth: 5 }),
      colors: fc.jsonValue({ maxDepth: 3 }),
    })
    .map((value) => JSON.stringify(value)),
  fc
    .integer({ min: 1, max: 20_000 })
    .map(
      (levels) => `{"name":"x","public_metadata":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`,
    ),
  fc.integer({ min: 1, max: 5_000 }).map((levels) => '['.repeat(levels) + ']'.repeat(levels)),
  fc.string({ maxLength: 200 }),
);

describe('sandbox JSON bodies (fuzz)', () => {
  it('answers every body with a non-5xx status and stores nothing it could not save', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orgdeck-fuzz-'));
    const sandbox = await createSandbox({ dataDir: dir });
    const clerk = await send(sandbox, 'POST', '/clerk/v1/organizations', '{"name":"Fuzz"}');
    const clerkId = ((await clerk.json()) as { id: string }).id;
    const kinde = await send(sandbox, 'POST', '/kinde/api/v1/organization', '{"name":"Fuzz"}');
    const kindeCode = ((await kinde.json()) as { organization: { code: string } }).organization
      .code;
    const targets: readonly (readonly [string, string])[] = [
      ['POST', '/permit/v2/orgs'],
      ['POST', '/kinde/api/v1/organization'],
      ['PATCH', `/kinde/api/v1/organization/${kindeCode}`],
      ['POST', '/clerk/v1/organizations'],
      ['PATCH', `/clerk/v1/organizations/${clerkId}`],
      ['PATCH', `/clerk/v1/organizations/${clerkId}/metadata`],
      ['PUT', `/clerk/v1/organizations/${clerkId}/metadata`],
      ['POST', '/numind/api/organizations'],
    ];

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), body, async ([method, path], text) => {
        const response = await send(sandbox, method, path, text);
        await response.arrayBuffer();
        expect(response.status, `${method} ${path}`).toBeLessThan(500);
      }),
      { numRuns: 200, seed: 12 },
    );

    // Whatever was stored can be saved, read back within the sandbox's own limits.
    await sandbox.flush();
    const saved = await readFile(join(dir, 'sandbox-state.json'), 'utf8');
    const state = parseBoundedJson(saved, { maxDepth: 64, maxKeys: 1_000_000 });
    expect(jsonDepth(state)).toBeLessThanOrEqual(SANDBOX_JSON_LIMITS.maxDepth + 16);
  }, 20_000);
});
