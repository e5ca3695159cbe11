import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Organization, OrgListParams } from '../../../api/domain';
import type { OrgAdminApi } from '../../../api/org-admin-api';
import type { ActiveConnection } from '../../../lib/connection-context';
import { queryRoots } from '../../../lib/query-keys';

function fetchActiveOrganization(api: OrgAdminApi, signal: AbortSignal) {
  if (!api.activeOrganization) throw new Error('This provider has no active organization.');
  return api.activeOrganization.get({ signal });
}

function fetchStats(api: OrgAdminApi, orgId: string, signal: AbortSignal) {
  if (!api.stats) throw new Error('This provider has no organization stats.');
  return api.stats.get(orgId, { signal });
}

/**
 * Puts the orgs a list answered into their detail queries when those hold nothing yet, so an org
 * opened from the list shows its header at once. Marked stale (updated at 0): the detail page
 * still reads the org itself, in the background, since a list row may carry less than a detail.
 */
function seedDetails(client: QueryClient, connectionId: string, orgs: readonly Organization[]) {
  for (const org of orgs) {
    const key = orgKeys.detail(connectionId, org.id);
    if (client.getQueryData(key) === undefined) client.setQueryData(key, org, { updatedAt: 0 });
  }
}

/** Query keys start with the connection; collections and org-scoped data are separate branches. */
export const orgKeys = {
  all: (connectionId: string) => queryRoots.orgs(connectionId),
  lists: (connectionId: string) => [...orgKeys.all(connectionId), 'list'] as const,
  everything: (connectionId: string) => queryRoots.allOrgs(connectionId),
  details: (connectionId: string) => [...orgKeys.all(connectionId), 'detail'] as const,
  detail: (connectionId: string, orgId: string) =>
    [...orgKeys.details(connectionId), orgId] as const,
  active: (connectionId: string) => [...orgKeys.all(connectionId), 'active'] as const,
  scope: (connectionId: string, orgId: string) => queryRoots.orgScope(connectionId, orgId),
};

export const orgQueries = {
  list: ({ connection, api }: ActiveConnection, params: OrgListParams) =>
    queryOptions({
      queryKey: [...orgKeys.lists(connection.id), params] as const,
      queryFn: async ({ signal, client }) => {
        const page = await api.organizations.list(params, { signal });
        seedDetails(client, connection.id, page.items);
        return page;
      },
      placeholderData: keepPreviousData,
    }),
  /** Every org (up to the safety limit), for search and sort the provider cannot do. */
  everything: ({ connection, api }: ActiveConnection) =>
    queryOptions({
      queryKey: orgKeys.everything(connection.id),
      queryFn: async ({ signal, client }) => {
        const all = await api.organizations.listAll({ signal });
        seedDetails(client, connection.id, all.items);
        return all;
      },
      staleTime: 60_000,
    }),
  detail: ({ connection, api }: ActiveConnection, orgId: string) =>
    queryOptions({
      queryKey: orgKeys.detail(connection.id, orgId),
      queryFn: ({ signal }) => api.organizations.get(orgId, { signal }),
    }),
  active: ({ connection, api }: ActiveConnection) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the connection id in the key fixes `api`
    queryOptions({
      queryKey: orgKeys.active(connection.id),
      queryFn: ({ signal }) => fetchActiveOrganization(api, signal),
      enabled: api.activeOrganization !== undefined,
      staleTime: 5 * 60_000,
    }),
  stats: ({ connection, api }: ActiveConnection, orgId: string) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the connection id in the key fixes `api`
    queryOptions({
      queryKey: [...orgKeys.scope(connection.id, orgId), 'stats'] as const,
      queryFn: ({ signal }) => fetchStats(api, orgId, signal),
      enabled: api.stats !== undefined,
    }),
};
