/* eslint-disable @tanstack/query/exhaustive-deps -- every key starts with the connection id, which fixes `api` */
import { queryOptions } from '@tanstack/react-query';
import type { ActiveConnection } from './connection-context';
import { queryRoots } from './query-keys';

/**
 * Catalogues more than one area reads (the role catalogue for every picker, the permission
 * catalogue), so each area builds them the same way without importing another. Members and
 * invitations have their own factories in src/data.
 */
export const orgScopeQueries = {
  roles: ({ connection, api }: ActiveConnection, orgId: string) =>
    queryOptions({
      queryKey: [...queryRoots.orgScope(connection.id, orgId), 'roles'] as const,
      queryFn: ({ signal }) =>
        api.roles ? api.roles.list(orgId, { signal }) : Promise.resolve([]),
      staleTime: 5 * 60_000,
    }),
  /** The connection's permission catalogue (for the grant picker and the members' filter). */
  permissionCatalogue: ({ connection, api }: ActiveConnection) =>
    queryOptions({
      queryKey: [...queryRoots.connection(connection.id), 'permissions'] as const,
      queryFn: ({ signal }) =>
        api.permissions ? api.permissions.list({ signal }) : Promise.resolve([]),
      staleTime: 5 * 60_000,
    }),
};
