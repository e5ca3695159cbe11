/** Kinde's error envelopes: `error_response`, the 404 `not_found_response`, and OAuth2 errors on `/oauth2/token`. */

export interface KindeErrorItem {
  code: string;
  message: string;
  field?: string;
}

/** `{errors: [{code, message, field?}]}`: 400, 401, 403, 429 and the rest. */
export function kindeErrors(
  status: number,
  items: readonly KindeErrorItem[],
  headers?: HeadersInit,
): Response {
  return Response.json({ errors: items }, { status, ...(headers ? { headers } : {}) });
}

export function kindeError(
  status: number,
  code: string,
  message: string,
  field?: string,
): Response {
  return kindeErrors(status, [{ code, message, ...(field === undefined ? {} : { field }) }]);
}

/** `not_found_response`: on a 404 `errors` is one object, not an array. */
export function kindeNotFound(code: string, message: string): Response {
  return Response.json({ errors: { code, message } }, { status: 404 });
}

export const routeNotFound = (): Response =>
  kindeNotFound('ROUTE_NOT_FOUND', 'The requested API route does not exist');

/** `field` names the parameter that held the code: `code` on `GET ?code=`, else the path's `org_code`. */
export const organizationNotFound = (field: 'code' | 'org_code' = 'code'): Response =>
  // 400 where the spec declares no 404 for the operation (GET, PATCH, the users and invites
  // lists); unconfirmed which Kinde sends.
  kindeError(400, 'ORGANIZATION_NOT_FOUND', 'Organization not found', field);

/** RFC 6749 §5.2 error from the token endpoint. */
export function oauthError(status: 400 | 401, error: string, description: string): Response {
  return Response.json(
    { error, error_description: description },
    {
      status,
      headers: {
        'cache-control': 'no-store',
        ...(status === 401 ? { 'www-authenticate': 'Basic realm="kinde", charset="UTF-8"' } : {}),
      },
    },
  );
}

const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/** The envelope for any status, for injected faults. */
export function kindeStatusError(status: number, message: string): Response {
  const code = STATUS_CODES[status] ?? `HTTP_${status}`;
  return status === 404 ? kindeNotFound(code, message) : kindeError(status, code, message);
}

/** Kinde's 429: `RateLimit-Reset` in seconds, no `Retry-After`. */
export function kindeRateLimited(seconds: number): Response {
  return kindeErrors(429, [{ code: 'TOO_MANY_REQUESTS', message: 'Request was throttled.' }], {
    'RateLimit-Reset': String(seconds),
  });
}
