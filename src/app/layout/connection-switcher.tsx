import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../config/paths';
import { connectionQueries } from '../../features/connections/api/queries';
import { ProviderDot } from '../../features/connections/components/provider-badge';

/** Picks the connection the console works on; each shows its provider. */
export function ConnectionSwitcher({ current }: { readonly current: string | null }) {
  const connections = useQuery(connectionQueries.list());
  const navigate = useNavigate();
  const list = connections.data ?? [];
  const value = list.some((connection) => connection.id === current) ? (current ?? '') : '';
  return (
    <FormControl size="small" sx={{ minWidth: { xs: 160, sm: 260 } }} disabled={list.length === 0}>
      <InputLabel id="connection-switcher-label">Connection</InputLabel>
      <Select
        labelId="connection-switcher-label"
        label="Connection"
        value={value}
        onChange={(event) => {
          void navigate(paths.orgs.list.href(event.target.value));
        }}
        renderValue={(id) => {
          const connection = list.find((candidate) => candidate.id === id);
          return connection ? (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <ProviderDot provider={connection.provider} />
              <span>{connection.label}</span>
            </Stack>
          ) : (
            ''
          );
        }}
      >
        {list.map((connection) => (
          <MenuItem key={connection.id} value={connection.id}>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
              <ProviderDot provider={connection.provider} />
              <ListItemText
                primary={connection.label}
                secondary={connection.capabilities.displayName}
              />
            </Stack>
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
