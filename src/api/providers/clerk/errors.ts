import {
  ApiError,
  defaultMessage,
  kindForStatus,
  parseRetryAfter,
  type ApiErrorKind,
} from '../../errors';
import type { RawResponse } from '../../http-client';
import { ClerkErrorsWire } from './wire';

/** Clerk `meta.param_name` → Orgdeck form field; other params keep their own key (`max_allowed_memberships`). */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  name: 'name',
  slug: 'slug',
  email_address: 'email',
  user_id: 'userId',
  role: 'roles',
};

/** Codes that mean "that already exists": a taken slug, a member or a pending invitation. */
const CONFLICT_CODES = new Set([
  'form_identifier_exists',
  'already_a_member_in_organization',
  'duplicate_record',
]);

function kindFor(status: number, code: string | null): ApiErrorKind {
  if (code !== null && CONFLICT_CODES.has(code)) return 'conflict';
  if (code === 'resource_not_found') return 'not_found';
  return kindForStatus(status);
}

/** A short plain-text body (a proxy's one-liner) is worth showing; an HTML error page is not. */
function plainText(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' || trimmed.startsWith('<') || trimmed.length > 300 ? null : trimmed;
}

/**
 * Parses a `ClerkErrors` body (both the Backend and the Frontend API send it, unwrapped) into an
 * ApiError: `long_message` as the text, `meta.param_name` as the form field it is about.
 */
export function parseClerkError(response: RawResponse): ApiError {
  const status = response.status;
  const parsed = ClerkErrorsWire.safeParse(response.json);
  const items = parsed.success ? parsed.data.errors : [];
  const first = items[0];
  const code = first?.code ?? null;
  const kind = kindFor(status, code);

  const fieldErrors: Record<string, string> = {};
  for (const item of items) {
    const param = item.meta?.param_name;
    if (param === undefined || param === '') continue;
    fieldErrors[FIELD_NAMES[param] ?? param] ??= item.long_message || item.message;
  }

  const texts = [
    ...new Set(items.map((item) => item.long_message || item.message).filter((t) => t !== '')),
  ];
  let message =
    texts.length > 0 ? texts.join(' ') : (plainText(response.text) ?? defaultMessage(kind));
  if (status === 402)
    message = `Clerk refused this because of the instance's plan limits: ${message}`;

  return new ApiError({
    kind,
    status,
    message,
    code,
    fieldErrors,
    retryAfterMs: status === 429 ? parseRetryAfter(response.headers) : null,
  });
}
