import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, type RefObject } from 'react';
import { useBlocker } from 'react-router-dom';

export interface DiscardChangesDialogProps {
  readonly open: boolean;
  readonly onKeepEditing: () => void;
  readonly onDiscard: () => void;
}

export function DiscardChangesDialog({
  open,
  onKeepEditing,
  onDiscard,
}: DiscardChangesDialogProps) {
  return (
    <Dialog open={open} onClose={onKeepEditing} aria-labelledby="discard-changes-title">
      <DialogTitle id="discard-changes-title">Discard unsaved changes?</DialogTitle>
      <DialogContent>
        <DialogContentText>What you typed has not been saved and will be lost.</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onKeepEditing} autoFocus>
          Keep editing
        </Button>
        <Button color="error" onClick={onDiscard}>
          Discard changes
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Guards unsaved input against leaving the page: in-app navigation asks first, and closing the
 * tab triggers the browser's own prompt.
 */
export function useLeaveGuard(dirty: boolean, saving?: RefObject<boolean>) {
  // `saving` is read when navigation happens: a save that navigates on success is not "leaving".
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && saving?.current !== true && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty]);
  return (
    <DiscardChangesDialog
      open={blocker.state === 'blocked'}
      onKeepEditing={() => blocker.reset?.()}
      onDiscard={() => blocker.proceed?.()}
    />
  );
}
