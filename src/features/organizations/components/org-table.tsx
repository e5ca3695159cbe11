import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { useNavigate } from 'react-router-dom';
import type { Capabilities } from '../../../api/capabilities';
import type { Organization, OrgSort, OrgSortField } from '../../../api/domain';
import { paths } from '../../../config/paths';
import { formatDate, formatNumber } from '../../../lib/format';
import { LeanOrgAvatar } from './org-avatar';
import { lean, leanTableSx } from '../../../components/lean-table';
import { delegatedLinkClick } from '../../../lib/delegated-links';

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
    <Table size="small" aria-label="Organizations" aria-busy={props.busy} sx={leanTableSx}>
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
      <TableBody onClick={delegatedLinkClick(navigate)}>
        {orgs === null
          ? Array.from({ length: props.skeletonRows }, (_, index) => (
              <TableRow key={index}>
                <TableCell colSpan={columnCount}>
                  <Skeleton variant="text" aria-hidden />
                </TableCell>
              </TableRow>
            ))
          : orgs.map((org) => (
              <OrgRow
                key={org.id}
                org={org}
                href={paths.orgs.detail.href(connectionId, org.id)}
                active={org.id === props.activeOrgId}
                showLogo={columns.includes('logo')}
                showSlug={Boolean(caps.slug && columns.includes('slug'))}
                showCreated={columns.includes('createdAt')}
                showMembers={columns.includes('memberCount')}
              />
            ))}
      </TableBody>
    </Table>
  );
}

interface OrgRowProps {
  readonly org: Organization;
  readonly href: string;
  readonly active: boolean;
  readonly showLogo: boolean;
  readonly showSlug: boolean;
  readonly showCreated: boolean;
  readonly showMembers: boolean;
}

/**
 * One org as a lean row: plain elements styled by the table (`lean-table`), its link and the row
 * itself navigating through the body's one delegated click handler.
 */
function OrgRow({ org, href, active, ...show }: OrgRowProps) {
  return (
    <tr className={`${lean.row} ${lean.clickable}`} data-href={href}>
      <td>
        <div className={lean.nameCell}>
          {show.showLogo ? <LeanOrgAvatar org={org} size={28} /> : null}
          <a href={href} className={lean.link}>
            {org.name}
          </a>
          {active ? <Chip size="small" color="primary" label="Active" /> : null}
        </div>
      </td>
      {show.showSlug ? (
        <td className={`${lean.phoneHidden} ${lean.mono}`}>{org.slug ?? '—'}</td>
      ) : null}
      <td className={`${lean.phoneHidden} ${lean.mono} ${lean.secondaryText}`}>{org.id}</td>
      {show.showCreated ? <td>{formatDate(org.createdAt)}</td> : null}
      {show.showMembers ? (
        <td className={lean.alignRight}>{formatNumber(org.memberCount)}</td>
      ) : null}
    </tr>
  );
}
