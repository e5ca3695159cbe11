import { QueryClient } from '@tanstack/react-query';
import { matchPath, type LoaderFunctionArgs } from 'react-router-dom';
import { loadAdapter } from '../api/adapters';
import { parseConnections, upstreamUrl } from '../api/connections';
import { connectionQueries } from '../data/connections';
import { orgDetailLoader, orgListLoader } from './route-loaders';

/**
 * Which provider calls a page's route loader makes first, found by running that very loader
 * (server-side, when the page shell is answered) against the real adapter whose `fetch` only
 * records what it is asked and fails. The shell then lists them as `<link rel="preload"
 * as="fetch">`, so the browser requests the page's data while it is still downloading the code
 * that will ask for it: the loader's own call then finds the answer there instead of waiting a
 * round trip. Nothing is answered or cached by the server: the browser makes the same request
 * with its own session, once.
 */

/** The routes with a loader (src/app/router.tsx), as full paths. */
const LOADER_ROUTES = [
  { path: '/c/:connectionId/orgs', loader: orgListLoader },
  { path: '/c/:connectionId/orgs/:orgId/:tab', loader: orgDetailLoader },
] as const;

/** More would compete with the page's code for the connection pool. */
export const MAX_DATA_PRELOADS = 3;

/** How many scheduler turns the loader's fire-and-forget calls get to reach `fetch`. */
const SETTLE_TURNS = 20;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The same-origin GET URLs (paths with query) the route loader of `url` starts with, given the
 * connection list this request may read (`GET /api/connections`'s JSON); `[]` when the page has
 * no loader, the connection is unknown, or anything fails.
 */
export async function routeDataPreloads(url: URL, connectionsJson: unknown): Promise<string[]> {
  const route = LOADER_ROUTES.map((candidate) => ({
    candidate,
    match: matchPath({ path: candidate.path, end: true }, url.pathname.replace(/\/+$/, '') || '/'),
  })).find((found) => found.match !== null);
  if (!route?.match) return [];
  const params = route.match.params;
  let connections;
  try {
    connections = parseConnections(connectionsJson);
  } catch {
    return [];
  }
  const connection = connections.find((candidate) => candidate.id === params['connectionId']);
  if (!connection) return [];

  const base = upstreamUrl(connection.id);
  const recorded: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const target = typeof input === 'string' ? input : input instanceof URL ? input.href : '';
    if (method === 'GET' && target.startsWith(`${base}/`)) recorded.push(target);
    return Promise.reject(new Error('recorded, not sent'));
  };
  try {
    const api = await loadAdapter(connection.provider, { baseUrl: base, fetch: recordingFetch });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(connectionQueries.list().queryKey, connections);
    client.setQueryData(connectionQueries.adapter(connection.id, connection).queryKey, api);
    const args: LoaderFunctionArgs = {
      params,
      request: new Request(url),
      url,
      pattern: route.candidate.path,
      context: undefined,
    };
    await route.candidate.loader(client)(args);
    for (let turn = 0; turn < SETTLE_TURNS && client.isFetching() > 0; turn += 1) await nextTurn();
    client.clear();
  } catch {
    return [];
  }
  return [...new Set(recorded)].slice(0, MAX_DATA_PRELOADS);
}
