import { SearchField } from '../../../components/search-field';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { paths } from '../../../config/paths';
import { useActiveConnection } from '../../../lib/connection-context';
import { formatDate, formatNumber } from '../../../lib/format';
import { queryRoots } from '../../../lib/query-keys';
import { useDebouncedSearch } from '../../../lib/use-debounced-search';
import { IndexFreshness } from '../../../components/index-freshness';
import { indexQueries } from '../../../data/connection-index';
import { mayUseIndex, pendingInvitationsSource } from '../../../data/list-source';
import { scanPendingInvitations, type PendingRow } from '../api/pending-across-orgs';
import { invitationKeys } from '../api/queries';

const FIRST_SCAN = 100;
const SHOWN = 200;

/** "Was I invited?": pending invitations across the connection's orgs, filterable by email. */
export function AllPendingInvitationsPage() {
  const { connection, api } = useActiveConnection();
  const [searchParams, setSearchParams] = useSearchParams();
  const [limit, setLimit] = useState(FIRST_SCAN);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const query = searchParams.get('q') ?? '';
  const search = useDebouncedSearch(query, (value) => {
    setSearchParams(value === '' ? {} : { q: value }, { replace: true });
  });
  const queryClient = useQueryClient();
  // Who answers: the server's index once it has synced (complete, filtered there); otherwise each
  // org is asked from the browser, as far as a limit reaches.
  const status = useQuery(indexQueries.status(connection.id, mayUseIndex(connection)));
  const statusPending = mayUseIndex(connection) && status.isPending;
  const source = pendingInvitationsSource(connection, status.data);
  const fromIndex = useQuery(
    indexQueries.invitations(
      connection.id,
      {
        search: query,
        orgId: null,
        sort: { field: 'createdAt', direction: 'desc' },
        page: 1,
        pageSize: SHOWN,
      },
      status.data?.syncedAt ?? null,
      source.kind === 'index',
    ),
  );
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the connection id fixes `api`; progress is reported, not an input
  const scan = useQuery({
    queryKey: [...queryRoots.connection(connection.id), 'pending-invitations', limit],
    queryFn: ({ signal }) =>
      scanPendingInvitations(
        api,
        limit,
        signal,
        (done, total) => {
          setProgress({ done, total });
        },
        // Each org's answer is cached on its own: "look at all" asks only the orgs not seen yet,
        // and an invitation sent or revoked in an org refreshes just that org.
        (orgId) =>
          // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the connection id fixes `api`
          queryClient.query({
            queryKey: [...invitationKeys.all(connection.id, orgId), 'pending-all'],
            queryFn: ({ signal: orgSignal }) => {
              if (!api.invitations) throw new Error('This provider keeps no invitations.');
              return api.invitations.listAll(orgId, ['pending'], { signal: orgSignal });
            },
            staleTime: 60_000,
          }),
      ),
    staleTime: 60_000,
    enabled: source.kind === 'browser' && !statusPending,
  });
  const needle = query.trim().toLowerCase();
  const indexed = source.kind === 'index';
  const indexRows: PendingRow[] = (fromIndex.data?.items ?? []).map(
    ({ orgId, orgName, ...invitation }) => ({ org: { id: orgId, name: orgName }, invitation }),
  );
  const rows = indexed
    ? indexRows
    : (scan.data?.rows ?? []).filter(
        (row) => needle === '' || row.invitation.email.toLowerCase().includes(needle),
      );
  const data = indexed ? fromIndex.data : scan.data;
  const total = indexed ? (fromIndex.data?.total ?? 0) : rows.length;
  const answer = indexed ? fromIndex : scan;

  return (
    <>
      <PageHeader
        title="Pending invitations"
        subtitle={`${connection.label} · every organization’s pending invitations in one place`}
      />
      <Paper>
        <Stack spacing={1.5} sx={{ p: 2 }}>
          <SearchField
            label="Filter by email"
            placeholder="jane@acme.com"
            value={search.value}
            onChange={search.change}
          />
          {indexed && fromIndex.data ? (
            <Alert severity="info" variant="outlined" role="status">
              {needle === ''
                ? `All ${formatNumber(fromIndex.data.total)} pending invitations`
                : `${formatNumber(fromIndex.data.total)} pending invitations match “${query}”`}{' '}
              across {formatNumber(status.data?.counts.orgs ?? null)} organizations, from Orgdeck’s
              index of {connection.label}.
            </Alert>
          ) : null}
          {status.data?.indexed ? <IndexFreshness status={status.data} /> : null}
          {scan.data && !indexed ? (
            <Alert
              severity={
                scan.data.orgsScanned < scan.data.orgsTotal || !scan.data.orgListComplete
                  ? 'warning'
                  : 'info'
              }
              variant="outlined"
              role="status"
              action={
                scan.data.orgsScanned < scan.data.orgsTotal ? (
                  <Button
                    color="inherit"
                    size="small"
                    onClick={() => {
                      setLimit(scan.data.orgsTotal);
                    }}
                  >
                    Look at all {formatNumber(scan.data.orgsTotal)}
                  </Button>
                ) : undefined
              }
            >
              {api.capabilities.displayName} lists invitations per organization: Orgdeck looked at{' '}
              {formatNumber(scan.data.orgsScanned)} of {formatNumber(scan.data.orgsTotal)}
              {scan.data.orgListComplete ? '' : '+'} organizations and found{' '}
              {formatNumber(scan.data.rows.length)} pending invitations.
              {scan.data.failed.length > 0
                ? ` ${scan.data.failed.length} organizations could not be read.`
                : ''}
              {source.kind === 'browser' && source.why === 'index-syncing'
                ? ' The index of this connection is being built; it will answer completely.'
                : ''}
            </Alert>
          ) : null}
        </Stack>
        {indexed && fromIndex.isFetching ? (
          <LinearProgress aria-label="Searching the index" />
        ) : null}
        {scan.isFetching ? (
          <LinearProgress
            variant={progress && progress.total > 0 ? 'determinate' : 'indeterminate'}
            value={progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0}
            aria-label={
              progress
                ? `Looked at ${progress.done} of ${progress.total} organizations`
                : 'Loading organizations'
            }
          />
        ) : null}
        {answer.isError ? (
          <Box sx={{ p: 2 }}>
            <ErrorState
              title={
                indexed ? 'Could not search the index' : 'Could not look through the organizations'
              }
              error={answer.error}
              onRetry={() => void answer.refetch()}
            />
          </Box>
        ) : data && rows.length === 0 ? (
          <EmptyState
            title={
              needle === '' ? 'No pending invitations' : `No pending invitation for “${query}”`
            }
            description={
              needle === '' ? undefined : 'Check the spelling, or look at more organizations.'
            }
          />
        ) : data ? (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label="Pending invitations">
              <TableHead>
                <TableRow>
                  <TableCell>Email</TableCell>
                  <TableCell>Organization</TableCell>
                  <TableCell>Role</TableCell>
                  <TableCell>Sent</TableCell>
                  <TableCell>Expires</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.slice(0, SHOWN).map(({ org, invitation }) => (
                  <TableRow key={`${org.id}-${invitation.id}`} hover>
                    <TableCell sx={{ overflowWrap: 'anywhere' }}>{invitation.email}</TableCell>
                    <TableCell>
                      <Link
                        component={RouterLink}
                        to={paths.orgs.detail.href(connection.id, org.id, 'invitations')}
                      >
                        {org.name}
                      </Link>
                    </TableCell>
                    <TableCell>
                      {invitation.roles.map((role) => role.name).join(', ') || '—'}
                    </TableCell>
                    <TableCell>{formatDate(invitation.createdAt)}</TableCell>
                    <TableCell>
                      {invitation.expiresAt ? formatDate(invitation.expiresAt) : '—'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {total > SHOWN ? (
              <Alert severity="info" sx={{ m: 2 }}>
                Showing the newest {SHOWN} of {formatNumber(total)}: filter by email to narrow them
                down.
              </Alert>
            ) : null}
          </Box>
        ) : null}
      </Paper>
    </>
  );
}
