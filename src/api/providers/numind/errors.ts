import { ApiError, defaultMessage, kindForStatus, parseRetryAfter } from '../../errors';
import type { RawResponse } from '../../http-client';
import { NumindErrorWire } from './wire';

/**
 * NuMind never says why an org endpoint refused; this names the two documented causes when the
 * 403 came without a message.
 */
export const NUMIND_FORBIDDEN_MESSAGE =
  'NuMind refused this call. Organization endpoints accept only a signed-in user’s access token ' +
  '(API keys are always refused), and changing an organization, its members or its invitations ' +
  'needs rights in it.';

function isPlainText(response: RawResponse): boolean {
  return (response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/plain');
}

function fallbackMessage(status: number, response: RawResponse): string {
  const kind = kindForStatus(status);
  // A 400 is Tapir's text/plain decode failure ("Invalid value for: body"): its text is the message.
  const text = response.text.trim();
  if (text !== '' && (status === 400 || isPlainText(response))) return text;
  if (status === 403) return NUMIND_FORBIDDEN_MESSAGE;
  return defaultMessage(kind);
}

/** 400 is `text/plain`; every other error is JSON `{code, message}` (or, defensively, empty). */
export function parseNumindError(response: RawResponse): ApiError {
  const status = response.status;
  const kind = kindForStatus(status);
  const body = NumindErrorWire.safeParse(response.json);
  const message =
    body.success && body.data.message.trim() !== ''
      ? body.data.message
      : fallbackMessage(status, response);
  return new ApiError({
    kind,
    status,
    message,
    code: body.success ? body.data.code : null,
    retryAfterMs: status === 429 ? parseRetryAfter(response.headers) : null,
  });
}

function onFormField(error: unknown, field: string, kinds: readonly ApiError['kind'][]): unknown {
  if (!(error instanceof ApiError) || !kinds.includes(error.kind) || error.fieldErrors[field]) {
    return error;
  }
  return new ApiError({
    kind: error.kind,
    status: error.status,
    message: error.message,
    fieldErrors: { ...error.fieldErrors, [field]: error.message },
    retryAfterMs: error.retryAfterMs,
    code: error.code,
    cause: error,
  });
}

/**
 * Create and update send only `{name}`, so a body NuMind could not accept is about the name:
 * put the message on that form field.
 */
export function onNameField(error: unknown): unknown {
  return onFormField(error, 'name', ['validation']);
}

/**
 * An invitation sends only `{email}`: a refused body, or an email already invited or already a
 * member, is about the email.
 */
export function onEmailField(error: unknown): unknown {
  return onFormField(error, 'email', ['validation', 'conflict']);
}
