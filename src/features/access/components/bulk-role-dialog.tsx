import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Organization } from '../../../api/domain';
import type { Member } from '../../../api/people';
import { QueueProgressView } from '../../../components/queue-progress';
import { useToast } from '../../../components/toast';
import { useActiveConnection } from '../../../lib/connection-context';
import { orgScopeQueries } from '../../../lib/org-scope-queries';
import { useQueueRun } from '../../../lib/use-queue-run';
import { bulkGrantCall, useAccessCall, useRefreshAccess } from '../api/mutations';
import { planBulkRole, type BulkAction, type PlanRow } from '../bulk-plan';

/**
 * Give a role to several members or take it away: a diff of what will change, for whom, first;
 * then the changes (in one bulk request where the provider has one) with a result per member.
 */
export function BulkRoleDialog({
  org,
  members,
  onClose,
}: {
  readonly org: Organization;
  readonly members: readonly Member[];
  readonly onClose: () => void;
}) {
  const active = useActiveConnection();
  const caps = active.api.capabilities;
  const multiple = caps.access?.roles === 'editable';
  const catalogue = useQuery(orgScopeQueries.roles(active, org.id));
  const [action, setAction] = useState<BulkAction>('give');
  const [roleKey, setRoleKey] = useState('');
  const call = useAccessCall(org.id);
  const refresh = useRefreshAccess(org.id);
  const queue = useQueueRun<PlanRow, unknown>(
    (row) => row.member.userId,
    (row) => row.note,
  );
  const { toast } = useToast();
  const [now, setNow] = useState(() => Date.now());
  const role = catalogue.data?.find((candidate) => candidate.key === roleKey);
  const plan = role ? planBulkRole(members, action, role, multiple) : [];
  const [frozen, setFrozen] = useState<readonly PlanRow[] | null>(null);
  const rows = frozen ?? plan;
  const work = rows.filter((row) => row.change !== null);
  const { running, finished, progress, outcomes } = queue.state;

  const run = async () => {
    setFrozen(plan);
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 500);
    // Giving a role goes out as one bulk request where the provider has one; otherwise (and to
    // take roles away) one member at a time. Either way each member gets their own result.
    const kind = work[0]?.change?.kind;
    const bulk = kind ? bulkGrantCall(active.api, org.id, kind) : null;
    const each = bulk?.call ?? call;
    const results = await queue.start(
      work,
      (row) => (row.change ? each(row.member.userId, row.change) : Promise.resolve()),
      { concurrency: bulk?.concurrency ?? 2 },
    );
    clearInterval(timer);
    await refresh(members.map((member) => member.userId));
    const failed = results.filter((result) => !result.ok).length;
    toast(
      `${role?.name ?? 'Role'}: ${results.length - failed} of ${results.length} changed in ${org.name}`,
      failed === 0 ? 'success' : 'warning',
    );
  };

  return (
    <Dialog
      open
      onClose={running ? undefined : onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="bulk-role-title"
    >
      <DialogTitle id="bulk-role-title">
        Change the roles of {members.length} members of {org.name}
      </DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            {multiple ? (
              <ToggleButtonGroup
                exclusive
                size="small"
                value={action}
                disabled={running || finished}
                aria-label="Give or take away"
                onChange={(_, value: BulkAction | null) => {
                  if (value) setAction(value);
                }}
              >
                <ToggleButton value="give">Give role</ToggleButton>
                <ToggleButton value="take">Take role away</ToggleButton>
              </ToggleButtonGroup>
            ) : null}
            <TextField
              select
              size="small"
              label="Role"
              value={roleKey}
              disabled={running || finished}
              onChange={(event) => {
                setRoleKey(event.target.value);
              }}
              sx={{ minWidth: 220 }}
            >
              {(catalogue.data ?? []).map((candidate) => (
                <MenuItem key={candidate.key} value={candidate.key}>
                  {candidate.name}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          {role ? (
            <>
              <Alert severity="info" role="status">
                {work.length} of {members.length} members will change;{' '}
                {members.length - work.length} already match.
              </Alert>
              <Table size="small" aria-label="What will change">
                <TableHead>
                  <TableRow>
                    <TableCell>Member</TableCell>
                    <TableCell>Change</TableCell>
                    <TableCell>Result</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((row) => {
                    const outcome = outcomes.get(row.member.userId);
                    return (
                      <TableRow key={row.member.userId}>
                        <TableCell>
                          {row.member.email ?? row.member.name ?? row.member.userId}
                        </TableCell>
                        <TableCell>{row.note}</TableCell>
                        <TableCell>
                          {row.change === null
                            ? 'Nothing to do'
                            : outcome
                              ? outcome.ok
                                ? 'Done'
                                : outcome.message
                              : '—'}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </>
          ) : null}
          {running || finished ? (
            <QueueProgressView title="Changing roles" progress={progress} now={now} rows={[]} />
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
            <Button onClick={running ? queue.cancel : onClose}>
              {running ? 'Stop' : 'Cancel'}
            </Button>
            <Button
              variant="contained"
              disabled={!role || work.length === 0}
              loading={running}
              onClick={() => void run()}
            >
              {work.length === 0
                ? 'Apply'
                : `Apply to ${work.length} member${work.length === 1 ? '' : 's'}`}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
