import { BreakableEmail } from '../../../components/breakable-email';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { InvitationCapabilities } from '../../../api/capabilities';
import type { Invitation, InvitationStatus } from '../../../api/people';
import { useToast } from '../../../components/toast';
import { formatDate } from '../../../lib/format';
import { InvitationRowActions } from './invitation-row-actions';

const STATUS_COLOR: Record<InvitationStatus, 'default' | 'success' | 'warning' | 'error' | 'info'> =
  {
    pending: 'info',
    accepted: 'success',
    revoked: 'default',
    expired: 'warning',
    failed: 'error',
  };

export interface InvitationsTableProps {
  readonly caps: InvitationCapabilities;
  readonly invitations: readonly Invitation[] | null;
  readonly now: number;
  readonly onRevoke: ((invitation: Invitation) => void) | null;
  readonly onResend: ((invitation: Invitation) => void) | null;
  readonly resending: string | null;
  readonly busy: boolean;
}

export function isExpired(invitation: Invitation, now: number): boolean {
  return (
    invitation.status === 'expired' ||
    (invitation.expiresAt !== null && Date.parse(invitation.expiresAt) < now)
  );
}

export function InvitationsTable({
  caps,
  invitations,
  now,
  onRevoke,
  onResend,
  resending,
  busy,
}: InvitationsTableProps) {
  const { toast } = useToast();
  const actions = onRevoke !== null || onResend !== null || caps.link;
  // Some providers give invitations roles without taking one on invite (NuMind).
  const showRoles =
    caps.roles !== null || (invitations ?? []).some((invitation) => invitation.roles.length > 0);
  const columns = 4 + (showRoles ? 1 : 0) + (caps.expires ? 1 : 0) + (actions ? 1 : 0);
  const copyLink = async (invitation: Invitation) => {
    try {
      await navigator.clipboard.writeText(invitation.url ?? '');
      toast(`Copied the invitation link for ${invitation.email}`, 'success');
    } catch {
      toast('The browser refused clipboard access.', 'error');
    }
  };
  return (
    <Table size="small" aria-label="Invitations" aria-busy={busy}>
      <TableHead>
        <TableRow>
          <TableCell>Email</TableCell>
          {showRoles ? <TableCell>Role</TableCell> : null}
          <TableCell>Invited by</TableCell>
          <TableCell>Sent</TableCell>
          {caps.expires ? <TableCell>Expires</TableCell> : null}
          <TableCell>Status</TableCell>
          {actions ? <TableCell align="right">Actions</TableCell> : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {invitations === null
          ? Array.from({ length: 5 }, (_, index) => (
              <TableRow key={index}>
                <TableCell colSpan={columns}>
                  <Skeleton variant="text" aria-hidden />
                </TableCell>
              </TableRow>
            ))
          : invitations.map((invitation) => {
              const expired = isExpired(invitation, now);
              const status: InvitationStatus =
                invitation.status === 'pending' && expired ? 'expired' : invitation.status;
              const pending = status === 'pending';
              return (
                <TableRow key={invitation.id} hover>
                  <TableCell sx={{ overflowWrap: 'break-word' }}>
                    <BreakableEmail>{invitation.email}</BreakableEmail>
                  </TableCell>
                  {showRoles ? (
                    <TableCell>
                      {invitation.roles.map((role) => role.name).join(', ') || '—'}
                    </TableCell>
                  ) : null}
                  <TableCell>{invitation.invitedBy ?? '—'}</TableCell>
                  <TableCell>{formatDate(invitation.createdAt)}</TableCell>
                  {caps.expires ? (
                    <TableCell>
                      {invitation.expiresAt === null ? 'Never' : formatDate(invitation.expiresAt)}
                    </TableCell>
                  ) : null}
                  <TableCell>
                    <Chip
                      size="small"
                      color={STATUS_COLOR[status]}
                      label={status.charAt(0).toUpperCase() + status.slice(1)}
                    />
                  </TableCell>
                  {actions ? (
                    <TableCell align="right">
                      <InvitationRowActions
                        email={invitation.email}
                        resending={resending === invitation.id}
                        onCopyLink={
                          caps.link && invitation.url && pending
                            ? () => void copyLink(invitation)
                            : null
                        }
                        onResend={
                          onResend && (pending || status === 'expired')
                            ? () => {
                                onResend(invitation);
                              }
                            : null
                        }
                        onRevoke={
                          onRevoke && pending
                            ? () => {
                                onRevoke(invitation);
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
