import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Organization } from '../../../api/domain';
import type { Member } from '../../../api/people';
import { RolePicker } from '../../../components/role-picker';
import { useToast } from '../../../components/toast';
import { useActiveConnection } from '../../../lib/connection-context';
import { describeError } from '../../../lib/describe-error';
import { orgScopeQueries } from '../../../lib/org-scope-queries';
import { useSetMemberRoles } from '../api/mutations';
import { memberLabel } from './member-identity';

export function ChangeRoleDialog({
  org,
  member,
  onClose,
}: {
  readonly org: Organization;
  readonly member: Member;
  readonly onClose: () => void;
}) {
  const active = useActiveConnection();
  const caps = active.api.capabilities.people.members;
  const catalogue = useQuery(orgScopeQueries.roles(active, org.id));
  const [roles, setRoles] = useState<string[]>(member.roles.map((role) => role.key));
  const save = useSetMemberRoles(org.id);
  const { toast } = useToast();
  const label = memberLabel(member);
  const unchanged = roles.join('|') === member.roles.map((role) => role.key).join('|');
  const names = roles
    .map((key) => catalogue.data?.find((role) => role.key === key)?.name ?? key)
    .join(', ');
  return (
    <Dialog
      open
      onClose={save.isPending ? undefined : onClose}
      fullWidth
      maxWidth="xs"
      aria-labelledby="change-role-title"
    >
      <DialogTitle id="change-role-title">Change the role of {label}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {save.isError ? (
            <Alert severity="error">{describeError(save.error).message}</Alert>
          ) : null}
          <RolePicker
            roles={catalogue.data ?? []}
            value={roles}
            multiple={caps?.multipleRoles ?? false}
            required
            onChange={setRoles}
            helperText={`In ${org.name}`}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={save.isPending}>
          Cancel
        </Button>
        <Button
          variant="contained"
          disabled={unchanged || roles.length === 0}
          loading={save.isPending}
          onClick={() => {
            save.mutate(
              { userId: member.userId, roles },
              {
                onSuccess: () => {
                  toast(`${label} is now ${names} in ${org.name}`, 'success');
                  onClose();
                },
              },
            );
          }}
        >
          Save role
        </Button>
      </DialogActions>
    </Dialog>
  );
}
