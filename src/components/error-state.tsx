import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { describeError } from '../lib/describe-error';

export interface ErrorStateProps {
  readonly error: unknown;
  /** What failed, e.g. "Could not load organizations". */
  readonly title?: string;
  readonly onRetry?: () => void;
  readonly retrying?: boolean;
}

/** An error that says what happened (in the provider's words) and offers a retry. */
export function ErrorState({ error, title, onRetry, retrying = false }: ErrorStateProps) {
  const description = describeError(error);
  return (
    <Alert
      severity="error"
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry} loading={retrying}>
            Retry
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{title ?? description.title}</AlertTitle>
      {description.message}
    </Alert>
  );
}
