import { SearchField } from '../../../components/search-field';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ListPagination } from '../../../components/list-pagination';
import { useToast } from '../../../components/toast';
import { RevokedNotResentError } from '../../../data/resend-invitation';
import {
  pagePendingRows,
  pendingSortFields,
  type PendingInvitationRow,
  type PendingQuery,
} from '../../../data/pending-invitations';
import { describeError } from '../../../lib/describe-error';
import { focusWhenReady, pageHeading } from '../../../lib/focus';
import { useCan } from '../../../lib/session-queries';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { useActiveConnection } from '../../../lib/connection-context';
import { formatNumber } from '../../../lib/format';
import { useDebouncedSearch } from '../../../lib/use-debounced-search';
import { IndexFreshness } from '../../../components/index-freshness';
import { indexQueries } from '../../../data/connection-index';
import { mayUseIndex, pendingInvitationsSource } from '../../../data/list-source';
import { scanPendingInvitations } from '../api/pending-across-orgs';
import { useResendOrgInvitation, useRevokeOrgInvitation } from '../api/mutations';
import { invitationKeys, invitationQueries } from '../api/queries';
import { parsePendingParams, serializePendingParams } from '../pending-list-params';
import { PendingInvitationsTable, pendingRowKey } from './pending-invitations-table';

const FIRST_SCAN = 100;

/**
 * After a revoke, focus goes to the row that took the revoked one's place (the next one), else
 * the one before it, else the page heading: never the page body.
 */
function focusAfterRevoke(revokedKey: string, index: number) {
  focusWhenReady(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('[data-pending-row]')];
    if (rows.some((row) => row.dataset['pendingRow'] === revokedKey)) return null;
    return rows[index] ?? rows[index - 1] ?? pageHeading();
  });
}

/** "Was I invited?": pending invitations across the connection's orgs, filterable by email. */
export function AllPendingInvitationsPage() {
  const active = useActiveConnection();
  const { connection, api } = active;
  const [searchParams, setSearchParams] = useSearchParams();
  const [limit, setLimit] = useState(FIRST_SCAN);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const caps = api.capabilities.people.invitations;
  const canManage = useCan('support', 'manage invitations').allowed;
  const revoke = useRevokeOrgInvitation();
  const resend = useResendOrgInvitation();
  const [revoking, setRevoking] = useState<{ row: PendingInvitationRow; index: number } | null>(
    null,
  );
  // Who answers: the server's index once it has synced (complete, filtered there); otherwise each
  // org is asked from the browser, as far as a limit reaches.
  const status = useQuery(indexQueries.status(connection.id, mayUseIndex(connection)));
  const statusPending = mayUseIndex(connection) && status.isPending;
  const source = pendingInvitationsSource(connection, status.data);
  const sortFields = pendingSortFields(source);
  const params = parsePendingParams(searchParams, sortFields);
  const setParams = (next: PendingQuery, replace = false) => {
    setSearchParams(serializePendingParams(next), { replace });
  };
  const query = params.search;
  const search = useDebouncedSearch(query, (value) => {
    setParams({ ...params, search: value, page: 1 }, true);
  });
  const indexSort =
    params.sort.field === 'expiresAt' ? null : { ...params.sort, field: params.sort.field };
  const fromIndex = useQuery(
    indexQueries.invitations(
      connection.id,
      {
        search: query,
        orgId: null,
        sort: indexSort,
        page: params.page,
        pageSize: params.pageSize,
      },
      status.data?.syncedAt ?? null,
      source.kind === 'index',
    ),
  );
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the connection id fixes `api`; progress is reported, not an input
  const scan = useQuery({
    queryKey: invitationKeys.pendingScan(connection.id, limit),
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
          queryClient.query({
            ...invitationQueries.everything(active, orgId, ['pending']),
            staleTime: 60_000,
          }),
      ),
    staleTime: 60_000,
    enabled: source.kind === 'browser' && !statusPending,
  });
  const needle = query.trim().toLowerCase();
  const indexed = source.kind === 'index';
  const indexRows: PendingInvitationRow[] = (fromIndex.data?.items ?? []).map(
    ({ orgId, orgName, ...invitation }) => ({ org: { id: orgId, name: orgName }, invitation }),
  );
  const scanned = pagePendingRows(scan.data?.rows ?? [], params);
  const rows = indexed ? indexRows : scanned.items;
  const data = indexed ? fromIndex.data : scan.data;
  const total = indexed ? (fromIndex.data?.total ?? 0) : scanned.total;
  const answer = indexed ? fromIndex : scan;

  const copyLink = async ({ invitation }: PendingInvitationRow) => {
    try {
      await navigator.clipboard.writeText(invitation.url ?? '');
      toast(`Copied the invitation link for ${invitation.email}`, 'success');
    } catch {
      toast('The browser refused clipboard access.', 'error');
    }
  };
  const resendRow = (row: PendingInvitationRow) => {
    resend.mutate(
      { orgId: row.org.id, invitation: row.invitation },
      {
        onSuccess: () => {
          toast(`Resent the invitation to ${row.invitation.email} (${row.org.name})`, 'success');
        },
        onError: (error) => {
          toast(
            error instanceof RevokedNotResentError
              ? error.message
              : `The invitation to ${row.invitation.email} was not resent: ${describeError(error).message}`,
            'error',
          );
        },
      },
    );
  };
  const confirmRevoke = () => {
    if (!revoking) return;
    const { row, index } = revoking;
    revoke.mutate(
      { orgId: row.org.id, invitation: row.invitation },
      {
        onSuccess: () => {
          toast(`Revoked the invitation to ${row.invitation.email} (${row.org.name})`, 'success');
          setRevoking(null);
          focusAfterRevoke(pendingRowKey(row), index);
        },
      },
    );
  };

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
        ) : data && rows.length === 0 && total > 0 ? (
          // Past the last page (its last invitation was just revoked, or a stale link).
          <EmptyState
            title={`Page ${formatNumber(params.page)} has no invitations left`}
            action={
              <Button
                variant="outlined"
                onClick={() => {
                  setParams({ ...params, page: Math.ceil(total / params.pageSize) });
                }}
              >
                Go to the last page
              </Button>
            }
          />
        ) : data && rows.length === 0 ? (
          <EmptyState
            title={
              needle === '' ? 'No pending invitations' : `No pending invitation for “${query}”`
            }
            description={
              needle === '' ? undefined : 'Check the spelling, or look at more organizations.'
            }
          />
        ) : data && caps ? (
          <>
            <Box sx={{ overflowX: 'auto' }}>
              <PendingInvitationsTable
                connectionId={connection.id}
                caps={caps}
                rows={rows}
                sort={params.sort}
                sortFields={sortFields}
                onSort={(sort) => {
                  setParams({ ...params, sort, page: 1 });
                }}
                busy={answer.isFetching}
                actions={{
                  onRevoke:
                    caps.revoke && canManage
                      ? (row) => {
                          revoke.reset();
                          setRevoking({ row, index: rows.indexOf(row) });
                        }
                      : null,
                  onResend: caps.resend && canManage ? resendRow : null,
                  onCopyLink: caps.link ? (row) => void copyLink(row) : null,
                  resending: resend.isPending ? resend.variables.invitation.id : null,
                }}
              />
            </Box>
            <ListPagination
              page={params.page}
              pageSize={params.pageSize}
              pageSizes={[params.pageSize]}
              itemsOnPage={rows.length}
              total={total}
              hasMore={params.page * params.pageSize < total}
              disabled={indexed && fromIndex.isPlaceholderData}
              onPageChange={(page) => {
                setParams({ ...params, page });
              }}
              onPageSizeChange={() => undefined}
            />
          </>
        ) : null}
      </Paper>
      <ConfirmDialog
        open={revoking !== null}
        destructive
        title={`Revoke the invitation to ${revoking?.row.invitation.email ?? ''}?`}
        confirmLabel="Revoke invitation"
        pending={revoke.isPending}
        error={revoke.error ? describeError(revoke.error).message : null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={confirmRevoke}
      >
        <Typography>
          {revoking?.row.invitation.email} will no longer be able to join {revoking?.row.org.name}{' '}
          with this invitation: the link they were sent stops working.
          {caps?.resend ? ' You can invite them again later.' : ''}
        </Typography>
      </ConfirmDialog>
    </>
  );
}
