import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Invitation, InviteInput } from '../../../api/people';
import { useActiveConnection } from '../../../lib/connection-context';
import { queryRoots } from '../../../lib/query-keys';
import { invitationKeys } from './queries';
import { resendInvitation } from '../../../data/resend-invitation';
import { indexKeys } from '../../../data/connection-index';

/**
 * After an org's invitations change: its invitation lists, the counts shown elsewhere, and the
 * cross-org pending lists (the browser's scan and the index's answers, which the server's
 * write-through has already updated).
 */
function refreshAfterInvitationChange(
  queryClient: QueryClient,
  connectionId: string,
  orgId: string,
) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: invitationKeys.all(connectionId, orgId) }),
    queryClient.invalidateQueries({ queryKey: queryRoots.orgs(connectionId) }),
    queryClient.invalidateQueries({ queryKey: queryRoots.peopleCounts(connectionId) }),
    queryClient.invalidateQueries({ queryKey: invitationKeys.pendingScans(connectionId) }),
    queryClient.invalidateQueries({ queryKey: indexKeys.allInvitations(connectionId) }),
  ]);
}

/** After invitations change: the org's invitation lists and the counts shown elsewhere. */
export function useRefreshInvitations(orgId: string) {
  const { connection } = useActiveConnection();
  const queryClient = useQueryClient();
  return () => refreshAfterInvitationChange(queryClient, connection.id, orgId);
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

/** An invitation and the org it belongs to: the cross-org pending list acts on any org's. */
export interface OrgInvitation {
  readonly orgId: string;
  readonly invitation: Invitation;
}

/** Revoke from the cross-org pending list. */
export function useRevokeOrgInvitation() {
  const { connection, api } = useActiveConnection();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orgId, invitation }: OrgInvitation) => {
      if (!api.invitations?.revoke) throw new Error('This provider cannot revoke invitations.');
      return api.invitations.revoke(orgId, invitation.id);
    },
    onSuccess: (_, { orgId }) => refreshAfterInvitationChange(queryClient, connection.id, orgId),
  });
}

/** Resend from the cross-org pending list (see `resendInvitation`). */
export function useResendOrgInvitation() {
  const { connection, api } = useActiveConnection();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orgId, invitation }: OrgInvitation) => {
      if (!api.invitations) throw new Error('This provider keeps no invitations.');
      return resendInvitation(api.invitations, orgId, invitation);
    },
    onSettled: (_, __, { orgId }) =>
      refreshAfterInvitationChange(queryClient, connection.id, orgId),
  });
}
