import { ApiError } from '../api/errors';

export type TaskResult<I, O> =
  | { readonly item: I; readonly ok: true; readonly value: O }
  | { readonly item: I; readonly ok: false; readonly error: unknown };

export interface QueueProgress {
  readonly done: number;
  readonly total: number;
  readonly failed: number;
  /** When the provider asked us to wait (rate limit), until when (epoch ms). */
  readonly pausedUntil: number | null;
}

export interface QueueOptions<I, O> {
  readonly concurrency?: number;
  /** Retries per item after a rate limit. */
  readonly maxRetries?: number;
  readonly signal?: AbortSignal;
  /**
   * Items whose work is already under way elsewhere (sent in another item's bulk call): they still
   * run after a stop, so they report what the provider did rather than "not sent".
   */
  readonly committed?: (item: I) => boolean;
  readonly onProgress?: (progress: QueueProgress, result: TaskResult<I, O> | null) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class QueueCancelled extends Error {
  override name = 'QueueCancelled';
  constructor() {
    super('Stopped before it was sent.');
  }
}

/**
 * Runs one task per item, a few at a time, and reports each item's outcome: one failure does not
 * stop the rest. A 429 pauses every worker for the delay the provider gave (or a growing backoff)
 * and the item is retried.
 */
export async function runQueue<I, O>(
  items: readonly I[],
  worker: (item: I, signal?: AbortSignal) => Promise<O>,
  options: QueueOptions<I, O> = {},
): Promise<TaskResult<I, O>[]> {
  const concurrency = Math.max(1, options.concurrency ?? 3);
  const maxRetries = options.maxRetries ?? 4;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? (() => Date.now());
  const results: TaskResult<I, O>[] = new Array<TaskResult<I, O>>(items.length);
  let next = 0;
  let done = 0;
  let failed = 0;
  let pausedUntil: number | null = null;

  const report = (result: TaskResult<I, O> | null) => {
    options.onProgress?.({ done, total: items.length, failed, pausedUntil }, result);
  };

  const runOne = async (item: I): Promise<TaskResult<I, O>> => {
    for (let attempt = 0; ; attempt++) {
      if (options.signal?.aborted && !options.committed?.(item))
        return { item, ok: false, error: new QueueCancelled() };
      const wait = pausedUntil === null ? 0 : pausedUntil - now();
      if (wait > 0) await sleep(wait);
      try {
        return { item, ok: true, value: await worker(item, options.signal) };
      } catch (error) {
        const limited = error instanceof ApiError && error.kind === 'rate_limited';
        if (!limited || attempt >= maxRetries) return { item, ok: false, error };
        const delay = error.retryAfterMs ?? 1000 * 2 ** attempt;
        pausedUntil = Math.max(pausedUntil ?? 0, now() + delay);
        report(null);
      }
    }
  };

  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as I;
      const result = await runOne(item);
      results[index] = result;
      done += 1;
      if (!result.ok) failed += 1;
      if (pausedUntil !== null && pausedUntil <= now()) pausedUntil = null;
      report(result);
    }
  };

  report(null);
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}
