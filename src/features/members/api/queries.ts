/* eslint-disable @tanstack/query/exhaustive-deps -- every key starts with the connection id, which fixes `api` */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { MemberListParams } from '../../../api/people';
import type { ActiveConnection } from '../../../lib/connection-context';
import { queryRoots } from '../../../lib/query-keys';

export const memberKeys = {
  all: (connectionId: string, orgId: string) =>
    [...queryRoots.orgScope(connectionId, orgId), 'members'] as const,
  lists: (connectionId: string, orgId: string) =>
    [...memberKeys.all(connectionId, orgId), 'list'] as const,
};

export const memberQueries = {
  list: ({ connection, api }: ActiveConnection, orgId: string, params: MemberListParams) =>
    queryOptions({
      queryKey: [...memberKeys.lists(connection.id, orgId), params] as const,
      queryFn: async ({ signal }) => {
        if (!api.members) throw new Error('This provider keeps no members.');
        return api.members.list(orgId, params, { signal });
      },
      placeholderData: keepPreviousData,
    }),
  userSearch: ({ connection, api }: ActiveConnection, search: string) =>
    queryOptions({
      queryKey: [...queryRoots.users(connection.id), 'search', search] as const,
      queryFn: ({ signal }) =>
        api.users ? api.users.search({ search, limit: 20 }, { signal }) : Promise.resolve([]),
      staleTime: 60_000,
      placeholderData: keepPreviousData,
    }),
};
