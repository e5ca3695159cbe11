import { ApiError } from '../../src/api/errors';

export interface RetryPolicy {
  /** Attempts per call before the sync gives up (and is retried later). */
  readonly attempts: number;
  /** Wait when a 429 names none. */
  readonly defaultWaitMs: number;
  /** Longest single wait honoured; a longer one fails the call (the sync retries later). */
  readonly maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, defaultWaitMs: 1000, maxWaitMs: 120_000 };

/**
 * A connection's shared back-off: when one call is told to wait (429 with `Retry-After` or
 * Kinde's `RateLimit-Reset`, which the adapter reads into `retryAfterMs`), every call of that
 * connection's sync waits until then, so the pool does not keep hammering a throttled provider.
 */
export class Throttle {
  private until = 0;

  constructor(
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** How many 429s were answered by waiting. */
  throttled = 0;

  async run<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const wait = this.until - this.now();
      if (wait > 0) await this.sleep(wait);
      // In-process calls (gateway, sandbox, PGlite) can resolve in microtasks alone; a
      // macrotask turn per call lets the server's own requests in while a sync runs.
      else await yieldToEventLoop();
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof ApiError) || error.kind !== 'rate_limited') throw error;
        if (attempt >= this.policy.attempts) throw error;
        const ms = error.retryAfterMs ?? this.policy.defaultWaitMs;
        if (ms > this.policy.maxWaitMs) throw error;
        this.throttled += 1;
        this.until = Math.max(this.until, this.now() + ms);
      }
    }
  }
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs `work` over `items` with at most `limit` at once; the first failure rejects. */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed: unknown = null;
  const worker = async () => {
    while (failed === null && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failed !== null)
    throw failed instanceof Error ? failed : new Error('a step of the sync failed');
}
