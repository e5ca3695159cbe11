import { ConnectionsPage } from '../../features/connections/components/connections-page';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function ConnectionsRoute() {
  useDocumentTitle('Connections');
  return <ConnectionsPage />;
}
