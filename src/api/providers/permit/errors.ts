import { ApiError, defaultMessage, kindForStatus, parseRetryAfter } from '../../errors';
import type { RawResponse } from '../../http-client';
import { PermitErrorDetailsWire, PermitValidationErrorWire } from './wire';

/** Permit body field → Orgdeck form field. */
const FIELD_NAMES: Record<string, string> = { key: 'slug', name: 'name', settings: 'settings' };

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
