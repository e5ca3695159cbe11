import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { useState } from 'react';
import type { Organization } from '../../../api/domain';
import type { Member } from '../../../api/people';
import { QueueProgressView } from '../../../components/queue-progress';
import { useToast } from '../../../components/toast';
import { useActiveConnection } from '../../../lib/connection-context';
import { useQueueRun } from '../../../lib/use-queue-run';
import { useRefreshMembers, useRemoveMemberCall } from '../api/mutations';
import { memberLabel } from './member-identity';

export interface RemoveMembersDialogProps {
  readonly org: Organization;
  readonly members: readonly Member[];
  readonly onClose: () => void;
  /** Called with the ids that were removed. */
  readonly onRemoved: (userIds: readonly string[]) => void;
}

/**
 * Removes one member or several: names who and from where before, then removes them one by one
 * with a progress bar and a result per member (one failure does not stop the rest).
 */
export function RemoveMembersDialog({
  org,
  members,
  onClose,
  onRemoved,
}: RemoveMembersDialogProps) {
  const { api } = useActiveConnection();
  const remove = useRemoveMemberCall(org.id);
  const refresh = useRefreshMembers(org.id);
  const { toast } = useToast();
  const queue = useQueueRun<Member, unknown>(
    (member) => member.userId,
    () => 'Removed',
  );
  const [now, setNow] = useState(() => Date.now());
  const single = members.length === 1 ? members[0] : undefined;
  const title = single
    ? `Remove ${memberLabel(single)} from ${org.name}?`
    : `Remove ${members.length} members from ${org.name}?`;
  const { running, finished, progress, outcomes } = queue.state;

  const run = async () => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 500);
    const results = await queue.start(members, (member) => remove(member.userId), {
      concurrency: 2,
    });
    clearInterval(timer);
    await refresh();
    const removed = results.filter((result) => result.ok).map((result) => result.item.userId);
    const failed = results.filter((result) => !result.ok);
    onRemoved(removed);
    if (failed.length === 0) {
      toast(
        single
          ? `Removed ${memberLabel(single)} from ${org.name}`
          : `Removed ${removed.length} members from ${org.name}`,
        'success',
      );
      if (single) onClose();
    } else {
      toast(`Removed ${removed.length} of ${members.length}; ${failed.length} failed`, 'error');
    }
  };

  const failures = [...outcomes.values()].filter((outcome) => !outcome.ok);
  return (
    <Dialog
      open
      onClose={running ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="remove-members-title"
    >
      <DialogTitle id="remove-members-title">{title}</DialogTitle>
      <DialogContent>
        {!running && !finished ? (
          <>
            <DialogContentText>
              {api.capabilities.people.members?.removeConsequence}
            </DialogContentText>
            {single ? null : (
              <List dense aria-label="Members to remove" sx={{ maxHeight: 240, overflow: 'auto' }}>
                {members.map((member) => (
                  <ListItem key={member.userId} disableGutters>
                    <ListItemText
                      primary={memberLabel(member)}
                      secondary={member.name && member.email ? member.name : null}
                    />
                  </ListItem>
                ))}
              </List>
            )}
          </>
        ) : (
          <>
            {single && failures[0] ? (
              <Alert severity="error">{failures[0].message}</Alert>
            ) : (
              <QueueProgressView
                title="Removing"
                progress={progress}
                now={now}
                rows={members.map((member) => ({
                  key: member.userId,
                  label: memberLabel(member),
                  outcome: outcomes.get(member.userId) ?? null,
                }))}
              />
            )}
            {finished && !single ? (
              <Alert severity={failures.length === 0 ? 'success' : 'warning'} sx={{ mt: 2 }}>
                {failures.length === 0
                  ? `All ${members.length} members were removed.`
                  : `${progress.done - progress.failed} removed, ${failures.length} failed: ${failures
                      .map((failure) => `${memberLabel(failure.item)} (${failure.message})`)
                      .join('; ')}`}
              </Alert>
            ) : null}
          </>
        )}
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
            <Button color="error" variant="contained" loading={running} onClick={() => void run()}>
              {single ? `Remove ${memberLabel(single)}` : `Remove ${members.length} members`}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
