import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Invitation, InviteInput } from '../../../api/people';
import { useActiveConnection } from '../../../lib/connection-context';
import { queryRoots } from '../../../lib/query-keys';
import { invitationKeys } from './queries';
import { resendInvitation } from '../../../data/resend-invitation';

/** After invitations change: the org's invitation lists and the counts shown elsewhere. */
export function useRefreshInvitations(orgId: string) {
  const { connection } = useActiveConnection();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: invitationKeys.all(connection.id, orgId) }),
      queryClient.invalidateQueries({ queryKey: queryRoots.orgs(connection.id) }),
      queryClient.invalidateQueries({ queryKey: queryRoots.peopleCounts(connection.id) }),
      queryClient.invalidateQueries({
        queryKey: [...queryRoots.connection(connection.id), 'pending-invitations'],
      }),
    ]);
}

/** One invitation, without cache work: for queues that refresh once at the end. */
export function useInviteCall(orgId: string) {
  const { api } = useActiveConnection();
  return (input: InviteInput) => {
    if (!api.invitations) return Promise.reject(new Error('This provider keeps no invitations.'));
    return api.invitations.create(orgId, input);
  };
}

/** The provider's bulk invite call (outcomes per address) where it has one; no cache work. */
export function useInviteManyCall(orgId: string) {
  const { api } = useActiveConnection();
  const invitations = api.invitations;
  if (!invitations?.createMany) return undefined;
  return (inputs: readonly InviteInput[]) =>
    invitations.createMany?.(orgId, inputs) ?? Promise.resolve([]);
}

export function useRevokeInvitation(orgId: string) {
  const { api } = useActiveConnection();
  const refresh = useRefreshInvitations(orgId);
  return useMutation({
    mutationFn: (invitation: Invitation) => {
      if (!api.invitations?.revoke) throw new Error('This provider cannot revoke invitations.');
      return api.invitations.revoke(orgId, invitation.id);
    },
    onSuccess: refresh,
  });
}

/** Resend (see `resendInvitation`): revokes first only while the invitation is still pending. */
export function useResendInvitation(orgId: string) {
  const { api } = useActiveConnection();
  const refresh = useRefreshInvitations(orgId);
  return useMutation({
    mutationFn: (invitation: Invitation) => {
      if (!api.invitations) throw new Error('This provider keeps no invitations.');
      return resendInvitation(api.invitations, orgId, invitation);
    },
    // A revoke that went through changes the list even when the new invitation was refused.
    onSettled: refresh,
  });
}
