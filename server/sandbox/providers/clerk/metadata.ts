import type { JsonObject, JsonValue } from '../../../../src/api/domain';

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Clerk's metadata merge: nested objects merge recursively, `null` deletes a key at any level,
 * anything else (arrays included) replaces. Returns a new object; the inputs are not changed.
 */
export function deepMerge(target: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of new Set([...Object.keys(target), ...Object.keys(patch)])) {
    // A JSON `__proto__` key would set the prototype on assignment; it is never stored.
    if (key === '__proto__') continue;
    const current = target[key];
    if (!Object.hasOwn(patch, key)) {
      if (current !== undefined) out[key] = current;
      continue;
    }
    const value = patch[key];
    if (value === null || value === undefined) continue;
    out[key] =
      isJsonObject(current) && isJsonObject(value)
        ? deepMerge(current, value)
        : withoutNulls(value);
  }
  return out;
}

/** A new nested object can carry `null`s too; there is nothing under them to delete. */
function withoutNulls(value: JsonValue): JsonValue {
  return isJsonObject(value) ? deepMerge({}, value) : value;
}
