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
  /** Clerk's own wording for a role key that does not exist (its older Backend API docs). */
  roleInvalid: (role: string, keys: readonly string[]) =>
    paramError(
      'form_param_value_invalid',
      'role',
      'is invalid',
      `${role} does not match the allowed values for parameter role. You can use one of the following: ${keys.join(', ')}.`,
    ),
  emailInvalid: (param = 'email_address') =>
    paramError(
      'form_param_format_invalid',
      param,
      'is invalid',
      `${param} must be a valid email address.`,
    ),
};

/** Errors about members and invitations. Statuses and codes follow Clerk's docs where they give them. */
export const clerkPeopleError = {
  /** Clerk's documented 400 for adding a user who is already a member. */
  alreadyMember: (who: string, param: string) =>
    clerkErrors(400, [
      {
        code: 'already_a_member_in_organization',
        message: 'already a member',
        long_message: `${who} is already a member of the organization.`,
        meta: { param_name: param },
      },
    ]),
  /** Choice: a second pending invitation for one email is Clerk's `duplicate_record` (400). */
  duplicateInvitation: (email: string) =>
    clerkErrors(400, [
      {
        code: 'duplicate_record',
        message: 'duplicate invitation',
        long_message: `There is already a pending invitation for ${email} in this organization.`,
        meta: { param_name: 'email_address' },
      },
    ]),
  /** The spec: only pending invitations can be revoked; it lists 400 for revoke. */
  notPending: (status: string) =>
    clerkErrors(400, [
      {
        code: 'organization_invitation_not_pending',
        message: 'not pending',
        long_message: `Only pending invitations can be revoked; this one is ${status}.`,
      },
    ]),
  /** Clerk counts outstanding invitations toward the membership limit (its UI's own wording). */
  quotaExceeded: () =>
    clerkErrors(403, [
      {
        code: 'organization_membership_quota_exceeded',
        message: 'membership quota exceeded',
        long_message:
          'You have reached your limit of organization memberships, including outstanding invitations.',
      },
    ]),
  /** Clerk's documented 403 when the acting user is not an admin of the org. */
  notAdmin: (param: string) =>
    clerkErrors(403, [
      {
        code: 'not_an_admin_in_organization',
        message: 'not an administrator',
        long_message:
          'Current user is not an administrator in the organization. Only administrators can perform this action.',
        meta: { param_name: param },
      },
    ]),
  /** Clerk's documented 404 for an unknown `user_id`. */
  userNotFound: (userId: string) =>
    clerkErrors(404, [
      {
        code: 'resource_not_found',
        message: 'not found',
        long_message: `No user was found with id ${userId}`,
      },
    ]),
  /** Choice: the status is not documented; the code and text are Clerk's own. */
  minimumPermissions: () =>
    clerkErrors(403, [
      {
        code: 'organization_minimum_permissions_needed',
        message: 'minimum permissions needed',
        long_message:
          'There has to be at least one organization member with the minimum required permissions.',
      },
    ]),
  /** Choice: more invitations than one call may carry is a 422 with this (Clerk) code. */
  tooManyInvitations: (max: number, param?: string) =>
    clerkErrors(422, [
      {
        code: 'form_param_exceeds_allowed_size',
        message: 'too many invitations',
        long_message: `You can send at most ${max} invitations per request.`,
        ...(param === undefined ? {} : { meta: { param_name: param } }),
      },
    ]),
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
