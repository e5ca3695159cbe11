/* eslint-disable @tanstack/query/exhaustive-deps -- every key starts with the connection id, which fixes `api` */
import { queryOptions } from '@tanstack/react-query';
import type { InvitationStatus } from '../api/people';
import { memberQueries } from '../data/members';
import type { ActiveConnection } from './connection-context';
import { queryRoots } from './query-keys';

/**
 * Queries more than one area reads (members for the invite dialog's duplicate check, the role
 * catalogue for every picker), so each area builds them the same way without importing another.
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
  /** Every member of an org: the members data layer's query (one key factory, in src/data). */
  allMembers: memberQueries.everything,
  allInvitations: (
    { connection, api }: ActiveConnection,
    orgId: string,
    statuses: readonly InvitationStatus[],
  ) =>
    queryOptions({
      queryKey: [
        ...queryRoots.orgScope(connection.id, orgId),
        'invitations',
        'everything',
        statuses,
      ] as const,
      queryFn: ({ signal }) =>
        api.invitations
          ? api.invitations.listAll(orgId, statuses, { signal })
          : Promise.resolve({ items: [], complete: true }),
    }),
};
