import { AuditPage } from '../../features/audit/components/audit-page';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function AuditRoute() {
  useDocumentTitle('Audit log');
  return <AuditPage />;
}
