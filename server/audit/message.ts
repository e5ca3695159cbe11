import { MIN_SECRET_LENGTH } from '../gateway/redact';

/** The most an audit entry keeps of an error message. */
export const AUDIT_MESSAGE_LIMIT = 300;

const REDACTED = '[redacted]';

/** Shapes of credentials worth hiding even when we do not know their value. */
const CREDENTIAL_PATTERNS = [
  /\bbearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
];

/** Replaces every known secret value and anything shaped like a credential. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of CREDENTIAL_PATTERNS) out = out.replace(pattern, REDACTED);
  return out;
}

export function truncate(text: string, limit = AUDIT_MESSAGE_LIMIT): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= limit ? clean : `${clean.slice(0, limit - 1)}…`;
}

function firstString(...values: unknown[]): string | null {
  for (const value of values) if (typeof value === 'string' && value.trim() !== '') return value;
  return null;
}

/**
 * The human message of a provider's error body, from the envelopes the five vendors use
 * (`errors[].long_message`, `errors[].message`, `error.message`, `message`, `detail`,
 * `error_description`). Never the body itself.
 */
export function providerMessage(text: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const body = json as Record<string, unknown>;
  const errors = body['errors'];
  // Kinde's 404 has `errors` as one object rather than a list.
  const first = ((Array.isArray(errors) ? errors[0] : errors) ?? {}) as Record<string, unknown>;
  const error =
    typeof body['error'] === 'object' && body['error'] !== null
      ? (body['error'] as Record<string, unknown>)
      : {};
  const detail = body['detail'];
  const detailMessage = Array.isArray(detail)
    ? firstString(((detail[0] ?? {}) as Record<string, unknown>)['msg'])
    : firstString(detail);
  return firstString(
    first['long_message'],
    first['message'],
    error['message'],
    body['message'],
    detailMessage,
    body['error_description'],
    body['error'],
  );
}
