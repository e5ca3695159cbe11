import RestartAltIcon from '@mui/icons-material/RestartAlt';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
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
import type { Organization } from '../../../api/domain';
import type { FeatureFlag } from '../../../api/people';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { useToast } from '../../../components/toast';
import { useActiveConnection } from '../../../lib/connection-context';
import { describeError } from '../../../lib/describe-error';
import { useResetAllFlags, useResetFlag } from '../api/mutations';
import { flagQueries } from '../api/queries';
import { formatFlagValue, resetAllChanges } from '../flag-values';
import { FlagEditDialog } from './flag-edit-dialog';
import { FlagValueControl } from './flag-value-control';
import { Gated } from '../../../components/gated';
import { useCan } from '../../../lib/session-queries';

const TYPE_LABEL: Record<FeatureFlag['type'], string> = {
  boolean: 'Boolean',
  string: 'String',
  integer: 'Integer',
  json: 'JSON',
};

export function FlagsPanel({ org }: { readonly org: Organization }) {
  const active = useActiveConnection();
  const caps = active.api.capabilities.featureFlags;
  const flags = useQuery(flagQueries.org(active, org.id));
  const [editing, setEditing] = useState<FeatureFlag | null>(null);
  const [resetting, setResetting] = useState<FeatureFlag | null>(null);
  const [resetAllOpen, setResetAllOpen] = useState(false);
  const reset = useResetFlag(org.id);
  const resetAll = useResetAllFlags(org.id);
  const { toast } = useToast();
  const canReset = useCan('admin', 'reset feature flags').allowed;
  if (!caps)
    return (
      <Alert severity="info" role="note">
        {active.api.capabilities.displayName} keeps no feature flags.
      </Alert>
    );
  const changes = flags.data ? resetAllChanges(flags.data) : [];

  return (
    <Paper component="section" aria-label="Feature flags">
      <Stack direction="row" spacing={2} sx={{ p: 2, alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          Each flag’s environment default and what {org.name} gets. Switching a boolean takes effect
          at once.
        </Typography>
        {caps.resetAll ? (
          <Gated need="admin" action="reset feature flags">
            {(gated) => (
              <Button
                color="warning"
                variant="outlined"
                startIcon={<RestartAltIcon />}
                disabled={gated || changes.length === 0}
                onClick={() => {
                  setResetAllOpen(true);
                }}
              >
                Reset all overrides
              </Button>
            )}
          </Gated>
        ) : null}
      </Stack>
      {flags.isPending ? (
        <Box sx={{ p: 2 }}>
          {[0, 1, 2, 3].map((key) => (
            <Skeleton key={key} variant="text" height={40} aria-hidden />
          ))}
        </Box>
      ) : flags.isError ? (
        <Box sx={{ p: 2 }}>
          <ErrorState
            title="Could not load feature flags"
            error={flags.error}
            onRetry={() => void flags.refetch()}
            retrying={flags.isFetching}
          />
        </Box>
      ) : flags.data.length === 0 ? (
        <EmptyState
          title="No feature flags"
          description="This environment defines no feature flags."
        />
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Feature flags">
            <TableHead>
              <TableRow>
                <TableCell>Flag</TableCell>
                <TableCell>Type</TableCell>
                {caps.defaults ? <TableCell>Default</TableCell> : null}
                <TableCell>Value for this org</TableCell>
                <TableCell>Source</TableCell>
                {caps.resetOne ? <TableCell align="right">Actions</TableCell> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {flags.data.map((flag) => (
                <TableRow key={flag.key} hover>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 500 }}>
                      {flag.name}
                    </Typography>
                    <Typography
                      variant="caption"
                      color="text.secondary"
                      sx={{ fontFamily: 'monospace' }}
                    >
                      {flag.key}
                    </Typography>
                  </TableCell>
                  <TableCell>{TYPE_LABEL[flag.type]}</TableCell>
                  {caps.defaults ? (
                    <TableCell>{formatFlagValue(flag.defaultValue, flag.type)}</TableCell>
                  ) : null}
                  <TableCell>
                    <FlagValueControl
                      orgId={org.id}
                      orgName={org.name}
                      flag={flag}
                      onEdit={setEditing}
                    />
                  </TableCell>
                  <TableCell>
                    {flag.overridden ? (
                      <Chip size="small" color="secondary" label="Overridden" />
                    ) : (
                      <Chip size="small" variant="outlined" label="Default" />
                    )}
                  </TableCell>
                  {caps.resetOne ? (
                    <TableCell align="right">
                      {flag.overridden && canReset ? (
                        <Button
                          size="small"
                          onClick={() => {
                            setResetting(flag);
                          }}
                          aria-label={`Reset ${flag.name} to its default`}
                        >
                          Reset
                        </Button>
                      ) : null}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {editing ? (
        <FlagEditDialog
          orgId={org.id}
          orgName={org.name}
          flag={editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={resetting !== null}
        title={`Reset ${resetting?.name ?? ''} to its default?`}
        confirmLabel={`Reset ${resetting?.name ?? ''}`}
        pending={reset.isPending}
        error={reset.error ? describeError(reset.error).message : null}
        onClose={() => {
          setResetting(null);
          reset.reset();
        }}
        onConfirm={() => {
          if (!resetting) return;
          reset.mutate(resetting, {
            onSuccess: () => {
              toast(`${resetting.name} is back to its default for ${org.name}`, 'success');
              setResetting(null);
            },
          });
        }}
      >
        <Typography>
          {org.name} will get{' '}
          {resetting ? formatFlagValue(resetting.defaultValue, resetting.type) : ''} instead of{' '}
          {resetting ? formatFlagValue(resetting.value, resetting.type) : ''}.
        </Typography>
      </ConfirmDialog>
      <ConfirmDialog
        open={resetAllOpen}
        destructive
        title={`Reset all ${changes.length} overrides of ${org.name}?`}
        confirmLabel={`Reset ${changes.length} overrides`}
        pending={resetAll.isPending}
        error={resetAll.error ? describeError(resetAll.error).message : null}
        onClose={() => {
          setResetAllOpen(false);
          resetAll.reset();
        }}
        onConfirm={() => {
          resetAll.mutate(undefined, {
            onSuccess: () => {
              toast(`Reset ${changes.length} overrides of ${org.name}`, 'success');
              setResetAllOpen(false);
            },
          });
        }}
      >
        <Typography>Every flag goes back to the environment default:</Typography>
        <List dense aria-label="Changes">
          {changes.map((change) => (
            <ListItem key={change.key} disableGutters>
              <ListItemText primary={change.name} secondary={`${change.from} → ${change.to}`} />
            </ListItem>
          ))}
        </List>
      </ConfirmDialog>
    </Paper>
  );
}
