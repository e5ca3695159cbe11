import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { MAX_RETRIES } from '../query-client';
import { rateLimitWaits } from '../rate-limit-waits';

/**
 * Says at once when a provider answered "too many requests" and the console is waiting to try
 * again, with a countdown and what happens next, instead of skeleton rows that look like a hang.
 */
export function RateLimitNotice() {
  const waits = rateLimitWaits(useQueryClient());
  const waiting = useSyncExternalStore(waits.subscribe, waits.current);
  const [now, setNow] = useState(() => Date.now());

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
  // The clock reads at least the moment of the 429 (it ticks only while a wait is on).
  const seconds = Math.max(0, Math.ceil((waiting.until - Math.max(now, waiting.at)) / 1000));
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
