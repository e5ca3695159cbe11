import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Organization } from '../../../api/domain';
import type { Member } from '../../../api/people';
import { ErrorState } from '../../../components/error-state';
import { visuallyHidden } from '../../../components/visually-hidden';
import { useToast } from '../../../components/toast';
import { useActiveConnection } from '../../../lib/connection-context';
import { describeError } from '../../../lib/describe-error';
import { orgScopeQueries } from '../../../lib/org-scope-queries';
import { useAccessChange, type AccessChange } from '../api/mutations';
import { accessQueries } from '../api/queries';
import { permissionSourcesText } from '../permission-source';
import { useCan } from '../../../lib/session-queries';

/** The chosen member's name heading, which the Roles tab's skip link moves focus to. */
export const ACCESS_HEADING_ID = 'member-access-heading';

/** One member's roles and effective permissions, each saying where it comes from; changeable where the provider allows. */
export function MemberAccessCard({
  org,
  member,
  focusOnOpen = false,
}: {
  readonly org: Organization;
  readonly member: Member;
  /** Chosen from the list by the user: focus moves here, so the next Tabs reach the role picker. */
  readonly focusOnOpen?: boolean;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rolePicker = useRef<HTMLDivElement>(null);
  const permissionPicker = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnOpen) headingRef.current?.focus();
  }, [focusOnOpen]);
  /** The button just used turns disabled: focus goes back to its picker, ready for the next one. */
  const refocus = (picker: React.RefObject<HTMLDivElement | null>) => {
    picker.current?.querySelector<HTMLElement>('[role="combobox"]')?.focus();
  };
  const active = useActiveConnection();
  const caps = active.api.capabilities;
  const access = caps.access;
  const who = member.email ?? member.name ?? member.userId;
  const roles = useQuery(accessQueries.roles(active, org.id, member.userId));
  const permissions = useQuery({
    ...accessQueries.permissions(active, org.id, member.userId),
    enabled: access?.permissions != null,
  });
  const catalogue = useQuery(orgScopeQueries.roles(active, org.id));
  const permissionCatalogue = useQuery({
    ...accessQueries.permissionCatalogue(active),
    enabled: access?.permissionCatalogue === true,
  });
  const change = useAccessChange(org.id, member.userId);
  const { toast } = useToast();
  const [roleToAdd, setRoleToAdd] = useState('');
  const [permissionToAdd, setPermissionToAdd] = useState('');
  const canChange = useCan('admin', 'change roles and permissions').allowed;
  if (!access) return null;
  const editableRoles = access.roles === 'editable' && canChange;
  const singleRoleChange =
    access.roles !== 'editable' && canChange && caps.people.members?.changeRole === true;
  const permissionsEditable = access.permissions === 'editable' && canChange;
  const held = new Set((roles.data ?? []).map((role) => role.key));
  const direct = new Set(
    (permissions.data ?? [])
      .filter((p) => p.sources.some((s) => s.kind === 'direct'))
      .map((p) => p.key),
  );
  const nameOfRole = (key: string) => catalogue.data?.find((role) => role.key === key)?.name ?? key;
  const nameOfPermission = (key: string) =>
    permissionCatalogue.data?.find((p) => p.key === key)?.name ?? key;

  const apply = (next: AccessChange, done: string) => {
    change.mutate(next, {
      onSuccess: () => {
        toast(done, 'success');
      },
    });
  };

  return (
    <Card component="section" aria-label={`Access of ${who}`}>
      <CardHeader
        title={who}
        subheader={member.name && member.email ? member.name : null}
        slotProps={{
          title: {
            component: 'h2',
            variant: 'h3',
            tabIndex: -1,
            ref: headingRef,
            id: ACCESS_HEADING_ID,
          },
        }}
      />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={3}>
          {change.isError ? (
            <Alert severity="error">{describeError(change.error).message}</Alert>
          ) : null}
          <Box>
            <Typography variant="subtitle2" component="h3" gutterBottom>
              Roles
            </Typography>
            {roles.isPending ? (
              <Skeleton width={200} aria-hidden />
            ) : roles.isError ? (
              <ErrorState
                title="Roles did not load"
                error={roles.error}
                onRetry={() => void roles.refetch()}
              />
            ) : (
              <Stack
                direction="row"
                spacing={1}
                sx={{ flexWrap: 'wrap', gap: 1 }}
                aria-label={`Roles of ${who}`}
                role="list"
              >
                {roles.data.length === 0 ? (
                  <Typography color="text.secondary">No role</Typography>
                ) : null}
                {roles.data.map((role) => (
                  <Stack
                    key={role.key}
                    role="listitem"
                    direction="row"
                    sx={{ alignItems: 'center' }}
                  >
                    <Chip label={role.name} />
                    {editableRoles ? (
                      <IconButton
                        size="small"
                        aria-label={`Remove ${role.name} from ${who}`}
                        onClick={() => {
                          apply(
                            { kind: 'remove-role', key: role.key },
                            `${who} no longer has ${role.name} in ${org.name}`,
                          );
                        }}
                      >
                        <CloseIcon fontSize="small" />
                      </IconButton>
                    ) : null}
                  </Stack>
                ))}
              </Stack>
            )}
            {editableRoles || singleRoleChange ? (
              <Stack
                ref={rolePicker}
                direction="row"
                spacing={1}
                sx={{ mt: 1.5, alignItems: 'center' }}
              >
                <TextField
                  select
                  size="small"
                  label={singleRoleChange ? 'Change role to' : 'Add a role'}
                  value={roleToAdd}
                  onChange={(event) => {
                    setRoleToAdd(event.target.value);
                  }}
                  sx={{ minWidth: 220 }}
                >
                  {(catalogue.data ?? [])
                    .filter((role) => !held.has(role.key))
                    .map((role) => (
                      <MenuItem key={role.key} value={role.key}>
                        {role.name}
                      </MenuItem>
                    ))}
                </TextField>
                <Button
                  variant="outlined"
                  disabled={roleToAdd === ''}
                  loading={change.isPending}
                  onClick={() => {
                    const name = nameOfRole(roleToAdd);
                    apply(
                      singleRoleChange
                        ? { kind: 'set-role', key: roleToAdd }
                        : { kind: 'add-role', key: roleToAdd },
                      singleRoleChange
                        ? `${who} is now ${name} in ${org.name}`
                        : `${who} now has ${name} in ${org.name}`,
                    );
                    setRoleToAdd('');
                    refocus(rolePicker);
                  }}
                >
                  {singleRoleChange ? 'Change role' : 'Add role'}
                </Button>
              </Stack>
            ) : null}
          </Box>
          {access.permissions ? (
            <Box>
              <Typography variant="subtitle2" component="h3" gutterBottom>
                Effective permissions
              </Typography>
              {permissions.isPending ? (
                <Skeleton height={80} aria-hidden />
              ) : permissions.isError ? (
                <ErrorState
                  title="Permissions did not load"
                  error={permissions.error}
                  onRetry={() => void permissions.refetch()}
                />
              ) : permissions.data.length === 0 ? (
                <Typography color="text.secondary">No permissions</Typography>
              ) : (
                <Table size="small" aria-label={`Permissions of ${who}`}>
                  <TableHead>
                    <TableRow>
                      <TableCell>Permission</TableCell>
                      <TableCell>Comes from</TableCell>
                      {permissionsEditable ? (
                        <TableCell align="right">
                          <Box component="span" sx={visuallyHidden}>
                            Actions
                          </Box>
                        </TableCell>
                      ) : null}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {permissions.data.map((permission) => (
                      <TableRow key={permission.key}>
                        <TableCell>
                          <Typography variant="body2">{permission.name}</Typography>
                          <Typography
                            variant="caption"
                            color="text.secondary"
                            sx={{ fontFamily: 'monospace' }}
                          >
                            {permission.key}
                          </Typography>
                        </TableCell>
                        <TableCell>
                          {access.permissionSources ? permissionSourcesText(permission) : '—'}
                        </TableCell>
                        {permissionsEditable ? (
                          <TableCell align="right">
                            {direct.has(permission.key) ? (
                              <IconButton
                                size="small"
                                aria-label={`Withdraw the direct grant of ${permission.name} from ${who}`}
                                onClick={() => {
                                  apply(
                                    { kind: 'remove-permission', key: permission.key },
                                    `Withdrew ${permission.name} from ${who}`,
                                  );
                                }}
                              >
                                <CloseIcon fontSize="small" />
                              </IconButton>
                            ) : null}
                          </TableCell>
                        ) : null}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
              {permissionsEditable && access.permissionCatalogue ? (
                <Stack
                  ref={permissionPicker}
                  direction="row"
                  spacing={1}
                  sx={{ mt: 1.5, alignItems: 'center' }}
                >
                  <TextField
                    select
                    size="small"
                    label="Grant a permission"
                    value={permissionToAdd}
                    onChange={(event) => {
                      setPermissionToAdd(event.target.value);
                    }}
                    sx={{ minWidth: 260 }}
                  >
                    {(permissionCatalogue.data ?? [])
                      .filter((permission) => !direct.has(permission.key))
                      .map((permission) => (
                        <MenuItem key={permission.key} value={permission.key}>
                          {permission.name}
                        </MenuItem>
                      ))}
                  </TextField>
                  <Button
                    variant="outlined"
                    disabled={permissionToAdd === ''}
                    loading={change.isPending}
                    onClick={() => {
                      apply(
                        { kind: 'add-permission', key: permissionToAdd },
                        `Granted ${nameOfPermission(permissionToAdd)} to ${who}`,
                      );
                      setPermissionToAdd('');
                      refocus(permissionPicker);
                    }}
                  >
                    Grant
                  </Button>
                </Stack>
              ) : null}
            </Box>
          ) : null}
        </Stack>
      </CardContent>
    </Card>
  );
}
