import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/errors';
import { MAX_RETRIES, retryDelayMs } from '../query-client';

interface Waiting {
  readonly until: number;
  readonly attempt: number;
}

/**
 * Says at once when a provider answered "too many requests" and the console is waiting to try
 * again, with a countdown and what happens next, instead of skeleton rows that look like a hang.
 */
export function RateLimitNotice() {
  const client = useQueryClient();
  // Per query: another query answering does not end this one's wait.
  const [waits, setWaits] = useState<ReadonlyMap<string, Waiting>>(new Map());
  const [now, setNow] = useState(() => Date.now());

  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' && event.type !== 'removed') return;
        const key = event.query.queryHash;
        const forget = () => {
          setWaits((previous) => {
            if (!previous.has(key)) return previous;
            const next = new Map(previous);
            next.delete(key);
            return next;
          });
        };
        if (event.type === 'removed') {
          forget();
          return;
        }
        const { action } = event;
        if (action.type === 'failed') {
          const error: unknown = action.error;
          const failureCount = action.failureCount;
          if (error instanceof ApiError && error.kind === 'rate_limited') {
            setNow(Date.now());
            setWaits((previous) =>
              new Map(previous).set(key, {
                until: Date.now() + retryDelayMs(failureCount, error),
                attempt: failureCount + 1,
              }),
            );
          }
        } else if (action.type === 'success' || action.type === 'error') {
          forget();
        }
      }),
    [client],
  );

  // The wait that ends last is the one the page is held by.
  const waiting = [...waits.values()].reduce<Waiting | null>(
    (latest, wait) => (latest === null || wait.until > latest.until ? wait : latest),
    null,
  );

  useEffect(() => {
    if (waiting === null) return;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 500);
    return () => {
      clearInterval(timer);
    };
  }, [waiting]);

  if (waiting === null) return null;
  const seconds = Math.max(0, Math.ceil((waiting.until - now) / 1000));
  return (
    <Alert severity="warning" role="status" sx={{ mb: 2 }}>
      <AlertTitle>The provider asked Orgdeck to wait (rate limited)</AlertTitle>
      {seconds > 0
        ? `Trying again in ${seconds} s (attempt ${waiting.attempt} of ${MAX_RETRIES + 1}).`
        : `Trying again now (attempt ${waiting.attempt} of ${MAX_RETRIES + 1}).`}{' '}
      If it still refuses, the page says so and offers Retry.
    </Alert>
  );
}
