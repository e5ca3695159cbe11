import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors';

export const MAX_RETRIES = 2;

export function isTransient(error: unknown): error is ApiError {
  return (
    error instanceof ApiError && (error.kind === 'rate_limited' || error.kind === 'unavailable')
  );
}

/** How long the console waits before retry number `failures` (the provider's delay, capped). */
export function retryDelayMs(failures: number, error: unknown): number {
  return isTransient(error) && error.retryAfterMs !== null
    ? Math.min(error.retryAfterMs, 10_000)
    : Math.min(1000 * 2 ** failures, 8000);
}

/** Retries only what may pass by itself (rate limits, outages), honouring the provider's delay. */
export function createQueryClient(): QueryClient {
  // A session that ended (expired, signed out elsewhere) shows up as "sign in required" on any
  // call: re-reading the session lets the shell send the user to the sign-in page.
  const onError = (error: unknown) => {
    if (
      error instanceof ApiError &&
      (error.code === 'sign_in_required' || error.code === 'csrf_failed')
    ) {
      void client.invalidateQueries({ queryKey: ['session'] });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => isTransient(error) && failures < MAX_RETRIES,
        retryDelay: retryDelayMs,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
