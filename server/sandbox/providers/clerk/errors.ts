import { traceId } from './ids';

/**
 * Clerk's `ClerkErrors` envelope, the error body of both the Backend and the Frontend API:
 * `{errors: [{message, long_message, code, meta?}], meta, clerk_trace_id}`. Codes marked
 * "choice" below are not enumerated in the spec; they are the most plausible ones.
 */

export interface ClerkErrorItem {
  readonly message: string;
  readonly long_message: string;
  readonly code: string;
  readonly meta?: { readonly param_name?: string };
}

export function clerkErrors(
  status: number,
  errors: readonly ClerkErrorItem[],
  headers?: Readonly<Record<string, string>>,
): Response {
  return Response.json(
    { errors, meta: {}, clerk_trace_id: traceId() },
    { status, ...(headers ? { headers } : {}) },
  );
}

export function paramError(
  code: string,
  param: string,
  message: string,
  longMessage: string,
): ClerkErrorItem {
  return { code, message, long_message: longMessage, meta: { param_name: param } };
}

export const clerkIssue = {
  missing: (param: string) =>
    paramError('form_param_missing', param, 'is missing', `${param} is missing.`),
  unknown: (param: string) =>
    paramError(
      'form_param_unknown',
      param,
      'is unknown',
      `${param} is not a valid parameter for this request.`,
    ),
  invalid: (param: string, longMessage: string) =>
    paramError('form_param_format_invalid', param, 'is invalid', longMessage),
  /** Well-formed, but pointing at nothing (an unknown user id). */
  valueInvalid: (param: string, longMessage: string) =>
    paramError('form_param_value_invalid', param, 'is invalid', longMessage),
  slugTaken: () =>
    paramError(
      'form_identifier_exists',
      'slug',
      'That slug is taken. Please try another.',
      'That slug is taken. Please try another.',
    ),
};

/** Fallback code per status, for faults and the few errors without a form parameter. */
const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'authentication_invalid',
  402: 'payment_required',
  403: 'authorization_invalid',
  404: 'resource_not_found',
  409: 'conflict',
  413: 'request_body_too_large',
  422: 'form_param_format_invalid',
  429: 'too_many_requests',
};

export function clerkStatusError(
  status: number,
  message: string,
  headers?: Readonly<Record<string, string>>,
): Response {
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'internal_clerk_error' : 'bad_request');
  return clerkErrors(status, [{ code, message, long_message: message }], headers);
}

export function clerkNotFound(): Response {
  return clerkErrors(404, [
    { code: 'resource_not_found', message: 'not found', long_message: 'Resource not found' },
  ]);
}

export function clerkRateLimited(seconds: number): Response {
  return clerkErrors(
    429,
    [
      {
        code: 'too_many_requests',
        message: 'Too many requests',
        long_message: 'Too many requests, please retry later.',
      },
    ],
    { 'Retry-After': String(seconds) },
  );
}

/** The request had no accepted credentials. */
export function clerkUnauthenticated(longMessage: string): Response {
  return clerkErrors(401, [
    {
      code: 'authentication_invalid',
      message: 'Invalid authentication',
      long_message: longMessage,
    },
  ]);
}

export function clerkForbidden(longMessage: string): Response {
  // Choice: the spec enumerates no 403 codes; `not_allowed_access` is the plausible one (unconfirmed).
  return clerkErrors(403, [
    { code: 'not_allowed_access', message: 'Forbidden', long_message: longMessage },
  ]);
}

/** Form errors are 422 unless the endpoint's spec lists only 400 (the logo upload). */
export function clerkInvalid(issues: readonly ClerkErrorItem[], status = 422): Response {
  return clerkErrors(status, issues);
}
