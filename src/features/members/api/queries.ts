/* eslint-disable @tanstack/query/exhaustive-deps -- every key starts with the connection id, which fixes `api` */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ActiveConnection } from '../../../lib/connection-context';
import { queryRoots } from '../../../lib/query-keys';

/** The connection's user directory, for picking whom to add (member lists are in src/data). */
export const userQueries = {
  search: ({ connection, api }: ActiveConnection, search: string) =>
    queryOptions({
      queryKey: [...queryRoots.users(connection.id), 'search', search] as const,
      queryFn: ({ signal }) =>
        api.users ? api.users.search({ search, limit: 20 }, { signal }) : Promise.resolve([]),
      staleTime: 60_000,
      placeholderData: keepPreviousData,
    }),
};
