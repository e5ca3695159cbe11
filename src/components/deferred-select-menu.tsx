import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { DeferredSelectProps } from './deferred-select';

/**
 * The real select behind a `DeferredSelect`: MUI's TextField select, with its Menu, Popover and
 * Modal. Its own chunk, loaded when the user reaches for the control (or when the page is idle).
 */
export function DeferredSelectMenu({
  label,
  value,
  options,
  onChange,
  onOpen,
  minWidth,
  defaultOpen,
}: DeferredSelectProps & {
  /** Opens at once: the user pressed the stand-in before this code arrived. */
  readonly defaultOpen: boolean;
}) {
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      // eslint-disable-next-line jsx-a11y/no-autofocus -- it replaces the stand-in the user focused or pressed
      autoFocus
      onChange={(event) => {
        onChange(event.target.value);
      }}
      sx={{ minWidth }}
      slotProps={{ select: { defaultOpen, ...(onOpen ? { onOpen } : {}) } }}
    >
      {options.map((option) => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
