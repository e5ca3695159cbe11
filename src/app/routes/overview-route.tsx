import { ConnectionRecentChanges } from '../../features/audit/components/connection-recent-changes';
import { OverviewPage } from '../../features/overview/components/overview-page';
import { useActiveConnection } from '../../lib/connection-context';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function OverviewRoute() {
  const { connection } = useActiveConnection();
  useDocumentTitle('Overview', connection.label);
  return <OverviewPage recentChangesFallback={<ConnectionRecentChanges />} />;
}
