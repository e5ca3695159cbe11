import FormControl from '@mui/material/FormControl';
import InputAdornment from '@mui/material/InputAdornment';
import InputLabel from '@mui/material/InputLabel';
import NativeSelect from '@mui/material/NativeSelect';
import OutlinedInput from '@mui/material/OutlinedInput';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../config/paths';
import { connectionQueries } from '../../data/connections';
import { ProviderDot } from '../../features/connections/components/provider-badge';

/**
 * Picks the connection the console works on; the current one shows its provider's colour. A native
 * select: it is in the first paint of every page, and MUI's Select would bring its menu, popover
 * and modal code along (≈15 KB gzipped) before anyone opens it.
 */
export function ConnectionSwitcher({
  current,
  placement,
}: {
  readonly current: string | null;
  /**
   * `bar`: in the app bar, from a tablet's width up; `page`: on a phone, above the page at full
   * width (the app bar has no room there for a connection's whole name).
   */
  readonly placement: 'bar' | 'page';
}) {
  const connections = useQuery(connectionQueries.list());
  const navigate = useNavigate();
  const id = useId();
  const list = connections.data ?? [];
  const selected = list.find((connection) => connection.id === current);
  return (
    <FormControl
      size="small"
      sx={
        placement === 'bar'
          ? { display: { xs: 'none', sm: 'inline-flex' }, minWidth: 260 }
          : { display: { xs: 'flex', sm: 'none' }, width: '100%', mb: 2 }
      }
      disabled={list.length === 0}
    >
      <InputLabel htmlFor={id} shrink>
        Connection
      </InputLabel>
      <NativeSelect
        value={selected?.id ?? ''}
        onChange={(event) => {
          void navigate(paths.orgs.list.href(event.target.value));
        }}
        input={
          <OutlinedInput
            id={id}
            label="Connection"
            notched
            startAdornment={
              selected ? (
                <InputAdornment position="start">
                  <ProviderDot provider={selected.provider} />
                </InputAdornment>
              ) : null
            }
          />
        }
      >
        {selected ? null : (
          <option value="" disabled>
            Choose a connection
          </option>
        )}
        {list.map((connection) => (
          <option key={connection.id} value={connection.id}>
            {connection.label}
          </option>
        ))}
      </NativeSelect>
    </FormControl>
  );
}
