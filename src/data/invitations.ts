/* eslint-disable @tanstack/query/exhaustive-deps -- every key starts with the connection id, which fixes `api` */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { InvitationListParams, InvitationStatus } from '../api/people';
import type { ActiveConnection } from '../lib/connection-context';
import { queryRoots } from '../lib/query-keys';
import { listEveryInvitation, listInvitationPage } from './invitation-statuses';

/** The one key factory for an org's invitations (the list pages and every invitation loaded). */
export const invitationKeys = {
  all: (connectionId: string, orgId: string) =>
    [...queryRoots.orgScope(connectionId, orgId), 'invitations'] as const,
  lists: (connectionId: string, orgId: string) =>
    [...invitationKeys.all(connectionId, orgId), 'list'] as const,
  everything: (connectionId: string, orgId: string, statuses: readonly InvitationStatus[]) =>
    [...invitationKeys.all(connectionId, orgId), 'everything', statuses] as const,
  /** The browser's scan of pending invitations across orgs (as far as `limit` orgs). */
  pendingScans: (connectionId: string) =>
    [...queryRoots.connection(connectionId), 'pending-invitations'] as const,
  pendingScan: (connectionId: string, limit: number) =>
    [...invitationKeys.pendingScans(connectionId), limit] as const,
};

export const invitationQueries = {
  /** One page, filtered by status here where the provider's answer holds more (see invitation-statuses). */
  list: ({ connection, api }: ActiveConnection, orgId: string, params: InvitationListParams) =>
    queryOptions({
      queryKey: [...invitationKeys.lists(connection.id, orgId), params] as const,
      queryFn: ({ signal }) => listInvitationPage(api, orgId, params, { signal }),
      placeholderData: keepPreviousData,
    }),
  /**
   * Every invitation of the org with one of `statuses` (the dialogs' duplicate checks, and each
   * org's answer when the browser gathers pending invitations across orgs).
   */
  everything: (
    { connection, api }: ActiveConnection,
    orgId: string,
    statuses: readonly InvitationStatus[],
  ) =>
    queryOptions({
      queryKey: invitationKeys.everything(connection.id, orgId, statuses),
      queryFn: ({ signal }) => listEveryInvitation(api, orgId, statuses, { signal }),
    }),
};
