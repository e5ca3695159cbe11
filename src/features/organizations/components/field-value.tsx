import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { OrgFieldSpec } from '../../../api/capabilities';
import type { JsonValue } from '../../../api/domain';
import { JsonView } from '../../../components/json-view';

/** Shows a provider value by its declared type; unknown shapes fall back to formatted JSON. */
export function FieldValue({
  value,
  spec,
  label,
}: {
  readonly value: JsonValue | undefined;
  readonly spec?: OrgFieldSpec;
  readonly label: string;
}) {
  if (value === undefined || value === null || value === '') {
    return <Typography color="text.secondary">Not set</Typography>;
  }
  if (typeof value === 'boolean') return <Typography>{value ? 'Yes' : 'No'}</Typography>;
  if (typeof value === 'string' && spec?.type === 'color') {
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Box
          aria-hidden
          sx={{
            width: 16,
            height: 16,
            borderRadius: 0.5,
            border: 1,
            borderColor: 'divider',
            bgcolor: value,
          }}
        />
        <Typography sx={{ fontFamily: 'monospace' }}>{value}</Typography>
      </Box>
    );
  }
  if (typeof value === 'string' && spec?.type === 'select') {
    return (
      <Typography>
        {spec.options?.find((option) => option.value === value)?.label ?? value}
      </Typography>
    );
  }
  if (value === 0 && spec?.zeroMeans) return <Typography>{spec.zeroMeans}</Typography>;
  if (typeof value === 'string' || typeof value === 'number') {
    return <Typography sx={{ overflowWrap: 'anywhere' }}>{String(value)}</Typography>;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return <Typography>{value.length === 0 ? 'None' : value.join(', ')}</Typography>;
  }
  return <JsonView value={value} label={label} maxHeight={200} />;
}
