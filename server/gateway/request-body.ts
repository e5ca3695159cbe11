import {
  assertJsonWithinLimits,
  BodyTooLargeError,
  JsonLimitError,
  readBodyLimited,
  type JsonLimits,
} from '../http/bounded-body';
import type { Refusal } from './refusal';

export const UPSTREAM_BODY_LIMIT = 12 * 1024 * 1024;
/**
 * JSON bodies the gateway passes on: deeper or wider than any console call needs, far below what
 * would hurt a parser (Clerk caps metadata at 8 KB, which nests a few hundred levels at most).
 */
export const UPSTREAM_JSON_LIMITS: JsonLimits = { maxDepth: 64, maxKeys: 10_000 };

const TOO_LARGE: Refusal = {
  status: 413,
  code: 'body_too_large',
  message: 'The request body is larger than the gateway accepts (12 MB).',
};

/** A declared Content-Length over the limit: refused before authorization reads anything. */
export function declaredTooLarge(request: Request): Refusal | null {
  const declared = request.headers.get('content-length');
  return declared !== null &&
    /^\d+$/.test(declared.trim()) &&
    Number(declared) > UPSTREAM_BODY_LIMIT
    ? TOO_LARGE
    : null;
}

/**
 * Step 3, the body: read while counting bytes (chunked bodies too), stopped with 413 at the
 * limit; a JSON body nested or keyed beyond `UPSTREAM_JSON_LIMITS` is refused with 400. Only
 * after the call is authorized, so a refused call never buffers anything.
 */
export async function readUpstreamBody(
  request: Request,
): Promise<
  | { readonly ok: true; readonly body: Uint8Array | undefined }
  | { readonly ok: false; readonly refusal: Refusal }
> {
  if (request.method === 'GET' || request.method === 'HEAD') return { ok: true, body: undefined };
  let body: Uint8Array;
  try {
    body = await readBodyLimited(request, UPSTREAM_BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { ok: false, refusal: TOO_LARGE };
    throw error;
  }
  if (body.byteLength === 0) return { ok: true, body: undefined };
  if (/json/i.test(request.headers.get('content-type') ?? '')) {
    try {
      assertJsonWithinLimits(new TextDecoder().decode(body), UPSTREAM_JSON_LIMITS);
    } catch (error) {
      if (!(error instanceof JsonLimitError)) throw error;
      return {
        ok: false,
        refusal: {
          status: 400,
          code: 'json_too_complex',
          message: `The JSON body is refused: ${error.message} (the gateway accepts ${UPSTREAM_JSON_LIMITS.maxDepth} levels and ${UPSTREAM_JSON_LIMITS.maxKeys} keys).`,
        },
      };
    }
  }
  return { ok: true, body };
}
