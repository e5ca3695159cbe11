import { ApiError } from '../../api/errors';
import type { InviteInput, InviteOutcome } from '../../api/people';
import { QueueCancelled } from '../../lib/task-queue';

export interface InviteCalls {
  readonly create: (input: InviteInput) => Promise<unknown>;
  /**
   * The provider's bulk call, where it has one: rejects when the call fails as a whole, otherwise
   * answers with an outcome per address (`InvitationsApi.createMany`).
   */
  readonly createMany?:
    ((inputs: readonly InviteInput[]) => Promise<readonly InviteOutcome[]>) | undefined;
}

export interface BulkRule {
  readonly max: number;
  /** One call gives everyone the same role and options. */
  readonly sameRole: boolean;
}

/** A queue worker, and which items a stop can no longer hold back (their batch was sent). */
export type BatchedWorker<T> = ((item: T, signal?: AbortSignal) => Promise<unknown>) & {
  readonly committed: (item: T) => boolean;
};

/** Errors after which the same bulk call is tried again (the queue waits first), not split up. */
const retried = (error: unknown) =>
  error instanceof ApiError && (error.kind === 'rate_limited' || error.kind === 'aborted');

/**
 * A queue worker (one call per item, so each address keeps its own result) that sends invitations
 * in bulk calls of up to `bulk.max` where the provider has one: the first item of a batch sends
 * the whole batch and the others wait for it. Each address then takes its own outcome from the
 * answer, so a provider that refuses some addresses (Permit) reports each refusal on its row; an
 * address the answer leaves out counts as invited, since the call succeeded. If the bulk call
 * fails as a whole, every address of that batch is sent on its own, so each reports its own
 * result; after a rate limit the queue retries and the batch is sent again.
 */
export function batchedInviteWorker<T>(
  items: readonly T[],
  inputOf: (item: T) => InviteInput,
  calls: InviteCalls,
  bulk: BulkRule | null,
): BatchedWorker<T> {
  const { createMany } = calls;
  if (!createMany || !bulk || bulk.max < 2)
    return Object.assign((item: T) => calls.create(inputOf(item)), { committed: () => false });
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const input = inputOf(item);
    const key = bulk.sameRole ? JSON.stringify([input.roles, input.sendEmail ?? null]) : '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const batchOf = new Map<T, T[]>();
  for (const group of groups.values()) {
    for (let start = 0; start < group.length; start += bulk.max) {
      const batch = group.slice(start, start + bulk.max);
      for (const item of batch) batchOf.set(item, batch);
    }
  }
  // Per batch: the outcomes, or null when the call failed as a whole.
  const sent = new Map<T[], Promise<readonly InviteOutcome[] | null>>();
  const worker = async (item: T, signal?: AbortSignal) => {
    const batch = batchOf.get(item);
    if (!batch || batch.length < 2) return calls.create(inputOf(item));
    let attempt = sent.get(batch);
    if (!attempt) {
      attempt = createMany(batch.map(inputOf)).catch((error: unknown) => {
        if (!retried(error)) return null;
        sent.delete(batch);
        throw error;
      });
      sent.set(batch, attempt);
    }
    const outcomes = await attempt;
    if (!outcomes) {
      // The batch was refused as a whole: each address goes on its own, unless the user stopped.
      if (signal?.aborted) throw new QueueCancelled();
      return calls.create(inputOf(item));
    }
    const outcome = outcomes[batch.indexOf(item)];
    if (!outcome || outcome.ok) return outcome?.invitation ?? undefined;
    throw outcome.error;
  };
  return Object.assign(worker, {
    committed: (item: T) => {
      const batch = batchOf.get(item);
      return batch !== undefined && sent.has(batch);
    },
  });
}
