import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { Controller, type Control } from 'react-hook-form';
import type { OrgFieldSpec } from '../../../api/capabilities';
import type { OrgFormValues } from '../schemas';

export interface OrgFieldInputProps {
  readonly field: OrgFieldSpec;
  readonly control: Control<OrgFormValues>;
  readonly disabled: boolean;
}

/** One provider-specific field, with the input that fits its type. */
export function OrgFieldInput({ field, control, disabled }: OrgFieldInputProps) {
  return (
    <Controller
      name={`fields.${field.key}`}
      control={control}
      render={({ field: input, fieldState }) => {
        const help = fieldState.error?.message ?? field.help;
        if (field.type === 'boolean') {
          return (
            <Box>
              <FormControlLabel
                control={
                  <Switch
                    checked={input.value === true}
                    onChange={(event) => {
                      input.onChange(event.target.checked);
                    }}
                    onBlur={input.onBlur}
                    disabled={disabled}
                  />
                }
                label={field.label}
              />
              {help ? <FormHelperText error={fieldState.invalid}>{help}</FormHelperText> : null}
            </Box>
          );
        }
        const value = typeof input.value === 'string' ? input.value : '';
        const common = {
          label: field.label,
          value,
          onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
            input.onChange(event.target.value);
          },
          onBlur: input.onBlur,
          inputRef: input.ref,
          name: input.name,
          error: fieldState.invalid,
          helperText: help,
          disabled,
          fullWidth: true,
        };
        switch (field.type) {
          case 'select':
            return (
              <TextField {...common} select>
                <MenuItem value="">
                  <em>Not set</em>
                </MenuItem>
                {(field.options ?? []).map((option) => (
                  <MenuItem key={option.value} value={option.value}>
                    {option.label}
                  </MenuItem>
                ))}
              </TextField>
            );
          case 'json':
            return (
              <TextField
                {...common}
                multiline
                minRows={3}
                slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
              />
            );
          case 'number':
            return <TextField {...common} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />;
          case 'email':
            return <TextField {...common} type="email" />;
          case 'color':
            return (
              <TextField
                {...common}
                placeholder="#1a2b3c"
                slotProps={{
                  input: {
                    startAdornment: (
                      <Box
                        aria-hidden
                        sx={{
                          width: 18,
                          height: 18,
                          mr: 1,
                          borderRadius: 0.5,
                          border: 1,
                          borderColor: 'divider',
                          bgcolor: /^#[0-9a-fA-F]{6}$/.test(value) ? value : 'transparent',
                        }}
                      />
                    ),
                  },
                }}
              />
            );
          default:
            return <TextField {...common} />;
        }
      }}
    />
  );
}
