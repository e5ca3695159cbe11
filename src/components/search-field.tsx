import ClearIcon from '@mui/icons-material/Clear';
import SearchIcon from '@mui/icons-material/Search';
import FormControl from '@mui/material/FormControl';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import type { SxProps, Theme } from '@mui/material/styles';
import { useId } from 'react';

export interface SearchFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly placeholder?: string;
  /** Shows a "Clear search" button while there is text. */
  readonly onClear?: () => void;
  readonly fullWidth?: boolean;
  readonly sx?: SxProps<Theme>;
}

/**
 * A labelled search box with a magnifier. Built from OutlinedInput rather than TextField, which
 * also pulls in Select, Menu and Modal: this one sits on first-paint routes.
 */
export function SearchField(props: SearchFieldProps) {
  const id = useId();
  return (
    <FormControl size="small" fullWidth={props.fullWidth} sx={props.sx} variant="outlined">
      <InputLabel htmlFor={id}>{props.label}</InputLabel>
      <OutlinedInput
        id={id}
        label={props.label}
        type="text"
        placeholder={props.placeholder}
        value={props.value}
        onChange={(event) => {
          props.onChange(event.target.value);
        }}
        startAdornment={
          <InputAdornment position="start">
            <SearchIcon fontSize="small" />
          </InputAdornment>
        }
        endAdornment={
          props.onClear && props.value ? (
            <InputAdornment position="end">
              <IconButton aria-label="Clear search" size="small" onClick={props.onClear}>
                <ClearIcon fontSize="small" />
              </IconButton>
            </InputAdornment>
          ) : null
        }
      />
    </FormControl>
  );
}
