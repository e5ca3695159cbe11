import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { OrgListParams } from '../../../api/domain';
import { applyListParams } from '../../../api/list-emulation';
import { useActiveConnection, type ActiveConnection } from '../../../lib/connection-context';
import { needsBrowserList } from '../list-params';
import { orgQueries } from './queries';

export interface BrowserListInfo {
  readonly search: boolean;
  readonly sort: boolean;
  readonly loaded: number | null;
  readonly complete: boolean;
}

/**
 * The query a page of orgs comes from: the provider's own page where it can search, sort and
 * page, otherwise every org (handled in the browser). The page and its route loader share it.
 */
export function orgListSource(active: ActiveConnection, params: OrgListParams) {
  const needs = needsBrowserList(params, active.api.capabilities);
  const inBrowser = needs.search || needs.sort || needs.all;
  return {
    needs,
    inBrowser,
    /** Starts that query (a route loader, before the page's code has loaded). */
    prefetch: (client: QueryClient) =>
      inBrowser
        ? client.query(orgQueries.everything(active)).catch(() => undefined)
        : client.query(orgQueries.list(active, params)).catch(() => undefined),
  };
}

/**
 * One page of orgs: from the provider where it can search, sort and page, otherwise from every
 * org loaded once and handled in the browser (and the caller is told so, to say it on screen).
 */
export function useOrgList(params: OrgListParams) {
  const active = useActiveConnection();
  const { needs, inBrowser } = orgListSource(active, params);
  const server = useQuery({ ...orgQueries.list(active, params), enabled: !inBrowser });
  const everything = useQuery({ ...orgQueries.everything(active), enabled: inBrowser });
  const source = inBrowser ? everything : server;

  const page = useMemo(() => {
    if (!inBrowser) return server.data;
    return everything.data ? applyListParams(everything.data.items, params) : undefined;
  }, [inBrowser, server.data, everything.data, params]);

  const browser: BrowserListInfo | null = inBrowser
    ? {
        search: needs.search,
        sort: needs.sort,
        loaded: everything.data?.items.length ?? null,
        complete: everything.data?.complete ?? true,
      }
    : null;

  return {
    page,
    browser,
    isPending: source.isPending,
    isError: source.isError,
    error: source.error,
    isFetching: source.isFetching,
    isPlaceholderData: !inBrowser && server.isPlaceholderData,
    refetch: source.refetch,
  };
}
