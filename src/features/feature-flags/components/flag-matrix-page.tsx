import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import type { Organization } from '../../../api/domain';
import type { FeatureFlag } from '../../../api/people';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { ListPagination } from '../../../components/list-pagination';
import { PageHeader } from '../../../components/page-header';
import { paths } from '../../../config/paths';
import { useActiveConnection } from '../../../lib/connection-context';
import { queryRoots } from '../../../lib/query-keys';
import { flagQueries } from '../api/queries';
import { FlagEditDialog } from './flag-edit-dialog';
import { FlagValueControl } from './flag-value-control';

const SIZES = [10, 25];

function MatrixRow({
  org,
  flagKeys,
  onEdit,
}: {
  readonly org: Organization;
  readonly flagKeys: readonly string[];
  readonly onEdit: (org: Organization, flag: FeatureFlag) => void;
}) {
  const active = useActiveConnection();
  const flags = useQuery(flagQueries.org(active, org.id));
  return (
    <TableRow hover>
      <TableCell
        component="th"
        scope="row"
        sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 1, minWidth: 200 }}
      >
        <Link
          component={RouterLink}
          to={paths.orgs.detail.href(active.connection.id, org.id, 'flags')}
        >
          {org.name}
        </Link>
      </TableCell>
      {flags.isError ? (
        <TableCell colSpan={flagKeys.length}>
          <ErrorState
            title={`Flags of ${org.name} did not load`}
            error={flags.error}
            onRetry={() => void flags.refetch()}
          />
        </TableCell>
      ) : (
        flagKeys.map((key) => {
          const flag = flags.data?.find((item) => item.key === key);
          return (
            <TableCell
              key={key}
              sx={flag?.overridden ? { bgcolor: 'action.selected', fontWeight: 600 } : undefined}
              aria-description={flag?.overridden ? 'Overridden for this organization' : undefined}
            >
              {flags.isPending ? (
                <Skeleton variant="text" width={60} aria-hidden />
              ) : flag ? (
                <FlagValueControl
                  orgId={org.id}
                  orgName={org.name}
                  flag={flag}
                  compact
                  onEdit={(chosen) => {
                    onEdit(org, chosen);
                  }}
                />
              ) : (
                '—'
              )}
            </TableCell>
          );
        })
      )}
    </TableRow>
  );
}

/**
 * Flags as columns, the orgs of one list page as rows; overridden cells stand out and edit in
 * place. Only the visible orgs load their flags, a few at a time, and each stays cached.
 */
export function FlagMatrixPage() {
  const active = useActiveConnection();
  const { connection, api } = active;
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number(searchParams.get('page') ?? '1') || 1);
  const sizeParam = Number(searchParams.get('size') ?? '10');
  const pageSize = SIZES.includes(sizeParam) ? sizeParam : 10;
  const [editing, setEditing] = useState<{ org: Organization; flag: FeatureFlag } | null>(null);
  const params = { page, pageSize, search: '', sort: null };
  const orgs = useQuery({
    queryKey: [...queryRoots.orgs(connection.id), 'matrix', params],
    queryFn: ({ signal }) => api.organizations.list(params, { signal }),
    placeholderData: keepPreviousData,
  });
  const first = orgs.data?.items[0];
  const firstFlags = useQuery({
    ...flagQueries.org(active, first?.id ?? ''),
    enabled: first !== undefined,
  });
  const flagList = firstFlags.data ?? [];
  const setPage = (next: { page: number; size: number }) => {
    const search = new URLSearchParams();
    if (next.page !== 1) search.set('page', String(next.page));
    if (next.size !== 10) search.set('size', String(next.size));
    setSearchParams(search);
  };

  return (
    <>
      <PageHeader
        title="Feature flags"
        subtitle={`${connection.label} · each organization’s flags side by side`}
      />
      <Paper>
        <Alert severity="info" variant="outlined" sx={{ m: 2 }}>
          Flags load for the organizations on this page only, three at a time, and stay cached.
          Highlighted cells are overridden.
        </Alert>
        {orgs.isError ? (
          <Box sx={{ p: 2 }}>
            <ErrorState
              title="Could not load organizations"
              error={orgs.error}
              onRetry={() => void orgs.refetch()}
            />
          </Box>
        ) : orgs.data?.items.length === 0 ? (
          <EmptyState title="No organizations" />
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table
              size="small"
              aria-label="Feature flag matrix"
              aria-busy={orgs.isFetching || firstFlags.isFetching}
            >
              <TableHead>
                <TableRow>
                  <TableCell
                    sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 2 }}
                  >
                    Organization
                  </TableCell>
                  {flagList.map((flag) => (
                    <TableCell key={flag.key} sx={{ whiteSpace: 'nowrap' }}>
                      <Tooltip title={`${flag.key} · ${flag.type}`}>
                        <span>{flag.name}</span>
                      </Tooltip>
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {(orgs.data?.items ?? []).map((org) => (
                  <MatrixRow
                    key={org.id}
                    org={org}
                    flagKeys={flagList.map((flag) => flag.key)}
                    onEdit={(chosenOrg, flag) => {
                      setEditing({ org: chosenOrg, flag });
                    }}
                  />
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
        {orgs.data && orgs.data.items.length > 0 ? (
          <ListPagination
            page={page}
            pageSize={pageSize}
            pageSizes={SIZES}
            itemsOnPage={orgs.data.items.length}
            total={orgs.data.total}
            hasMore={orgs.data.hasMore}
            disabled={orgs.isPlaceholderData}
            onPageChange={(next) => {
              setPage({ page: next, size: pageSize });
            }}
            onPageSizeChange={(size) => {
              setPage({ page: 1, size });
            }}
          />
        ) : null}
      </Paper>
      {editing ? (
        <FlagEditDialog
          orgId={editing.org.id}
          orgName={editing.org.name}
          flag={editing.flag}
          onClose={() => {
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}
