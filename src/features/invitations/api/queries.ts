/* eslint-disable @tanstack/query/exhaustive-deps -- every key starts with the connection id, which fixes `api` */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { InvitationListParams } from '../../../api/people';
import type { ActiveConnection } from '../../../lib/connection-context';
import { queryRoots } from '../../../lib/query-keys';

export const invitationKeys = {
  all: (connectionId: string, orgId: string) =>
    [...queryRoots.orgScope(connectionId, orgId), 'invitations'] as const,
};

export const invitationQueries = {
  list: ({ connection, api }: ActiveConnection, orgId: string, params: InvitationListParams) =>
    queryOptions({
      queryKey: [...invitationKeys.all(connection.id, orgId), 'list', params] as const,
      queryFn: async ({ signal }) => {
        if (!api.invitations) throw new Error('This provider keeps no invitations.');
        return api.invitations.list(orgId, params, { signal });
      },
      placeholderData: keepPreviousData,
    }),
};
