import type { JsonValue, ProviderField } from '../domain';

/** Turns a parsed wire record into the display list of "every field the provider returned". */
export function toDetails(record: Readonly<Record<string, unknown>>): ProviderField[] {
  return Object.entries(record)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, value: toJsonValue(value) }));
}

export function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== undefined) out[key] = toJsonValue(item);
    }
    return out;
  }
  return null;
}

/** Epoch milliseconds (Clerk) to ISO-8601. */
export function msToIso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}

/** Options every adapter factory takes. */
export interface AdapterOptions {
  /** Base URL the vendor paths are appended to: the gateway's upstream URL, or the sandbox in tests. */
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  /** Extra headers, e.g. an Authorization header when a test talks to the sandbox directly. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  /** The console session's CSRF token, for state-changing calls through the gateway. */
  readonly csrfToken?: () => string | null;
  readonly refreshCsrfToken?: () => Promise<void>;
}
