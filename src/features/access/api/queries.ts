/* eslint-disable @tanstack/query/exhaustive-deps -- every key starts with the connection id, which fixes `api` */
import { queryOptions } from '@tanstack/react-query';
import type { ActiveConnection } from '../../../lib/connection-context';
import { orgScopeQueries } from '../../../lib/org-scope-queries';
import { queryRoots } from '../../../lib/query-keys';

export const accessKeys = {
  member: (connectionId: string, orgId: string, userId: string) =>
    [...queryRoots.orgScope(connectionId, orgId), 'access', userId] as const,
};

export const accessQueries = {
  roles: ({ connection, api }: ActiveConnection, orgId: string, userId: string) =>
    queryOptions({
      queryKey: [...accessKeys.member(connection.id, orgId, userId), 'roles'] as const,
      queryFn: async ({ signal }) => {
        if (!api.access) throw new Error('This provider shows no member roles.');
        return api.access.roles(orgId, userId, { signal });
      },
    }),
  permissions: ({ connection, api }: ActiveConnection, orgId: string, userId: string) =>
    queryOptions({
      queryKey: [...accessKeys.member(connection.id, orgId, userId), 'permissions'] as const,
      queryFn: async ({ signal }) => {
        if (!api.access?.permissions) throw new Error('This provider shows no member permissions.');
        return api.access.permissions(orgId, userId, { signal });
      },
    }),
  permissionCatalogue: orgScopeQueries.permissionCatalogue,
};
