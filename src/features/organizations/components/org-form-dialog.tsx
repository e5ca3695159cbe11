import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useMemo, useRef, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import type { Capabilities } from '../../../api/capabilities';
import type { Organization } from '../../../api/domain';
import { isApiError } from '../../../api/errors';
import { DiscardChangesDialog, useLeaveGuard } from '../../../components/unsaved-changes';
import { describeError } from '../../../lib/describe-error';
import {
  defaultFormValues,
  fieldsFor,
  makeOrgFormSchema,
  type OrgFormMode,
  type OrgFormValues,
} from '../schemas';
import { OrgFieldInput } from './org-field-input';

export interface OrgFormDialogProps {
  readonly mode: OrgFormMode;
  readonly caps: Capabilities;
  readonly org?: Organization;
  readonly onClose: () => void;
  /** Sends the values; throws the provider's ApiError on refusal (the input is kept). */
  readonly onSubmit: (values: OrgFormValues, initial: OrgFormValues) => Promise<void>;
}

/** Create or edit an org: validated with the provider's rules first, server errors on the fields. */
export function OrgFormDialog({ mode, caps, org, onClose, onSubmit }: OrgFormDialogProps) {
  const initial = useMemo(() => defaultFormValues(caps, mode, org), [caps, mode, org]);
  const schema = useMemo(() => makeOrgFormSchema(caps, mode, initial), [caps, mode, initial]);
  const form = useForm<OrgFormValues>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: initial,
    mode: 'onTouched',
  });
  const { register, handleSubmit, formState, setError, control } = form;
  const [serverError, setServerError] = useState<unknown>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const dirty = formState.isDirty && !formState.isSubmitSuccessful;
  const saving = useRef(false);
  const leaveGuard = useLeaveGuard(dirty, saving);
  const slug = caps.slug;
  const slugShown = slug !== null && (mode === 'create' ? slug.onCreate : true);
  const slugLocked = mode === 'edit' && slug !== null && !slug.editable;
  const fields = fieldsFor(caps, mode);
  const busy = formState.isSubmitting;

  const save = async (values: OrgFormValues) => {
    setServerError(null);
    saving.current = true;
    try {
      await onSubmit(values, initial);
    } catch (error) {
      saving.current = false;
      setServerError(error);
      if (isApiError(error)) {
        for (const [key, message] of Object.entries(error.fieldErrors)) {
          const path = key === 'name' || key === 'slug' ? key : `fields.${key}`;
          if (key === 'name' || key === 'slug' || fields.some((field) => field.key === key)) {
            setError(
              path as FieldPath<OrgFormValues>,
              { type: 'server', message },
              { shouldFocus: true },
            );
          }
        }
      }
    }
  };

  const requestClose = () => {
    if (busy) return;
    if (dirty) setConfirmDiscard(true);
    else onClose();
  };

  const title =
    mode === 'create'
      ? `Create a ${caps.displayName} organization`
      : `Edit ${org?.name ?? 'organization'}`;
  const described = serverError ? describeError(serverError) : null;

  return (
    <>
      <Dialog open onClose={requestClose} fullWidth maxWidth="sm" aria-labelledby="org-form-title">
        <form noValidate onSubmit={(event) => void handleSubmit(save)(event)}>
          <DialogTitle id="org-form-title">{title}</DialogTitle>
          <DialogContent dividers>
            <Stack spacing={2.5}>
              {described ? (
                <Alert severity="error">
                  <AlertTitle>{described.title}</AlertTitle>
                  {described.message}
                </Alert>
              ) : null}
              <TextField
                label="Name"
                required={caps.name.required}
                autoFocus
                fullWidth
                disabled={busy}
                {...register('name')}
                error={formState.errors.name !== undefined}
                helperText={formState.errors.name?.message}
              />
              {slugShown ? (
                <TextField
                  label={slug.label}
                  required={mode === 'create' && slug.required}
                  fullWidth
                  disabled={busy || slugLocked}
                  {...register('slug')}
                  error={formState.errors.slug !== undefined}
                  helperText={
                    formState.errors.slug?.message ??
                    (slugLocked ? `${slug.label} cannot be changed after creation.` : slug.help)
                  }
                  slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'none' } }}
                />
              ) : null}
              {fields.map((field) => (
                <OrgFieldInput key={field.key} field={field} control={control} disabled={busy} />
              ))}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={requestClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" variant="contained" loading={busy}>
              {mode === 'create' ? 'Create organization' : 'Save changes'}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
      <DiscardChangesDialog
        open={confirmDiscard}
        onKeepEditing={() => {
          setConfirmDiscard(false);
        }}
        onDiscard={() => {
          setConfirmDiscard(false);
          onClose();
        }}
      />
      {leaveGuard}
    </>
  );
}
