import { useRef, useState } from 'react';
import { describeError } from './describe-error';
import { runQueue, type QueueOptions, type QueueProgress, type TaskResult } from './task-queue';

export interface QueueRunState<I> {
  readonly running: boolean;
  readonly finished: boolean;
  readonly progress: QueueProgress;
  /** Outcome per item key, as items complete. */
  readonly outcomes: ReadonlyMap<
    string,
    { readonly ok: boolean; readonly message: string; readonly item: I }
  >;
}

/** Runs a queue and keeps React state of its progress and per-item outcomes. */
export function useQueueRun<I, O>(
  keyOf: (item: I) => string,
  successMessage: (item: I, value: O) => string,
) {
  const [state, setState] = useState<QueueRunState<I>>({
    running: false,
    finished: false,
    progress: { done: 0, total: 0, failed: 0, pausedUntil: null },
    outcomes: new Map(),
  });
  const controller = useRef<AbortController | null>(null);

  const start = async (
    items: readonly I[],
    worker: (item: I, signal?: AbortSignal) => Promise<O>,
    options: Pick<QueueOptions<I, O>, 'concurrency' | 'committed'> = {},
  ): Promise<TaskResult<I, O>[]> => {
    controller.current = new AbortController();
    setState({
      running: true,
      finished: false,
      progress: { done: 0, total: items.length, failed: 0, pausedUntil: null },
      outcomes: new Map(),
    });
    const results = await runQueue(items, worker, {
      ...options,
      signal: controller.current.signal,
      onProgress: (progress, result) => {
        setState((previous) => {
          const outcomes = new Map(previous.outcomes);
          if (result) {
            outcomes.set(keyOf(result.item), {
              item: result.item,
              ok: result.ok,
              message: result.ok
                ? successMessage(result.item, result.value)
                : describeError(result.error).message,
            });
          }
          return { ...previous, progress, outcomes };
        });
      },
    });
    setState((previous) => ({ ...previous, running: false, finished: true }));
    return results;
  };

  return {
    state,
    start,
    cancel: () => controller.current?.abort(),
  };
}
