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

/**
 * What redaction needs for one set of secrets: the pattern, and each secret long enough to
 * matter as its bytes and (when it is ASCII) as text, for the literal pre-check.
 */
interface SecretSet {
  readonly pattern: RegExp;
  readonly bytes: readonly Buffer[];
  /** The secrets as text when every one is ASCII (its UTF-8 bytes are its characters), else null. */
  readonly ascii: readonly string[] | null;
}

/** Sets by secret list: a connection's credentials change rarely (an OAuth token an hour). */
const sets = new Map<string, SecretSet | null>();
const MAX_SETS = 64;

function secretSet(secrets: readonly string[]): SecretSet | null {
  const key = secrets.join('\u0000');
  const cached = sets.get(key);
  if (cached !== undefined) return cached;
  const set = buildSet(secrets);
  if (sets.size >= MAX_SETS) sets.clear();
  sets.set(key, set);
  return set;
}

function buildSet(secrets: readonly string[]): SecretSet | null {
  const long = [...new Set(secrets)]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  if (long.length === 0) return null;
  const alternatives = long.map((secret) =>
    [...Buffer.from(secret, 'utf8')].map(bytePattern).join(''),
  );
  return {
    pattern: new RegExp(alternatives.join('|'), 'g'),
    bytes: long.map((secret) => Buffer.from(secret, 'utf8')),
    // eslint-disable-next-line no-control-regex
    ascii: long.every((secret) => /^[\x00-\x7f]*$/.test(secret)) ? long : null,
  };
}

/** One pattern matching any of the secrets (longest first), or null when none is long enough. */
export function secretPattern(secrets: readonly string[]): RegExp | null {
  return secretSet(secrets)?.pattern ?? null;
}

const BACKSLASH = 0x5c;

/**
 * Whether `payload` can hold no secret at all, decided by native searches instead of the
 * pattern: every escaped form of a secret byte (`\u00XX`, `\/`) starts with a backslash, so a
 * payload without one can only hold a secret written as is, which `indexOf` finds.
 */
function surelyClean(payload: Uint8Array, set: SecretSet): boolean {
  const buffer = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  return !buffer.includes(BACKSLASH) && set.bytes.every((secret) => !buffer.includes(secret));
}

/**
 * The same for text that will be sent as UTF-8: when every secret is ASCII, a secret's bytes
 * occur in the UTF-8 encoding exactly where its characters occur in the text (multi-byte
 * sequences hold no ASCII byte), and so does a backslash. Null when it cannot be decided here.
 */
function textSurelyClean(text: string, set: SecretSet): boolean | null {
  if (set.ascii === null) return null;
  return !text.includes('\\') && set.ascii.every((secret) => !text.includes(secret));
}

/**
 * A provider that echoes the credential it was sent (some do, in error bodies, headers or
 * binary payloads) must not hand it to the browser: every occurrence of a secret in the bytes,
 * whatever the content type, written as is or with JSON `\u` escapes, is replaced.
 */
export function redactBytes(payload: Uint8Array, secrets: readonly string[]): Uint8Array {
  const set = secretSet(secrets);
  if (set === null || payload.byteLength === 0 || surelyClean(payload, set)) return payload;
  const { pattern } = set;
  const text = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString(
    'latin1',
  );
  pattern.lastIndex = 0;
  const replaced = text.replace(pattern, REDACTED);
  return replaced === text ? payload : new Uint8Array(Buffer.from(replaced, 'latin1'));
}

/**
 * A body held as text (an in-process answer) redacted as its UTF-8 bytes would be: the text
 * itself when it surely holds no secret (nothing encoded, copied or scanned by the pattern),
 * else the redacted bytes.
 */
export function redactBody(body: string, secrets: readonly string[]): string | Uint8Array {
  const set = secretSet(secrets);
  if (set === null || textSurelyClean(body, set) === true) return body;
  return redactBytes(new Uint8Array(Buffer.from(body, 'utf8')), secrets);
}

/** The same for a header value (`retry-after`, `ratelimit-*`, …). */
export function redactText(value: string, secrets: readonly string[]): string {
  const set = secretSet(secrets);
  if (set === null || textSurelyClean(value, set) === true) return value;
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
