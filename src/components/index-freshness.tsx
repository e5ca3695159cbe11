import RefreshIcon from '@mui/icons-material/Refresh';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { IndexStatus } from '../api/connection-index';
import { useRefreshIndex } from '../data/connection-index';
import { formatNumber } from '../lib/format';
import { timeAgo } from '../lib/relative-time';
import { Gated } from './gated';
import { useToast } from './toast';

const PHASE: Record<NonNullable<IndexStatus['progress']>['phase'], string> = {
  orgs: 'organizations',
  members: 'members',
  invitations: 'invitations',
};

function progressText(status: IndexStatus): string {
  const progress = status.progress;
  if (!progress) return 'Indexing…';
  const of = progress.total === null ? '' : ` of ${formatNumber(progress.total)}`;
  return `Indexing ${PHASE[progress.phase]}: ${formatNumber(progress.done)}${of}`;
}

/**
 * How fresh the server's index of a connection is ("indexed 2 min ago · Refresh"), with progress
 * while a sync runs and what went wrong when the last one failed.
 */
export function IndexFreshness({ status }: { readonly status: IndexStatus }) {
  const refresh = useRefreshIndex(status.connectionId);
  const { toast } = useToast();
  const syncing = status.state === 'syncing';
  const progress = status.progress;
  const percent =
    progress && progress.total ? Math.min(100, (progress.done / progress.total) * 100) : null;
  const label =
    status.syncedAt === null
      ? syncing
        ? 'First index of this connection is being built; until it completes, lists show what your browser loads.'
        : 'Not indexed yet.'
      : `Indexed ${timeAgo(status.syncedAt)}`;
  return (
    <Stack spacing={0.5} sx={{ mt: 1 }} aria-live="polite">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary">
          {label}
          {status.syncedAt !== null ? ` · ${formatNumber(status.counts.orgs)} organizations` : ''}
        </Typography>
        <Gated need="support" action="refresh the index">
          {(disabled) => (
            <Button
              size="small"
              startIcon={<RefreshIcon />}
              disabled={disabled || syncing || refresh.isPending}
              onClick={() => {
                refresh.mutate(undefined, {
                  onSuccess: () => {
                    toast('Index refresh started; lists update when it completes.', 'info');
                  },
                  onError: (error) => {
                    toast(`Could not start a refresh: ${error.message}`, 'error');
                  },
                });
              }}
            >
              {syncing ? 'Refreshing…' : 'Refresh'}
            </Button>
          )}
        </Gated>
      </Stack>
      {syncing ? (
        <>
          <Typography variant="caption" color="text.secondary">
            {progressText(status)}
          </Typography>
          <LinearProgress
            aria-label="Index progress"
            variant={percent === null ? 'indeterminate' : 'determinate'}
            {...(percent === null ? {} : { value: percent })}
          />
        </>
      ) : null}
      {status.state === 'error' ? (
        <Typography variant="caption" color="error">
          The last sync failed{status.error ? `: ${status.error}` : ''}.{' '}
          {status.nextRetryAt
            ? `It retries by itself at ${new Date(status.nextRetryAt).toLocaleTimeString()}, or press Refresh.`
            : 'Press Refresh to try again.'}
        </Typography>
      ) : null}
    </Stack>
  );
}
