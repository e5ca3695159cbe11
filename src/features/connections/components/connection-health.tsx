import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { checkConnectionHealth } from '../../../api/connections';
import { describeError } from '../../../lib/describe-error';

/** On demand: does the provider answer, and does it accept the connection's credential? */
export function ConnectionHealth({
  connectionId,
  label,
}: {
  readonly connectionId: string;
  readonly label: string;
}) {
  const check = useMutation({ mutationFn: () => checkConnectionHealth(connectionId) });
  const result = check.data;
  const healthy = result?.reachable === true && result.credentialAccepted !== false;
  return (
    <Stack spacing={0.5} role="status" aria-live="polite">
      <Button
        size="small"
        variant="text"
        loading={check.isPending}
        onClick={() => {
          check.mutate();
        }}
        aria-label={`Check ${label}`}
      >
        Check connection
      </Button>
      {result ? (
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
          {healthy ? (
            <CheckCircleIcon color="success" fontSize="small" />
          ) : (
            <ErrorIcon color="error" fontSize="small" />
          )}
          <Typography variant="body2">
            {result.reachable
              ? result.credentialAccepted === false
                ? 'Reachable, credential refused'
                : 'Reachable, credential accepted'
              : 'Not reachable'}
            {result.message ? ` · ${result.message}` : ''}
          </Typography>
        </Stack>
      ) : null}
      {check.isError ? (
        <Typography variant="body2" color="error">
          {describeError(check.error).message}
        </Typography>
      ) : null}
    </Stack>
  );
}
