import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddMemberInput } from '../../../api/people';
import { batchCalls } from '../../../lib/batch-calls';
import { useActiveConnection } from '../../../lib/connection-context';
import { memberKeys } from '../../../data/members';
import { queryRoots } from '../../../lib/query-keys';

/** After a membership change: the org's member lists and every count that shows members. */
function useRefreshMembers(orgId: string) {
  const { connection } = useActiveConnection();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({
        queryKey: memberKeys.all(connection.id, orgId),
      }),
      queryClient.invalidateQueries({ queryKey: queryRoots.orgs(connection.id) }),
      queryClient.invalidateQueries({ queryKey: queryRoots.peopleCounts(connection.id) }),
    ]);
}

/**
 * Adding users, without cache work, for a queue (call `useRefreshMembers` once it finishes):
 * where the provider adds several users per request (`members.bulkAdd`), the users the queue
 * starts together go out in one request and each still gets their own result; otherwise one
 * request per user. Make one per run: it batches the calls of that run.
 */
export function useAddMembersCall(orgId: string) {
  const { api } = useActiveConnection();
  return (): { call: (input: AddMemberInput) => Promise<void>; concurrency: number } => {
    const members = api.members;
    const limits = api.capabilities.people.members?.bulkAdd;
    if (members?.addMany && limits) {
      return {
        call: batchCalls((inputs: readonly AddMemberInput[]) =>
          members.addMany
            ? members.addMany(orgId, inputs)
            : Promise.reject(new Error('This provider cannot add members in bulk.')),
        ),
        concurrency: limits.maxPerRequest,
      };
    }
    return {
      call: (input) =>
        members?.add
          ? members.add(orgId, input)
          : Promise.reject(new Error('This provider cannot add members.')),
      concurrency: 2,
    };
  };
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
