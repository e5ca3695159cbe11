import { describe, expect, it } from 'vitest';
import { entry } from './entry-fixture';
import { MemoryAuditStore } from './store';

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
