import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router-dom';
import { connectionQueries } from '../data/connections';
import { memberListSource } from '../features/members/api/use-member-list';
import { parseMemberParams } from '../features/members/member-list-params';
import { orgQueries, prefetchOrgList } from '../data/orgs';
import { parseListParams } from '../features/organizations/list-params';
import type { ActiveConnection } from '../lib/connection-context';
import { orgScopeQueries } from '../lib/org-scope-queries';

/**
 * Route loaders start a page's calls while its code is still loading, with the very query
 * options the page reads (so the page finds them in flight or done, never asks twice). They
 * never wait for the data and never fail the navigation: the page shows loading and errors as
 * it always does.
 */

/** The route's connection and its adapter, from the query cache (the page shell embeds the list). */
async function activeConnection(
  client: QueryClient,
  connectionId: string | undefined,
): Promise<ActiveConnection | null> {
  try {
    const connections = await client.query({ ...connectionQueries.list(), staleTime: 'static' });
    const connection = connections.find((candidate) => candidate.id === connectionId);
    if (!connection) return null;
    const api = await client.query({
      ...connectionQueries.adapter(connection.id, connection),
      staleTime: 'static',
    });
    return { connection, api };
  } catch {
    return null; // ConnectionRoute shows what went wrong
  }
}

export function orgListLoader(client: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs) => {
    const active = await activeConnection(client, params['connectionId']);
    if (!active) return null;
    const search = new URL(request.url).searchParams;
    void prefetchOrgList(client, active, parseListParams(search, active.api.capabilities));
    if (active.api.activeOrganization)
      void client.query(orgQueries.active(active)).catch(() => undefined);
    return null;
  };
}

export function orgDetailLoader(client: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs) => {
    const active = await activeConnection(client, params['connectionId']);
    const orgId = params['orgId'];
    if (!active || !orgId) return null;
    const detail = client.query(orgQueries.detail(active, orgId));
    void detail.catch(() => undefined);
    if (active.api.activeOrganization)
      void client.query(orgQueries.active(active)).catch(() => undefined);
    const members = active.api.capabilities.people.members;
    if (params['tab'] === 'members' && members) {
      const search = new URL(request.url).searchParams;
      const memberParams = parseMemberParams(search, members);
      const list = memberListSource(active, orgId, memberParams, members);
      void list.prefetch(client);
      // The role catalogue names the role the URL filters by; without a filter the panel asks for
      // it when the role menu opens. Org-scoped keys hold the org's id, and the URL may name the
      // org by its slug: ask under the id the detail answers, the key the panel reads.
      if (memberParams.role !== null)
        void detail
          .then((org) => client.query(orgScopeQueries.roles(active, org.id)))
          .catch(() => undefined);
    }
    return null;
  };
}
