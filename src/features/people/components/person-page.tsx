import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import type { Person, PersonOnConnection } from '../../../api/connection-index';
import type { Connection } from '../../../api/connections';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { Gated } from '../../../components/gated';
import { PageHeader } from '../../../components/page-header';
import { useToast } from '../../../components/toast';
import { paths } from '../../../config/paths';
import { peopleQueries } from '../../../data/connection-index';
import { connectionQueries } from '../../../data/connections';
import { usePersonAction, type PersonAction } from '../../../data/person-actions';
import { describeError } from '../../../lib/describe-error';
import { formatDate } from '../../../lib/format';
import { timeAgo } from '../../../lib/relative-time';

function summary(person: Person): string {
  const orgs = person.connections.reduce((sum, on) => sum + on.memberships.length, 0);
  const pending = person.connections.reduce(
    (sum, on) =>
      sum + on.invitations.filter((invitation) => invitation.status === 'pending').length,
    0,
  );
  const where = `${person.connections.length} connection${person.connections.length === 1 ? '' : 's'}`;
  return `Member of ${orgs} organization${orgs === 1 ? '' : 's'}, ${pending} pending invitation${pending === 1 ? '' : 's'}, on ${where}`;
}

function confirmText(action: PersonAction, email: string, connection: Connection) {
  switch (action.kind) {
    case 'remove':
      return {
        title: `Remove ${email} from ${action.membership.orgName}?`,
        body:
          connection.capabilities.people.members?.removeConsequence ??
          'They lose access to this organization.',
        confirm: `Remove from ${action.membership.orgName}`,
        done: `${email} was removed from ${action.membership.orgName}.`,
      };
    case 'revoke':
      return {
        title: `Revoke the invitation of ${email} to ${action.invitation.orgName}?`,
        body: 'The invitation link stops working; they can be invited again later.',
        confirm: 'Revoke invitation',
        done: `The invitation of ${email} to ${action.invitation.orgName} was revoked.`,
      };
    case 'resend':
      return {
        title: `Resend the invitation of ${email} to ${action.invitation.orgName}?`,
        body:
          connection.capabilities.people.invitations?.resend === 'native'
            ? 'They receive the invitation email again.'
            : 'The current invitation is revoked and a new one sent with the same role; the old link stops working.',
        confirm: 'Resend invitation',
        done: `The invitation of ${email} to ${action.invitation.orgName} was sent again.`,
      };
  }
}

function ConnectionSection({
  email,
  on,
  connection,
}: {
  readonly email: string;
  readonly on: PersonOnConnection;
  readonly connection: Connection | undefined;
}) {
  const { toast } = useToast();
  const [pendingAction, setPendingAction] = useState<PersonAction | null>(null);
  const headingId = `person-connection-${on.connectionId}`;
  const caps = connection?.capabilities.people;
  const action = usePersonAction(connection);
  const text = pendingAction && connection ? confirmText(pendingAction, email, connection) : null;
  const pendingInvitations = on.invitations.filter((invitation) => invitation.status === 'pending');

  return (
    <Paper component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap', mb: 1 }}>
        <Typography id={headingId} variant="h2" sx={{ fontSize: '1.25rem' }}>
          {on.label}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {on.syncedAt ? `indexed ${timeAgo(on.syncedAt)}` : 'not indexed yet'}
        </Typography>
      </Stack>
      <Typography variant="h3" sx={{ fontSize: '1rem', mt: 1 }}>
        Memberships
      </Typography>
      {on.memberships.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
          No memberships on {on.label}.
        </Typography>
      ) : (
        <Table size="small" aria-label={`Memberships on ${on.label}`}>
          <TableHead>
            <TableRow>
              <TableCell>Organization</TableCell>
              <TableCell>Roles</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {on.memberships.map((membership) => (
              <TableRow key={membership.orgId}>
                <TableCell>
                  <Link
                    component={RouterLink}
                    to={`${paths.orgs.detail.href(on.connectionId, membership.orgId, 'members')}?q=${encodeURIComponent(email)}`}
                  >
                    {membership.orgName}
                  </Link>
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
                    {membership.roles.length === 0 ? '—' : null}
                    {membership.roles.map((role) => (
                      <Chip key={role} size="small" label={role} />
                    ))}
                  </Stack>
                </TableCell>
                <TableCell align="right">
                  {caps?.members?.remove ? (
                    <Gated need="support" action="remove members">
                      {(disabled) => (
                        <Button
                          size="small"
                          color="error"
                          disabled={disabled}
                          aria-label={`Remove ${email} from ${membership.orgName}`}
                          onClick={() => {
                            setPendingAction({ kind: 'remove', membership });
                          }}
                        >
                          Remove
                        </Button>
                      )}
                    </Gated>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Typography variant="h3" sx={{ fontSize: '1rem', mt: 2 }}>
        Pending invitations
      </Typography>
      {pendingInvitations.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
          No pending invitations on {on.label}.
        </Typography>
      ) : (
        <Table size="small" aria-label={`Pending invitations on ${on.label}`}>
          <TableHead>
            <TableRow>
              <TableCell>Organization</TableCell>
              <TableCell>Role</TableCell>
              <TableCell>Sent</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {pendingInvitations.map((invitation) => (
              <TableRow key={invitation.invitationId}>
                <TableCell>
                  <Link
                    component={RouterLink}
                    to={paths.orgs.detail.href(on.connectionId, invitation.orgId, 'invitations')}
                  >
                    {invitation.orgName}
                  </Link>
                </TableCell>
                <TableCell>{invitation.role ?? '—'}</TableCell>
                <TableCell>{formatDate(invitation.createdAt ?? null)}</TableCell>
                <TableCell align="right">
                  <Gated need="support" action="change invitations">
                    {(disabled) => (
                      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                        {caps?.invitations?.resend ? (
                          <Button
                            size="small"
                            disabled={disabled}
                            aria-label={`Resend the invitation to ${invitation.orgName}`}
                            onClick={() => {
                              setPendingAction({ kind: 'resend', invitation, email });
                            }}
                          >
                            Resend
                          </Button>
                        ) : null}
                        {caps?.invitations?.revoke ? (
                          <Button
                            size="small"
                            color="error"
                            disabled={disabled}
                            aria-label={`Revoke the invitation to ${invitation.orgName}`}
                            onClick={() => {
                              setPendingAction({ kind: 'revoke', invitation });
                            }}
                          >
                            Revoke
                          </Button>
                        ) : null}
                      </Stack>
                    )}
                  </Gated>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {text && pendingAction ? (
        <ConfirmDialog
          open
          title={text.title}
          confirmLabel={text.confirm}
          destructive={pendingAction.kind !== 'resend'}
          pending={action.isPending}
          error={action.error ? describeError(action.error).message : null}
          onClose={() => {
            setPendingAction(null);
            action.reset();
          }}
          onConfirm={() => {
            action.mutate(pendingAction, {
              onSuccess: () => {
                toast(text.done, 'success');
                setPendingAction(null);
              },
            });
          }}
        >
          {text.body}
        </ConfirmDialog>
      ) : null}
    </Paper>
  );
}

function PersonSkeleton() {
  return (
    <Box role="status" aria-label="Loading this person" aria-busy>
      <Skeleton variant="text" width={320} height={44} />
      <Skeleton variant="rounded" height={160} sx={{ mt: 2 }} />
      <Skeleton variant="rounded" height={160} sx={{ mt: 2 }} />
    </Box>
  );
}

/** A person across every connection: memberships and pending invitations, with support's actions. */
export function PersonPage({ email }: { readonly email: string }) {
  const person = useQuery(peopleQueries.person(email));
  const connections = useQuery(connectionQueries.list());

  if (person.isPending) return <PersonSkeleton />;
  if (person.isError) {
    return (
      <>
        <PageHeader title={email} />
        <ErrorState
          title="Could not look this person up"
          error={person.error}
          onRetry={() => void person.refetch()}
          retrying={person.isFetching}
        />
      </>
    );
  }
  if (person.data === null) {
    return (
      <>
        <PageHeader title={email} />
        <EmptyState
          icon={<PersonSearchIcon />}
          title={`No connection knows ${email}`}
          description="Orgdeck looks in the index of every connection you can see. Check the address, or search with Ctrl+K by its beginning; someone added minutes ago appears after the next index refresh (Refresh on a connection’s organization list)."
        />
      </>
    );
  }
  const found = person.data;
  return (
    <>
      <PageHeader
        title={found.name ? `${found.name} (${found.email})` : found.email}
        subtitle={summary(found)}
      />
      <Stack spacing={2}>
        {found.connections.map((on) => (
          <ConnectionSection
            key={on.connectionId}
            email={found.email}
            on={on}
            connection={connections.data?.find((candidate) => candidate.id === on.connectionId)}
          />
        ))}
      </Stack>
    </>
  );
}
