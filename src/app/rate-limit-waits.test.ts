import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { createQueryClient } from './query-client';
import { rateLimitWaits, type RateLimitWait } from './rate-limit-waits';

const tooMany = (retryAfterMs: number) =>
  new ApiError({ kind: 'rate_limited', status: 429, message: 'Too many requests', retryAfterMs });

describe('rateLimitWaits', () => {
  it('sees a 429 of a query started before anything subscribed, and ends the wait on success', async () => {
    const client = createQueryClient();
    const clock = 1_000;
    const waits = rateLimitWaits(client, () => clock);
    // The first data load of a fresh page: started before any component is mounted.
    let calls = 0;
    const load = client.query({
      queryKey: ['first-load'],
      queryFn: () => {
        calls += 1;
        return calls === 1 ? Promise.reject(tooMany(20)) : Promise.resolve('rows');
      },
    });
    const seen: (RateLimitWait | null)[] = [];
    const stop = waits.subscribe(() => seen.push(waits.current()));
    await expect(load).resolves.toBe('rows');
    stop();
    expect(seen).toEqual([{ at: 1_000, until: 1_020, attempt: 2 }, null]);
    expect(waits.current()).toBeNull();
  });

  it('answers the wait that ends last, and a query failing otherwise is not a wait', async () => {
    const client = createQueryClient();
    const waits = rateLimitWaits(client, () => 0);
    expect(rateLimitWaits(client)).toBe(waits);
    const short = client.query({
      queryKey: ['short'],
      queryFn: () => Promise.reject(tooMany(10)),
      retry: false,
    });
    await expect(short).rejects.toThrow('Too many requests');
    expect(waits.current()).toBeNull();
    let longCalls = 0;
    let shortCalls = 0;
    const both = Promise.all([
      client.query({
        queryKey: ['long'],
        queryFn: () => (++longCalls === 1 ? Promise.reject(tooMany(40)) : Promise.resolve(1)),
      }),
      client.query({
        queryKey: ['short-again'],
        queryFn: () => (++shortCalls === 1 ? Promise.reject(tooMany(5)) : Promise.resolve(2)),
      }),
    ]);
    const seen: (number | null)[] = [];
    const stop = waits.subscribe(() => seen.push(waits.current()?.until ?? null));
    await both;
    stop();
    expect(seen).toContain(40);
    expect(seen.at(-1)).toBeNull();
    const failing = client.query({
      queryKey: ['broken'],
      queryFn: () => Promise.reject(new ApiError({ kind: 'not_found', message: 'gone' })),
    });
    await expect(failing).rejects.toThrow('gone');
    expect(waits.current()).toBeNull();
  });
});
