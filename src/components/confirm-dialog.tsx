import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useState, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly children: ReactNode;
  /** The button names the action: "Delete Acme Inc". */
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
  readonly pending?: boolean;
  readonly destructive?: boolean;
  /** When set, the user must type this exact text before the action is enabled. */
  readonly typeToConfirm?: string;
  /** An error from the last attempt, shown in the dialog. */
  readonly error?: string | null;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, onConfirm, onClose, pending = false } = props;
  const [typed, setTyped] = useState('');
  const titleId = useId();
  const must = props.typeToConfirm;
  const enabled = !pending && (must === undefined || typed === must);
  const close = () => {
    if (pending) return;
    setTyped('');
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {children}
        {must !== undefined && (
          <TextField
            sx={{ mt: 2 }}
            fullWidth
            autoFocus
            label={`Type “${must}” to confirm`}
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
            }}
            autoComplete="off"
          />
        )}
        {props.error ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {props.error}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={pending}>
          Cancel
        </Button>
        <Button
          variant="contained"
          color={props.destructive ? 'error' : 'primary'}
          disabled={!enabled}
          loading={pending}
          onClick={onConfirm}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
