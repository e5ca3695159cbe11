import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors';
import { retryDelayMs } from './query-client';

/** The console waits before trying a rate-limited read again: until when, and which attempt. */
export interface RateLimitWait {
  /** When the provider answered 429. */
  readonly at: number;
  readonly until: number;
  readonly attempt: number;
}

/** The rate-limit waits of one query cache, watched from its creation. */
export interface RateLimitWaits {
  readonly subscribe: (listener: () => void) => () => void;
  /** The wait that ends last (the one the page is held by), or null; stable between changes. */
  readonly current: () => RateLimitWait | null;
}

const trackers = new WeakMap<QueryClient, RateLimitWaits>();

function track(client: QueryClient, now: () => number): RateLimitWaits {
  // Per query: another query answering does not end this one's wait.
  const waits = new Map<string, RateLimitWait>();
  const listeners = new Set<() => void>();
  let latest: RateLimitWait | null = null;
  const changed = () => {
    latest = null;
    for (const wait of waits.values())
      if (latest === null || wait.until > latest.until) latest = wait;
    for (const listener of listeners) listener();
  };
  client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' && event.type !== 'removed') return;
    const key = event.query.queryHash;
    if (event.type === 'updated' && event.action.type === 'failed') {
      const error: unknown = event.action.error;
      const failureCount = event.action.failureCount;
      if (!(error instanceof ApiError) || error.kind !== 'rate_limited') return;
      const at = now();
      waits.set(key, {
        at,
        until: at + retryDelayMs(failureCount, error),
        attempt: failureCount + 1,
      });
      changed();
      return;
    }
    const ended =
      event.type === 'removed' || event.action.type === 'success' || event.action.type === 'error';
    if (ended && waits.delete(key)) changed();
  });
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    current: () => latest,
  };
}

/**
 * The waits of `client`'s queries. The app starts watching when it creates the cache, before the
 * first route's loaders run: a 429 on the very first data load of a fresh page happens before any
 * component is mounted, and the notice must still say it at once.
 */
export function rateLimitWaits(client: QueryClient, now: () => number = Date.now): RateLimitWaits {
  let tracker = trackers.get(client);
  if (!tracker) {
    tracker = track(client, now);
    trackers.set(client, tracker);
  }
  return tracker;
}
