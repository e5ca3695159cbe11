import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { Link as RouterLink } from 'react-router-dom';
import type { InvitationCapabilities } from '../../../api/capabilities';
import { paths } from '../../../config/paths';
import type {
  PendingInvitationRow,
  PendingSort,
  PendingSortField,
} from '../../../data/pending-invitations';
import { formatDate } from '../../../lib/format';
import { nextPendingSort } from '../pending-list-params';
import { InvitationRowActions } from './invitation-row-actions';

const LABEL: Record<PendingSortField, string> = {
  email: 'Email',
  org: 'Organization',
  createdAt: 'Sent',
  expiresAt: 'Expires',
};

export interface PendingRowActions {
  readonly onRevoke: ((row: PendingInvitationRow) => void) | null;
  readonly onResend: ((row: PendingInvitationRow) => void) | null;
  readonly onCopyLink: ((row: PendingInvitationRow) => void) | null;
  /** The invitation being resent, by id. */
  readonly resending: string | null;
}

export interface PendingInvitationsTableProps {
  readonly connectionId: string;
  readonly caps: InvitationCapabilities;
  readonly rows: readonly PendingInvitationRow[];
  readonly sort: PendingSort;
  readonly sortFields: readonly PendingSortField[];
  readonly onSort: (sort: PendingSort) => void;
  readonly actions: PendingRowActions;
  readonly busy: boolean;
}

/** The row's id in the page, so focus can move to the row that takes a revoked one's place. */
export function pendingRowKey(row: PendingInvitationRow): string {
  return `${row.org.id}/${row.invitation.id}`;
}

/** One page of pending invitations across orgs, sortable by column, with actions on each row. */
export function PendingInvitationsTable(props: PendingInvitationsTableProps) {
  const { caps, rows, sort, sortFields, actions } = props;
  const header = (field: PendingSortField) => {
    if (!sortFields.includes(field)) return <TableCell>{LABEL[field]}</TableCell>;
    const active = sort.field === field;
    return (
      <TableCell
        aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <TableSortLabel
          active={active}
          direction={active ? sort.direction : 'asc'}
          onClick={() => {
            props.onSort(nextPendingSort(sort, field));
          }}
        >
          {LABEL[field]}
        </TableSortLabel>
      </TableCell>
    );
  };
  const hasActions =
    actions.onRevoke !== null || actions.onResend !== null || actions.onCopyLink !== null;
  return (
    <Table size="small" aria-label="Pending invitations" aria-busy={props.busy}>
      <TableHead>
        <TableRow>
          {header('email')}
          {header('org')}
          <TableCell>Role</TableCell>
          {header('createdAt')}
          {caps.expires ? header('expiresAt') : null}
          {hasActions ? <TableCell align="right">Actions</TableCell> : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, index) => {
          const { org, invitation } = row;
          return (
            <TableRow
              key={pendingRowKey(row)}
              hover
              tabIndex={-1}
              data-pending-row={pendingRowKey(row)}
              data-pending-index={index}
              sx={{ '&:focus-visible': { outline: 2, outlineColor: 'primary.main' } }}
            >
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{invitation.email}</TableCell>
              <TableCell>
                <Link
                  component={RouterLink}
                  to={paths.orgs.detail.href(props.connectionId, org.id, 'invitations')}
                >
                  {org.name}
                </Link>
              </TableCell>
              <TableCell>{invitation.roles.map((role) => role.name).join(', ') || '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {formatDate(invitation.createdAt)}
              </TableCell>
              {caps.expires ? (
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {invitation.expiresAt ? formatDate(invitation.expiresAt) : 'Never'}
                </TableCell>
              ) : null}
              {hasActions ? (
                <TableCell align="right">
                  <InvitationRowActions
                    email={invitation.email}
                    resending={actions.resending === invitation.id}
                    onCopyLink={
                      actions.onCopyLink && invitation.url
                        ? () => {
                            actions.onCopyLink?.(row);
                          }
                        : null
                    }
                    onResend={
                      actions.onResend
                        ? () => {
                            actions.onResend?.(row);
                          }
                        : null
                    }
                    onRevoke={
                      actions.onRevoke
                        ? () => {
                            actions.onRevoke?.(row);
                          }
                        : null
                    }
                  />
                </TableCell>
              ) : null}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
