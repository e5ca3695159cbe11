import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { FeatureFlag } from '../../../api/people';
import { useToast } from '../../../components/toast';
import { describeError } from '../../../lib/describe-error';
import { useSetFlag } from '../api/mutations';
import { formatFlagValue, parseFlagInput } from '../flag-values';

/** Edits a non-boolean override with the input that fits its type; the provider's refusal keeps the edit. */
export function FlagEditDialog({
  orgId,
  orgName,
  flag,
  onClose,
}: {
  readonly orgId: string;
  readonly orgName: string;
  readonly flag: FeatureFlag;
  readonly onClose: () => void;
}) {
  const initial =
    flag.value === null
      ? ''
      : flag.type === 'json'
        ? JSON.stringify(flag.value, null, 2)
        : typeof flag.value === 'string'
          ? flag.value
          : JSON.stringify(flag.value);
  const [text, setText] = useState(initial);
  const [touched, setTouched] = useState(false);
  const set = useSetFlag(orgId);
  const { toast } = useToast();
  const parsed = parseFlagInput(text, flag.type);
  const label =
    flag.type === 'integer' ? 'Whole number' : flag.type === 'json' ? 'JSON value' : 'Text';
  return (
    <Dialog
      open
      onClose={set.isPending ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="flag-edit-title"
    >
      <DialogTitle id="flag-edit-title">
        Override {flag.name} for {orgName}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          Default: {formatFlagValue(flag.defaultValue, flag.type)}
          {flag.description ? ` · ${flag.description}` : ''}
        </DialogContentText>
        {set.isError ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            {describeError(set.error).message}
          </Alert>
        ) : null}
        <TextField
          autoFocus
          fullWidth
          label={label}
          value={text}
          multiline={flag.type === 'json'}
          minRows={flag.type === 'json' ? 4 : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setTouched(true);
          }}
          error={touched && !parsed.ok}
          helperText={
            touched && !parsed.ok
              ? parsed.error
              : flag.type === 'json'
                ? 'Any JSON value.'
                : undefined
          }
          slotProps={{
            htmlInput: {
              inputMode: flag.type === 'integer' ? 'numeric' : undefined,
              spellCheck: false,
              style: flag.type === 'json' ? { fontFamily: 'monospace' } : undefined,
            },
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={set.isPending}>
          Cancel
        </Button>
        <Button
          variant="contained"
          disabled={!parsed.ok || text === initial}
          loading={set.isPending}
          onClick={() => {
            if (!parsed.ok) return;
            set.mutate(
              { flag, value: parsed.value, optimistic: false },
              {
                onSuccess: () => {
                  toast(
                    `${flag.name} is now ${formatFlagValue(parsed.value, flag.type)} for ${orgName}`,
                    'success',
                  );
                  onClose();
                },
              },
            );
          }}
        >
          Save override
        </Button>
      </DialogActions>
    </Dialog>
  );
}
