import type { JsonObject, JsonValue } from '../api/domain';

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep merge as metadata APIs define it: nested objects merge recursively, `null` removes the
 * key at any level, anything else replaces. Returns a new object.
 */
export function deepMerge(target: JsonObject, patch: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(target)) {
    if (!(key in patch)) result[key] = value;
  }
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) continue;
    const existing = target[key];
    result[key] = isObject(value) && isObject(existing) ? deepMerge(existing, value) : value;
  }
  return result;
}

/** Dotted paths of the existing keys a merge patch removes with `null`. */
export function removedPaths(target: JsonObject, patch: JsonObject, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const existing = target[key];
    if (value === null && existing !== undefined) paths.push(path);
    else if (isObject(value) && isObject(existing))
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
    if (!isObject(value)) return { ok: false, error: 'Enter a JSON object: { … }.' };
    return { ok: true, value };
  } catch (error) {
    return {
      ok: false,
      error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
