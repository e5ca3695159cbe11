import type { Context, Env, MiddlewareHandler } from 'hono';
import {
  assertJsonWithinLimits,
  BodyTooLargeError,
  JsonLimitError,
  readBodyLimited,
  type JsonLimits,
} from './bounded-body';

export interface BodyLimits {
  readonly maxBytes: number;
  /** Checked on bodies sent as JSON, before any route parses them. */
  readonly json: JsonLimits;
  readonly tooLarge: (c: Context) => Response;
  /** Paths that read their own body with their own limits. */
  readonly skip?: (path: string) => boolean;
  readonly tooComplex: (c: Context, error: JsonLimitError) => Response;
}

/**
 * Reads a request body within limits before the route does: bytes counted as they arrive
 * (chunked bodies included), stopped at `maxBytes`; JSON nested or keyed beyond the limits is
 * refused. The route then reads the (small) buffered copy as usual.
 */
export function limitBody<E extends Env = Env>(limits: BodyLimits): MiddlewareHandler<E> {
  return async (c, next) => {
    // The method and path first: `raw.body` builds the whole WHATWG Request behind
    // @hono/node-server's lightweight one (a signal, a stream), which a GET or a gateway call
    // (it reads its own body) never needs.
    if (
      c.req.method === 'GET' ||
      c.req.method === 'HEAD' ||
      limits.skip?.(new URL(c.req.url).pathname) ||
      c.req.raw.body === null
    ) {
      await next();
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readBodyLimited(c.req.raw, limits.maxBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return limits.tooLarge(c);
      throw error;
    }
    if (/json/i.test(c.req.header('content-type') ?? '')) {
      try {
        assertJsonWithinLimits(new TextDecoder().decode(bytes), limits.json);
      } catch (error) {
        if (error instanceof JsonLimitError) return limits.tooComplex(c, error);
        throw error;
      }
    }
    c.req.raw = new Request(c.req.raw, { body: bytes as Uint8Array<ArrayBuffer> });
    await next();
    return;
  };
}
