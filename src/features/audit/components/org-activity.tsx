import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import { useQuery } from '@tanstack/react-query';
import type { Organization } from '../../../api/domain';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { useActiveConnection } from '../../../lib/connection-context';
import { auditQueries } from '../api/queries';
import { useAuditCursor } from '../use-audit-cursor';
import { AuditKeysetNav } from './audit-keyset-nav';
import { AuditTable } from './audit-table';

const PAGE_SIZE = 25;

/** One org's own activity: the audit entries aimed at it, paged by cursor (`?before=`). */
export function OrgActivity({ org }: { readonly org: Organization }) {
  const { connection } = useActiveConnection();
  const cursor = useAuditCursor();
  const audit = useQuery(
    auditQueries.page({
      connection: connection.id,
      org: org.id,
      page: 1,
      pageSize: PAGE_SIZE,
      ...(cursor.before === undefined ? {} : { before: cursor.before }),
    }),
  );
  return (
    <Paper component="section" aria-label="Activity">
      {audit.isError ? (
        <Box sx={{ p: 2 }}>
          <ErrorState
            title="Could not load the activity"
            error={audit.error}
            onRetry={() => void audit.refetch()}
          />
        </Box>
      ) : audit.data?.items.length === 0 ? (
        <EmptyState
          title="No activity recorded"
          description={`Changes made to ${org.name} through Orgdeck appear here.`}
        />
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <AuditTable
            entries={audit.data?.items ?? null}
            showConnection={false}
            connectionName={() => connection.label}
            orgName={(_, orgId) => (orgId === org.id ? org.name : null)}
          />
        </Box>
      )}
      {audit.data && (audit.data.nextBefore !== undefined || !cursor.atNewest) ? (
        <AuditKeysetNav page={audit.data} cursor={cursor} disabled={audit.isPlaceholderData} />
      ) : null}
    </Paper>
  );
}
