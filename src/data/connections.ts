import { queryOptions, skipToken } from '@tanstack/react-query';
import { loadAdapter } from '../api/adapters';
import { fetchConnections, upstreamUrl, type Connection } from '../api/connections';
import { currentCsrfToken, refreshCsrfToken } from '../api/session';

export const connectionQueries = {
  list: () =>
    queryOptions({
      queryKey: ['connections'] as const,
      queryFn: ({ signal }) => fetchConnections(signal),
      staleTime: 5 * 60_000,
    }),
  /** The connection's adapter, loaded once (its code is split per provider). */
  adapter: (connectionId: string, connection: Connection | undefined) =>
    queryOptions({
      queryKey: ['connections', connectionId, 'adapter', connection?.provider] as const,
      queryFn: connection
        ? () =>
            loadAdapter(connection.provider, {
              baseUrl: upstreamUrl(connectionId),
              csrfToken: currentCsrfToken,
              refreshCsrfToken,
            })
        : skipToken,
      staleTime: Infinity,
      gcTime: Infinity,
    }),
};
