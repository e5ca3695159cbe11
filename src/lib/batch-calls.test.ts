import { describe, expect, it } from 'vitest';
import { batchCalls } from './batch-calls';
import { runQueue } from './task-queue';

describe('batchCalls', () => {
  it('sends the items a queue starts together as one bulk call, with a result per item', async () => {
    const sent: string[][] = [];
    const call = batchCalls<{ userId: string }>((items) => {
      sent.push(items.map((item) => item.userId));
      return Promise.resolve(
        items.map((item) =>
          item.userId === 'u2'
            ? { userId: item.userId, ok: false as const, error: new Error('Role not found') }
            : { userId: item.userId, ok: true as const },
        ),
      );
    });
    const items = ['u1', 'u2', 'u3'].map((userId) => ({ userId }));
    const results = await runQueue(items, call, { concurrency: items.length });
    expect(sent).toEqual([['u1', 'u2', 'u3']]);
    expect(results.map((result) => result.ok)).toEqual([true, false, true]);
    const failed = results[1];
    expect(failed && !failed.ok ? (failed.error as Error).message : '').toBe('Role not found');
  });

  it('fails every item of a bulk call that fails as a whole', async () => {
    const call = batchCalls<{ userId: string }>(() => Promise.reject(new Error('unavailable')));
    const results = await runQueue([{ userId: 'a' }, { userId: 'b' }], call, { concurrency: 2 });
    expect(results.map((result) => result.ok)).toEqual([false, false]);
  });

  it('starts a new bulk call for items that come later', async () => {
    const sent: number[] = [];
    const call = batchCalls<{ userId: string }>((items) => {
      sent.push(items.length);
      return Promise.resolve(items.map((item) => ({ userId: item.userId, ok: true as const })));
    });
    await call({ userId: 'a' });
    await Promise.all([call({ userId: 'b' }), call({ userId: 'c' })]);
    expect(sent).toEqual([1, 2]);
  });
});
