import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonInvitation, PersonMembership } from '../api/connection-index';
import type { Connection } from '../api/connections';
import type { OrgAdminApi } from '../api/org-admin-api';
import { queryRoots } from '../lib/query-keys';
import { peopleKeys } from './connection-index';
import { connectionQueries } from './connections';
import { resendInvitation } from './resend-invitation';

/** What support does from a person's page, on one connection; each goes live through its adapter. */
export type PersonAction =
  | { readonly kind: 'remove'; readonly membership: PersonMembership }
  | { readonly kind: 'revoke'; readonly invitation: PersonInvitation }
  | { readonly kind: 'resend'; readonly invitation: PersonInvitation; readonly email: string };

async function run(api: OrgAdminApi, action: PersonAction): Promise<void> {
  switch (action.kind) {
    case 'remove': {
      if (!api.members?.remove) throw new Error('This provider cannot remove members.');
      await api.members.remove(action.membership.orgId, action.membership.userId);
      return;
    }
    case 'revoke': {
      if (!api.invitations?.revoke) throw new Error('This provider cannot revoke invitations.');
      await api.invitations.revoke(action.invitation.orgId, action.invitation.invitationId);
      return;
    }
    case 'resend': {
      const invitations = api.invitations;
      if (!invitations) throw new Error('This provider keeps no invitations.');
      // The index holds a summary; resend needs the provider's own invitation (roles, expiry).
      const { orgId, invitationId } = action.invitation;
      const live = (await invitations.listAll(orgId, ['pending'])).items.find(
        (candidate) => candidate.id === invitationId,
      );
      if (!live) {
        throw new Error(
          `The invitation of ${action.email} is no longer pending in this organization.`,
        );
      }
      await resendInvitation(invitations, orgId, live);
      return;
    }
  }
}

/**
 * Runs a person-page action on the connection concerned (its adapter, through the gateway), then
 * refreshes what that connection shows and every person view (the index is written through).
 */
export function usePersonAction(connection: Connection | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: PersonAction) => {
      if (!connection) throw new Error('This connection is not available to you any more.');
      const api = await queryClient.query({
        ...connectionQueries.adapter(connection.id, connection),
        staleTime: 'static',
      });
      await run(api, action);
    },
    onSettled: () =>
      Promise.all([
        connection
          ? queryClient.invalidateQueries({ queryKey: queryRoots.connection(connection.id) })
          : null,
        queryClient.invalidateQueries({ queryKey: peopleKeys.all() }),
      ]),
  });
}
