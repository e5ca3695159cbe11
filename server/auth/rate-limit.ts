/**
 * Counts failed sign-ins per key (a username, a client address) in a sliding window. A key with
 * `limit` failures inside the window is blocked until the oldest of them leaves it.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options: {
      readonly limit: number;
      readonly windowMs: number;
      readonly now?: () => number;
      /** Keys tracked at most; the oldest are forgotten beyond it. */
      readonly maxKeys?: number;
    },
  ) {}

  private get now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private recent(key: string): number[] {
    const cutoff = this.now - this.options.windowMs;
    const times = (this.failures.get(key) ?? []).filter((time) => time > cutoff);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  /** Milliseconds until the keys may try again (0 when none is blocked). */
  retryAfterMs(keys: readonly string[]): number {
    let wait = 0;
    for (const key of keys) {
      const times = this.recent(key);
      if (times.length < this.options.limit) continue;
      const oldest = times[times.length - this.options.limit] ?? this.now;
      wait = Math.max(wait, oldest + this.options.windowMs - this.now);
    }
    return wait;
  }

  fail(keys: readonly string[]): void {
    for (const key of keys) {
      const times = this.recent(key);
      times.push(this.now);
      this.failures.delete(key);
      this.failures.set(key, times);
    }
    const max = this.options.maxKeys ?? 50_000;
    while (this.failures.size > max) {
      const oldest = this.failures.keys().next();
      if (oldest.done) break;
      this.failures.delete(oldest.value);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  /** Takes back the key's latest failure (an attempt counted before it turned out right). */
  forgive(key: string): void {
    const times = this.failures.get(key);
    times?.pop();
    if (times?.length === 0) this.failures.delete(key);
  }
}
