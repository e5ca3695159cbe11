import PersonAddIcon from '@mui/icons-material/PersonAdd';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { InvitationCapabilities } from '../../../api/capabilities';
import type { Organization } from '../../../api/domain';
import type { Invitation, InvitationStatus } from '../../../api/people';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { ParamsPagination } from '../../../components/list-pagination';
import { useToast } from '../../../components/toast';
import { useActiveConnection } from '../../../lib/connection-context';
import { describeError } from '../../../lib/describe-error';
import { useResendInvitation, useRevokeInvitation } from '../api/mutations';
import { RevokedNotResentError } from '../../../data/resend-invitation';
import { invitationQueries } from '../api/queries';
import {
  invitationPageSizes,
  parseInvitationParams,
  serializeInvitationParams,
} from '../invitation-list-params';
import { CsvImportDialog } from './csv-import-dialog';
import { InvitationsTable } from './invitations-table';
import { InviteDialog } from './invite-dialog';
import { Gated } from '../../../components/gated';
import { useCan } from '../../../lib/session-queries';

const LABEL: Record<InvitationStatus, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  revoked: 'Revoked',
  expired: 'Expired',
  failed: 'Failed',
};

export function InvitationsPanel({ org }: { readonly org: Organization }) {
  const { api } = useActiveConnection();
  const caps = api.capabilities.people.invitations;
  if (!caps)
    return <Alert severity="info">{api.capabilities.displayName} keeps no invitations.</Alert>;
  return <InvitationsPanelBody org={org} caps={caps} />;
}

function InvitationsPanelBody({
  org,
  caps,
}: {
  readonly org: Organization;
  readonly caps: InvitationCapabilities;
}) {
  const active = useActiveConnection();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = parseInvitationParams(searchParams, caps);
  const list = useQuery(invitationQueries.list(active, org.id, params));
  const [dialog, setDialog] = useState<'invite' | 'csv' | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const revoke = useRevokeInvitation(org.id);
  const resend = useResendInvitation(org.id);
  const { toast } = useToast();
  const [now] = useState(() => Date.now());
  const canManage = useCan('support', 'manage invitations').allowed;
  const page = list.data;
  const setParams = (next: typeof params) => {
    setSearchParams(serializeInvitationParams(next, caps));
  };

  return (
    <Paper component="section" aria-label="Invitations">
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={2}
        sx={{ p: 2, alignItems: { md: 'center' } }}
      >
        {caps.statuses.length > 1 ? (
          <ToggleButtonGroup
            size="small"
            value={[...params.statuses]}
            aria-label="Show invitations by status"
            onChange={(_, value: InvitationStatus[]) => {
              if (value.length > 0) setParams({ ...params, statuses: value, page: 1 });
            }}
          >
            {caps.statuses.map((status) => (
              <ToggleButton key={status} value={status}>
                {LABEL[status]}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {active.api.capabilities.displayName} lists pending invitations only.
          </Typography>
        )}
        <Box sx={{ flexGrow: 1 }} />
        <Gated need="support" action="invite people">
          {(gated) => (
            <Button
              disabled={gated}
              variant="outlined"
              startIcon={<UploadFileIcon />}
              onClick={() => {
                setDialog('csv');
              }}
            >
              Import CSV
            </Button>
          )}
        </Gated>
        <Gated need="support" action="invite people">
          {(gated) => (
            <Button
              disabled={gated}
              variant="contained"
              startIcon={<PersonAddIcon />}
              onClick={() => {
                setDialog('invite');
              }}
            >
              Invite people
            </Button>
          )}
        </Gated>
      </Stack>
      {resend.isError ? (
        <Alert
          severity="error"
          sx={{ mx: 2, mb: 1 }}
          onClose={() => {
            resend.reset();
          }}
        >
          {resend.error instanceof RevokedNotResentError
            ? resend.error.message
            : `The invitation was not resent: ${describeError(resend.error).message}`}
        </Alert>
      ) : null}
      <Box sx={{ height: 4 }}>
        {list.isFetching && !list.isPending ? (
          <LinearProgress aria-label="Refreshing invitations" />
        ) : null}
      </Box>
      {list.isError && !page ? (
        <Box sx={{ p: 2 }}>
          <ErrorState
            title="Could not load invitations"
            error={list.error}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        </Box>
      ) : page && page.items.length === 0 ? (
        <EmptyState
          title={`No ${params.statuses.map((s) => LABEL[s].toLowerCase()).join(' or ')} invitations`}
          description="Invite people by email, one or many at a time."
          action={
            <Button
              onClick={() => {
                setDialog('invite');
              }}
            >
              Invite people
            </Button>
          }
        />
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <InvitationsTable
            caps={caps}
            invitations={page ? page.items : null}
            now={now}
            busy={list.isFetching}
            resending={resend.isPending ? resend.variables.id : null}
            onRevoke={caps.revoke && canManage ? setRevoking : null}
            onResend={
              caps.resend && canManage
                ? (invitation) => {
                    resend.mutate(invitation, {
                      onSuccess: () => {
                        toast(`Resent the invitation to ${invitation.email}`, 'success');
                      },
                    });
                  }
                : null
            }
          />
        </Box>
      )}
      <ParamsPagination
        data={page}
        params={params}
        setParams={setParams}
        pageSizes={invitationPageSizes(caps)}
        stale={list.isPlaceholderData}
      />
      {dialog === 'invite' ? (
        <InviteDialog
          org={org}
          onClose={() => {
            setDialog(null);
          }}
        />
      ) : null}
      {dialog === 'csv' ? (
        <CsvImportDialog
          org={org}
          onClose={() => {
            setDialog(null);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={revoking !== null}
        destructive
        title={`Revoke the invitation to ${revoking?.email ?? ''}?`}
        confirmLabel={`Revoke invitation to ${revoking?.email ?? ''}`}
        pending={revoke.isPending}
        error={revoke.error ? describeError(revoke.error).message : null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking, {
            onSuccess: () => {
              toast(`Revoked the invitation to ${revoking.email}`, 'success');
              setRevoking(null);
            },
          });
        }}
      >
        <Typography>
          {revoking?.email} will no longer be able to join {org.name} with this invitation.
          {caps.resend ? ' You can invite them again later.' : ''}
        </Typography>
      </ConfirmDialog>
    </Paper>
  );
}
