import { readStreamLimited } from '../http/bounded-body';

/** Largest provider answer the gateway reads (console pages ask for pages of 100 at most). */
export const UPSTREAM_RESPONSE_LIMIT = 32 * 1024 * 1024;

export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
}

/** A provider's answer, whole (redaction and the audit need all of it), up to the limit. */
export function readResponseLimited(
  response: Response,
  limit = UPSTREAM_RESPONSE_LIMIT,
): Promise<Uint8Array> {
  return readStreamLimited(
    response.body,
    limit,
    () => new ResponseTooLargeError(`The provider's answer is larger than ${limit} bytes.`),
  );
}
