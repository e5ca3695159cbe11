import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/testing/test-server';
import type { OrgAdminApi } from '../api/org-admin-api';
import type { InvitationStatus } from '../api/people';
import { createClerkFrontendApi } from '../api/providers/clerk-frontend/adapter';
import { createKindeApi } from '../api/providers/kinde/adapter';
import type { AdapterOptions } from '../api/providers/shared';
import { listEveryInvitation, listInvitationPage } from './invitation-statuses';

/**
 * The data layer's status filtering over real HTTP (gateway to sandbox), for the two providers
 * whose answer can hold more statuses than asked: Kinde (pending always comes along) and the
 * Clerk Frontend API (one status a call).
 */
const providers: readonly {
  readonly connectionId: string;
  readonly createApi: (options: AdapterOptions) => OrgAdminApi;
  /** Statuses the provider answers with more than asked. */
  readonly asked: readonly InvitationStatus[];
}[] = [
  { connectionId: 'kinde', createApi: createKindeApi, asked: ['revoked'] },
  {
    connectionId: 'clerk-frontend',
    createApi: createClerkFrontendApi,
    asked: ['revoked', 'expired'],
  },
];

describe.each(providers)('$connectionId: invitations by status in the data layer', (provider) => {
  let server: TestServer;
  let api: OrgAdminApi;
  let orgId: string;
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const gone = `gone-${unique}@example.com`;
  const kept = `kept-${unique}@example.com`;

  beforeAll(async () => {
    server = await startTestServer();
    api = provider.createApi({ baseUrl: server.upstreamUrl(provider.connectionId) });
    const invitations = api.invitations;
    if (!invitations?.revoke) throw new Error('both providers declare invitations with revoke');
    orgId = (await api.organizations.create({ name: `Statuses ${unique}`, fields: {} }))
      .organization.id;
    const roles = (await api.roles?.list(orgId)) ?? [];
    const role = roles.find((candidate) => !/admin|owner/i.test(candidate.key)) ?? roles[0];
    const withRole = role ? [role.key] : [];
    await invitations.create(orgId, { email: gone, roles: withRole });
    await invitations.create(orgId, { email: kept, roles: withRole });
    const pending = await invitations.listAll(orgId, ['pending']);
    await invitations.revoke(orgId, pending.items.find((item) => item.email === gone)?.id ?? '');
  });
  afterAll(async () => {
    await server.close();
  });

  it('the adapter answers more than asked, as its capabilities declare', async () => {
    const raw = await api.invitations?.listAll(orgId, provider.asked);
    expect(raw?.items.map((item) => item.email)).toContain(kept);
  });

  it('keeps only the statuses asked, in every invitation and in one page with its total', async () => {
    const all = await listEveryInvitation(api, orgId, provider.asked);
    expect(all.items.map((item) => [item.email, item.status])).toEqual([[gone, 'revoked']]);
    const page = await listInvitationPage(api, orgId, {
      page: 1,
      pageSize: 10,
      statuses: provider.asked,
    });
    expect(page.items.map((item) => item.email)).toEqual([gone]);
    expect(page).toMatchObject({ page: 1, total: 1, hasMore: false });
  });

  it('passes an exact question to the provider unchanged', async () => {
    const page = await listInvitationPage(api, orgId, {
      page: 1,
      pageSize: 10,
      statuses: ['pending'],
    });
    expect(page.items.map((item) => item.email)).toEqual([kept]);
  });
});
