import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddMemberInput } from '../../../api/people';
import { useActiveConnection } from '../../../lib/connection-context';
import { queryRoots } from '../../../lib/query-keys';

/** After a membership change: the org's member lists and every count that shows members. */
function useRefreshMembers(orgId: string) {
  const { connection } = useActiveConnection();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({
        queryKey: [...queryRoots.orgScope(connection.id, orgId), 'members'],
      }),
      queryClient.invalidateQueries({ queryKey: queryRoots.orgs(connection.id) }),
      queryClient.invalidateQueries({ queryKey: queryRoots.peopleCounts(connection.id) }),
    ]);
}

export function useAddMember(orgId: string) {
  const { api } = useActiveConnection();
  const refresh = useRefreshMembers(orgId);
  return useMutation({
    mutationFn: (input: AddMemberInput) => {
      if (!api.members?.add) throw new Error('This provider cannot add members.');
      return api.members.add(orgId, input);
    },
    onSuccess: refresh,
  });
}

export function useSetMemberRoles(orgId: string) {
  const { api } = useActiveConnection();
  const refresh = useRefreshMembers(orgId);
  return useMutation({
    mutationFn: ({ userId, roles }: { userId: string; roles: readonly string[] }) => {
      if (!api.members?.setRoles) throw new Error('This provider cannot change member roles.');
      return api.members.setRoles(orgId, userId, roles);
    },
    onSuccess: refresh,
  });
}

/** Removal without cache work, for queues; call `useRefreshMembersAfter` once they finish. */
export function useRemoveMemberCall(orgId: string) {
  const { api } = useActiveConnection();
  return (userId: string) => {
    if (!api.members?.remove)
      return Promise.reject(new Error('This provider cannot remove members.'));
    return api.members.remove(orgId, userId);
  };
}

export { useRefreshMembers };
