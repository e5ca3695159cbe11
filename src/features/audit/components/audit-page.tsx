import DownloadIcon from '@mui/icons-material/Download';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { AUDIT_OUTCOMES, auditCsvUrl, type AuditFilter } from '../../../api/audit';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { ListPagination } from '../../../components/list-pagination';
import { PageHeader } from '../../../components/page-header';
import { useDebouncedSearch } from '../../../lib/use-debounced-search';
import { auditQueries } from '../api/queries';
import { AuditTable } from './audit-table';

const SIZES = [25, 50, 100];

function readFilter(search: URLSearchParams): AuditFilter {
  const outcome = AUDIT_OUTCOMES.find((value) => value === search.get('outcome'));
  const size = Number(search.get('size'));
  return {
    ...(search.get('actor') ? { actor: search.get('actor') ?? '' } : {}),
    ...(search.get('connection') ? { connection: search.get('connection') ?? '' } : {}),
    ...(search.get('org') ? { org: search.get('org') ?? '' } : {}),
    ...(search.get('operation') ? { operation: search.get('operation') ?? '' } : {}),
    ...(outcome ? { outcome } : {}),
    page: Math.max(1, Number(search.get('page')) || 1),
    pageSize: SIZES.includes(size) ? size : 50,
  };
}

function TextFilter({
  label,
  name,
  value,
  onCommit,
}: {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onCommit: (name: string, value: string) => void;
}) {
  const search = useDebouncedSearch(value, (next) => {
    onCommit(name, next);
  });
  return (
    <TextField
      size="small"
      label={label}
      value={search.value}
      onChange={(event) => {
        search.change(event.target.value);
      }}
    />
  );
}

/** Every state-changing call made through Orgdeck: filter, page, export. */
export function AuditPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = readFilter(searchParams);
  const audit = useQuery(auditQueries.page(filter));
  const set = (name: string, value: string) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === '') next.delete(name);
        else next.set(name, value);
        if (name !== 'page') next.delete('page');
        return next;
      },
      { replace: name !== 'page' },
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
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={2}
          sx={{ p: 2 }}
          component="form"
          aria-label="Filter the audit log"
        >
          <TextFilter label="User" name="actor" value={filter.actor ?? ''} onCommit={set} />
          <TextFilter
            label="Connection"
            name="connection"
            value={filter.connection ?? ''}
            onCommit={set}
          />
          <TextFilter label="Organization ID" name="org" value={filter.org ?? ''} onCommit={set} />
          <TextFilter
            label="Operation"
            name="operation"
            value={filter.operation ?? ''}
            onCommit={set}
          />
          <TextField
            select
            size="small"
            label="Outcome"
            value={filter.outcome ?? ''}
            onChange={(event) => {
              set('outcome', event.target.value);
            }}
            sx={{ minWidth: 160 }}
          >
            <MenuItem value="">Any</MenuItem>
            {AUDIT_OUTCOMES.map((outcome) => (
              <MenuItem key={outcome} value={outcome}>
                {outcome}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
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
            <AuditTable entries={audit.data?.items ?? null} showConnection />
          </Box>
        )}
        {audit.data && audit.data.items.length > 0 ? (
          <ListPagination
            page={filter.page}
            pageSize={filter.pageSize}
            pageSizes={SIZES}
            itemsOnPage={audit.data.items.length}
            total={audit.data.totalCapped ? null : audit.data.total}
            hasMore={
              audit.data.totalCapped === true || filter.page * filter.pageSize < audit.data.total
            }
            disabled={audit.isPlaceholderData}
            onPageChange={(page) => {
              set('page', String(page));
            }}
            onPageSizeChange={(size) => {
              set('size', String(size));
            }}
          />
        ) : null}
      </Paper>
    </>
  );
}
