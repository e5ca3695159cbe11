import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import type { InviteInput, InviteOutcome } from '../../api/people';
import { runQueue } from '../../lib/task-queue';
import { batchedInviteWorker } from './batched-invite';

const emails = (count: number) => Array.from({ length: count }, (_, i) => `p${i}@acme.test`);
const input = (email: string): InviteInput => ({ email, roles: ['org:member'] });
const noSleep = () => Promise.resolve();
const allInvited = (inputs: readonly InviteInput[]) =>
  Promise.resolve(inputs.map(({ email }) => ({ email, ok: true as const, invitation: null })));

function calls(createMany: (inputs: readonly InviteInput[]) => Promise<readonly InviteOutcome[]>) {
  return {
    create: vi.fn((one: InviteInput) =>
      one.email === 'bad@acme.test'
        ? Promise.reject(new ApiError({ kind: 'validation', message: 'Already a member' }))
        : Promise.resolve(one),
    ),
    createMany: vi.fn(createMany),
  };
}

describe('inviting in bulk calls', () => {
  it('sends batches of up to the provider’s maximum, with a result per address', async () => {
    const api = calls(allInvited);
    const items = emails(23);
    const worker = batchedInviteWorker(items, input, api, { max: 10, sameRole: false });
    const results = await runQueue(items, worker, { concurrency: 2 });
    expect(results.every((result) => result.ok)).toBe(true);
    expect(api.createMany.mock.calls.map(([inputs]) => inputs.length)).toEqual([10, 10, 3]);
    expect(api.createMany.mock.calls.flatMap(([inputs]) => inputs.map((i) => i.email))).toEqual(
      items,
    );
    expect(api.create).not.toHaveBeenCalled();
  });

  it('gives each address its own outcome where the provider answers per address', async () => {
    const refusal = new ApiError({ kind: 'conflict', message: 'Already pending' });
    const api = calls((inputs) =>
      Promise.resolve(
        inputs.map(({ email }) =>
          email === 'b@acme.test'
            ? { email, ok: false as const, error: refusal }
            : { email, ok: true as const, invitation: null },
        ),
      ),
    );
    const items = ['a@acme.test', 'b@acme.test', 'c@acme.test'];
    const worker = batchedInviteWorker(items, input, api, { max: 20, sameRole: false });
    const results = await runQueue(items, worker, { concurrency: 2 });
    expect(api.createMany).toHaveBeenCalledTimes(1);
    // The refused address is not sent again on its own: the others were invited already.
    expect(api.create).not.toHaveBeenCalled();
    expect(results.map((result) => result.ok)).toEqual([true, false, true]);
    const failed = results[1];
    expect(failed && !failed.ok && failed.error).toBe(refusal);
  });

  it('counts an address the bulk answer leaves out as invited: the call succeeded', async () => {
    const api = calls(() => Promise.resolve([]));
    const items = emails(3);
    const worker = batchedInviteWorker(items, input, api, { max: 10, sameRole: false });
    const results = await runQueue(items, worker, { concurrency: 2 });
    expect(results.every((result) => result.ok)).toBe(true);
    expect(api.create).not.toHaveBeenCalled();
  });

  it('falls back to one by one when a bulk call fails as a whole, reporting each address', async () => {
    const api = calls(() =>
      Promise.reject(new ApiError({ kind: 'validation', message: 'One of them is a member' })),
    );
    const items = ['a@acme.test', 'bad@acme.test', 'c@acme.test'];
    const worker = batchedInviteWorker(items, input, api, { max: 10, sameRole: false });
    const results = await runQueue(items, worker, { concurrency: 2 });
    expect(api.createMany).toHaveBeenCalledTimes(1);
    expect(api.create).toHaveBeenCalledTimes(3);
    expect(results.map((result) => result.ok)).toEqual([true, false, true]);
    const failed = results[1];
    expect(failed && !failed.ok && (failed.error as Error).message).toBe('Already a member');
  });

  it('sends the same batch again after a rate limit instead of splitting it', async () => {
    let calls429 = 0;
    const api = calls((inputs) => {
      calls429 += 1;
      return calls429 === 1
        ? Promise.reject(
            new ApiError({ kind: 'rate_limited', message: 'Slow down', retryAfterMs: 1 }),
          )
        : allInvited(inputs);
    });
    const items = emails(4);
    const worker = batchedInviteWorker(items, input, api, { max: 10, sameRole: false });
    const results = await runQueue(items, worker, { concurrency: 2, sleep: noSleep });
    expect(results.every((result) => result.ok)).toBe(true);
    expect(api.createMany).toHaveBeenCalledTimes(2);
    expect(api.create).not.toHaveBeenCalled();
  });

  it('keeps roles apart where one bulk call takes one role, and sends a lone address alone', async () => {
    const api = calls(() => Promise.resolve([]));
    const items = ['a@x.test', 'b@x.test', 'c@x.test'];
    const roleOf: Record<string, string> = { 'a@x.test': 'admin', 'b@x.test': 'member' };
    const worker = batchedInviteWorker(
      items,
      (email) => ({ email, roles: [roleOf[email] ?? 'admin'] }),
      api,
      { max: 10, sameRole: true },
    );
    await runQueue(items, worker, { concurrency: 1 });
    expect(api.createMany.mock.calls.map(([inputs]) => inputs.map((i) => i.email))).toEqual([
      ['a@x.test', 'c@x.test'],
    ]);
    expect(api.create.mock.calls.map(([one]) => one.email)).toEqual(['b@x.test']);
  });

  it('sends one by one where the provider has no bulk call', async () => {
    const api = calls(() => Promise.resolve([]));
    const items = emails(3);
    await runQueue(items, batchedInviteWorker(items, input, { create: api.create }, null));
    expect(api.create).toHaveBeenCalledTimes(3);
  });

  it('a stop while a batch is being sent still reports that batch as sent, and holds back the next', async () => {
    let release: () => void = () => undefined;
    const api = calls(
      () =>
        new Promise((resolve) => {
          release = () => {
            resolve([]);
          };
        }),
    );
    const items = emails(12);
    const worker = batchedInviteWorker(items, input, api, { max: 10, sameRole: false });
    const stop = new AbortController();
    const run = runQueue(items, worker, {
      concurrency: 2,
      signal: stop.signal,
      committed: worker.committed,
    });
    await vi.waitFor(() => {
      expect(api.createMany).toHaveBeenCalledTimes(1);
    });
    stop.abort();
    release();
    const results = await run;
    expect(results.slice(0, 10).every((result) => result.ok)).toBe(true);
    expect(results.slice(10).map((result) => result.ok)).toEqual([false, false]);
    expect(api.createMany).toHaveBeenCalledTimes(1);
  });

  it('after a stop, a batch refused as a whole is not sent one by one', async () => {
    let refuse: () => void = () => undefined;
    const api = calls(
      () =>
        new Promise((_, reject) => {
          refuse = () => {
            reject(new ApiError({ kind: 'validation', message: 'One of them is a member' }));
          };
        }),
    );
    const items = emails(4);
    const worker = batchedInviteWorker(items, input, api, { max: 10, sameRole: false });
    const stop = new AbortController();
    const run = runQueue(items, worker, {
      concurrency: 2,
      signal: stop.signal,
      committed: worker.committed,
    });
    await vi.waitFor(() => {
      expect(api.createMany).toHaveBeenCalledTimes(1);
    });
    stop.abort();
    refuse();
    const results = await run;
    expect(results.every((result) => !result.ok)).toBe(true);
    expect(api.create).not.toHaveBeenCalled();
  });
});
