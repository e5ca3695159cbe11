import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { ConsoleEnv } from '../auth/access';
import { describeStores } from '../store/test-stores';
import type { AuditEntry, AuditFilter } from './entry';
import { entry } from './entry-fixture';
import { AUDIT_COUNT_CAP, importAuditJsonl, PgAuditStore } from './pg-store';
import { createAuditRoutes } from './routes';

describeStores('audit in the store', ({ store }) => {
  let audit: PgAuditStore;
  const ids = async (filter: AuditFilter, page = 1, pageSize = 50) =>
    (await audit.query(filter, { page, pageSize })).items.map((item) => item.id);

  beforeAll(async () => {
    audit = new PgAuditStore(store());
    for (let n = 1; n <= 12; n++) {
      await audit.append(
        entry(n, {
          actor:
            n % 2 === 0 ? { id: 'sue', name: 'Sue Support', role: 'support' } : { id: 'anonymous' },
          connectionId: n <= 6 ? 'clerk' : 'kinde',
          operationId: n % 3 === 0 ? 'createOrganizationInvitation' : 'deleteOrganization',
          outcome: n === 5 ? 'refused' : 'success',
          ...(n === 4
            ? { error: 'Provider said no', target: { orgId: 'org_4', email: 'a@b.co' } }
            : {}),
        }),
      );
    }
  });

  it('answers every filter of the Audit page, newest first, in pages', async () => {
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
    expect(await ids({ actor: 'nobody-at-all' })).toEqual([]);
    expect(await ids({ org: 'org_7' })).toEqual(['id-7']);
    expect(await ids({ org: 'org_' })).toEqual([]);
    expect(await ids({ operation: 'createOrganizationInvitation' })).toEqual([
      'id-12',
      'id-9',
      'id-6',
      'id-3',
    ]);
    expect(await ids({ outcome: 'refused' })).toEqual(['id-5']);
    expect(await ids({ id: 'id-9' })).toEqual(['id-9']);
    expect(await ids({}, 2, 5)).toEqual(['id-7', 'id-6', 'id-5', 'id-4', 'id-3']);
    expect((await audit.query({}, { page: 3, pageSize: 5 })).total).toBe(12);
  });

  it('gives entries back exactly as they were recorded', async () => {
    const [found] = (await audit.query({ id: 'id-4' }, { page: 1, pageSize: 1 })).items;
    expect(found).toEqual(
      entry(4, {
        actor: { id: 'sue', name: 'Sue Support', role: 'support' },
        error: 'Provider said no',
        target: { orgId: 'org_4', email: 'a@b.co' },
      }),
    );
  });

  it('pages by keyset: each nextBefore continues where the last page ended', async () => {
    const seen: string[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await audit.query({}, { page: 1, pageSize: 5, ...(before ? { before } : {}) });
      seen.push(...page.items.map((item) => item.id));
      if (page.nextBefore === undefined) break;
      before = page.nextBefore;
    }
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `id-${12 - i}`));
  });

  it('streams the whole filtered log as CSV, past any batch size, never capped', async () => {
    const { db } = store();
    // 2,500 more entries on one connection, written server-side.
    await sql`
      insert into audit_entries (id, at, actor_id, connection_id, provider, operation_id, summary,
                                 method, org_id, outcome, status)
      select 'bulk-' || n, now(), 'anonymous', 'bulk', 'permit', 'deleteOrganization', 'Delete',
             'DELETE', 'org-' || n, 'success', 200
      from generate_series(1, 2500) as n`.execute(db);
    const app = new Hono<ConsoleEnv>().route('/', createAuditRoutes(audit));
    const response = await app.request('/api/audit.csv?connection=bulk&page=1&pageSize=100');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2501);
    expect(new Set(lines.slice(1)).size).toBe(2500);
    expect(lines[1]).toContain('"org-2500"');
    expect(lines[2500]).toContain('"org-1"');
  });

  it('counts exactly up to the cap, then says there are more', async () => {
    const { db } = store();
    await sql`
      insert into audit_entries (id, at, actor_id, connection_id, provider, operation_id, summary,
                                 method, outcome, status)
      select 'many-' || n, now(), 'anonymous', 'many', 'permit', 'deleteOrganization', 'Delete',
             'DELETE', 'success', 200
      from generate_series(1, ${AUDIT_COUNT_CAP + 5}) as n`.execute(db);
    const page = await audit.query({ connection: 'many' }, { page: 1, pageSize: 10 });
    expect(page.total).toBe(AUDIT_COUNT_CAP);
    expect(page.totalCapped).toBe(true);
    const exact = await audit.query({ connection: 'bulk' }, { page: 1, pageSize: 10 });
    expect(exact.total).toBe(2500);
    expect(exact.totalCapped).toBeUndefined();
  });

  it('purges entries older than the retention, keeping the rest', async () => {
    // The 12 entries of 2026-01-01 are more than 10 days old on the 12th; the bulk ones are not.
    const purged = await audit.purgeOlderThan(10, Date.UTC(2026, 0, 12));
    expect(purged).toBe(12);
    expect((await audit.query({ connection: 'kinde' }, { page: 1, pageSize: 1 })).total).toBe(0);
    expect((await audit.query({ connection: 'bulk' }, { page: 1, pageSize: 1 })).total).toBe(2500);
  });

  it('imports an audit.jsonl once, skipping unreadable lines, and not again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'od_store_audit-'));
    const path = join(dir, 'audit.jsonl');
    const lines: AuditEntry[] = [1, 2, 3].map((n) =>
      entry(n, { id: `legacy-${n}`, connectionId: 'legacy' }),
    );
    await writeFile(
      path,
      `${JSON.stringify(lines[0])}\nnot json\n${JSON.stringify(lines[1])}\n${JSON.stringify(lines[2])}\n{"torn":`,
    );
    const warnings: string[] = [];
    expect(await importAuditJsonl(store(), path, (line) => warnings.push(line))).toBe(3);
    expect(warnings.some((line) => line.includes('line 2'))).toBe(true);
    expect(await importAuditJsonl(store(), path)).toBe(0);
    expect(await ids({ connection: 'legacy' })).toEqual(['legacy-3', 'legacy-2', 'legacy-1']);
  });
});
