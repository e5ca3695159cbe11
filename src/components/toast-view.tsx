import Alert, { type AlertColor } from '@mui/material/Alert';
import Portal from '@mui/material/Portal';
import Snackbar from '@mui/material/Snackbar';

export interface ToastViewProps {
  readonly id: number;
  readonly message: string;
  readonly severity: AlertColor;
  readonly open: boolean;
  readonly hideAfterMs: number;
  readonly onClose: () => void;
  readonly onExited: () => void;
}

/**
 * The visible toast. Loaded on first use so the snackbar code is not part of the first paint.
 * Portalled, so a dialog that is open (and hides the rest of the page from assistive technology)
 * does not hide the toast too.
 */
export default function ToastView({
  id,
  message,
  severity,
  open,
  hideAfterMs,
  onClose,
  onExited,
}: ToastViewProps) {
  const close = (_event?: unknown, reason?: string) => {
    if (reason !== 'clickaway') onClose();
  };
  return (
    <Portal>
      <Snackbar
        key={id}
        open={open}
        autoHideDuration={hideAfterMs}
        onClose={close}
        // At the top: at the bottom it covered the open dialog's footer (Send, Done) on phones.
        anchorOrigin={{ vertical: 'top', horizontal: 'center' }}
        slotProps={{ transition: { onExited } }}
      >
        <Alert severity={severity} variant="filled" onClose={close} sx={{ minWidth: 280 }}>
          {message}
        </Alert>
      </Snackbar>
    </Portal>
  );
}
