import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Organization } from '../../../api/domain';
import type { InviteInput, Member } from '../../../api/people';
import { QueueProgressView } from '../../../components/queue-progress';
import { RolePicker } from '../../../components/role-picker';
import { useToast } from '../../../components/toast';
import { DiscardChangesDialog } from '../../../components/unsaved-changes';
import { useActiveConnection } from '../../../lib/connection-context';
import { memberQueries } from '../../../data/members';
import { orgScopeQueries } from '../../../lib/org-scope-queries';
import { invitationQueries } from '../api/queries';
import { useQueueRun } from '../../../lib/use-queue-run';
import { useInviteCall, useInviteManyCall, useRefreshInvitations } from '../api/mutations';
import { batchedInviteWorker } from '../batched-invite';
import { SendEmailSwitch } from './send-email-switch';
import { checkBatch, splitEmails, type BatchRow } from '../email-batch';
import { BatchRowsView } from './batch-rows-view';
import { inviteOutcomeMessage, suggestedRoles } from '../invite-outcome';

function memberLabel(member: Member): string {
  const name = member.name ?? member.email ?? member.userId;
  return member.email && member.name ? `${name} (${member.email})` : name;
}

/** Whether the org has the limit a note speaks of (0 or no value in its field means none). */
function limitApplies(field: string | undefined, org: Organization): boolean {
  if (field === undefined) return true;
  const value = org.fields[field];
  return typeof value === 'number' && value > 0;
}

/**
 * Invite many people at once: every address is checked (format, repeats, existing members and
 * invitations) before anything is sent, then sent (in bulk calls where the provider has them)
 * with a result per address.
 */
export function InviteDialog({
  org,
  onClose,
}: {
  readonly org: Organization;
  readonly onClose: () => void;
}) {
  const active = useActiveConnection();
  const caps = active.api.capabilities.people.invitations;
  const { toast } = useToast();
  const [text, setText] = useState('');
  // Null until the user picks: the suggested role stands in (see `suggestedRoles`).
  const [chosenRoles, setRoles] = useState<string[] | null>(null);
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [sendEmail, setSendEmail] = useState(true);
  const [expiresInDays, setExpiresInDays] = useState('30');
  const [roleError, setRoleError] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const members = useQuery(memberQueries.everything(active, org.id));
  const pending = useQuery(invitationQueries.everything(active, org.id, ['pending']));
  const catalogue = useQuery(orgScopeQueries.roles(active, org.id));
  const roles =
    chosenRoles ?? suggestedRoles(catalogue.data ?? [], caps?.roles ?? null, caps?.defaultRole);
  const invite = useInviteCall(org.id);
  const inviteMany = useInviteManyCall(org.id);
  const [inviter, setInviter] = useState<Member | null>(null);
  const refresh = useRefreshInvitations(org.id);
  const queue = useQueueRun<BatchRow, unknown>(
    (row) => row.email,
    () => 'Invited',
  );
  const [now, setNow] = useState(() => Date.now());
  const summaryRef = useRef<HTMLDivElement>(null);
  const finishedNow = queue.state.finished;
  useEffect(() => {
    // After Send the outcome is scrolled into view (jsdom has no scrolling, hence the guard).
    const summary = summaryRef.current;
    if (!finishedNow || !summary) return;
    // Send went busy and then away: focus lands on the outcome, not on the dialog frame.
    summary.focus({ preventScroll: true });
    if (typeof summary.scrollIntoView === 'function') summary.scrollIntoView({ block: 'nearest' });
  }, [finishedNow]);

  // The duplicate checks need both lists: sending before they load would skip them.
  const checking = members.isPending || pending.isPending;

  const [frozen, setFrozen] = useState<readonly BatchRow[] | null>(null);
  const checked = useMemo(
    () =>
      checkBatch(
        splitEmails(text).map((input) => ({ input, roles: [] })),
        {
          members: new Set(
            (members.data?.items ?? []).flatMap((m) => (m.email ? [m.email.toLowerCase()] : [])),
          ),
          invited: new Set((pending.data?.items ?? []).map((i) => i.email.toLowerCase())),
          roleKeys: null,
        },
      ),
    [text, members.data, pending.data],
  );
  // Once sending starts, the checks are kept as they were: the refreshed lists would otherwise
  // report the new invitations as "already invited".
  const rows = frozen ?? checked;
  const ready = rows.filter((row) => row.status === 'ready');
  const refused = rows.length - ready.length;
  const { running, finished, progress, outcomes } = queue.state;
  const expiryValid =
    !caps?.expiryOption ||
    (/^\d+$/.test(expiresInDays) && Number(expiresInDays) >= 1 && Number(expiresInDays) <= 365);
  if (!caps) return null;

  const inputFor = (email: string): InviteInput => ({
    email,
    roles,
    ...(caps.names && ready.length === 1 && firstName.trim() !== ''
      ? { firstName: firstName.trim() }
      : {}),
    ...(caps.names && ready.length === 1 && lastName.trim() !== ''
      ? { lastName: lastName.trim() }
      : {}),
    ...(caps.sendEmailOption ? { sendEmail } : {}),
    ...(caps.expiryOption ? { expiresInDays: Number(expiresInDays) } : {}),
    ...(caps.inviter && inviter ? { inviterUserId: inviter.userId } : {}),
  });

  const send = async () => {
    if (caps.roleRequired && roles.length === 0) {
      setRoleError('Choose a role for the invitations.');
      return;
    }
    setFrozen(checked);
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 500);
    // In bulk calls where the provider has them, still with a result per address.
    const worker = batchedInviteWorker(
      ready,
      (row) => inputFor(row.email),
      { create: invite, createMany: inviteMany },
      caps.bulk,
    );
    const results = await queue.start(ready, worker, {
      concurrency: 2,
      committed: worker.committed,
    });
    clearInterval(timer);
    await refresh();
    const sent = results.filter((result) => result.ok).length;
    toast(
      inviteOutcomeMessage(org.name, sent, results.length - sent, checked),
      sent === ready.length && refused === 0 ? 'success' : 'warning',
    );
  };

  const requestClose = () => {
    if (running) return;
    if (!finished && text.trim() !== '') setConfirmDiscard(true);
    else onClose();
  };

  return (
    <>
      <Dialog open onClose={requestClose} fullWidth maxWidth="md" aria-labelledby="invite-title">
        <DialogTitle id="invite-title">Invite people to {org.name}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2.5}>
            <TextField
              label="Email addresses"
              multiline
              minRows={3}
              autoFocus
              value={text}
              disabled={running || finished}
              onChange={(event) => {
                setText(event.target.value);
              }}
              helperText="Paste or type several, separated by commas, spaces or new lines."
            />
            {caps.roles ? (
              <RolePicker
                roles={catalogue.data ?? []}
                value={roles}
                multiple={caps.roles === 'multiple'}
                defaultRole={caps.defaultRole}
                required={caps.roleRequired}
                disabled={running || finished}
                error={roleError}
                onChange={(keys) => {
                  setRoles(keys);
                  setRoleError(null);
                }}
              />
            ) : null}
            {caps.inviter ? (
              <Autocomplete
                // The inviter must be an org admin (see `inviter`): others would be refused per address.
                options={(members.data?.items ?? []).filter((member) =>
                  member.roles.some((role) => /admin/i.test(role.key)),
                )}
                value={inviter}
                loading={members.isPending}
                disabled={running || finished}
                getOptionLabel={memberLabel}
                isOptionEqualToValue={(a, b) => a.userId === b.userId}
                onChange={(_, member) => {
                  setInviter(member);
                }}
                renderInput={(params) => (
                  <TextField
                    {...params}
                    label="Invited by"
                    helperText={`Optional: an admin of ${org.name}, named as the sender.`}
                  />
                )}
              />
            ) : null}
            {caps.names && ready.length === 1 ? (
              <Stack direction="row" spacing={2}>
                <TextField
                  label="First name"
                  value={firstName}
                  onChange={(e) => {
                    setFirstName(e.target.value);
                  }}
                  fullWidth
                  slotProps={{ htmlInput: { maxLength: 64 } }}
                />
                <TextField
                  label="Last name"
                  value={lastName}
                  onChange={(e) => {
                    setLastName(e.target.value);
                  }}
                  fullWidth
                  slotProps={{ htmlInput: { maxLength: 64 } }}
                />
              </Stack>
            ) : null}
            <Stack direction="row" spacing={3} sx={{ alignItems: 'center' }}>
              {caps.sendEmailOption ? (
                <SendEmailSwitch checked={sendEmail} onChange={setSendEmail} />
              ) : null}
              {caps.expiryOption ? (
                <TextField
                  label="Expires after (days)"
                  size="small"
                  value={expiresInDays}
                  onChange={(e) => {
                    setExpiresInDays(e.target.value);
                  }}
                  error={!expiryValid}
                  helperText={expiryValid ? undefined : 'Between 1 and 365 days.'}
                  slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                />
              ) : null}
            </Stack>
            {caps.limitsNote && limitApplies(caps.limitsNoteField, org) ? (
              <Alert severity="info">{caps.limitsNote}</Alert>
            ) : null}
            {checking ? (
              <Alert severity="info" role="status">
                Still checking existing members and invitations…
              </Alert>
            ) : null}
            {running || finished ? (
              <QueueProgressView title="Inviting" progress={progress} now={now} rows={[]} />
            ) : null}
            {finished ? (
              // Above the per-address results, and scrolled to after Send: the outcome is in view.
              <Alert
                ref={summaryRef}
                tabIndex={-1}
                severity={progress.failed === 0 ? 'success' : 'warning'}
                sx={{ scrollMarginTop: 8 }}
              >
                {progress.done - progress.failed} invited
                {progress.failed > 0 ? `, ${progress.failed} failed` : ''}
                {refused > 0 ? `, ${refused} not sent (see below)` : ''}.
              </Alert>
            ) : null}
            {rows.length > 0 ? (
              <BatchRowsView rows={rows} outcomes={outcomes} showRoles={false} />
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          {finished ? (
            <Button variant="contained" onClick={onClose}>
              Done
            </Button>
          ) : (
            <>
              <Button onClick={running ? queue.cancel : requestClose}>
                {running ? 'Stop' : 'Cancel'}
              </Button>
              <Button
                variant="contained"
                disabled={ready.length === 0 || !expiryValid || checking}
                loading={running}
                onClick={() => void send()}
              >
                {ready.length === 0
                  ? 'Send invitations'
                  : `Send ${ready.length} invitation${ready.length === 1 ? '' : 's'}`}
              </Button>
            </>
          )}
        </DialogActions>
      </Dialog>
      <DiscardChangesDialog
        open={confirmDiscard}
        onKeepEditing={() => {
          setConfirmDiscard(false);
        }}
        onDiscard={() => {
          setConfirmDiscard(false);
          onClose();
        }}
      />
    </>
  );
}
