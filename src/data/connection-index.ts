import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  fetchIndexedInvitations,
  fetchIndexedOrgs,
  fetchIndexStatus,
  fetchPerson,
  refreshIndex,
  searchPeople,
  type IndexInvitationQuery,
  type IndexOrgQuery,
  type IndexStatus,
} from '../api/connection-index';
import { queryRoots } from '../lib/query-keys';

/** While a sync runs, the status is asked again this often (progress, then the fresh answer). */
const SYNC_POLL_MS = 2000;

export const indexKeys = {
  all: (connectionId: string) => [...queryRoots.connection(connectionId), 'index'] as const,
  status: (connectionId: string) => [...indexKeys.all(connectionId), 'status'] as const,
  /** Indexed org lists live under the org lists, so whatever refreshes those refreshes these. */
  /** `syncedAt` in the key: a completed sync gives fresh answers (the last one shows meanwhile). */
  orgs: (connectionId: string, params: IndexOrgQuery, syncedAt: string | null) =>
    [...queryRoots.orgs(connectionId), 'list', 'index', params, syncedAt] as const,
  allInvitations: (connectionId: string) =>
    [...indexKeys.all(connectionId), 'invitations'] as const,
  invitations: (connectionId: string, params: IndexInvitationQuery, syncedAt: string | null) =>
    [...indexKeys.allInvitations(connectionId), params, syncedAt] as const,
};

/** People span connections, so their keys do not start with one; any change refreshes them all. */
export const peopleKeys = {
  all: () => ['people'] as const,
  search: (email: string) => [...peopleKeys.all(), 'search', email.trim().toLowerCase()] as const,
  person: (email: string) => [...peopleKeys.all(), 'person', email.trim().toLowerCase()] as const,
};

function isSyncing(status: IndexStatus | undefined): boolean {
  return status?.state === 'syncing';
}

export const indexQueries = {
  status: (connectionId: string, enabled = true) =>
    queryOptions({
      queryKey: indexKeys.status(connectionId),
      queryFn: () => fetchIndexStatus(connectionId),
      enabled,
      // A server without the index answers 404: the lists then fall back, without retrying.
      retry: false,
      staleTime: 30_000,
      refetchInterval: (query) => (isSyncing(query.state.data) ? SYNC_POLL_MS : false),
    }),
  orgs: (connectionId: string, params: IndexOrgQuery, syncedAt: string | null, enabled = true) =>
    queryOptions({
      queryKey: indexKeys.orgs(connectionId, params, syncedAt),
      queryFn: () => fetchIndexedOrgs(connectionId, params),
      enabled,
      placeholderData: keepPreviousData,
    }),
  invitations: (
    connectionId: string,
    params: IndexInvitationQuery,
    syncedAt: string | null,
    enabled = true,
  ) =>
    queryOptions({
      queryKey: indexKeys.invitations(connectionId, params, syncedAt),
      queryFn: () => fetchIndexedInvitations(connectionId, params),
      enabled,
      placeholderData: keepPreviousData,
    }),
};

export const peopleQueries = {
  search: (email: string, enabled = true) =>
    queryOptions({
      queryKey: peopleKeys.search(email),
      queryFn: () => searchPeople(email, 20),
      enabled,
      staleTime: 30_000,
      placeholderData: keepPreviousData,
    }),
  person: (email: string) =>
    queryOptions({
      queryKey: peopleKeys.person(email),
      queryFn: () => fetchPerson(email),
    }),
};

/** "Refresh" beside the freshness note: starts a sync now; the status then polls until done. */
export function useRefreshIndex(connectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => refreshIndex(connectionId),
    onSuccess: (status) => {
      queryClient.setQueryData(indexKeys.status(connectionId), status);
    },
  });
}
