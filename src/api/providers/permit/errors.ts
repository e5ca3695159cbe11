import { ApiError, defaultMessage, kindForStatus, parseRetryAfter } from '../../errors';
import type { RawResponse } from '../../http-client';
import {
  PermitErrorDetailsWire,
  PermitValidationErrorWire,
  type PermitFailedInviteWire,
} from './wire';

/** Permit body field → Orgdeck form field (org forms, then the invite form). */
const FIELD_NAMES: Record<string, string> = {
  key: 'slug',
  name: 'name',
  settings: 'settings',
  email: 'email',
  role: 'roles',
};

export function parsePermitError(response: RawResponse): ApiError {
  const status = response.status;
  const validation = PermitValidationErrorWire.safeParse(response.json);
  if (status === 422 && validation.success) {
    const fieldErrors: Record<string, string> = {};
    for (const item of validation.data.detail) {
      const last = item.loc[item.loc.length - 1];
      const field = typeof last === 'string' ? (FIELD_NAMES[last] ?? last) : 'form';
      fieldErrors[field] ??= item.msg;
    }
    const message = validation.data.detail.map((item) => item.msg).join('; ');
    return new ApiError({ kind: 'validation', status, message, fieldErrors });
  }
  const details = PermitErrorDetailsWire.safeParse(response.json);
  const body = details.success ? details.data : {};
  const kind = body.error_code === 'DUPLICATE_ENTITY' ? 'conflict' : kindForStatus(status);
  const message =
    body.message && body.message !== ''
      ? body.message
      : (body.title ?? (response.text.trim() || defaultMessage(kind)));
  return new ApiError({
    kind,
    status,
    message,
    code: body.error_code ?? null,
    retryAfterMs: status === 429 ? parseRetryAfter(response.headers) : null,
    fieldErrors: kind === 'conflict' ? { slug: message } : {},
  });
}

/**
 * A bulk invite answers 200 and lists refused emails in `failed` with a free-text `reason`. For
 * a single invite that is the caller's error: a duplicate when the reason says the email is
 * already invited or a member, otherwise a refused email.
 */
export function failedInviteError(failed: PermitFailedInviteWire): ApiError {
  const message =
    failed.reason.trim() === '' ? `Permit.io did not invite ${failed.email}.` : failed.reason;
  return new ApiError({
    kind: /already|exist|duplicate/i.test(failed.reason) ? 'conflict' : 'validation',
    message,
    fieldErrors: { email: message },
  });
}
