import type { AlertColor } from '@mui/material/Alert';
import {
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useMemo,
  useState,
  type ReactNode,
} from 'react';

const ToastView = lazy(() => import('./toast-view'));

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

/** How long a toast stays: errors longer; shorter while others wait their turn (MUI's own advice). */
function hideAfterMs(severity: AlertColor, othersWaiting: boolean): number {
  if (othersWaiting) return 2500;
  return severity === 'error' ? 8000 : 5000;
}

export function ToastProvider({ children }: { readonly children: ReactNode }) {
  const [queue, setQueue] = useState<readonly Toast[]>([]);
  const [open, setOpen] = useState(true);
  const toast = useCallback((message: string, severity: AlertColor = 'success') => {
    setQueue((current) => [...current, { id: nextId++, message, severity }]);
    setOpen(true);
  }, []);
  const api = useMemo(() => ({ toast }), [toast]);
  const current = queue[0];
  const onClose = useCallback(() => {
    setOpen(false);
  }, []);
  const onExited = useCallback(() => {
    setQueue((items) => items.slice(1));
    setOpen(true);
  }, []);
  return (
    <ToastContext value={api}>
      {children}
      {current ? (
        <Suspense fallback={null}>
          <ToastView
            key={current.id}
            id={current.id}
            message={current.message}
            severity={current.severity}
            open={open}
            hideAfterMs={hideAfterMs(current.severity, queue.length > 1)}
            onClose={onClose}
            onExited={onExited}
          />
        </Suspense>
      ) : null}
    </ToastContext>
  );
}
