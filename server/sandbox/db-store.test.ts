import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeStores } from '../store/test-stores';
import { createSandbox, type Sandbox } from './sandbox';

const auth = { authorization: 'Bearer sandbox-token', 'content-type': 'application/json' };

async function createOrg(sandbox: Sandbox, key: string): Promise<number> {
  const response = await sandbox.app.fetch(
    new Request('http://sandbox.test/sandbox/permit/v2/orgs', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ key, name: key }),
    }),
  );
  return response.status;
}

async function orgKeys(sandbox: Sandbox, search: string): Promise<string[]> {
  const response = await sandbox.app.fetch(
    new Request(`http://sandbox.test/sandbox/permit/v2/orgs?search=${search}&per_page=100`, {
      headers: auth,
    }),
  );
  const orgs = (await response.json()) as { key: string }[];
  return orgs.map((org) => org.key).sort();
}

/** Each test opens a few sandboxes (their seeds take a while on a loaded machine). */
const TIMEOUT_MS = 30_000;

describeStores('sandbox state in the store', ({ store, engine, openReplica }) => {
  let dir: string | null = null;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    'commits a write before answering: a sandbox opened afterwards on the database has it',
    async () => {
      const first = await createSandbox({ dataDir: null, db: store().db });
      expect(await createOrg(first, 'durable-one')).toBe(200);
      // No flush: what was answered is already in the database.
      const second = await createSandbox({ dataDir: null, db: store().db });
      expect(await orgKeys(second, 'durable-one')).toEqual(['durable-one']);
    },
    TIMEOUT_MS,
  );

  it(
    'reads another writer’s change on the next request (the revision moved)',
    async () => {
      const a = await createSandbox({ dataDir: null, db: store().db });
      const b = await createSandbox({ dataDir: null, db: store().db });
      expect(await orgKeys(b, 'moved-')).toEqual([]);
      expect(await createOrg(a, 'moved-a')).toBe(200);
      expect(await orgKeys(b, 'moved-')).toEqual(['moved-a']);
      expect(await createOrg(b, 'moved-b')).toBe(200);
      expect(await orgKeys(a, 'moved-')).toEqual(['moved-a', 'moved-b']);
    },
    TIMEOUT_MS,
  );

  it(
    'keeps every concurrent write of two sandboxes on one database',
    async () => {
      const other = engine === 'postgres' ? (await openReplica()).db : store().db;
      const a = await createSandbox({ dataDir: null, db: store().db });
      const b = await createSandbox({ dataDir: null, db: other });
      const keys = Array.from({ length: 30 }, (_, i) => `both-${String(i).padStart(2, '0')}`);
      const statuses = await Promise.all(keys.map((key, i) => createOrg(i % 2 ? a : b, key)));
      expect(statuses.every((status) => status === 200)).toBe(true);
      expect(await orgKeys(a, 'both-')).toEqual(keys);
      expect(await orgKeys(b, 'both-')).toEqual(keys);
    },
    TIMEOUT_MS,
  );

  it(
    'resets every sandbox on the database to the seed',
    async () => {
      const a = await createSandbox({ dataDir: null, db: store().db });
      const b = await createSandbox({ dataDir: null, db: store().db });
      expect(await createOrg(a, 'reset-me')).toBe(200);
      const reset = await b.app.fetch(
        new Request('http://sandbox.test/sandbox/reset', { method: 'POST' }),
      );
      expect(reset.status).toBe(200);
      expect(await orgKeys(a, 'reset-me')).toEqual([]);
      const seeded = await createSandbox({ dataDir: null });
      expect(await orgKeys(a, '')).toEqual(await orgKeys(seeded, ''));
    },
    TIMEOUT_MS,
  );

  it(
    'imports a legacy sandbox-state.json once, when the database holds no sandbox yet',
    async () => {
      await store().db.deleteFrom('sandbox_slices').execute();
      dir = await mkdtemp(join(tmpdir(), 'od-legacy-'));
      // What the file-based sandbox left behind, before the database held the sandbox's state.
      const legacy = await createSandbox({ dataDir: dir });
      expect(await createOrg(legacy, 'legacy-org')).toBe(200);
      await legacy.flush();

      const imported = await createSandbox({ dataDir: dir, db: store().db });
      expect(await orgKeys(imported, 'legacy-org')).toEqual(['legacy-org']);
      await imported.app.fetch(
        new Request('http://sandbox.test/sandbox/reset', { method: 'POST' }),
      );
      // The database holds the sandbox now: the file is not imported again.
      const again = await createSandbox({ dataDir: dir, db: store().db });
      expect(await orgKeys(again, 'legacy-org')).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
