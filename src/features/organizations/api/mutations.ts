import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateOrgInput, Organization, UpdateOrgInput } from '../../../api/domain';
import { useActiveConnection } from '../../../lib/connection-context';
import { orgKeys } from './queries';

export function useCreateOrg() {
  const { connection, api } = useActiveConnection();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...orgKeys.all(connection.id), 'create'],
    mutationFn: (input: CreateOrgInput) => api.organizations.create(input),
    onSuccess: async (result) => {
      queryClient.setQueryData(
        orgKeys.detail(connection.id, result.organization.id),
        result.organization,
      );
      await invalidateLists(queryClient, connection.id);
    },
  });
}

export function useUpdateOrg(orgId: string) {
  const { connection, api } = useActiveConnection();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...orgKeys.detail(connection.id, orgId), 'update'],
    mutationFn: (input: UpdateOrgInput) => api.organizations.update(orgId, input),
    onSuccess: async (org) => {
      await applyOrgUpdate(queryClient, connection.id, org);
    },
  });
}

export function useDeleteOrg(orgId: string) {
  const { connection, api } = useActiveConnection();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...orgKeys.detail(connection.id, orgId), 'delete'],
    mutationFn: () => api.organizations.delete(orgId),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: orgKeys.scope(connection.id, orgId) });
      queryClient.removeQueries({ queryKey: orgKeys.detail(connection.id, orgId), exact: true });
      await invalidateLists(queryClient, connection.id);
    },
  });
}

type QueryClientLike = ReturnType<typeof useQueryClient>;

function invalidateLists(queryClient: QueryClientLike, connectionId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: orgKeys.lists(connectionId) }),
    queryClient.invalidateQueries({ queryKey: orgKeys.everything(connectionId) }),
    queryClient.invalidateQueries({ queryKey: orgKeys.active(connectionId) }),
  ]);
}

/** Puts an updated org into the cache and refreshes the lists that show it. */
export async function applyOrgUpdate(
  queryClient: QueryClientLike,
  connectionId: string,
  org: Organization,
): Promise<void> {
  queryClient.setQueryData(orgKeys.detail(connectionId, org.id), org);
  await invalidateLists(queryClient, connectionId);
}

/** For other areas (branding) that change an org: one callback that keeps every view in step. */
export function useOrgUpdatedCallback() {
  const { connection } = useActiveConnection();
  const queryClient = useQueryClient();
  return (org: Organization) => applyOrgUpdate(queryClient, connection.id, org);
}

/** For changes whose response carries no org: re-read it and the lists. */
export function useOrgChangedCallback() {
  const { connection } = useActiveConnection();
  const queryClient = useQueryClient();
  return async (orgId: string) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: orgKeys.detail(connection.id, orgId) }),
      invalidateLists(queryClient, connection.id),
    ]);
  };
}
