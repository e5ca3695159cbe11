import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { MemberCapabilities } from '../../../api/capabilities';
import type { MemberListParams } from '../../../api/people';
import { applyMemberListParams } from '../../../api/people-emulation';
import { useActiveConnection, type ActiveConnection } from '../../../lib/connection-context';
import { orgScopeQueries } from '../../../lib/org-scope-queries';
import { memberBrowserNeeds } from '../member-list-params';
import { memberQueries } from './queries';

/** The query a page of members comes from (shared by the panel and its route loader). */
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
        ? client.query(orgScopeQueries.allMembers(active, orgId)).catch(() => undefined)
        : client.query(memberQueries.list(active, orgId, params)).catch(() => undefined),
  };
}

/** A page of members: from the provider where it can, else from all members, in the browser. */
export function useMemberList(orgId: string, params: MemberListParams, caps: MemberCapabilities) {
  const active = useActiveConnection();
  const { needs, inBrowser } = memberListSource(active, orgId, params, caps);
  const server = useQuery({ ...memberQueries.list(active, orgId, params), enabled: !inBrowser });
  const everything = useQuery({ ...orgScopeQueries.allMembers(active, orgId), enabled: inBrowser });
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
