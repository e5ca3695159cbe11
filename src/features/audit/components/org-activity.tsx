import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Organization } from '../../../api/domain';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { ListPagination } from '../../../components/list-pagination';
import { useActiveConnection } from '../../../lib/connection-context';
import { auditQueries } from '../api/queries';
import { AuditTable } from './audit-table';

/** One org's own activity: the audit entries aimed at it. */
export function OrgActivity({ org }: { readonly org: Organization }) {
  const { connection } = useActiveConnection();
  const [page, setPage] = useState(1);
  const audit = useQuery(
    auditQueries.page({ connection: connection.id, org: org.id, page, pageSize: 25 }),
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
          <AuditTable entries={audit.data?.items ?? null} showConnection={false} />
        </Box>
      )}
      {audit.data && audit.data.total > 25 ? (
        <ListPagination
          page={page}
          pageSize={25}
          pageSizes={[25]}
          itemsOnPage={audit.data.items.length}
          total={audit.data.total}
          hasMore={page * 25 < audit.data.total}
          onPageChange={setPage}
          onPageSizeChange={() => undefined}
        />
      ) : null}
    </Paper>
  );
}
