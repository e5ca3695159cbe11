import type { JsonObject, JsonValue } from '../api/domain';

/**
 * Pure TypeScript with no browser dependencies: the Clerk sandbox imports this module too
 * (server/sandbox/providers/clerk/metadata.ts), so the editor's preview and the saved result come
 * from the same code.
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Clerk's metadata merge: nested objects merge recursively, `null` deletes a key at any level,
 * anything else (arrays included) replaces. A new subtree is stored without its `null`s, as there
 * is nothing under them to delete. Only own keys count (`constructor` in a patch is just a key),
 * and a JSON `__proto__` key is never stored. Returns a new object; the inputs are not changed.
 */
export function deepMerge(target: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of new Set([...Object.keys(target), ...Object.keys(patch)])) {
    // Assigning `__proto__` would set the prototype instead of storing a key.
    if (key === '__proto__') continue;
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
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

/** Dotted paths of the existing keys a merge patch removes with `null`. */
export function removedPaths(target: JsonObject, patch: JsonObject, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key === '__proto__' || !Object.hasOwn(target, key)) continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const existing = target[key];
    if (value === null && existing !== undefined) paths.push(path);
    else if (isJsonObject(value) && isJsonObject(existing))
      paths.push(...removedPaths(existing, value, path));
  }
  return paths;
}

/** Parses text that must be a JSON object; returns an error sentence otherwise. */
export function parseJsonObject(
  text: string,
): { ok: true; value: JsonObject } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    const value = JSON.parse(text) as JsonValue;
    if (!isJsonObject(value)) return { ok: false, error: 'Enter a JSON object: { … }.' };
    return { ok: true, value };
  } catch (error) {
    return {
      ok: false,
      error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
