import DownloadIcon from '@mui/icons-material/Download';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { AUDIT_OUTCOMES, auditCsvUrl, type AuditFilter } from '../../../api/audit';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { connectionQueries } from '../../../data/connections';
import { auditQueries } from '../api/queries';
import { useKnownOrgNames } from '../api/org-names';
import { useAuditCursor } from '../use-audit-cursor';
import { AuditFilters } from './audit-filters';
import { AuditKeysetNav } from './audit-keyset-nav';
import { AuditTable } from './audit-table';

const PAGE_SIZE = 50;

function readFilter(search: URLSearchParams, before: number | undefined): AuditFilter {
  const outcome = AUDIT_OUTCOMES.find((value) => value === search.get('outcome'));
  return {
    ...(search.get('actor') ? { actor: search.get('actor') ?? '' } : {}),
    ...(search.get('connection') ? { connection: search.get('connection') ?? '' } : {}),
    ...(search.get('org') ? { org: search.get('org') ?? '' } : {}),
    ...(search.get('operation') ? { operation: search.get('operation') ?? '' } : {}),
    ...(outcome ? { outcome } : {}),
    ...(before === undefined ? {} : { before }),
    page: 1,
    pageSize: PAGE_SIZE,
  };
}

/** Every state-changing call made through Orgdeck: filter, page by cursor, export. */
export function AuditPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const cursor = useAuditCursor();
  const filter = readFilter(searchParams, cursor.before);
  const audit = useQuery(auditQueries.page(filter));
  const connections = useQuery(connectionQueries.list());
  const orgName = useKnownOrgNames((audit.data?.items ?? []).map((entry) => entry.connectionId));
  const connectionName = (id: string) =>
    connections.data?.find((connection) => connection.id === id)?.label ?? id;
  // A new filter starts again from the newest entries.
  const set = (name: string, value: string) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === '') next.delete(name);
        else next.set(name, value);
        if (name === 'connection') next.delete('operation');
        next.delete('before');
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  };
  return (
    <>
      <PageHeader
        title="Audit log"
        subtitle="Every change made through Orgdeck, newest first"
        actions={
          <Button
            component="a"
            href={auditCsvUrl(filter)}
            download
            startIcon={<DownloadIcon />}
            variant="outlined"
          >
            Export CSV
          </Button>
        }
      />
      <Paper>
        <AuditFilters filter={filter} connections={connections.data ?? []} onChange={set} />
        {audit.isError ? (
          <Box sx={{ p: 2 }}>
            <ErrorState
              title="Could not load the audit log"
              error={audit.error}
              onRetry={() => void audit.refetch()}
            />
          </Box>
        ) : audit.data?.items.length === 0 ? (
          <EmptyState title="Nothing recorded" description="No change matches these filters yet." />
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <AuditTable
              entries={audit.data?.items ?? null}
              showConnection
              connectionName={connectionName}
              orgName={orgName}
            />
          </Box>
        )}
        {audit.data && audit.data.items.length > 0 ? (
          <AuditKeysetNav page={audit.data} cursor={cursor} disabled={audit.isPlaceholderData} />
        ) : null}
      </Paper>
    </>
  );
}
