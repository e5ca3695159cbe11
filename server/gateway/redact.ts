/** Shorter values are not credentials worth the risk of mangling ordinary text. */
export const MIN_SECRET_LENGTH = 8;
const REDACTED = '[redacted]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One byte of a secret as it may appear in an echo: itself, or (for ASCII) a JSON `\u00XX`
 * escape of it in either case, or `\/` for a slash. Matched over the body read as latin1, where
 * one character is one byte, so binary bodies pass through unchanged.
 */
function bytePattern(byte: number): string {
  const literal = escapeRegExp(String.fromCharCode(byte));
  if (byte > 0x7f) return literal;
  const hex = byte.toString(16).padStart(2, '0');
  const escaped = `\\\\u00${hex.replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`)}`;
  return byte === 0x2f ? `(?:${literal}|${escaped}|\\\\/)` : `(?:${literal}|${escaped})`;
}

/** Patterns by secret set: a connection's credentials change rarely (an OAuth token an hour). */
const patterns = new Map<string, RegExp | null>();
const MAX_PATTERNS = 64;

/** One pattern matching any of the secrets (longest first), or null when none is long enough. */
export function secretPattern(secrets: readonly string[]): RegExp | null {
  const key = secrets.join('\u0000');
  const cached = patterns.get(key);
  if (cached !== undefined) return cached;
  const pattern = buildPattern(secrets);
  if (patterns.size >= MAX_PATTERNS) patterns.clear();
  patterns.set(key, pattern);
  return pattern;
}

function buildPattern(secrets: readonly string[]): RegExp | null {
  const alternatives = [...new Set(secrets)]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)
    .map((secret) => [...Buffer.from(secret, 'utf8')].map(bytePattern).join(''));
  return alternatives.length === 0 ? null : new RegExp(alternatives.join('|'), 'g');
}

/**
 * A provider that echoes the credential it was sent (some do, in error bodies, headers or
 * binary payloads) must not hand it to the browser: every occurrence of a secret in the bytes,
 * whatever the content type, written as is or with JSON `\u` escapes, is replaced.
 */
export function redactBytes(payload: Uint8Array, secrets: readonly string[]): Uint8Array {
  const pattern = secretPattern(secrets);
  if (pattern === null || payload.byteLength === 0) return payload;
  const text = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString(
    'latin1',
  );
  pattern.lastIndex = 0;
  const replaced = text.replace(pattern, REDACTED);
  return replaced === text ? payload : new Uint8Array(Buffer.from(replaced, 'latin1'));
}

/** The same for a header value (`retry-after`, `ratelimit-*`, …). */
export function redactText(value: string, secrets: readonly string[]): string {
  const bytes = redactBytes(new Uint8Array(Buffer.from(value, 'utf8')), secrets);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Response headers passed back to the browser. Cookies and the rest stay behind. */
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'retry-after',
  'ratelimit-reset',
  'ratelimit-limit',
  'ratelimit-remaining',
];

/** The provider's headers the browser gets, each value redacted. */
export function redactedResponseHeaders(upstream: Headers, secrets: readonly string[]): Headers {
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.get(name);
    if (value) headers.set(name, redactText(value, secrets));
  }
  return headers;
}
