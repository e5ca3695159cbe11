import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import type { Capabilities } from '../../../api/capabilities';
import type { Organization, OrgSort, OrgSortField } from '../../../api/domain';
import { paths } from '../../../config/paths';
import { formatDate, formatNumber } from '../../../lib/format';
import { OrgAvatar } from './org-avatar';

export interface OrgTableProps {
  readonly connectionId: string;
  readonly caps: Capabilities;
  readonly orgs: readonly Organization[] | null;
  readonly skeletonRows: number;
  readonly sort: OrgSort | null;
  readonly onSort: (sort: OrgSort | null) => void;
  readonly activeOrgId: string | null;
  readonly busy: boolean;
}

/** Secondary columns (key, ID) step aside on a phone; the org's page shows them. */
const SECONDARY = { display: { xs: 'none', sm: 'table-cell' } } as const;

const SORT_LABELS: Record<OrgSortField, string> = {
  name: 'Name',
  createdAt: 'Created',
  memberCount: 'Members',
};

function nextSort(current: OrgSort | null, field: OrgSortField): OrgSort | null {
  if (current?.field !== field) return { field, direction: field === 'name' ? 'asc' : 'desc' };
  if (current.direction === (field === 'name' ? 'asc' : 'desc')) {
    return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  return null;
}

export function OrgTable(props: OrgTableProps) {
  const { caps, orgs, onSort, connectionId } = props;
  // With no sort chosen the provider's own order is in force: its header shows the arrow too.
  const sort = props.sort ?? caps.list.defaultOrder;
  const navigate = useNavigate();
  const columns = caps.list.columns;
  const columnCount =
    2 +
    (caps.slug && columns.includes('slug') ? 1 : 0) +
    (columns.includes('createdAt') ? 1 : 0) +
    (columns.includes('memberCount') ? 1 : 0);

  const header = (field: OrgSortField, label = SORT_LABELS[field]) =>
    caps.list.sortFields.includes(field) ? (
      <TableSortLabel
        active={sort?.field === field}
        direction={sort?.field === field ? sort.direction : 'asc'}
        onClick={() => {
          onSort(nextSort(sort, field));
        }}
      >
        {label}
      </TableSortLabel>
    ) : (
      label
    );

  const ariaSort = (field: OrgSortField) =>
    sort?.field === field ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;

  return (
    <Table size="small" aria-label="Organizations" aria-busy={props.busy}>
      <TableHead>
        <TableRow>
          <TableCell aria-sort={ariaSort('name')}>{header('name')}</TableCell>
          {caps.slug && columns.includes('slug') ? (
            <TableCell sx={SECONDARY}>{caps.slug.label}</TableCell>
          ) : null}
          <TableCell sx={SECONDARY}>{caps.idLabel}</TableCell>
          {columns.includes('createdAt') ? (
            <TableCell aria-sort={ariaSort('createdAt')}>{header('createdAt')}</TableCell>
          ) : null}
          {columns.includes('memberCount') ? (
            <TableCell align="right" aria-sort={ariaSort('memberCount')}>
              {header('memberCount')}
            </TableCell>
          ) : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {orgs === null
          ? Array.from({ length: props.skeletonRows }, (_, index) => (
              <TableRow key={index}>
                <TableCell colSpan={columnCount}>
                  <Skeleton variant="text" aria-hidden />
                </TableCell>
              </TableRow>
            ))
          : orgs.map((org) => {
              const href = paths.orgs.detail.href(connectionId, org.id);
              return (
                <TableRow
                  key={org.id}
                  hover
                  sx={{ cursor: 'pointer' }}
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest('a')) return;
                    void navigate(href);
                  }}
                >
                  <TableCell>
                    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                      {columns.includes('logo') ? <OrgAvatar org={org} size={28} /> : null}
                      <Link
                        component={RouterLink}
                        to={href}
                        underline="hover"
                        color="inherit"
                        sx={{ fontWeight: 500 }}
                      >
                        {org.name}
                      </Link>
                      {org.id === props.activeOrgId ? (
                        <Chip size="small" color="primary" label="Active" />
                      ) : null}
                    </Stack>
                  </TableCell>
                  {caps.slug && columns.includes('slug') ? (
                    <TableCell sx={SECONDARY}>
                      <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                        {org.slug ?? '—'}
                      </Typography>
                    </TableCell>
                  ) : null}
                  <TableCell sx={SECONDARY}>
                    <Typography
                      variant="body2"
                      sx={{ fontFamily: 'monospace', color: 'text.secondary' }}
                    >
                      {org.id}
                    </Typography>
                  </TableCell>
                  {columns.includes('createdAt') ? (
                    <TableCell>{formatDate(org.createdAt)}</TableCell>
                  ) : null}
                  {columns.includes('memberCount') ? (
                    <TableCell align="right">{formatNumber(org.memberCount)}</TableCell>
                  ) : null}
                </TableRow>
              );
            })}
      </TableBody>
    </Table>
  );
}
