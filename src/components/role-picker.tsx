import Checkbox from '@mui/material/Checkbox';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { Role } from '../api/people';

export interface RolePickerProps {
  readonly label?: string;
  readonly roles: readonly Role[];
  readonly value: readonly string[];
  readonly onChange: (keys: string[]) => void;
  readonly multiple: boolean;
  readonly required?: boolean;
  readonly disabled?: boolean;
  readonly error?: string | null;
  readonly helperText?: string;
  /**
   * The role the provider gives when none is picked (`InvitationCapabilities.defaultRole`), named
   * in the empty choice; unknown when absent.
   */
  readonly defaultRole?: string | null;
}

/** Chooses one role or several from the provider's catalogue. */
export function RolePicker(props: RolePickerProps) {
  const { roles, value, multiple } = props;
  const nameOf = (key: string) => roles.find((role) => role.key === key)?.name ?? key;
  // Where no choice is allowed, the empty value is shown as what it means.
  const emptyAllowed = !multiple && props.required !== true;
  const emptyLabel = props.defaultRole
    ? `Provider default (${nameOf(props.defaultRole)})`
    : 'Provider default';
  return (
    <TextField
      select
      fullWidth
      label={props.label ?? (multiple ? 'Roles' : 'Role')}
      required={props.required === true}
      disabled={props.disabled === true}
      value={multiple ? [...value] : (value[0] ?? '')}
      error={Boolean(props.error)}
      helperText={props.error ?? props.helperText}
      onChange={(event) => {
        const next = event.target.value as unknown;
        props.onChange(Array.isArray(next) ? next.map(String) : next === '' ? [] : [String(next)]);
      }}
      slotProps={{
        select: {
          multiple,
          displayEmpty: emptyAllowed,
          renderValue: (selected) => {
            const keys = (
              Array.isArray(selected) ? selected.map(String) : [String(selected)]
            ).filter((key) => key !== '');
            if (keys.length === 0) return emptyAllowed ? <em>{emptyLabel}</em> : '';
            return keys.map(nameOf).join(', ');
          },
        },
        inputLabel: emptyAllowed ? { shrink: true } : {},
      }}
    >
      {!multiple && !props.required ? (
        <MenuItem value="">
          <em>{emptyLabel}</em>
        </MenuItem>
      ) : null}
      {roles.map((role) => (
        <MenuItem key={role.key} value={role.key}>
          {multiple ? <Checkbox checked={value.includes(role.key)} size="small" /> : null}
          <ListItemText primary={role.name} secondary={role.description ?? role.key} />
        </MenuItem>
      ))}
    </TextField>
  );
}
