import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatNumber } from '../lib/format';

/** Usage against a limit: the figures, the percentage, and a bar that turns amber then red. */
export function UsageBar({
  label,
  used,
  limit,
}: {
  readonly label: string;
  readonly used: number;
  readonly limit: number | null;
}) {
  const percent = limit && limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : null;
  const over = limit !== null && used > limit;
  return (
    <Box>
      <Stack direction="row" sx={{ justifyContent: 'space-between', mb: 0.5 }}>
        <Typography variant="body2">{label}</Typography>
        <Typography variant="body2" color={over ? 'error' : 'text.secondary'}>
          {formatNumber(used)}
          {limit !== null ? ` of ${formatNumber(limit)}` : ''}
          {percent !== null ? ` (${percent}%)` : ''}
        </Typography>
      </Stack>
      {percent !== null ? (
        <LinearProgress
          variant="determinate"
          value={percent}
          color={over ? 'error' : percent >= 80 ? 'warning' : 'primary'}
          aria-label={`${label}: ${formatNumber(used)} of ${formatNumber(limit)}`}
        />
      ) : null}
    </Box>
  );
}
