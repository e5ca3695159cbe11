import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/testing/test-server';
import { loadAdapter } from './adapters';
import type { ProviderKind } from './domain';
import { findMembersInEachOrg, MEMBER_SEARCH_MAX_ORGS } from './member-search';
import type { OrgAdminApi } from './org-admin-api';

/** The providers without a user directory that says which orgs a user is in. */
const PROVIDERS: readonly ProviderKind[] = ['clerk-frontend', 'numind'];

describe.each(PROVIDERS)('finding members by email in each org (%s)', (provider) => {
  let server: TestServer;
  let api: OrgAdminApi;

  beforeAll(async () => {
    server = await startTestServer();
    api = await loadAdapter(provider, { baseUrl: server.upstreamUrl(provider) });
  });
  afterAll(async () => {
    await server.close();
  });

  it('finds a member of an org by part of their email, naming the org', async () => {
    const orgs = (await api.organizations.listAll()).items;
    const newest = [...orgs].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
    let target: { orgId: string; email: string } | null = null;
    for (const org of newest.slice(0, 10)) {
      const member = (await api.members?.listAll(org.id))?.items.find((m) => m.email);
      if (member?.email) {
        target = { orgId: org.id, email: member.email };
        break;
      }
    }
    expect(target).not.toBeNull();
    const email = target?.email ?? '';
    const result = await findMembersInEachOrg(api, email.slice(0, email.indexOf('@') + 3));
    expect(result.matches.map(({ org }) => org.id)).toContain(target?.orgId);
    expect(result.matches.every(({ member }) => member.email?.includes(email.slice(0, 3)))).toBe(
      true,
    );
    expect(result.of).toBe(orgs.length);
    expect(result.looked).toBe(Math.min(orgs.length, MEMBER_SEARCH_MAX_ORGS));
  });

  it('finds nobody for an address no member has', async () => {
    const result = await findMembersInEachOrg(api, 'nobody-at-all@nowhere.invalid');
    expect(result.matches).toEqual([]);
    expect(result.looked).toBeGreaterThan(0);
  });
});
