import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database';
import { FailureLimiter } from './rate-limit';

/**
 * Sign-in attempts per key (`user:<name>`, `ip:<address>`), counted BEFORE the password is
 * checked, so parallel guesses cannot all slip past the limit while the slow hash runs.
 */
export interface SignInLimiter {
  /** Counts one attempt on every key; resolves to the wait in ms when one is over the limit (0 when free). */
  attempt(keys: readonly string[]): Promise<number>;
  /** The attempt succeeded: it does not count against the keys, and the first key (the user's) starts afresh. */
  succeeded(keys: readonly string[]): Promise<void>;
}

export interface SignInLimitOptions {
  readonly limit: number;
  readonly windowMs: number;
  readonly now?: () => number;
}

/** In one process's memory (tests, servers without a store). */
export class MemorySignInLimiter implements SignInLimiter {
  private readonly failures: FailureLimiter;

  constructor(options: SignInLimitOptions) {
    this.failures = new FailureLimiter(options);
  }

  attempt(keys: readonly string[]): Promise<number> {
    const wait = this.failures.retryAfterMs(keys);
    if (wait > 0) return Promise.resolve(wait);
    this.failures.fail(keys);
    return Promise.resolve(0);
  }

  succeeded(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.failures.forgive(key);
    if (keys[0] !== undefined) this.failures.clear(keys[0]);
    return Promise.resolve();
  }
}

/**
 * In the store, shared by replicas: one `insert … on conflict do update … returning` per key,
 * atomic on both engines. Fixed windows: a key's count restarts when its window has passed.
 */
export class DbSignInLimiter implements SignInLimiter {
  private readonly now: () => number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: SignInLimitOptions,
  ) {
    this.now = options.now ?? (() => Date.now());
  }

  async attempt(keys: readonly string[]): Promise<number> {
    const now = new Date(this.now());
    const expired = new Date(now.getTime() - this.options.windowMs);
    // One statement for every key, rows in a fixed order: concurrent attempts queue on the
    // first row's lock and so count in the same order on every key.
    const rows = await this.db
      .insertInto('sign_in_attempts')
      .values([...new Set(keys)].sort().map((key) => ({ key, window_start: now, attempts: 1 })))
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          attempts: sql<number>`case when sign_in_attempts.window_start <= ${expired} then 1 else sign_in_attempts.attempts + 1 end`,
          window_start: sql<Date>`case when sign_in_attempts.window_start <= ${expired} then ${now} else sign_in_attempts.window_start end`,
        }),
      )
      .returning(['attempts', 'window_start'])
      .execute();
    let wait = 0;
    for (const row of rows) {
      if (row.attempts > this.options.limit) {
        const until = new Date(row.window_start).getTime() + this.options.windowMs;
        wait = Math.max(wait, until - now.getTime(), 1);
      }
    }
    return wait;
  }

  async succeeded(keys: readonly string[]): Promise<void> {
    if (keys[0] !== undefined) {
      await this.db.deleteFrom('sign_in_attempts').where('key', '=', keys[0]).execute();
    }
    await this.db
      .updateTable('sign_in_attempts')
      .set({ attempts: sql<number>`greatest(attempts - 1, 0)` })
      .where('key', 'in', [...keys])
      .execute();
  }

  /** Forgets windows that have passed. */
  async purgeExpired(): Promise<number> {
    const result = await this.db
      .deleteFrom('sign_in_attempts')
      .where('window_start', '<=', new Date(this.now() - this.options.windowMs))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
