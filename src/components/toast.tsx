import Alert, { type AlertColor } from '@mui/material/Alert';
import Portal from '@mui/material/Portal';
import Snackbar from '@mui/material/Snackbar';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

interface Toast {
  readonly id: number;
  readonly message: string;
  readonly severity: AlertColor;
}

interface ToastApi {
  /** Reports the outcome of an action; toasts queue and show one at a time. */
  readonly toast: (message: string, severity?: AlertColor) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToast must be used under <ToastProvider>');
  return value;
}

let nextId = 1;

export function ToastProvider({ children }: { readonly children: ReactNode }) {
  const [queue, setQueue] = useState<readonly Toast[]>([]);
  const [open, setOpen] = useState(true);
  const toast = useCallback((message: string, severity: AlertColor = 'success') => {
    setQueue((current) => [...current, { id: nextId++, message, severity }]);
    setOpen(true);
  }, []);
  const api = useMemo(() => ({ toast }), [toast]);
  const current = queue[0];
  const close = (_event?: unknown, reason?: string) => {
    if (reason !== 'clickaway') setOpen(false);
  };
  return (
    <ToastContext value={api}>
      {children}
      {current ? (
        // Portalled when shown, so a dialog that is open (and hides the rest of the page from
        // assistive technology) does not hide the toast too.
        <Portal>
          <Snackbar
            key={current.id}
            open={open}
            autoHideDuration={current.severity === 'error' ? 8000 : 5000}
            onClose={close}
            anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
            slotProps={{
              transition: {
                onExited: () => {
                  setQueue((items) => items.slice(1));
                  setOpen(true);
                },
              },
            }}
          >
            <Alert
              severity={current.severity}
              variant="filled"
              onClose={close}
              sx={{ minWidth: 280 }}
            >
              {current.message}
            </Alert>
          </Snackbar>
        </Portal>
      ) : null}
    </ToastContext>
  );
}
