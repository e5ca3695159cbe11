import Autocomplete from '@mui/material/Autocomplete';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { AUDIT_OUTCOMES, type AuditFilter } from '../../../api/audit';
import type { Connection } from '../../../api/connections';
import { useDebouncedSearch } from '../../../lib/use-debounced-search';
import { OUTCOME_LABEL } from '../audit-wording';
import { operationOptions } from '../operation-options';

function TextFilter({
  label,
  name,
  value,
  onCommit,
}: {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onCommit: (name: string, value: string) => void;
}) {
  const search = useDebouncedSearch(value, (next) => {
    onCommit(name, next);
  });
  return (
    <TextField
      size="small"
      label={label}
      value={search.value}
      onChange={(event) => {
        search.change(event.target.value);
      }}
    />
  );
}

interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/** A select filter: "any" (the empty value) first, then the options; choosing commits at once. */
function SelectFilter({
  label,
  name,
  value,
  anyLabel,
  options,
  minWidth,
  onCommit,
}: {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly anyLabel: string;
  readonly options: readonly SelectOption[];
  readonly minWidth: number;
  readonly onCommit: (name: string, value: string) => void;
}) {
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(event) => {
        onCommit(name, event.target.value);
      }}
      sx={{ minWidth }}
    >
      <MenuItem value="">{anyLabel}</MenuItem>
      {options.map((option) => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The audit log's filters: pickers for what has a known list, text for who and which org. */
export function AuditFilters({
  filter,
  connections,
  onChange,
}: {
  readonly filter: AuditFilter;
  readonly connections: readonly Connection[];
  readonly onChange: (name: string, value: string) => void;
}) {
  const chosen = connections.find((connection) => connection.id === filter.connection);
  const operations = operationOptions(chosen?.provider ?? null);
  const operation = operations.find((option) => option.id === filter.operation) ?? null;
  return (
    <Stack
      direction={{ xs: 'column', md: 'row' }}
      spacing={2}
      sx={{ p: 2 }}
      component="form"
      aria-label="Filter the audit log"
    >
      <TextFilter label="User" name="actor" value={filter.actor ?? ''} onCommit={onChange} />
      <SelectFilter
        label="Connection"
        name="connection"
        value={filter.connection ?? ''}
        anyLabel="Any connection"
        options={[
          ...connections.map((connection) => ({ value: connection.id, label: connection.label })),
          // A connection no longer configured still filters the entries it left.
          ...(filter.connection && !chosen
            ? [{ value: filter.connection, label: filter.connection }]
            : []),
        ]}
        minWidth={200}
        onCommit={onChange}
      />
      <TextFilter label="Organization ID" name="org" value={filter.org ?? ''} onCommit={onChange} />
      <Autocomplete
        size="small"
        // The list opens inside the page's main landmark, not in a portal outside every landmark.
        disablePortal
        options={operations}
        value={operation}
        onChange={(_, value) => {
          onChange('operation', value?.id ?? '');
        }}
        getOptionLabel={(option) => option.label}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        renderOption={(props, option) => (
          <li {...props} key={option.id}>
            <Stack>
              <Typography variant="body2">{option.label}</Typography>
              <Typography variant="caption" color="text.secondary">
                {chosen ? option.id : `${option.id} · ${option.providers.join(', ')}`}
              </Typography>
            </Stack>
          </li>
        )}
        renderInput={(params) => <TextField {...params} label="Operation" />}
        sx={{ minWidth: 240 }}
      />
      <SelectFilter
        label="Outcome"
        name="outcome"
        value={filter.outcome ?? ''}
        anyLabel="Any"
        options={AUDIT_OUTCOMES.map((outcome) => ({
          value: outcome,
          label: OUTCOME_LABEL[outcome],
        }))}
        minWidth={160}
        onCommit={onChange}
      />
    </Stack>
  );
}
