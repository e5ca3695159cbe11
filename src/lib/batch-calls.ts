import type { BulkOutcome } from '../api/people';

/**
 * Turns a bulk call (many users, one outcome each) into a per-user call for `runQueue`: calls
 * made in the same turn (the queue starts its lanes together) are sent as one bulk call, and each
 * caller gets its own user's outcome. So a queue keeps its progress and per-item results while
 * the provider gets one request.
 */
export function batchCalls<I extends { readonly userId: string }>(
  send: (items: readonly I[]) => Promise<readonly BulkOutcome[]>,
): (item: I) => Promise<void> {
  let pending: { item: I; resolve: () => void; reject: (error: unknown) => void }[] = [];

  const flush = async () => {
    const batch = pending;
    pending = [];
    try {
      const outcomes = await send(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => {
        const outcome =
          outcomes[index]?.userId === entry.item.userId
            ? outcomes[index]
            : outcomes.find((candidate) => candidate.userId === entry.item.userId);
        if (!outcome) entry.reject(new Error('The provider did not answer for this user.'));
        else if (outcome.ok) entry.resolve();
        else entry.reject(outcome.error);
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  };

  return (item) =>
    new Promise<void>((resolve, reject) => {
      if (pending.length === 0) setTimeout(() => void flush(), 0);
      pending.push({ item, resolve, reject });
    });
}
