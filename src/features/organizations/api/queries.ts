import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { OrgListParams } from '../../../api/domain';
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
      queryFn: ({ signal }) => api.organizations.list(params, { signal }),
      placeholderData: keepPreviousData,
    }),
  /** Every org (up to the safety limit), for search and sort the provider cannot do. */
  everything: ({ connection, api }: ActiveConnection) =>
    queryOptions({
      queryKey: orgKeys.everything(connection.id),
      queryFn: ({ signal }) => api.organizations.listAll({ signal }),
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
