/**
 * The day the sandbox's seed data ends on: today, at 00:00 UTC. Seeded dates spread back from it,
 * so "created per month" and a provider's "current month" look current whenever the sandbox is
 * started, while the seed stays deterministic for a given day (same random sequence, same anchor).
 */
export function seedDay(now: number = Date.now()): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

const YEAR = 365 * 24 * 60 * 60 * 1000;

/** The seed's window: from about three and a half years before today up to today. */
export function seedWindow(now: number = Date.now()): {
  readonly from: number;
  readonly to: number;
} {
  const to = seedDay(now);
  return { from: to - 3.5 * YEAR, to };
}
