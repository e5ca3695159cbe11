/* eslint-disable @tanstack/query/exhaustive-deps -- every key starts with the connection id, which fixes `api` */
import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { IndexOrgQuery } from '../api/connection-index';
import type { Organization, OrgListParams, Page } from '../api/domain';
import { applyListParams } from './list-emulation';
import type { OrgAdminApi } from '../api/org-admin-api';
import type { ActiveConnection } from '../lib/connection-context';
import { queryRoots } from '../lib/query-keys';
import { indexQueries } from './connection-index';
import { mayUseIndex, orgListNeeds, orgListSource, type ListSource } from './list-source';

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

/** The one key factory for orgs: collections and org-scoped data are separate branches. */
export const orgKeys = {
  all: (connectionId: string) => queryRoots.orgs(connectionId),
  lists: (connectionId: string) => [...orgKeys.all(connectionId), 'list'] as const,
  /** Every org the browser loaded (user-token connections, or while the index first syncs). */
  everything: (connectionId: string) => [...orgKeys.all(connectionId), 'everything'] as const,
  details: (connectionId: string) => [...orgKeys.all(connectionId), 'detail'] as const,
  detail: (connectionId: string, orgId: string) =>
    [...orgKeys.details(connectionId), orgId] as const,
  active: (connectionId: string) => [...orgKeys.all(connectionId), 'active'] as const,
  scope: (connectionId: string, orgId: string) => queryRoots.orgScope(connectionId, orgId),
};

export const orgQueries = {
  /** One page as the provider answers it (only where it can search, sort and page itself). */
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
  /** Every org (up to the adapter's safety limit), for what neither provider nor index answers. */
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
    queryOptions({
      queryKey: orgKeys.active(connection.id),
      queryFn: ({ signal }) => fetchActiveOrganization(api, signal),
      enabled: api.activeOrganization !== undefined,
      staleTime: 5 * 60_000,
    }),
  stats: ({ connection, api }: ActiveConnection, orgId: string) =>
    queryOptions({
      queryKey: [...orgKeys.scope(connection.id, orgId), 'stats'] as const,
      queryFn: ({ signal }) => fetchStats(api, orgId, signal),
      enabled: api.stats !== undefined,
    }),
};

/** The index's form of a list request (it sorts by name and creation date). */
export function toIndexOrgQuery(params: OrgListParams): IndexOrgQuery {
  const sort =
    params.sort && (params.sort.field === 'name' || params.sort.field === 'createdAt')
      ? { field: params.sort.field, direction: params.sort.direction }
      : null;
  return { search: params.search, sort, page: params.page, pageSize: params.pageSize };
}

function indexPage(
  answer: { items: readonly Organization[]; total: number },
  params: OrgListParams,
): Page<Organization> {
  return {
    items: answer.items,
    page: params.page,
    pageSize: params.pageSize,
    total: answer.total,
    hasMore: params.page * params.pageSize < answer.total,
  };
}

/**
 * Starts the query a page of orgs will read (a route loader, before the page's code has loaded),
 * making the same decision as `useOrgList`. Never throws: the page shows errors itself.
 */
export async function prefetchOrgList(
  client: QueryClient,
  active: ActiveConnection,
  params: OrgListParams,
): Promise<void> {
  const { connection, api } = active;
  const needs = orgListNeeds(params, api.capabilities);
  const wantsHelp = needs.search || needs.sort || needs.all;
  try {
    const status =
      wantsHelp && mayUseIndex(connection)
        ? await client.query(indexQueries.status(connection.id))
        : undefined;
    const source = orgListSource(params, api.capabilities, connection, status);
    if (source.kind === 'provider') await client.query(orgQueries.list(active, params));
    else if (source.kind === 'index')
      await client.query(
        indexQueries.orgs(connection.id, toIndexOrgQuery(params), status?.syncedAt ?? null),
      );
    else await client.query(orgQueries.everything(active));
  } catch {
    // the page shows what went wrong
  }
}

/** What the page says about where its answer comes from. */
export interface OrgListOrigin {
  readonly source: ListSource;
  /** For a browser answer: what it does that the provider cannot, and how much it loaded. */
  readonly search: boolean;
  readonly sort: boolean;
  readonly loaded: number | null;
  readonly complete: boolean;
  /** For an index answer: when the index last completed a sync. */
  readonly syncedAt: string | null;
}

/**
 * One page of orgs, from whoever the data layer decides answers it (see `orgListSource`): the
 * provider, the server's index, or — for user-token connections and until a first sync — every
 * org loaded into the browser, which the caller is told so it can say so on screen.
 */
export function useOrgList(active: ActiveConnection, params: OrgListParams, enabled = true) {
  const { connection, api } = active;
  const needs = orgListNeeds(params, api.capabilities);
  const wantsHelp = enabled && (needs.search || needs.sort || needs.all);
  const status = useQuery(indexQueries.status(connection.id, wantsHelp && mayUseIndex(connection)));
  // Until the status answers, wait for it rather than load every org for nothing.
  const statusPending = wantsHelp && mayUseIndex(connection) && status.isPending;
  const source = orgListSource(params, api.capabilities, connection, status.data);
  const syncedAt = status.data?.syncedAt ?? null;
  const provider = useQuery({
    ...orgQueries.list(active, params),
    enabled: enabled && source.kind === 'provider',
  });
  const indexed = useQuery(
    indexQueries.orgs(
      connection.id,
      toIndexOrgQuery(params),
      syncedAt,
      enabled && source.kind === 'index',
    ),
  );
  const everything = useQuery({
    ...orgQueries.everything(active),
    enabled: enabled && source.kind === 'browser' && !statusPending,
  });

  const page = useMemo((): Page<Organization> | undefined => {
    if (source.kind === 'provider') return provider.data;
    if (source.kind === 'index') return indexed.data ? indexPage(indexed.data, params) : undefined;
    return everything.data ? applyListParams(everything.data.items, params) : undefined;
  }, [source.kind, provider.data, indexed.data, everything.data, params]);

  const origin: OrgListOrigin = {
    source,
    search: needs.search,
    sort: needs.sort,
    loaded: source.kind === 'browser' ? (everything.data?.items.length ?? null) : null,
    complete: source.kind === 'browser' ? (everything.data?.complete ?? true) : true,
    syncedAt: source.kind === 'index' ? (indexed.data?.syncedAt ?? syncedAt) : null,
  };
  const answer =
    source.kind === 'provider' ? provider : source.kind === 'index' ? indexed : everything;
  return {
    page,
    origin,
    indexStatus: status.data,
    isPending: statusPending || answer.isPending,
    isError: answer.isError,
    error: answer.error,
    isFetching: answer.isFetching,
    isPlaceholderData: source.kind !== 'browser' && answer.isPlaceholderData,
    refetch: answer.refetch,
  };
}
