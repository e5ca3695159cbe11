import { AllPendingInvitationsPage } from '../../features/invitations/components/all-pending-page';
import { EmptyState } from '../../components/empty-state';
import { useActiveConnection } from '../../lib/connection-context';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function PendingInvitationsRoute() {
  const { connection, api } = useActiveConnection();
  useDocumentTitle('Pending invitations', connection.label);
  if (!api.capabilities.people.invitations) {
    return (
      <EmptyState
        title="No invitations here"
        description={`${api.capabilities.displayName} keeps no organization invitations.`}
      />
    );
  }
  return <AllPendingInvitationsPage />;
}
