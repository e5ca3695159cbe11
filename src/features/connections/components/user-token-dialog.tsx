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
import { setUserToken, type Connection } from '../../../api/connections';
import { useToast } from '../../../components/toast';
import { describeError } from '../../../lib/describe-error';
import { connectionQueries } from '../../../data/connections';

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
  const save = useMutation({
    mutationFn: () => setUserToken(connection.id, token.trim()),
    onSuccess: async () => {
      toast(`Your token for ${connection.label} is set for this session`, 'success');
      await queryClient.invalidateQueries({ queryKey: connectionQueries.list().queryKey });
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={save.isPending ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="user-token-title"
    >
      <DialogTitle id="user-token-title">Your access token for {connection.label}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {connection.capabilities.displayName} acts as a signed-in user. Paste your own access
          token: Orgdeck keeps it on the server for this session only, never shows it again and
          never logs it.
        </DialogContentText>
        {save.isError ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            {describeError(save.error).message}
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
        <Button onClick={onClose} disabled={save.isPending}>
          Cancel
        </Button>
        <Button
          variant="contained"
          disabled={token.trim() === ''}
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
