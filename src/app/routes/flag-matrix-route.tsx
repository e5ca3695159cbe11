import { EmptyState } from '../../components/empty-state';
import { FlagMatrixPage } from '../../features/feature-flags/components/flag-matrix-page';
import { useActiveConnection } from '../../lib/connection-context';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function FlagMatrixRoute() {
  const { connection, api } = useActiveConnection();
  useDocumentTitle('Feature flags', connection.label);
  if (!api.capabilities.featureFlags) {
    return (
      <EmptyState
        title="No feature flags here"
        description={`${api.capabilities.displayName} keeps no organization feature flags.`}
      />
    );
  }
  return <FlagMatrixPage />;
}
