/**
 * Lookups over the Kinde sandbox's record arrays, rebuilt only when an array changes (another
 * array, or another length: rows are added with `push` and removed by `filter`, and the keys
 * used here never change on a row). At `ORGDECK_SANDBOX_SCALE` sizes a scan per request made
 * every list call O(all rows), so a sync of n orgs cost O(n²).
 */
const cache = new WeakMap<object, Map<string, { length: number; value: unknown }>>();

function memo<T>(rows: readonly object[], name: string, build: () => T): T {
  let byName = cache.get(rows);
  if (!byName) {
    byName = new Map();
    cache.set(rows, byName);
  }
  const hit = byName.get(name);
  if (hit && hit.length === rows.length) return hit.value as T;
  const value = build();
  byName.set(name, { length: rows.length, value });
  return value;
}

/** The row whose `key` is `value` (the first, as `find` would). */
export function byKey<T extends object, K extends keyof T & string>(
  rows: readonly T[],
  key: K,
): ReadonlyMap<T[K], T> {
  return memo(rows, `by:${key}`, () => {
    const map = new Map<T[K], T>();
    for (const row of rows) if (!map.has(row[key])) map.set(row[key], row);
    return map;
  });
}

/** The rows grouped by `key`, each group in array order (as `filter` would give them). */
export function groupedBy<T extends object, K extends keyof T & string>(
  rows: readonly T[],
  key: K,
): ReadonlyMap<T[K], readonly T[]> {
  return memo(rows, `group:${key}`, () => {
    const map = new Map<T[K], T[]>();
    for (const row of rows) {
      const group = map.get(row[key]);
      if (group) group.push(row);
      else map.set(row[key], [row]);
    }
    return map;
  });
}
