import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { QueueCancelled, runQueue, type QueueProgress } from './task-queue';

function clock() {
  let time = 0;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: (ms: number) => {
      sleeps.push(ms);
      time += ms;
      return Promise.resolve();
    },
    sleeps,
  };
}

describe('task queue', () => {
  it('returns one result per item, in order, and one failure does not stop the rest', async () => {
    const results = await runQueue(['a', 'b', 'c'], (item) =>
      item === 'b'
        ? Promise.reject(new ApiError({ kind: 'validation', message: 'bad b' }))
        : Promise.resolve(item.toUpperCase()),
    );
    expect(results.map((r) => r.item)).toEqual(['a', 'b', 'c']);
    expect(results.map((r) => (r.ok ? r.value : (r.error as Error).message))).toEqual([
      'A',
      'bad b',
      'C',
    ]);
  });

  it('waits the delay the provider asked for after a 429, then retries', async () => {
    const time = clock();
    let calls = 0;
    const results = await runQueue(
      ['x'],
      () => {
        calls += 1;
        return calls === 1
          ? Promise.reject(
              new ApiError({ kind: 'rate_limited', message: 'slow', retryAfterMs: 3000 }),
            )
          : Promise.resolve('ok');
      },
      { sleep: time.sleep, now: time.now },
    );
    expect(results[0]).toEqual({ item: 'x', ok: true, value: 'ok' });
    expect(time.sleeps).toEqual([3000]);
  });

  it('gives up on an item after the retries and reports the rate limit', async () => {
    const time = clock();
    const results = await runQueue(
      ['x'],
      () => Promise.reject(new ApiError({ kind: 'rate_limited', message: 'slow' })),
      { sleep: time.sleep, now: time.now, maxRetries: 2 },
    );
    expect(results[0]?.ok).toBe(false);
    expect(time.sleeps).toEqual([1000, 2000]);
  });

  it('never runs more tasks at once than asked', async () => {
    let running = 0;
    let peak = 0;
    await runQueue(
      Array.from({ length: 10 }, (_, i) => i),
      async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running -= 1;
      },
      { concurrency: 3 },
    );
    expect(peak).toBe(3);
  });

  it('reports progress up to the total, counting failures', async () => {
    const seen: QueueProgress[] = [];
    await runQueue(
      [1, 2, 3],
      (n) => (n === 2 ? Promise.reject(new Error('no')) : Promise.resolve(n)),
      {
        concurrency: 1,
        onProgress: (progress) => seen.push(progress),
      },
    );
    expect(seen.at(-1)).toEqual({ done: 3, total: 3, failed: 1, pausedUntil: null });
  });

  it('stops sending when cancelled and marks the rest as not sent', async () => {
    const controller = new AbortController();
    const results = await runQueue(
      [1, 2, 3],
      (n) => {
        if (n === 1) controller.abort();
        return Promise.resolve(n);
      },
      { concurrency: 1, signal: controller.signal },
    );
    expect(results[0]?.ok).toBe(true);
    expect(results.slice(1).every((r) => !r.ok && r.error instanceof QueueCancelled)).toBe(true);
  });
});
