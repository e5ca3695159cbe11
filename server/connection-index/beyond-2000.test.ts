import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Organization } from '../../src/api/domain';
import { CLIENT_LIST_LIMIT } from '../../src/api/collect-pages';
import { seedKinde } from '../sandbox/providers/kinde/state';
import { describeStores } from '../store/test-stores';
import { Throttle } from './retry';
import { runSync } from './sync';
import { indexedApp } from './testing';

const SCALE = CLIENT_LIST_LIMIT + 100;

beforeAll(() => {
  vi.stubEnv('ORGDECK_SANDBOX_SCALE', String(SCALE));
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describeStores('connection index at scale', ({ store }) => {
  it('finds a Kinde org beyond the first 2,000 by search, with a complete total', async () => {
    const seed = seedKinde();
    expect(seed.orgs).toHaveLength(SCALE);
    // In Kinde's own list order, past what the browser would ever load.
    const far = seed.orgs[CLIENT_LIST_LIMIT + 50];
    if (!far) throw new Error('the scaled seed is too small');
    const app = await indexedApp(store());
    try {
      const index = app.server.connectionIndex;
      const connection = index?.connection('kinde');
      if (!index || !connection) throw new Error('no index');
      // The org phase alone (every page of the real adapter through the gateway): the per-org
      // phases are what the other suite covers, and would cost 4,000 requests here.
      const source = await index.source(connection);
      await runSync(
        index.repo,
        'kinde',
        { pageSize: source.pageSize, orgPage: source.orgPage, org: source.org },
        new Throttle(),
      );
      const byName = await app.json<{ items: Organization[]; total: number }>(
        `/api/connections/kinde/index/orgs?search=${encodeURIComponent(far.name.toUpperCase())}`,
      );
      expect(byName.items.map((org) => org.id)).toContain(far.code);
      const all = await app.json<{ total: number }>('/api/connections/kinde/index/orgs');
      expect(all.total).toBe(SCALE);
    } finally {
      await app.server.close();
    }
  }, 300_000);
});
