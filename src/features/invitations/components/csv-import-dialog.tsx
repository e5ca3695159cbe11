import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import type { Organization } from '../../../api/domain';
import { QueueProgressView } from '../../../components/queue-progress';
import { RolePicker } from '../../../components/role-picker';
import { useToast } from '../../../components/toast';
import { useActiveConnection } from '../../../lib/connection-context';
import { downloadText, parseCsv, toCsv } from '../../../lib/csv';
import { memberQueries } from '../../../data/members';
import { orgScopeQueries } from '../../../lib/org-scope-queries';
import { invitationQueries } from '../api/queries';
import { useQueueRun } from '../../../lib/use-queue-run';
import { useInviteCall, useRefreshInvitations } from '../api/mutations';
import { checkBatch, entriesFromCsv, type BatchRow } from '../email-batch';
import { BatchRowsView } from './batch-rows-view';
import { SendEmailSwitch } from './send-email-switch';

const MAX_BYTES = 1024 * 1024;

/**
 * Import invitations from a CSV (email, optional role): a dry run shows what each row will do
 * before anything is sent; then a queue that backs off when the provider rate-limits, and a
 * results file to download.
 */
export function CsvImportDialog({
  org,
  onClose,
}: {
  readonly org: Organization;
  readonly onClose: () => void;
}) {
  const active = useActiveConnection();
  const caps = active.api.capabilities.people.invitations;
  const { toast } = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [entries, setEntries] = useState<{ input: string; roles: string[] }[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [fallbackRoles, setFallbackRoles] = useState<string[]>([]);
  const [sendEmail, setSendEmail] = useState(true);
  const members = useQuery(memberQueries.everything(active, org.id));
  const pending = useQuery(invitationQueries.everything(active, org.id, ['pending']));
  const catalogue = useQuery(orgScopeQueries.roles(active, org.id));
  const invite = useInviteCall(org.id);
  const refresh = useRefreshInvitations(org.id);
  const queue = useQueueRun<BatchRow, unknown>(
    (row) => row.email,
    () => 'Invited',
  );
  const [now, setNow] = useState(() => Date.now());
  const checking =
    members.isPending ||
    pending.isPending ||
    (active.api.capabilities.people.roleCatalogue && catalogue.isPending);

  const [frozen, setFrozen] = useState<readonly BatchRow[] | null>(null);
  const checked = useMemo(
    () =>
      checkBatch(entries, {
        members: new Set(
          (members.data?.items ?? []).flatMap((m) => (m.email ? [m.email.toLowerCase()] : [])),
        ),
        invited: new Set((pending.data?.items ?? []).map((i) => i.email.toLowerCase())),
        roleKeys:
          catalogue.data && catalogue.data.length > 0
            ? new Set(catalogue.data.map((role) => role.key))
            : null,
        ...(caps
          ? {
              roleRule: {
                roles: caps.roles,
                required: caps.roleRequired,
                fallback: caps.roles ? fallbackRoles : [],
              },
            }
          : {}),
      }),
    [entries, members.data, pending.data, catalogue.data, caps, fallbackRoles],
  );
  // The dry run's verdicts stay as they were once sending starts.
  const rows = frozen ?? checked;
  const ready = rows.filter((row) => row.status === 'ready');
  const { running, finished, progress, outcomes } = queue.state;
  if (!caps) return null;

  const load = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    if (file.size > MAX_BYTES) {
      setProblem(`${file.name} is larger than 1 MB.`);
      return;
    }
    const parsed = entriesFromCsv(parseCsv(await file.text()));
    if (parsed.length === 0) {
      setProblem(`${file.name} has no rows with an email address.`);
      return;
    }
    setFileName(file.name);
    setEntries(parsed);
  };

  const send = async () => {
    setFrozen(checked);
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 500);
    const results = await queue.start(
      ready,
      (row) =>
        invite({
          email: row.email,
          roles: row.roles,
          ...(caps.sendEmailOption ? { sendEmail } : {}),
        }),
      { concurrency: 2 },
    );
    clearInterval(timer);
    await refresh();
    const sent = results.filter((result) => result.ok).length;
    toast(
      `Imported ${fileName ?? 'the file'}: ${sent} of ${ready.length} invited`,
      sent === ready.length ? 'success' : 'warning',
    );
  };

  const download = () => {
    const lines = [
      ['email', 'roles', 'check', 'result', 'message'],
      ...rows.map((row) => {
        const outcome = outcomes.get(row.email);
        const result =
          row.status !== 'ready'
            ? 'not sent'
            : outcome
              ? outcome.ok
                ? 'invited'
                : 'failed'
              : 'not sent';
        return [
          row.input,
          row.roles.join('|'),
          row.status,
          result,
          outcome?.message ?? row.message,
        ];
      }),
    ];
    downloadText(`invitations-${org.slug ?? org.id}-results.csv`, toCsv(lines));
  };

  return (
    <Dialog
      open
      onClose={running ? undefined : onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="csv-title"
    >
      <DialogTitle id="csv-title">Import invitations to {org.name} from CSV</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            One address per row, in a column named “email”
            {caps.roles ? ', with an optional “role” column (several roles separated by “|”)' : ''}.
            Nothing is sent until you confirm the dry run below.
          </Typography>
          <Box>
            <input
              ref={input}
              type="file"
              accept=".csv,text/csv"
              hidden
              onChange={(event) => {
                void load(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
            <Button
              variant="outlined"
              startIcon={<UploadFileIcon />}
              disabled={running || finished}
              onClick={() => input.current?.click()}
            >
              {fileName ? `Replace ${fileName}` : 'Choose a CSV file'}
            </Button>
          </Box>
          {problem ? <Alert severity="error">{problem}</Alert> : null}
          {caps.roles ? (
            <RolePicker
              label="Role for rows without one"
              roles={catalogue.data ?? []}
              value={fallbackRoles}
              multiple={caps.roles === 'multiple'}
              defaultRole={caps.defaultRole}
              required={caps.roleRequired}
              disabled={running || finished}
              helperText={
                caps.roleRequired
                  ? 'Rows without a role are not sent until you choose one.'
                  : 'Leave empty to use the provider’s default.'
              }
              onChange={setFallbackRoles}
            />
          ) : null}
          {caps.sendEmailOption ? (
            <SendEmailSwitch
              checked={sendEmail}
              onChange={setSendEmail}
              disabled={running || finished}
            />
          ) : null}
          {entries.length > 0 ? (
            <>
              <Alert severity="info" role="status">
                Dry run: {ready.length} will be invited, {rows.length - ready.length} will not be
                sent
                {checking ? ' (still checking existing members and invitations…)' : ''}.
              </Alert>
              <Box sx={{ maxHeight: 320, overflow: 'auto' }}>
                <BatchRowsView rows={rows} outcomes={outcomes} showRoles={caps.roles !== null} />
              </Box>
            </>
          ) : null}
          {running || finished ? (
            <QueueProgressView title="Importing" progress={progress} now={now} rows={[]} />
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        {entries.length > 0 ? (
          <Button startIcon={<DownloadIcon />} onClick={download} disabled={running}>
            Download results
          </Button>
        ) : null}
        <Box sx={{ flexGrow: 1 }} />
        {finished ? (
          <Button variant="contained" onClick={onClose}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={running ? queue.cancel : onClose}>
              {running ? 'Stop' : 'Cancel'}
            </Button>
            <Button
              variant="contained"
              disabled={ready.length === 0 || checking}
              loading={running}
              onClick={() => void send()}
            >
              {`Invite ${ready.length} ${ready.length === 1 ? 'person' : 'people'}`}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
