import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { QueueProgress } from '../lib/task-queue';

export interface QueueRow {
  readonly key: string;
  readonly label: string;
  /** null while not yet done. */
  readonly outcome: { readonly ok: boolean; readonly message: string } | null;
}

export interface QueueProgressViewProps {
  readonly title: string;
  readonly progress: QueueProgress;
  readonly rows: readonly QueueRow[];
  readonly now: number;
}

/** A determinate progress bar and one line per item with its outcome. */
export function QueueProgressView({ title, progress, rows, now }: QueueProgressViewProps) {
  const percent = progress.total === 0 ? 100 : Math.round((progress.done / progress.total) * 100);
  const waitMs = progress.pausedUntil === null ? 0 : progress.pausedUntil - now;
  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 1 }} role="status">
        {title}: {progress.done} of {progress.total} done
        {progress.failed > 0 ? `, ${progress.failed} failed` : ''}
        {waitMs > 0 ? ` · rate limited, waiting ${Math.ceil(waitMs / 1000)} s` : ''}
      </Typography>
      <LinearProgress variant="determinate" value={percent} aria-label={`${title} progress`} />
      <List dense aria-label={`${title} results`} sx={{ maxHeight: 280, overflow: 'auto', mt: 1 }}>
        {rows.map((row) => (
          <ListItem key={row.key} disableGutters>
            <ListItemIcon sx={{ minWidth: 32 }}>
              {row.outcome === null ? null : row.outcome.ok ? (
                <CheckCircleIcon color="success" fontSize="small" titleAccess="Done" />
              ) : (
                <ErrorIcon color="error" fontSize="small" titleAccess="Failed" />
              )}
            </ListItemIcon>
            <ListItemText primary={row.label} secondary={row.outcome?.message ?? 'Waiting…'} />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
