import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors';

const MAX_RETRIES = 2;

function isTransient(error: unknown): error is ApiError {
  return (
    error instanceof ApiError && (error.kind === 'rate_limited' || error.kind === 'unavailable')
  );
}

/** Retries only what may pass by itself (rate limits, outages), honouring the provider's delay. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => isTransient(error) && failures < MAX_RETRIES,
        retryDelay: (failures, error) =>
          isTransient(error) && error.retryAfterMs !== null
            ? Math.min(error.retryAfterMs, 10_000)
            : Math.min(1000 * 2 ** failures, 8000),
      },
      mutations: { retry: false },
    },
  });
}
