const TEXT_TYPES = /json|text|xml|x-www-form-urlencoded/i;
/** Shorter values are not credentials worth the risk of mangling ordinary text. */
export const MIN_SECRET_LENGTH = 8;
const REDACTED = new TextEncoder().encode('[redacted]');

/**
 * A provider that echoes the credential it was sent (some do, in error bodies) must not hand
 * it to the browser: every occurrence of a secret in a textual body is replaced.
 */
export function redactPayload(
  payload: ArrayBuffer,
  contentType: string | null,
  secrets: readonly string[],
): ArrayBuffer {
  if (payload.byteLength === 0 || !TEXT_TYPES.test(contentType ?? '')) return payload;
  let bytes = Buffer.from(payload);
  let changed = false;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    const needle = Buffer.from(secret);
    let at = bytes.indexOf(needle);
    if (at === -1) continue;
    const parts: Buffer[] = [];
    let from = 0;
    while (at !== -1) {
      parts.push(bytes.subarray(from, at), Buffer.from(REDACTED));
      from = at + needle.length;
      at = bytes.indexOf(needle, from);
    }
    parts.push(bytes.subarray(from));
    bytes = Buffer.concat(parts);
    changed = true;
  }
  if (!changed) return payload;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}
