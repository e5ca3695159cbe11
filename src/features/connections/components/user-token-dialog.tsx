import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  checkConnectionHealth,
  clearUserToken,
  setUserToken,
  type Connection,
} from '../../../api/connections';
import { useToast } from '../../../components/toast';
import { describeError } from '../../../lib/describe-error';
import { connectionQueries } from '../../../data/connections';

/** What saving a token ended with: kept (the provider accepted it or could not say) or refused. */
type SaveOutcome = { readonly kept: true } | { readonly kept: false; readonly message: string };

/**
 * Keeps the token in the session, then asks the provider (the connection's health probe) whether
 * it accepts it. A refused token is forgotten at once, so the session never holds one the provider
 * turns away; the dialog stays open with the provider's answer and the pasted text.
 */
async function saveAndCheck(connectionId: string, token: string): Promise<SaveOutcome> {
  await setUserToken(connectionId, token);
  const health = await checkConnectionHealth(connectionId);
  if (health.credentialAccepted !== false) return { kept: true };
  await clearUserToken(connectionId);
  return { kept: false, message: health.message };
}

/** A connection that acts as a user (NuMind, Clerk Frontend API) takes each console user's own token. */
export function UserTokenDialog({
  connection,
  onClose,
}: {
  readonly connection: Connection;
  readonly onClose: () => void;
}) {
  const [token, setToken] = useState('');
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const refreshConnections = () =>
    queryClient.invalidateQueries({ queryKey: connectionQueries.list().queryKey });
  const save = useMutation({
    mutationFn: () => saveAndCheck(connection.id, token.trim()),
    onSuccess: async (outcome) => {
      await refreshConnections();
      if (!outcome.kept) return;
      toast(`Your token for ${connection.label} is set for this session`, 'success');
      onClose();
    },
  });
  const forget = useMutation({
    mutationFn: () => clearUserToken(connection.id),
    onSuccess: async () => {
      toast(`Your token for ${connection.label} is forgotten`, 'success');
      await refreshConnections();
      onClose();
    },
  });
  const busy = save.isPending || forget.isPending;
  const refusal = save.data?.kept === false ? save.data.message : null;
  const failure = save.error ?? forget.error;
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="user-token-title"
    >
      <DialogTitle id="user-token-title">Your access token for {connection.label}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {connection.capabilities.displayName} acts as a signed-in user. Paste your own access
          token: Orgdeck checks it with {connection.capabilities.displayName}, keeps it on the
          server for this session only, never shows it again and never logs it.
        </DialogContentText>
        {refusal !== null ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            {refusal} Orgdeck did not keep it: paste a current access token.
          </Alert>
        ) : null}
        {failure ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            {describeError(failure).message}
          </Alert>
        ) : null}
        <TextField
          label="Access token"
          type="password"
          fullWidth
          autoComplete="off"
          value={token}
          onChange={(event) => {
            setToken(event.target.value);
          }}
        />
      </DialogContent>
      <DialogActions>
        {connection.userTokenSet ? (
          <Button
            color="error"
            sx={{ mr: 'auto' }}
            disabled={save.isPending}
            loading={forget.isPending}
            onClick={() => {
              forget.mutate();
            }}
          >
            Forget your token
          </Button>
        ) : null}
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          variant="contained"
          disabled={token.trim() === '' || forget.isPending}
          loading={save.isPending}
          onClick={() => {
            save.mutate();
          }}
        >
          Save token
        </Button>
      </DialogActions>
    </Dialog>
  );
}
