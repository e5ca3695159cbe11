import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Organization } from '../../../api/domain';
import type { AddMemberInput, User } from '../../../api/people';
import { QueueProgressView } from '../../../components/queue-progress';
import { RolePicker } from '../../../components/role-picker';
import { useToast } from '../../../components/toast';
import { useActiveConnection } from '../../../lib/connection-context';
import { memberQueries } from '../../../data/members';
import { orgScopeQueries } from '../../../lib/org-scope-queries';
import { useDebouncedSearch } from '../../../lib/use-debounced-search';
import { useQueueRun } from '../../../lib/use-queue-run';
import { useAddMembersCall, useRefreshMembers } from '../api/mutations';
import { userQueries } from '../api/queries';

export interface AddMemberDialogProps {
  readonly org: Organization;
  readonly onClose: () => void;
}

function userLabel(user: User): string {
  return user.email ?? user.name ?? user.id;
}

/**
 * Adds existing users: several picked from the provider's users where it can search them (sent in
 * one request where the provider adds in bulk), else one typed by ID. Each user gets a result;
 * the dialog closes by itself only when every user was added.
 */
export function AddMemberDialog({ org, onClose }: AddMemberDialogProps) {
  const active = useActiveConnection();
  const people = active.api.capabilities.people;
  const members = people.members;
  const { toast } = useToast();
  const [query, setQuery] = useState('');
  const search = useDebouncedSearch(query, setQuery, 250);
  const [picked, setPicked] = useState<User[]>([]);
  const [typedId, setTypedId] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [roleError, setRoleError] = useState<string | null>(null);
  const users = useQuery({
    ...userQueries.search(active, query),
    enabled: people.userSearch,
  });
  const existing = useQuery(memberQueries.everything(active, org.id));
  const catalogue = useQuery(orgScopeQueries.roles(active, org.id));
  const addCall = useAddMembersCall(org.id);
  const refresh = useRefreshMembers(org.id);
  const labels = new Map(picked.map((user) => [user.id, userLabel(user)]));
  const queue = useQueueRun<AddMemberInput, unknown>(
    (input) => input.userId,
    (input) => `Added ${labels.get(input.userId) ?? input.userId}`,
  );
  const { running, finished, progress, outcomes } = queue.state;
  const memberIds = new Set(existing.data?.items.map((member) => member.userId) ?? []);
  const userIds = people.userSearch
    ? picked.map((user) => user.id)
    : typedId.trim() === ''
      ? []
      : [typedId.trim()];
  const whoOf = (userId: string) => labels.get(userId) ?? userId;
  const [firstId] = userIds;
  const who =
    userIds.length === 1 && firstId !== undefined ? whoOf(firstId) : `${userIds.length} users`;
  const busy = running;
  const [now, setNow] = useState(() => Date.now());

  const submit = async () => {
    if (members?.roleRequiredOnAdd && roles.length === 0) {
      setRoleError('Choose a role.');
      return;
    }
    const { call, concurrency } = addCall();
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 500);
    const results = await queue.start(
      userIds.map((userId) => ({ userId, roles })),
      call,
      { concurrency },
    );
    clearInterval(timer);
    await refresh();
    const added = results.filter((result) => result.ok).length;
    if (added === results.length) {
      toast(`Added ${who} to ${org.name}`, 'success');
      onClose();
    } else {
      toast(`Added ${added} of ${results.length} users to ${org.name}`, 'warning');
    }
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="add-member-title"
    >
      <DialogTitle id="add-member-title">Add a member to {org.name}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2.5}>
          {people.userSearch ? (
            <Autocomplete
              multiple
              options={users.data ?? []}
              value={picked}
              disabled={busy || finished}
              onChange={(_, value) => {
                setPicked(value);
              }}
              inputValue={search.value}
              onInputChange={(_, value, reason) => {
                if (reason === 'input') search.change(value);
              }}
              filterOptions={(options) => options}
              getOptionLabel={userLabel}
              getOptionDisabled={(option) => memberIds.has(option.id)}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              loading={users.isFetching}
              noOptionsText={query === '' ? 'Type a name or an email' : 'No user matches'}
              renderOption={(props, option) => (
                <li {...props} key={option.id}>
                  <Stack>
                    <Typography variant="body2">
                      {option.name ?? option.email ?? option.id}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {option.email ?? option.id}
                      {memberIds.has(option.id) ? ' · already a member' : ''}
                    </Typography>
                  </Stack>
                </li>
              )}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label="User"
                  autoFocus
                  helperText={
                    members?.bulkAdd
                      ? 'Search the provider’s users by name or email; pick as many as you need (added in one request)'
                      : 'Search the provider’s users by name or email; pick as many as you need'
                  }
                />
              )}
            />
          ) : (
            <TextField
              label="User ID"
              autoFocus
              value={typedId}
              disabled={busy || finished}
              onChange={(event) => {
                setTypedId(event.target.value);
              }}
              error={typedId.trim() !== '' && memberIds.has(typedId.trim())}
              helperText={
                typedId.trim() !== '' && memberIds.has(typedId.trim())
                  ? 'This user is already a member.'
                  : `${active.api.capabilities.displayName} cannot search users here: enter the user’s ID.`
              }
            />
          )}
          {people.roleCatalogue ? (
            <RolePicker
              roles={catalogue.data ?? []}
              value={roles}
              multiple={members?.multipleRoles ?? false}
              required={members?.roleRequiredOnAdd ?? false}
              error={roleError}
              onChange={(keys) => {
                setRoles(keys);
                setRoleError(null);
              }}
            />
          ) : null}
          {running || finished ? (
            <QueueProgressView
              title="Adding"
              progress={progress}
              now={now}
              rows={userIds.map((userId) => {
                const outcome = outcomes.get(userId);
                return {
                  key: userId,
                  label: whoOf(userId),
                  outcome: outcome ? { ok: outcome.ok, message: outcome.message } : null,
                };
              })}
            />
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
            <Button onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button
              variant="contained"
              disabled={userIds.length === 0 || userIds.some((userId) => memberIds.has(userId))}
              loading={busy}
              onClick={() => void submit()}
            >
              {userIds.length === 0 ? 'Add member' : `Add ${who}`}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
