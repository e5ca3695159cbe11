/* eslint-disable @tanstack/query/exhaustive-deps -- every key starts with the connection id, which fixes `api` */
import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { MemberCapabilities } from '../api/capabilities';
import type { MemberListParams } from '../api/people';
import { applyMemberListParams } from '../api/people-emulation';
import type { ActiveConnection } from '../lib/connection-context';
import { queryRoots } from '../lib/query-keys';

/** The one key factory for an org's members (the list pages and every member loaded). */
export const memberKeys = {
  all: (connectionId: string, orgId: string) =>
    [...queryRoots.orgScope(connectionId, orgId), 'members'] as const,
  lists: (connectionId: string, orgId: string) =>
    [...memberKeys.all(connectionId, orgId), 'list'] as const,
  everything: (connectionId: string, orgId: string) =>
    [...memberKeys.all(connectionId, orgId), 'everything'] as const,
};

export const memberQueries = {
  /** One page as the provider answers it (where it can search, filter, sort and page itself). */
  list: ({ connection, api }: ActiveConnection, orgId: string, params: MemberListParams) =>
    queryOptions({
      queryKey: [...memberKeys.lists(connection.id, orgId), params] as const,
      queryFn: async ({ signal }) => {
        if (!api.members) throw new Error('This provider keeps no members.');
        return api.members.list(orgId, params, { signal });
      },
      placeholderData: keepPreviousData,
    }),
  /** Every member of the org (the pickers' duplicate checks, and what the provider cannot page). */
  everything: ({ connection, api }: ActiveConnection, orgId: string) =>
    queryOptions({
      queryKey: memberKeys.everything(connection.id, orgId),
      queryFn: ({ signal }) =>
        api.members
          ? api.members.listAll(orgId, { signal })
          : Promise.resolve({ items: [], complete: true }),
    }),
};

/** What of a member list request the provider cannot do itself (the browser does it). */
export function memberBrowserNeeds(params: MemberListParams, caps: MemberCapabilities) {
  // Only the provider knows members' permissions: with a permission filter, its list does the
  // search and sort too (loading every matching member where it must).
  if (params.permission && caps.permissionFilter === 'server')
    return { search: false, role: false, sort: false, all: false };
  return {
    search: params.search.trim() !== '' && caps.search === 'client',
    role: params.role !== null && caps.roleFilter === 'client',
    sort: params.sort !== null && !caps.serverSortFields.includes(params.sort.field),
    all: caps.pagination === 'none',
  };
}

/**
 * Who answers a page of members, decided once from the capabilities: the provider, or every
 * member of the org loaded into the browser and searched, filtered, sorted and paged there (one
 * org's members: the connection index does not hold them for this).
 */
export function memberListSource(
  active: ActiveConnection,
  orgId: string,
  params: MemberListParams,
  caps: MemberCapabilities,
) {
  const needs = memberBrowserNeeds(params, caps);
  const inBrowser = needs.search || needs.role || needs.sort || needs.all;
  return {
    needs,
    inBrowser,
    /** Starts that query (a route loader, before the panel's code has loaded). */
    prefetch: (client: QueryClient) =>
      inBrowser
        ? client.query(memberQueries.everything(active, orgId)).catch(() => undefined)
        : client.query(memberQueries.list(active, orgId, params)).catch(() => undefined),
  };
}

/** A page of members, from whichever source `memberListSource` picks. */
export function useMemberList(
  active: ActiveConnection,
  orgId: string,
  params: MemberListParams,
  caps: MemberCapabilities,
) {
  const { needs, inBrowser } = memberListSource(active, orgId, params, caps);
  const server = useQuery({ ...memberQueries.list(active, orgId, params), enabled: !inBrowser });
  const everything = useQuery({ ...memberQueries.everything(active, orgId), enabled: inBrowser });
  const source = inBrowser ? everything : server;
  const page = useMemo(() => {
    if (!inBrowser) return server.data;
    return everything.data ? applyMemberListParams(everything.data.items, params) : undefined;
  }, [inBrowser, server.data, everything.data, params]);
  return {
    page,
    inBrowser: inBrowser ? { ...needs, loaded: everything.data?.items.length ?? null } : null,
    isPending: source.isPending,
    isError: source.isError,
    error: source.error,
    isFetching: source.isFetching,
    isPlaceholderData: !inBrowser && server.isPlaceholderData,
    refetch: source.refetch,
  };
}
