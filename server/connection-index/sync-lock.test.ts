import { afterEach, expect, it, vi } from 'vitest';
import { sandboxConnections } from '../config';
import { describeStores } from '../store/test-stores';
import type { IndexStatus } from './service';
import { indexedApp, type IndexedApp } from './testing';

vi.setConfig({ testTimeout: 120_000 });
const opened: IndexedApp[] = [];
const kinde = sandboxConnections().filter((connection) => connection.id === 'kinde');

afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => app.server.close()));
});

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not reached');
}

describeStores('connection index sync lock', ({ engine, store, openReplica }) => {
  it.skipIf(engine !== 'postgres')(
    'lets only the replica holding the advisory lock sync a connection',
    async () => {
      const first = await indexedApp(store(), {}, kinde);
      opened.push(first);
      const second = await indexedApp(await openReplica(), {}, kinde);
      opened.push(second);
      // The first replica's org list answers slowly, so it holds the lock while the second tries.
      await first.addFault({
        vendor: 'kinde',
        method: 'GET',
        path: '/api/v1/organizations',
        latencyMs: 3000,
        times: 1,
      });
      const started = await first.call('/api/connections/kinde/index/refresh', { method: 'POST' });
      expect(started.status).toBe(202);
      const firstIndex = first.server.connectionIndex;
      const secondIndex = second.server.connectionIndex;
      if (!firstIndex || !secondIndex) throw new Error('index not served');
      await until(async () => (await firstIndex.repo.state('kinde'))?.state === 'syncing');

      const tried = await second.call('/api/connections/kinde/index/refresh', { method: 'POST' });
      expect(tried.status).toBe(202);
      await secondIndex.whenIdle('kinde');
      expect(secondIndex.requestCount('kinde')).toBe(0);

      await firstIndex.whenIdle('kinde');
      expect(firstIndex.requestCount('kinde')).toBeGreaterThan(0);
      // Both replicas read the one mirror the lock holder wrote.
      const seen = await second.json<IndexStatus>('/api/connections/kinde/index');
      expect(seen.state).toBe('ready');
      expect(seen.counts.orgs).toBeGreaterThan(0);
    },
  );
});
