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

/** UTF-8 takes at most 3 bytes for each UTF-16 code unit. */
const MAX_UTF8_BYTES_PER_UNIT = 3;

/**
 * What an in-process answer was made with, when it still holds it: under `serve()`,
 * @hono/node-server replaces the global `Response` with a lightweight one that keeps its
 * `[status, body, headers]` until something reads it as a stream. The sandbox's answers
 * (`c.json(…)`) are such, with a string body; reading that string as a stream would build a
 * native Response, a ReadableStream and a copy per call, the largest cost the gateway added to
 * an in-process call. The held value is read only when it has exactly that shape (and the
 * answer's status agrees); anything else is `undefined` and is read as a stream.
 */
export function heldBody(response: Response): string | Uint8Array | undefined {
  for (const symbol of Object.getOwnPropertySymbols(response)) {
    if (symbol.description !== 'cache') continue;
    const held: unknown = (response as unknown as Record<symbol, unknown>)[symbol];
    if (!Array.isArray(held) || held.length !== 3 || held[0] !== response.status) return undefined;
    const body: unknown = held[1];
    return typeof body === 'string' || body instanceof Uint8Array ? body : undefined;
  }
  return undefined;
}

/**
 * A provider's answer, whole, up to the limit: the string or bytes an in-process answer holds
 * when it holds them (see `heldBody`), else its stream read.
 */
export async function readAnswer(
  response: Response,
  limit = UPSTREAM_RESPONSE_LIMIT,
): Promise<string | Uint8Array> {
  const held = heldBody(response);
  if (held === undefined) return readResponseLimited(response, limit);
  const bytes =
    typeof held === 'string'
      ? held.length * MAX_UTF8_BYTES_PER_UNIT <= limit
        ? 0
        : Buffer.byteLength(held, 'utf8')
      : held.byteLength;
  if (bytes > limit) {
    throw new ResponseTooLargeError(`The provider's answer is larger than ${limit} bytes.`);
  }
  return held;
}
