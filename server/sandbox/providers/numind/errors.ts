/** Tapir's default text for a request body that failed to decode or validate. */
export const NUMIND_INVALID_BODY = 'Invalid value for: body';

/**
 * `Error.code` values are not enumerated by NuMind; the PascalCase reason phrase of the status is
 * our choice.
 */
const CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  422: 'UnprocessableEntity',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/** The 400 a Tapir endpoint sends when the body does not decode: plain text, not JSON. */
export function numindBadRequest(message: string = NUMIND_INVALID_BODY): Response {
  return new Response(message, {
    status: 400,
    headers: { 'content-type': 'text/plain; charset=UTF-8' },
  });
}

/** NuMind's `Error` body, `{code, message}`, for every other error status. */
export function numindError(status: number, message: string, headers?: HeadersInit): Response {
  if (status === 400) return numindBadRequest(message);
  return Response.json(
    { code: CODES[status] ?? 'Error', message },
    { status, ...(headers ? { headers } : {}) },
  );
}
