import { OrgListPage } from '../../features/organizations/components/org-list-page';
import { useActiveConnection } from '../../lib/connection-context';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function OrgListRoute() {
  const { connection } = useActiveConnection();
  useDocumentTitle('Organizations', connection.label);
  return <OrgListPage />;
}
