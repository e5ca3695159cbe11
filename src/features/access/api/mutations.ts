import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgAdminApi } from '../../../api/org-admin-api';
import type { AccessGrant } from '../../../api/people';
import { batchCalls } from '../../../lib/batch-calls';
import { useActiveConnection } from '../../../lib/connection-context';
import { memberKeys } from '../../../data/members';
import { accessKeys } from './queries';

export type AccessChange =
  | { readonly kind: 'add-role' | 'remove-role'; readonly key: string }
  | { readonly kind: 'add-permission' | 'remove-permission'; readonly key: string }
  | { readonly kind: 'set-role'; readonly key: string };

/** One change to one member's access, through whichever call the provider has for it. */
export function useAccessCall(orgId: string) {
  const { api } = useActiveConnection();
  return (userId: string, change: AccessChange): Promise<void> => {
    const access = api.access;
    switch (change.kind) {
      case 'add-role':
        return access?.addRole
          ? access.addRole(orgId, userId, change.key)
          : Promise.reject(new Error('Roles cannot be added here.'));
      case 'remove-role':
        return access?.removeRole
          ? access.removeRole(orgId, userId, change.key)
          : Promise.reject(new Error('Roles cannot be removed here.'));
      case 'add-permission':
        return access?.addPermission
          ? access.addPermission(orgId, userId, change.key)
          : Promise.reject(new Error('Permissions cannot be granted here.'));
      case 'remove-permission':
        return access?.removePermission
          ? access.removePermission(orgId, userId, change.key)
          : Promise.reject(new Error('Permissions cannot be withdrawn here.'));
      case 'set-role':
        return api.members?.setRoles
          ? api.members.setRoles(orgId, userId, [change.key])
          : Promise.reject(new Error('Roles cannot be changed here.'));
    }
  };
}

/**
 * Where the provider gives roles and permissions to many members in one request
 * (`capabilities.access.bulkGrant`): a per-member call for a queue whose calls started together
 * go out as one bulk request, and the concurrency that fills one request. Only additions can be
 * batched; null where the provider has no bulk grant or the change is not an addition.
 */
export function bulkGrantCall(
  api: OrgAdminApi,
  orgId: string,
  kind: AccessChange['kind'],
): { call: (userId: string, change: AccessChange) => Promise<void>; concurrency: number } | null {
  const limits = api.capabilities.access?.bulkGrant;
  const access = api.access;
  if (!limits || !access?.grantMany || (kind !== 'add-role' && kind !== 'add-permission'))
    return null;
  const send = batchCalls((grants: readonly AccessGrant[]) =>
    access.grantMany
      ? access.grantMany(orgId, grants)
      : Promise.reject(new Error('No bulk grant.')),
  );
  return {
    concurrency: limits.maxPerRequest,
    call: (userId, change) =>
      send({
        userId,
        roles: change.kind === 'add-role' ? [change.key] : [],
        permissions: change.kind === 'add-permission' ? [change.key] : [],
      }),
  };
}

/** After access changes: the member's roles and permissions, and every member list of the org. */
export function useRefreshAccess(orgId: string) {
  const { connection } = useActiveConnection();
  const queryClient = useQueryClient();
  return (userIds: readonly string[]) =>
    Promise.all([
      ...userIds.map((userId) =>
        queryClient.invalidateQueries({
          queryKey: accessKeys.member(connection.id, orgId, userId),
        }),
      ),
      queryClient.invalidateQueries({
        queryKey: memberKeys.all(connection.id, orgId),
      }),
    ]);
}

export function useAccessChange(orgId: string, userId: string) {
  const call = useAccessCall(orgId);
  const refresh = useRefreshAccess(orgId);
  return useMutation({
    mutationFn: (change: AccessChange) => call(userId, change),
    onSuccess: () => refresh([userId]),
  });
}
