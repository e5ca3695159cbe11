import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './entry';
import { JsonlAuditStore } from './file-store';
import { MemoryAuditStore } from './store';

function entry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: `id-${n}`,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    actor: { id: 'ann', name: 'Ann Admin', role: 'admin' },
    connectionId: 'clerk',
    provider: 'clerk',
    operationId: 'deleteOrganization',
    summary: 'Delete organization',
    method: 'DELETE',
    target: { orgId: `org_${n}` },
    outcome: 'success',
    status: 200,
    ...overrides,
  };
}

async function tempFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'orgdeck-audit-')), 'nested', 'audit.jsonl');
}

describe('JSON Lines audit store', () => {
  it('keeps every entry across a restart (a new store on the same file)', async () => {
    const path = await tempFile();
    const first = await JsonlAuditStore.open(path);
    await Promise.all([first.append(entry(1)), first.append(entry(2)), first.append(entry(3))]);
    await first.close();

    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as AuditEntry).id)).toEqual([
      'id-1',
      'id-2',
      'id-3',
    ]);

    const second = await JsonlAuditStore.open(path);
    const { items, total } = await second.query({}, { page: 1, pageSize: 10 });
    expect(total).toBe(3);
    expect(items.map((item) => item.id)).toEqual(['id-3', 'id-2', 'id-1']);
    await second.close();
  });

  it('skips a torn last line with a warning and appends after it cleanly', async () => {
    const path = await tempFile();
    const store = await JsonlAuditStore.open(path);
    await store.append(entry(1));
    await store.close();
    // A crash in the middle of writing entry 2.
    await appendFile(path, JSON.stringify(entry(2)).slice(0, 40));

    const warnings: string[] = [];
    const reopened = await JsonlAuditStore.open(path, (message) => warnings.push(message));
    expect(warnings).toEqual([expect.stringContaining('torn last line')]);
    expect((await reopened.query({}, { page: 1, pageSize: 10 })).total).toBe(1);
    await reopened.append(entry(3));
    await reopened.close();

    const again = await JsonlAuditStore.open(path, (message) => warnings.push(message));
    const { items } = await again.query({}, { page: 1, pageSize: 10 });
    expect(items.map((item) => item.id)).toEqual(['id-3', 'id-1']);
    // The torn line is now an unreadable line in the middle, still skipped.
    expect(warnings[1]).toContain('unreadable line 2');
    await again.close();
  });
});

describe('audit queries', () => {
  it('filters by actor, connection, org, operation and outcome, newest first, in pages', async () => {
    const store = new MemoryAuditStore();
    for (let n = 1; n <= 12; n++) {
      await store.append(
        entry(n, {
          actor:
            n % 2 === 0 ? { id: 'sue', name: 'Sue Support', role: 'support' } : { id: 'anonymous' },
          connectionId: n <= 6 ? 'clerk' : 'kinde',
          operationId: n % 3 === 0 ? 'createOrganizationInvitation' : 'deleteOrganization',
          outcome: n === 5 ? 'refused' : 'success',
        }),
      );
    }
    const ids = async (filter: Parameters<MemoryAuditStore['query']>[0], page = 1, pageSize = 50) =>
      (await store.query(filter, { page, pageSize })).items.map((item) => item.id);

    expect(await ids({ actor: 'SUPPORT' })).toEqual([
      'id-12',
      'id-10',
      'id-8',
      'id-6',
      'id-4',
      'id-2',
    ]);
    expect(await ids({ actor: 'anonymous', connection: 'clerk' })).toEqual([
      'id-5',
      'id-3',
      'id-1',
    ]);
    expect(await ids({ org: 'org_7' })).toEqual(['id-7']);
    expect(await ids({ org: 'org_' })).toEqual([]);
    expect(await ids({ operation: 'createOrganizationInvitation' })).toEqual([
      'id-12',
      'id-9',
      'id-6',
      'id-3',
    ]);
    expect(await ids({ outcome: 'refused' })).toEqual(['id-5']);
    expect(await ids({}, 2, 5)).toEqual(['id-7', 'id-6', 'id-5', 'id-4', 'id-3']);
    expect((await store.query({}, { page: 3, pageSize: 5 })).total).toBe(12);
    expect(await ids({}, 3, 5)).toEqual(['id-2', 'id-1']);
  });
});
