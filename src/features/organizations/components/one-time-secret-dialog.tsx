import Alert from '@mui/material/Alert';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { OneTimeSecret } from '../../../api/domain';
import { useToast } from '../../../components/toast';

export interface OneTimeSecretDialogProps {
  readonly secret: OneTimeSecret;
  readonly orgName: string;
  readonly onDone: () => void;
}

/** A credential the provider shows once: copy it now, it will not be shown again. */
export function OneTimeSecretDialog({ secret, orgName, onDone }: OneTimeSecretDialogProps) {
  const [saved, setSaved] = useState(false);
  const { toast } = useToast();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret.value);
      toast(`Copied the ${secret.label.toLowerCase()}`, 'success');
    } catch {
      toast('The browser refused clipboard access: select the key and copy it by hand.', 'error');
    }
  };
  return (
    <Dialog open fullWidth maxWidth="sm" aria-labelledby="secret-title">
      <DialogTitle id="secret-title">
        {secret.label} for {orgName}
      </DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          This key is shown only once. Copy it now and keep it somewhere safe: Orgdeck does not
          store it and cannot show it again.
        </Alert>
        <TextField
          label={secret.label}
          value={secret.value}
          fullWidth
          slotProps={{
            input: {
              readOnly: true,
              sx: { fontFamily: 'monospace' },
            },
          }}
        />
        <Button sx={{ mt: 1 }} startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
          Copy key
        </Button>
        {secret.id ? (
          <TextField
            sx={{ mt: 2 }}
            label="Key ID"
            value={secret.id}
            fullWidth
            slotProps={{ input: { readOnly: true } }}
          />
        ) : null}
        <FormControlLabel
          sx={{ mt: 1 }}
          control={
            <Checkbox
              checked={saved}
              onChange={(event) => {
                setSaved(event.target.checked);
              }}
            />
          }
          label="I have copied the key"
        />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" disabled={!saved} onClick={onDone}>
          Done
        </Button>
      </DialogActions>
    </Dialog>
  );
}
