import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Invitation, InviteInput } from '../../../api/people';
import { useActiveConnection } from '../../../lib/connection-context';
import { queryRoots } from '../../../lib/query-keys';
import { invitationKeys } from './queries';

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

/** Resend: the provider's own where it has one, otherwise revoke and invite again (as its docs describe). */
export function useResendInvitation(orgId: string) {
  const { api } = useActiveConnection();
  const refresh = useRefreshInvitations(orgId);
  return useMutation({
    mutationFn: async (invitation: Invitation) => {
      const invitations = api.invitations;
      if (!invitations) throw new Error('This provider keeps no invitations.');
      if (invitations.resend) return invitations.resend(orgId, invitation);
      if (!invitations.revoke) throw new Error('This provider cannot resend invitations.');
      await invitations.revoke(orgId, invitation.id);
      return invitations.create(orgId, {
        email: invitation.email,
        roles: invitation.roles.map((role) => role.key),
      });
    },
    onSuccess: refresh,
  });
}
