import {
  ApiError,
  defaultMessage,
  kindForStatus,
  parseRetryAfter,
  type ApiErrorKind,
} from '../../errors';
import type { RawResponse } from '../../http-client';
import { KindeErrorWire, type KindeErrorItemWire } from './wire';

/**
 * Kinde body field → Orgdeck form field (org form, invite form, add-member form). Extra org
 * fields keep their wire names (`external_id`, …).
 */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  handle: 'slug',
  name: 'name',
  first_name: 'firstName',
  last_name: 'lastName',
  users: 'userId',
};

/** Fields that name what is being addressed (path and query parameters), not something typed. */
const ADDRESS_FIELDS = new Set([
  'id',
  'code',
  'org_code',
  'user_id',
  'invite_code',
  'role_id',
  'permission_id',
  'feature_flag_key',
  'type',
]);

/** Codes that say the thing addressed does not exist, whatever the status (400 or 404). */
const NOT_FOUND_CODES = new Set([
  'ORGANIZATION_NOT_FOUND',
  'INVITATION_NOT_FOUND',
  'FEATURE_FLAG_NOT_FOUND',
]);

/** The longest plain-text body shown as a message (anything longer is a page, not a message). */
const MAX_TEXT_MESSAGE = 200;

function errorItems(json: unknown): KindeErrorItemWire[] {
  const parsed = KindeErrorWire.safeParse(json);
  if (!parsed.success) return [];
  return Array.isArray(parsed.data.errors) ? parsed.data.errors : [parsed.data.errors];
}

function kindFor(status: number, codes: readonly string[]): ApiErrorKind {
  if (status === 429) return 'rate_limited';
  // Which status Kinde uses for an unknown org is unconfirmed (400 or 404): the code decides.
  if (codes.some((code) => NOT_FOUND_CODES.has(code))) return 'not_found';
  const duplicate = (code: string) =>
    code.endsWith('_EXISTS') || code.endsWith('_TAKEN') || code.includes('_ALREADY_');
  if (codes.some(duplicate)) return 'conflict';
  return kindForStatus(status);
}

function plainText(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_TEXT_MESSAGE || trimmed.startsWith('<')) return null;
  return trimmed;
}

/**
 * `{errors: [{code, message, field?}]}` or, on 404, `{errors: {code, message}}`. Some 403 and
 * 429 answers have no body, or a plain-text one.
 */
export function parseKindeError(response: RawResponse): ApiError {
  const { status } = response;
  const items = errorItems(response.json);
  const codes = items.flatMap((item) => (item.code ? [item.code] : []));
  const kind = kindFor(status, codes);

  const fieldErrors: Record<string, string> = {};
  for (const item of items) {
    if (!item.field || ADDRESS_FIELDS.has(item.field)) continue;
    const field = FIELD_NAMES[item.field] ?? item.field;
    fieldErrors[field] ??= item.message ?? defaultMessage(kind);
  }

  const messages = [...new Set(items.flatMap((item) => (item.message ? [item.message] : [])))];
  const message =
    messages.length > 0
      ? messages.join('; ')
      : response.json === undefined
        ? (plainText(response.text) ?? defaultMessage(kind))
        : defaultMessage(kind);

  return new ApiError({
    kind,
    status,
    message,
    code: codes[0] ?? null,
    fieldErrors,
    retryAfterMs: status === 429 ? parseRetryAfter(response.headers) : null,
  });
}
