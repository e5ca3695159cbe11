import { ApiError } from '../../errors';
import type { BulkOutcome } from '../../people';

/**
 * Kinde's bulk org-user calls (`POST`/`PATCH /api/v1/organizations/{org_code}/users`) take at
 * most 100 users each. These helpers split the users into requests and read one outcome per user.
 */

/** Refusals about what was sent (400/404/409/422), as opposed to auth, rate limits or outages. */
function isRefusal(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.kind === 'validation' || error.kind === 'conflict' || error.kind === 'not_found')
  );
}

/**
 * Sends `items` in chunks of at most `maxPerRequest`, one chunk after another. When Kinde refuses
 * a whole chunk of several users (one bad user refuses the request), each of its users is tried on
 * their own through `one`, so one bad user does not fail the rest and each gets their own error.
 * Any other failure (forbidden, rate limited, unavailable) is every user's outcome in that chunk.
 */
export async function sendInChunks<T extends { readonly userId: string }>(
  items: readonly T[],
  maxPerRequest: number,
  many: (chunk: readonly T[]) => Promise<readonly BulkOutcome[]>,
  one: (item: T) => Promise<void>,
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  const size = Math.max(1, maxPerRequest);
  for (let start = 0; start < items.length; start += size) {
    const chunk = items.slice(start, start + size);
    try {
      outcomes.push(...(await many(chunk)));
    } catch (error) {
      if (chunk.length > 1 && isRefusal(error)) {
        for (const item of chunk) {
          try {
            await one(item);
            outcomes.push({ userId: item.userId, ok: true });
          } catch (itemError) {
            outcomes.push({ userId: item.userId, ok: false, error: itemError });
          }
        }
      } else {
        for (const item of chunk) outcomes.push({ userId: item.userId, ok: false, error });
      }
    }
  }
  return outcomes;
}

/**
 * One outcome per user from the ids Kinde reports as done. When the answer lists none at all
 * (`confirmed` null), the successful request is taken as done for everyone.
 */
export function outcomesFromConfirmed(
  userIds: readonly string[],
  confirmed: readonly string[] | null,
  status: number,
  notConfirmed: string,
): BulkOutcome[] {
  const done = confirmed === null ? null : new Set(confirmed);
  return userIds.map((userId) =>
    done === null || done.has(userId)
      ? { userId, ok: true }
      : {
          userId,
          ok: false,
          error: new ApiError({ kind: 'conflict', status, message: notConfirmed }),
        },
  );
}
