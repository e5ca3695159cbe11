import { describe, expect, it } from 'vitest';
import { providerCatalog } from '../api/providers/catalog';
import type { ProviderKind } from '../api/domain';
import { MAX_DATA_PRELOADS, routeDataPreloads } from './route-data-preloads';

/** `GET /api/connections` as the gateway answers it for the sandbox connections. */
function connectionsJson(providers: readonly ProviderKind[]) {
  return providers.map((provider) => ({
    id: provider,
    label: `${provider} (sandbox)`,
    provider,
    sandbox: true,
    capabilities: providerCatalog[provider].capabilities,
    auth: provider === 'clerk-frontend' ? 'user-token' : 'server',
  }));
}

const ALL = ['permit', 'kinde', 'clerk', 'clerk-frontend', 'numind'] as const;
const page = (path: string) => new URL(path, 'http://orgdeck.test');

describe('routeDataPreloads', () => {
  it('lists the org list call the route loader makes: the page the URL asks for', async () => {
    const first = await routeDataPreloads(page('/c/clerk/orgs'), connectionsJson(ALL));
    expect(first).toHaveLength(1);
    const url = new URL(first[0] ?? '', 'http://orgdeck.test');
    expect(url.pathname).toBe('/api/connections/clerk/upstream/v1/organizations');
    expect(url.searchParams.get('offset')).toBe('0');
    expect(url.searchParams.get('limit')).toBe(
      String(providerCatalog.clerk.capabilities.list.defaultPageSize),
    );

    const third = await routeDataPreloads(page('/c/clerk/orgs?page=3'), connectionsJson(ALL));
    const size = providerCatalog.clerk.capabilities.list.defaultPageSize;
    expect(new URL(third[0] ?? '', 'http://orgdeck.test').searchParams.get('offset')).toBe(
      String(2 * size),
    );
  });

  it('only lists reads through the connection’s own gateway path, never more than the cap', async () => {
    for (const provider of ALL) {
      const urls = await routeDataPreloads(page(`/c/${provider}/orgs`), connectionsJson(ALL));
      expect(urls.length).toBeLessThanOrEqual(MAX_DATA_PRELOADS);
      for (const url of urls)
        expect(url.startsWith(`/api/connections/${provider}/upstream/`)).toBe(true);
    }
  });

  it('lists the members tab’s calls: the org and its first page of members', async () => {
    const urls = await routeDataPreloads(page('/c/clerk/orgs/org_1/members'), connectionsJson(ALL));
    expect(urls.map((url) => new URL(url, 'http://orgdeck.test').pathname)).toEqual(
      expect.arrayContaining([
        '/api/connections/clerk/upstream/v1/organizations/org_1',
        '/api/connections/clerk/upstream/v1/organizations/org_1/memberships',
      ]),
    );
  });

  it('lists nothing for pages without a loader, unknown connections or unreadable lists', async () => {
    expect(await routeDataPreloads(page('/c/clerk/overview'), connectionsJson(ALL))).toEqual([]);
    expect(await routeDataPreloads(page('/c/nope/orgs'), connectionsJson(ALL))).toEqual([]);
    expect(await routeDataPreloads(page('/c/clerk/orgs'), null)).toEqual([]);
    expect(await routeDataPreloads(page('/c/clerk/orgs'), [{ id: 'clerk' }])).toEqual([]);
  });

  it('lists no provider page where the browser or the index answers (a search the provider lacks)', async () => {
    const local = ALL.find(
      (provider) => providerCatalog[provider].capabilities.list.search === 'client',
    );
    expect(local, 'a sandbox provider without server search').toBeDefined();
    const urls = await routeDataPreloads(
      page(`/c/${local ?? ''}/orgs?q=acme`),
      connectionsJson(ALL),
    );
    // Which of the two answers depends on the index's status, asked when the page runs.
    expect(urls).toEqual([]);
  });
});
