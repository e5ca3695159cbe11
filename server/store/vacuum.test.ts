import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeStores } from './test-stores';
import { vacuumEmbedded } from './vacuum';

describeStores('vacuum', ({ store, engine }) => {
  it('vacuums the embedded store (it has no autovacuum) and leaves PostgreSQL to its own', async () => {
    const { db } = store();
    await sql`
      insert into audit_entries (id, at, actor_id, connection_id, provider, operation_id,
        summary, method, outcome, status)
      select 'vacuum-' || g, now(), 'a', 'c', 'p', 'o', 's', 'POST', 'success', 200
      from generate_series(1, 2000) as g`.execute(db);
    const visible = async () =>
      (
        await sql<{ pages: number }>`
          select relallvisible::int as pages from pg_class
          where oid = 'audit_entries'::regclass`.execute(db)
      ).rows[0]?.pages;
    if (engine === 'postgres') {
      // PostgreSQL's own autovacuum sees to it (when, is its business: nothing to assert).
      expect(await vacuumEmbedded(store())).toBe(false);
      return;
    }
    // No visible pages before (the capped counts would read the heap), some after.
    expect(await visible()).toBe(0);
    expect(await vacuumEmbedded(store())).toBe(true);
    expect(await visible()).toBeGreaterThan(0);
  });
});
