/* eslint-disable @tanstack/query/exhaustive-deps -- every key starts with the connection id, which fixes `api` */
import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { MemberCapabilities } from '../api/capabilities';
import { collectPages } from '../api/collect-pages';
import type { OrgAdminApi, RequestOptions } from '../api/org-admin-api';
import type { MemberListParams } from '../api/people';
import { applyMemberListParams } from './people-emulation';
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
  /** Every member holding a permission (only the provider knows members' permissions). */
  withPermission: (connectionId: string, orgId: string, permission: string) =>
    [...memberKeys.all(connectionId, orgId), 'with-permission', permission] as const,
};

type AllMembers = Awaited<ReturnType<NonNullable<OrgAdminApi['members']>['listAll']>>;

function listAllMembers(
  api: OrgAdminApi,
  orgId: string,
  options: RequestOptions,
): Promise<AllMembers> {
  return api.members
    ? api.members.listAll(orgId, options)
    : Promise.resolve({ items: [], complete: true });
}

/**
 * Every member holding `permission`, walking the provider's pages with its permission filter (no
 * search or sort: those are done here, as for every member).
 */
function listAllWithPermission(
  api: OrgAdminApi,
  orgId: string,
  permission: string,
  pageSize: number,
  { signal }: RequestOptions = {},
): Promise<AllMembers> {
  const members = api.members;
  if (!members) return Promise.resolve({ items: [], complete: true });
  return collectPages(async (index) => {
    const page = await members.list(
      orgId,
      { page: index + 1, pageSize, search: '', role: null, permission, sort: null },
      { signal },
    );
    return { items: page.items, hasMore: page.hasMore };
  });
}

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
      queryFn: ({ signal }) => listAllMembers(api, orgId, { signal }),
    }),
  /**
   * What the browser finishes a list over: every member, or — with a permission filter, which
   * only the provider can apply — every member holding that permission.
   */
  gathered: (
    { connection, api }: ActiveConnection,
    orgId: string,
    permission: string | null,
    pageSize: number,
  ) =>
    queryOptions({
      queryKey:
        permission === null
          ? memberKeys.everything(connection.id, orgId)
          : memberKeys.withPermission(connection.id, orgId, permission),
      queryFn: ({ signal }): Promise<AllMembers> =>
        permission === null
          ? listAllMembers(api, orgId, { signal })
          : listAllWithPermission(api, orgId, permission, pageSize, { signal }),
    }),
};

/** What of a member list request the provider cannot do itself (the browser does it). */
export function memberBrowserNeeds(params: MemberListParams, caps: MemberCapabilities) {
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
  // Only the provider knows members' permissions: a permission-filtered gather asks it for every
  // member holding the permission; any other gather loads every member.
  const permission =
    params.permission && caps.permissionFilter === 'server' ? params.permission : null;
  const gather = memberQueries.gathered(active, orgId, permission, caps.maxPageSize);
  return {
    needs,
    inBrowser,
    gather,
    /** Starts that query (a route loader, before the panel's code has loaded). */
    prefetch: (client: QueryClient) =>
      inBrowser
        ? client.query(gather).catch(() => undefined)
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
  const { needs, inBrowser, gather } = memberListSource(active, orgId, params, caps);
  const server = useQuery({ ...memberQueries.list(active, orgId, params), enabled: !inBrowser });
  const everything = useQuery({ ...gather, enabled: inBrowser });
  const source = inBrowser ? everything : server;
  const page = useMemo(() => {
    if (!inBrowser) return server.data;
    if (!everything.data) return undefined;
    const page = applyMemberListParams(everything.data.items, params);
    // Past the load limit the count is not the org's: say there is no total.
    return everything.data.complete ? page : { ...page, total: null };
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
