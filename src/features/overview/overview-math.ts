import type { Organization } from '../../api/domain';

export interface MonthCount {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly count: number;
}

/** Orgs created per month over the last `months` months (months without any included), or null without dates. */
export function createdPerMonth(
  orgs: readonly Organization[],
  now: Date,
  months = 24,
): MonthCount[] | null {
  const dated = orgs.flatMap((org) => (org.createdAt ? [org.createdAt] : []));
  if (dated.length === 0) return null;
  const buckets = new Map<string, number>();
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    buckets.set(d.toISOString().slice(0, 7), 0);
  }
  for (const iso of dated) {
    const key = iso.slice(0, 7);
    const count = buckets.get(key);
    if (count !== undefined) buckets.set(key, count + 1);
  }
  return [...buckets].map(([month, count]) => ({ month, count }));
}

/** The most recently changed orgs (or created, where the provider keeps no change date). */
export function recentChanges(
  orgs: readonly Organization[],
  limit = 8,
): { org: Organization; at: string; kind: 'updated' | 'created' }[] | null {
  const withDates = orgs.flatMap((org) => {
    const at = org.updatedAt ?? org.createdAt;
    return at
      ? [
          {
            org,
            at,
            kind:
              org.updatedAt && org.updatedAt !== org.createdAt
                ? ('updated' as const)
                : ('created' as const),
          },
        ]
      : [];
  });
  if (withDates.length === 0) return null;
  return withDates.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

/** Sum of a per-org count where the provider gives it for every org, else null. */
export function sumIfComplete(
  orgs: readonly Organization[],
  pick: (org: Organization) => number | null,
): number | null {
  let total = 0;
  for (const org of orgs) {
    const value = pick(org);
    if (value === null) return null;
    total += value;
  }
  return orgs.length === 0 ? null : total;
}

/** Whether figures span so many orders of magnitude that a linear bar chart hides the small ones. */
export function spreadsOverDecades(values: readonly number[], ratio = 20): boolean {
  const positive = values.filter((v) => v > 0);
  if (positive.length < 2) return false;
  return Math.max(...positive) / Math.min(...positive) >= ratio;
}
