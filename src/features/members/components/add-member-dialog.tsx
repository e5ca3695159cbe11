import Alert from '@mui/material/Alert';
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
import type { User } from '../../../api/people';
import { RolePicker } from '../../../components/role-picker';
import { useToast } from '../../../components/toast';
import { useActiveConnection } from '../../../lib/connection-context';
import { describeError } from '../../../lib/describe-error';
import { orgScopeQueries } from '../../../lib/org-scope-queries';
import { useDebouncedSearch } from '../../../lib/use-debounced-search';
import { useAddMember } from '../api/mutations';
import { memberQueries } from '../api/queries';

export interface AddMemberDialogProps {
  readonly org: Organization;
  readonly onClose: () => void;
}

function userLabel(user: User): string {
  return user.email ?? user.name ?? user.id;
}

/** Adds an existing user: picked from the provider's users where it can search them, else by ID. */
export function AddMemberDialog({ org, onClose }: AddMemberDialogProps) {
  const active = useActiveConnection();
  const people = active.api.capabilities.people;
  const members = people.members;
  const { toast } = useToast();
  const [query, setQuery] = useState('');
  const search = useDebouncedSearch(query, setQuery, 250);
  const [user, setUser] = useState<User | null>(null);
  const [typedId, setTypedId] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [roleError, setRoleError] = useState<string | null>(null);
  const users = useQuery({
    ...memberQueries.userSearch(active, query),
    enabled: people.userSearch,
  });
  const existing = useQuery(orgScopeQueries.allMembers(active, org.id));
  const catalogue = useQuery(orgScopeQueries.roles(active, org.id));
  const add = useAddMember(org.id);
  const memberIds = new Set(existing.data?.items.map((member) => member.userId) ?? []);
  const userId = people.userSearch ? (user?.id ?? '') : typedId.trim();
  const who = user ? userLabel(user) : userId;

  const submit = () => {
    if (members?.roleRequiredOnAdd && roles.length === 0) {
      setRoleError('Choose a role.');
      return;
    }
    add.mutate(
      { userId, roles },
      {
        onSuccess: () => {
          toast(`Added ${who} to ${org.name}`, 'success');
          onClose();
        },
      },
    );
  };

  return (
    <Dialog
      open
      onClose={add.isPending ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="add-member-title"
    >
      <DialogTitle id="add-member-title">Add a member to {org.name}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2.5}>
          {add.isError ? <Alert severity="error">{describeError(add.error).message}</Alert> : null}
          {people.userSearch ? (
            <Autocomplete
              options={users.data ?? []}
              value={user}
              onChange={(_, value) => {
                setUser(value);
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
                  helperText="Search the provider’s users by name or email"
                />
              )}
            />
          ) : (
            <TextField
              label="User ID"
              autoFocus
              value={typedId}
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
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={add.isPending}>
          Cancel
        </Button>
        <Button
          variant="contained"
          disabled={userId === '' || memberIds.has(userId)}
          loading={add.isPending}
          onClick={submit}
        >
          {who === '' ? 'Add member' : `Add ${who}`}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
